import { compileAllow, compileExtraRules } from './redactionSettings';
import type { RedactionOptions } from './redactTraces';
import { BUILTIN_RULES } from './rules/index';
import { Scanner } from './scanText';

/** A rule that still matches the final bytes. `index` is where the segment holding it starts (decoded views) or the match itself (raw text). */
export interface Leak {
  readonly type: string;
  readonly index: number;
}

/** A JSON string literal, or a run of anything else. */
const SEGMENT = /"(?:[^"\\\n]|\\.)*"|[^"\n]+|["\n]/g;
const ID_FIELD = /^"(?:traceId|spanId|parentSpanId)"$/;
const MAX_DEPTH = 3;

/**
 * The second pass: runs every rule over the final text (an OTLP JSON file, a Markdown report,
 * an HTML page) before it is written; any result blocks the export. It shares the rules with
 * `redactTraces` but not the walk: it reads bytes, not the trace model, so a text the walk
 * missed (a field it does not visit, an encoding it did not undo) is still seen. Each JSON
 * string literal is scanned as written and JSON-decoded (repeatedly, for JSON held in
 * strings), and text with `%xx` escapes also percent-decoded. Hex ids in `traceId`/`spanId`/
 * `parentSpanId` fields are skipped: sixteen hex digits can pass for a card number.
 *
 * Pass the same options as to `redactTraces`, with the result's `keptValues` added to `allow`
 * when the user kept occurrences in the preview.
 */
export function findLeaks(text: string, options: RedactionOptions = {}): Leak[] {
  // Allowed values as they appear in JSON text too (escaped once, or twice for JSON in a string).
  const allowed = (options.allow ?? []).flatMap((v) =>
    /^\/.+\/[a-z]*$/s.test(v) ? [v] : [v, JSON.stringify(v).slice(1, -1), JSON.stringify(JSON.stringify(v)).slice(1, -1)],
  );
  const allow = compileAllow([...new Set(allowed)]).allow;
  const scanner = new Scanner([...BUILTIN_RULES, ...compileExtraRules(options.extraPatterns ?? []).rules], allow);
  const leaks: Leak[] = [];
  scanSegments(text, 0, scanner, leaks, 0);
  // Lines of free text (Markdown, HTML) can hold a secret that straddles a quote.
  if (!/^\s*[[{]/.test(text))
    for (const m of text.matchAll(/[^\n]+/g)) {
      if (!m[0].includes('"') || !scanner.mayMatch(m[0])) continue;
      for (const f of scanner.scan(m[0])) if (!leaks.some((l) => l.index === m.index + f.start)) leaks.push({ type: f.type, index: m.index + f.start });
    }
  return leaks.sort((a, b) => a.index - b.index);
}

function scanSegments(text: string, base: number, scanner: Scanner, leaks: Leak[], depth: number): void {
  let previous = '';
  for (const m of text.matchAll(SEGMENT)) {
    const seg = m[0];
    const at = base + m.index;
    const isString = seg.length >= 2 && seg[0] === '"' && seg[seg.length - 1] === '"';
    if (isString && /^[0-9a-fA-F]*"$/.test(seg.slice(1)) && ID_FIELD.test(previous)) {
      previous = seg;
      continue;
    }
    if (isString) previous = seg;
    else if (seg.trim() !== '' && seg.trim() !== ':') previous = '';
    const found = scanner.scan(seg);
    for (const f of found) leaks.push({ type: f.type, index: at + f.start });
    // Decoding can only reveal more when it changes more than quotes (as in the redactor's fast path).
    if (found.length === 0 && isString && depth < MAX_DEPTH && seg.includes('\\') && (!onlyQuoteEscapes(seg) || seg.includes('PRIVATE KEY'))) {
      const decoded = decodeJsonString(seg);
      if (decoded !== undefined) {
        const inner = scanner.scan(decoded);
        for (const f of inner) leaks.push({ type: f.type, index: at });
        // JSON held in the string: its own strings may need decoding once more.
        if (inner.length === 0 && /^\s*[[{]/.test(decoded)) scanSegments(decoded, at, scanner, leaks, depth + 1);
      }
    }
    if (found.length === 0 && seg.includes('%')) for (const f of scanner.scan(percentDecode(seg))) leaks.push({ type: f.type, index: at });
  }
}

/** Backslashes only in `\"` and `\\\"` (quotes escaped once or twice): decoding would only unescape quotes. */
function onlyQuoteEscapes(literal: string): boolean {
  return !literal.replace(/\\\\\\"|\\"/g, '').includes('\\');
}

function decodeJsonString(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/** `%xx` sequences decoded one by one (never throws on a stray `%`). */
function percentDecode(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
