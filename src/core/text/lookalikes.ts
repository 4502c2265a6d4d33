/**
 * Names that look like other names: a tool called `bооk_hotel` (with Cyrillic о) or
 * `get_weather\u200b` looks exactly like the real tool in every list. A trace is evidence, so
 * two tools that look the same but differ are worth a finding in their own right: the views
 * mark such names and the summary lists a diagnostic for each.
 */

/** Scripts told apart here: the ones whose letters are commonly confused with Latin. */
const SCRIPTS: readonly (readonly [name: string, test: RegExp])[] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * Why `name` may pass for another name, or undefined when it does not. Scripts are compared
 * within one word (a run of letters), so `search_поиск` (two words, two languages) is fine
 * while `bооk_hotel` (Cyrillic о inside a Latin word) is not.
 */
export function lookalikeReason(name: string): string | undefined {
  // Most names are ASCII: one Latin-only script and no zero-width characters. This keeps the
  // check cheap where it runs per rendered row (span tree, cards, graph labels).
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, controls included
  if (/^[\u0000-\u007f]*$/.test(name)) return undefined;
  if (ZERO_WIDTH.test(name)) return 'contains zero-width characters';
  for (const word of name.split(/[^\p{L}\p{M}]+/u)) {
    const seen: string[] = [];
    for (const ch of word) {
      const script = SCRIPTS.find(([, test]) => test.test(ch));
      if (script && !seen.includes(script[0])) seen.push(script[0]);
    }
    if (seen.length >= 2) return `mixes ${seen.slice(0, -1).join(', ')} and ${seen[seen.length - 1]} letters`;
  }
  return undefined;
}

/** The mark the views add after a look-alike name. */
export function lookalikeMark(name: string): string {
  return lookalikeReason(name) === undefined ? '' : ' ⚠ look-alike';
}
