import { rewriteJsonTokens } from './jsonText';
import type { RedactionOccurrence, RedactionOptions, RedactionPlace } from './redactTraces';
import { compileAllow, compileExtraRules } from './redactionSettings';
import { cardNumberValid } from './rules/checksums';
import { notPlaceholder, secretTypeForKey, secretValue } from './rules/credentials';
import { BUILTIN_RULES } from './rules/index';
import { isAllowed, Scanner, type AllowList, type TextMatch } from './scanText';

/** Where a text sits, before the JSON path inside it is known. */
export type TextPlace = Omit<RedactionPlace, 'jsonPath'>;

/** Words that make a key-named secret possible in a JSON text (its keys are checked by `secretTypeForKey`). */
const KEY_HINT = /key|secret|token|passw|pwd|credential|authoriz|cookie|ssn/i;
const AUTH_SCHEME = /^((?:bearer|basic|token|bot|digest|negotiate|apikey|key|sso-key)\s+)(.+)$/is;
const JSON_DEPTH = 4;
const SHORT_TEXT = 256;
const CLEAN_CACHE = 100_000;
const ESCAPE_BUT_QUOTE = /\\[^"]/;
const MARKER = /(\[REDACTED:[a-z0-9-]+#\d+\])/;
const QUERY_PARAM = /([?&;])([^=&#\s?]{1,64})=([^&#\s"'<>]*)/g;
const QUERY_PARAM_ENCODED = /[?&;][^=&#\s?]{1,64}=[^&#\s"'<>]*%[0-9A-Fa-f]{2}/;
const CONTEXT_CHARS = 32;

/**
 * The stateful half of redaction: one per `redactTraces` call. Holds the value → marker table
 * (so one value has one marker across the trace set), numbers markers per type in the order
 * met, and records every occurrence with a stable id (`<traceId>:<spanId>:<n>`, n counting
 * occurrences within that span in traversal order — independent of `keep`, so toggling one
 * occurrence never renumbers the others).
 */
export class Redactor {
  readonly occurrences: RedactionOccurrence[] = [];
  readonly #scanner: Scanner;
  readonly #allow: AllowList;
  readonly #keep: ReadonlySet<string>;
  readonly #markers = new Map<string, string>();
  readonly #perType = new Map<string, number>();
  readonly #perSpan = new Map<string, number>();
  readonly #counts = new Map<string, number>();
  readonly #kept = new Set<string>();
  readonly #clean = new Set<string>();

  constructor(options: RedactionOptions) {
    this.#allow = compileAllow(options.allow ?? []).allow;
    this.#scanner = new Scanner([...BUILTIN_RULES, ...compileExtraRules(options.extraPatterns ?? []).rules], this.#allow);
    this.#keep = options.keep ?? new Set();
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of [...this.#counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out[k] = v;
    return out;
  }

  keptValues(): string[] {
    return [...this.#kept];
  }

  /** Counts a replacement that is not an occurrence of a secret (dropped message bodies). */
  countDropped(type: string): void {
    this.#counts.set(type, (this.#counts.get(type) ?? 0) + 1);
  }

  /**
   * The redacted form of `value` found at `place`. `key` is the attribute or JSON key holding
   * it: under a key that names a secret (`password`, `x-api-key`…) the whole value is one.
   */
  text(value: string, place: TextPlace, key?: string, jsonPath?: string, depth = 0): string {
    if (value.length === 0) return value;
    // Short texts repeat across spans (keys, model and tool names, operation names): one that
    // held nothing under a key holds nothing the next time either.
    if (value.length > SHORT_TEXT) return this.#text(value, place, key, jsonPath, depth);
    const cacheKey = key === undefined ? value : `${key}\u0000${value}`;
    if (this.#clean.has(cacheKey)) return value;
    const before = this.occurrences.length;
    const out = this.#text(value, place, key, jsonPath, depth);
    if (this.occurrences.length === before && this.#clean.size < CLEAN_CACHE) this.#clean.add(cacheKey);
    return out;
  }

  #text(value: string, place: TextPlace, key: string | undefined, jsonPath: string | undefined, depth: number): string {
    if (depth < JSON_DEPTH && looksLikeJson(value)) {
      // Fast path: with no escapes but `\"`, every leaf is the raw text between quotes (which rules
      // treat as boundaries, like the backslash before an escaped one), so no match in the raw
      // text and no key-named field means no match in any leaf. Most JSON a trace holds (messages,
      // tool payloads, JSON in JSON) ends here. A PEM block is the exception (its end may be a quote).
      if (!ESCAPE_BUT_QUOTE.test(value) && !value.includes('PRIVATE KEY') && !KEY_HINT.test(value) && this.#scanner.scan(value).length === 0) return value;
      if (parses(value)) return this.#json(value, place, jsonPath ?? '', depth);
    }
    if (value.includes('%') && QUERY_PARAM_ENCODED.test(value)) value = this.#queryParams(value, place, jsonPath, depth);
    const matches = this.#scanner.scan(value);
    if (matches.length === 0 && key !== undefined) {
      const whole = this.#keyed(value, key);
      if (whole !== undefined) matches.push(whole);
    }
    return matches.length === 0 ? value : this.#replace(value, matches, place, jsonPath);
  }

  /** A number (attribute int, JSON number) that is a card number becomes a marker string. */
  number(digits: string, place: TextPlace, jsonPath?: string): string | undefined {
    if (digits.length < 13 || digits.length > 19 || !cardNumberValid(digits) || isAllowed(this.#allow, digits)) return undefined;
    const marker = this.#record({ start: 0, end: digits.length, type: 'card', value: digits }, digits, place, jsonPath);
    return marker.kept ? undefined : marker.marker;
  }

  #json(src: string, place: TextPlace, basePath: string, depth: number): string {
    return rewriteJsonTokens(src, {
      string: (s, key, path) => this.text(s, place, key, basePath + path, depth + 1),
      number: (token, _key, path) => {
        const m = /^\d{13,19}$/.test(token) ? this.number(token, place, basePath + path) : undefined;
        return m === undefined ? undefined : JSON.stringify(m);
      },
    });
  }

  /**
   * Percent-encoded query parameter values (`?email=alice%40x.org`, `redirect=https%3A%2F%2Fu%3Ap%40h`)
   * are decoded, redacted with the parameter name as key, and encoded again.
   */
  #queryParams(value: string, place: TextPlace, jsonPath: string | undefined, depth: number): string {
    return value.replace(QUERY_PARAM, (all, lead: string, name: string, v: string) => {
      if (!v.includes('%')) return all;
      const decoded = percentDecode(v);
      const out = this.text(decoded, place, name, jsonPath, depth + 1);
      // Markers stay readable (and the same as elsewhere, for correlation); the rest is encoded again.
      return out === decoded
        ? all
        : `${lead}${name}=${out
            .split(MARKER)
            .map((part, i) => (i % 2 === 1 ? part : encodeURIComponent(part)))
            .join('')}`;
    });
  }

  #keyed(value: string, key: string): TextMatch | undefined {
    const type = secretTypeForKey(key);
    if (type === undefined || value.length < 6 || value.length > 8192) return undefined;
    const auth = AUTH_SCHEME.exec(value);
    const start = auth === null ? 0 : auth[1].length;
    const secret = value.slice(start).trim();
    if (!secretValue(secret) || !notPlaceholder(secret) || isAllowed(this.#allow, secret)) return undefined;
    return { start, end: start + secret.length, type, value: secret };
  }

  #replace(text: string, matches: readonly TextMatch[], place: TextPlace, jsonPath: string | undefined): string {
    const masked: string[] = [];
    const out: string[] = [];
    let at = 0;
    const recorded = matches.map((m) => {
      masked.push(text.slice(at, m.start));
      out.push(text.slice(at, m.start));
      const r = this.#record(m, '', place, jsonPath);
      masked.push(r.marker);
      out.push(r.kept ? m.value : r.marker);
      at = m.end;
      return { r, maskedAt: masked.join('').length };
    });
    masked.push(text.slice(at));
    out.push(text.slice(at));
    const maskedText = masked.join('');
    for (const { r, maskedAt } of recorded) r.setContext(contextAround(maskedText, maskedAt - r.marker.length, maskedAt));
    return out.join('');
  }

  #record(m: TextMatch, context: string, place: TextPlace, jsonPath: string | undefined): { marker: string; kept: boolean; setContext: (c: string) => void } {
    let marker = this.#markers.get(m.value);
    if (marker === undefined) {
      const n = (this.#perType.get(m.type) ?? 0) + 1;
      this.#perType.set(m.type, n);
      marker = `[REDACTED:${m.type}#${n}]`;
      this.#markers.set(m.value, marker);
    }
    const spanKey = `${place.traceId}:${place.spanId}`;
    const seq = (this.#perSpan.get(spanKey) ?? 0) + 1;
    this.#perSpan.set(spanKey, seq);
    const id = `${spanKey}:${seq}`;
    const kept = this.#keep.has(id);
    if (kept) this.#kept.add(m.value);
    else this.#counts.set(m.type, (this.#counts.get(m.type) ?? 0) + 1);
    const occurrence = {
      id,
      type: m.type,
      marker,
      place: jsonPath === undefined || jsonPath === '' ? { ...place } : { ...place, jsonPath },
      context: context === '' ? marker : context,
      kept,
    };
    this.occurrences.push(occurrence);
    return { marker, kept, setContext: (c) => (occurrence.context = c) };
  }
}

/** `%xx` decoded byte-wise as UTF-8 where possible; never throws on a stray `%`. */
function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  }
}

function looksLikeJson(s: string): boolean {
  let i = 0;
  let j = s.length - 1;
  while (i < j && s.charCodeAt(i) <= 32) i++;
  while (j > i && s.charCodeAt(j) <= 32) j--;
  const a = s[i];
  const b = s[j];
  return (a === '{' && b === '}') || (a === '[' && b === ']');
}

function parses(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** Up to CONTEXT_CHARS characters either side of `[from, to)`, on one line, marked '…' where cut. */
function contextAround(masked: string, from: number, to: number): string {
  const a = Math.max(0, from - CONTEXT_CHARS);
  const b = Math.min(masked.length, to + CONTEXT_CHARS);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  return (a > 0 ? '…' : '') + oneLine(masked.slice(a, b)) + (b < masked.length ? '…' : '');
}
