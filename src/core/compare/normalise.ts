import { canonicalJson } from '../analyze/graph/canonicalJson';

/**
 * Run-specific noise that must not make two runs of the same script differ: every value a
 * re-run draws afresh. Replaced by placeholders before comparing text, arguments and findings:
 *
 * - UUIDs and hex runs of 8+ characters (trace/span ids, hashes, request ids) → `<id>`
 * - provider call ids (`call_…`, `toolu_…`, `chatcmpl-…`, `msg_…`, `run_…`, `resp_…`) → `<id>`
 * - ISO-8601 timestamps (`2026-12-02T00:09:22.123Z`) → `<time>`
 * - epoch milliseconds / seconds (13 / 10 digit numbers) → `<time>`
 *
 * Everything else (words, small numbers, amounts, e-mail addresses) is kept as it is: a changed
 * amount in a tool argument is a real change.
 */
const NOISE: readonly (readonly [RegExp, string])[] = [
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>'],
  [/\b(?:call|toolu|chatcmpl|msg|run|resp|req)[_-][A-Za-z0-9_-]{4,}/g, '<id>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<id>'],
  [/\b\d{13}\b|\b1\d{9}\b/g, '<time>'],
];

/** Text with run-specific ids and times replaced and whitespace collapsed (see NOISE). */
export function normaliseText(text: string): string {
  let t = text;
  for (const [re, to] of NOISE) t = t.replace(re, to);
  return t.replace(/\s+/g, ' ').trim();
}

/** Canonical JSON of a value (keys sorted, JSON-in-strings parsed) with ids and times normalised in every string and number. */
export function normaliseValue(value: unknown): string {
  return normaliseText(canonicalJson(value));
}
