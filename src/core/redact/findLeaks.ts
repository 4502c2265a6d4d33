import { compileAllow, compileExtraRules } from './redactionSettings';
import type { RedactionOptions } from './redactTraces';
import { BUILTIN_RULES } from './rules/index';
import { Scanner, type TextMatch } from './scanText';

/** A rule that still matches the final bytes. `index` is where the match starts, or where the JSON string holding it starts when it was found decoded. */
export interface Leak {
  readonly type: string;
  readonly index: number;
}

const MAX_DEPTH = 3;
const ID_FIELD = /"(?:traceId|spanId|parentSpanId)"\s*:\s*"$/;

/**
 * The second pass: runs every rule over the final text (an OTLP JSON file, a Markdown report,
 * an HTML page) before it is written; any result blocks the export. It shares the rules with
 * `redactTraces` but not the walk: it reads the bytes, not the trace model, so a text the walk
 * missed (a field it does not visit, an encoding it did not undo) is still seen. The whole
 * text is scanned as written; then every JSON string literal whose escapes change more than
 * quotes (`\n`, `\uXXXX`, `\/`, JSON in JSON) is decoded and scanned again (recursively, for
 * JSON held in strings), and every one with `%xx` is percent-decoded and scanned. Hex ids in
 * `traceId`/`spanId`/`parentSpanId` fields are not card numbers, whatever their digits.
 *
 * Pass the same options as to `redactTraces`, with the result's `keptValues` added to `allow`
 * when the user kept occurrences in the preview.
 */
export function findLeaks(text: string, options: RedactionOptions = {}): Leak[] {
  // Allowed values as they may appear in the views scanned: escaped for JSON once or twice, and
  // unescaped (a value kept as found in JSON text, seen decoded).
  const allowed = (options.allow ?? []).flatMap((v) => (/^\/.+\/[a-z]*$/s.test(v) ? [v] : jsonForms(v)));
  const allow = compileAllow([...new Set(allowed)]).allow;
  const scanner = new Scanner([...BUILTIN_RULES, ...compileExtraRules(options.extraPatterns ?? []).rules], allow);
  const leaks: Leak[] = [];
  scanText(text, 0, scanner, leaks, 0);
  return leaks.sort((a, b) => a.index - b.index);
}

function scanText(text: string, base: number, scanner: Scanner, leaks: Leak[], depth: number): void {
  const raw = scanner.scan(text).filter((m) => !inIdField(text, m));
  for (const m of raw) leaks.push({ type: m.type, index: base + m.start });
  if (depth >= MAX_DEPTH || (!text.includes('\\') && !text.includes('%'))) return;
  forEachStringLiteral(text, (from, to, escaped, percent) => {
    if (raw.some((m) => m.start < to && from < m.end)) return; // already reported
    const literal = text.slice(from, to);
    if (escaped) {
      const decoded = decodeJsonString(literal);
      if (decoded !== undefined) {
        const before = leaks.length;
        scanText(decoded, base + from, scanner, leaks, depth + 1);
        for (let i = before; i < leaks.length; i++) leaks[i] = { type: leaks[i].type, index: base + from };
        if (leaks.length > before) return;
      }
    }
    if (percent) for (const m of scanner.scan(percentDecode(literal))) leaks.push({ type: m.type, index: base + from });
  });
}

/** A match that is exactly the hex value of a `traceId`/`spanId`/`parentSpanId` field. */
function inIdField(text: string, m: TextMatch): boolean {
  return /^[0-9a-f]+$/i.test(m.value) && text[m.end] === '"' && ID_FIELD.test(text.slice(Math.max(0, m.start - 24), m.start));
}

/**
 * Calls `visit` with each `"…"` literal's range, whether its escapes change more than quotes
 * (`\"` and `\\\"`, quotes escaped once or twice, decode to what rules already treat as a
 * boundary) and whether it holds a `%`. A plain loop: no match objects for the million
 * literals of a large trace.
 */
function forEachStringLiteral(text: string, visit: (from: number, to: number, escaped: boolean, percent: boolean) => void): void {
  for (let i = text.indexOf('"'); i !== -1;) {
    let j = i + 1;
    let escaped = false;
    let percent = false;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c === 0x25) percent = true;
      else if (c === 0x5c) {
        const n = text.charCodeAt(j + 1);
        if (n === 0x5c && text.charCodeAt(j + 2) === 0x5c && text.charCodeAt(j + 3) === 0x22) j += 3;
        else {
          if (n !== 0x22) escaped = true;
          j++;
        }
      }
    }
    if (j >= text.length) return;
    if (escaped || percent) visit(i, j + 1, escaped, percent);
    i = text.indexOf('"', j + 1);
  }
}

function jsonForms(v: string): string[] {
  const escaped = JSON.stringify(v).slice(1, -1);
  const unescaped = decodeJsonString(`"${v}"`);
  const twice = unescaped === undefined ? undefined : decodeJsonString(`"${unescaped}"`);
  return [v, escaped, JSON.stringify(escaped).slice(1, -1), ...(unescaped === undefined ? [] : [unescaped]), ...(twice === undefined ? [] : [twice])];
}

function decodeJsonString(literal: string): string | undefined {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `%xx` sequences decoded one by one (never throws on a stray `%`). */
function percentDecode(s: string): string {
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
