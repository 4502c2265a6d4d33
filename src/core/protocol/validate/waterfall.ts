/**
 * Validators of the waterfall results (`getCriticalPath`, `searchSpans`). The view also checks
 * the per-span columns against the structure's span count before use.
 */
import { type CriticalPathView, type SpanSearchResult } from '../waterfall';
import { checkColumns, fail, isRecord, isTypedArrayOf, ok, type Checked } from './kit';

const PER_SPAN = { onPath: Uint8Array, selfMs: Float64Array, criticalMs: Float64Array } as const;
const PER_SECTION = { sectionSpan: Int32Array, sectionStartMs: Float64Array, sectionEndMs: Float64Array } as const;

/**
 * Column types; per-span columns of one length n, section columns of one length; `onPath` 0/1;
 * times finite and non-negative (`selfMs`, `criticalMs`); each section a span index in [0, n)
 * with start ≤ end.
 */
export function validateCriticalPath(v: unknown): Checked<CriticalPathView> {
  if (!isRecord(v)) return fail('critical path is not an object');
  const badColumn = checkColumns(v, { ...PER_SPAN, ...PER_SECTION }, 'criticalPath');
  if (badColumn) return fail(badColumn);
  const c = v as unknown as CriticalPathView;
  const n = c.onPath.length;
  if (c.selfMs.length !== n || c.criticalMs.length !== n) return fail(`criticalPath: selfMs/criticalMs lengths differ from onPath (${n})`);
  const m = c.sectionSpan.length;
  if (c.sectionStartMs.length !== m || c.sectionEndMs.length !== m) return fail(`criticalPath: section columns differ in length (${m})`);
  for (let i = 0; i < n; i++) {
    if (c.onPath[i] > 1) return fail(`criticalPath.onPath[${i}] must be 0 or 1`);
    if (!(c.selfMs[i] >= 0) || !Number.isFinite(c.selfMs[i])) return fail(`criticalPath.selfMs[${i}] must be a non-negative number`);
    if (!(c.criticalMs[i] >= 0) || !Number.isFinite(c.criticalMs[i])) return fail(`criticalPath.criticalMs[${i}] must be a non-negative number`);
  }
  for (let k = 0; k < m; k++) {
    const s = c.sectionSpan[k];
    if (s < 0 || s >= n) return fail(`criticalPath.sectionSpan[${k}] = ${s} is not a span index`);
    const a = c.sectionStartMs[k];
    const b = c.sectionEndMs[k];
    if (!Number.isFinite(a) || !Number.isFinite(b) || a > b) return fail(`criticalPath: section ${k} has a bad time range`);
  }
  return ok(c);
}

/** `matches` is an Int32Array of strictly ascending non-negative span indices. */
export function validateSearchResult(v: unknown): Checked<SpanSearchResult> {
  if (!isRecord(v)) return fail('search result is not an object');
  if (Object.keys(v).some((k) => k !== 'matches')) return fail('search result: unexpected keys');
  if (!isTypedArrayOf(v.matches, Int32Array)) return fail('search result.matches must be an Int32Array');
  const m = v.matches;
  for (let k = 0; k < m.length; k++) {
    if (m[k] < 0) return fail(`search result.matches[${k}] is negative`);
    if (k > 0 && m[k] <= m[k - 1]) return fail('search result.matches must be strictly ascending');
  }
  return ok(v as unknown as SpanSearchResult);
}
