/**
 * Trace text made inert for Markdown that goes into an issue tracker (GitHub, GitLab): report.md
 * must not let a tool name or a model's answer add links, images, HTML, mentions or headings to
 * the issue. Three forms, each for one place:
 * - `mdText`: inline prose (a finding's message): every ASCII punctuation character that
 *   Markdown gives meaning to is backslash-escaped, lines are joined, and the tracker's own
 *   autolinks are broken with a zero-width space (U+200B in `https://`, `www.`, `@user`, `#123`), since
 *   they are applied after escapes are resolved;
 * - `mdCode`: a one-line code span, delimited by a backtick run longer than any inside;
 * - `mdFence`: a fenced block, its fence longer than any backtick run inside, so the text cannot
 *   close it. Inside code nothing is interpreted (no links, no HTML, no mentions).
 * Control, bidi and zero-width characters of the text are shown as markers first (visibleText).
 */
import { clipText } from '../view/clip';
import { blockText, inlineText } from '../text/visibleText';

const ZWSP = '\u200b';
/** ASCII punctuation that starts Markdown or HTML syntax (each may be backslash-escaped in CommonMark). */
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&@]/g;

/** Inline prose from trace text, escaped; one line, at most `limit` characters of the source. */
export function mdText(text: string, limit = 400): string {
  const flat = inlineText(text, limit).replace(/\s+/g, ' ').trim();
  return breakAutolinks(flat.replace(MD_SPECIAL, (c) => `\\${c}`));
}

/** A code span of one line of trace text (at most `limit` characters), never empty. */
export function mdCode(text: string, limit = 200): string {
  const flat = inlineText(text, limit).replace(/\s+/g, ' ').trim();
  if (flat === '') return '`(empty)`';
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  // A space on each side (stripped by the renderer) keeps a leading or trailing backtick from joining the delimiter.
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * A fenced block of trace text, clipped to `limit` characters with a note when it was longer.
 * Lines starting with the fence characters cannot close it: the fence is longer than any
 * backtick run in the text. `info` is ours (a language name), never trace text.
 */
export function mdFence(text: string, limit = 2000, info = 'text'): string {
  const clipped = text.length > limit ? clipText(text, limit) : text;
  const body = blockText(clipped).replace(/\r\n?/g, '\n');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const more = text.length > limit ? `\n\n_(clipped: ${text.length - clipped.length} more characters in the trace file)_` : '';
  return `${fence}${info}\n${body}\n${fence}${more}`;
}

function longestRun(s: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of s) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** Zero-width spaces where trackers would autolink or mention (`://`, `www.`, `@name`, `#123`). */
function breakAutolinks(s: string): string {
  return s
    .replace(/:\/\//g, `:/${ZWSP}/`)
    .replace(/www\\\./gi, (m) => `${m.slice(0, 3)}${ZWSP}${m.slice(3)}`)
    .replace(/\\@/g, `\\@${ZWSP}`)
    .replace(/\\#(?=\d)/g, `\\#${ZWSP}`);
}
