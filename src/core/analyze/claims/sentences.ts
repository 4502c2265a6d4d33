/**
 * Sentence splitting for assistant text: on . ! ? followed by space and an upper-case letter,
 * digit or quote, on line breaks, and on list bullets. Keeps abbreviations like "e.g." and
 * decimals like "4.50" together, and drops fenced code blocks (code is not prose).
 */
export function splitSentences(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?(```|$)/g, '\n');
  const out: string[] = [];
  for (const rawLine of prose.split(/\n+/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    let start = 0;
    const re = /([.!?]+)["'”’)]?\s+(?=["'“‘(]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      const end = m.index + m[0].length;
      const piece = line.slice(start, end);
      if (/\b(e\.g|i\.e|etc|vs|mr|mrs|ms|dr|no|approx)\.\s*$/i.test(piece)) continue;
      push(out, piece);
      start = end;
    }
    push(out, line.slice(start));
  }
  return out;
}

function push(out: string[], s: string): void {
  const t = s.trim();
  if (t !== '') out.push(t);
}

/** True when the sentence is a list item ("- Sent the invite", "2. Wrote the file"). */
export function isListItem(sentence: string): boolean {
  return /^(?:[-*•✅✔]|\d+[.)])\s+/.test(sentence);
}

/** The sentence without a leading list bullet or markdown emphasis. */
export function stripBullet(sentence: string): string {
  return sentence.replace(/^(?:[-*•✅✔]|\d+[.)])\s+/, '').replace(/\*\*|__/g, '');
}
