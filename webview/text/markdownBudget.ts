/**
 * The budget a message's markdown gets BEFORE `marked` sees it. marked's lexer is fast on
 * ordinary text but not on hostile text a trace may carry:
 * - emphasis delimiters are quadratic per inline run (`"_*a".repeat(5000)` takes seconds);
 * - nested containers recurse once per level (6,000 `>` or `> - ` overflow the call stack).
 * So, before lexing:
 * 1. only the first `MARKDOWN_CHARS` characters (cut at a line end when one is near) are
 *    markdown unless the reader asks for all of it; the rest is plain text;
 * 2. a line nested deeper than `MAX_DEPTH` containers ends the markdown part there;
 * then, while lexing (`lexWithBudget`), each inline run is charged the square of its emphasis
 * delimiters (`*`, `_`, `~`) and a run that would overdraw the budget is kept as plain text
 * instead of being inline-lexed. Every figure here bounds time, not output: the text is never
 * dropped, only shown as its source. Pure (no DOM), so the bench and tests run it in node.
 */
import { Lexer, type Token } from 'marked';

/** Characters rendered as markdown by default; the reader can ask for the whole message. */
export const MARKDOWN_CHARS = 16_000;
/** Containers (`>`, list markers, two columns of indentation before one) a line may open. */
export const MAX_DEPTH = 20;
/**
 * Σ over inline runs of (emphasis delimiters in the run)². marked spends about 0.1 µs per unit
 * in the worst arrangement measured (`_*a…`), so the default bounds emphasis to ~20 ms; the
 * on-demand whole message gets five times that.
 */
export const EMPHASIS_BUDGET = 200_000;
const FULL_EMPHASIS_BUDGET = 1_000_000;

export interface MarkdownPlan {
  /** The prefix to lex as markdown; `markdown + plain` is the whole source. */
  readonly markdown: string;
  readonly plain: string;
  /** Set when `plain` is not empty: the first limit that cut the markdown. */
  readonly cut?: 'length' | 'depth';
}

/** Where the markdown part of `src` ends, by length and nesting depth (see the file comment). */
export function planMarkdown(src: string, full = false): MarkdownPlan {
  const limit = full ? src.length : MARKDOWN_CHARS;
  let pos = 0;
  while (pos < src.length) {
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl;
    // Depth first: a line the length limit cuts still has its lexed head checked.
    if (lineDepth(src, pos, Math.min(end, limit)) > MAX_DEPTH) return split(src, pos, 'depth');
    if (end > limit) return split(src, pos >= limit / 2 ? pos : hardCut(src, limit), 'length');
    pos = end + 1;
  }
  return { markdown: src, plain: '' };
}

function split(src: string, at: number, cut: 'length' | 'depth'): MarkdownPlan {
  return { markdown: src.slice(0, at), plain: src.slice(at), cut };
}

/** `limit`, moved back one when it would split a surrogate pair. */
function hardCut(src: string, limit: number): number {
  const c = src.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

const SPACE = 0x20;
const TAB = 0x09;

/**
 * The containers the line [start, end) opens: each `>` and each list marker (`-`, `*`, `+`,
 * `1.`, `1)` followed by a blank or the line end) in its leading run, plus half the indentation
 * before the first one (a nested list item needs at least two columns per level). A line with no
 * marker opens nothing, however indented (code). Over-counting only makes text plain sooner.
 */
export function lineDepth(src: string, start: number, end: number): number {
  let i = start;
  let depth = 0;
  let indent = 0;
  while (i < end) {
    const c = src.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      if (depth === 0) indent += c === TAB ? 4 : 1;
      i++;
    } else if (c === 0x3e /* > */) {
      depth++;
      i++;
    } else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && isBlank(src, i + 1, end)) {
      depth++;
      i++;
    } else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && src.charCodeAt(j) >= 0x30 && src.charCodeAt(j) <= 0x39) j++;
      const d = src.charCodeAt(j);
      if (j >= end || (d !== 0x2e && d !== 0x29) /* . ) */ || !isBlank(src, j + 1, end)) break;
      depth++;
      i = j + 1;
    } else break;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

const isBlank = (src: string, i: number, end: number): boolean => i >= end || src.charCodeAt(i) === SPACE || src.charCodeAt(i) === TAB;

/** The emphasis delimiters (`*`, `_`, `~`) in `s`. */
export function emphasisDelimiters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2a || c === 0x5f || c === 0x7e) n++;
  }
  return n;
}

export interface LexResult {
  readonly tokens: readonly Token[];
  /** Inline runs kept as plain text because the emphasis budget was spent. */
  readonly plainRuns: number;
}

/**
 * `new Lexer({ gfm: true }).lex(src)`, except that each queued inline run is charged its
 * delimiters² first and, when the budget cannot pay, becomes one `text` token of its source.
 * This repeats `Lexer.lex` (marked 18: normalise line breaks, `blockTokens`, then each
 * `inlineQueue` entry through `inlineTokens`) with the check in between.
 */
export function lexWithBudget(src: string, full = false): LexResult {
  const lexer = new Lexer({ gfm: true });
  const tokens = lexer.blockTokens(src.replace(/\r\n|\r/g, '\n'), lexer.tokens);
  let left = full ? FULL_EMPHASIS_BUDGET : EMPHASIS_BUDGET;
  let plainRuns = 0;
  for (const run of lexer.inlineQueue) {
    const d = emphasisDelimiters(run.src);
    if (d * d > left) {
      plainRuns++;
      run.tokens.push({ type: 'text', raw: run.src, text: run.src } satisfies Token);
      continue;
    }
    left -= d * d;
    lexer.state.inRawBlock = false;
    lexer.inlineTokens(run.src, run.tokens);
  }
  lexer.inlineQueue = [];
  return { tokens, plainRuns };
}
