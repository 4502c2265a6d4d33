/** Result shapes of the waterfall's requests (`getCriticalPath`, `searchSpans`), and the parser of `searchSpans`' filter. */
import { CATEGORY_CODES } from './shapes';
import { fail, isRecord, ok, type Checked } from './validate/kit';

/** Parallel to `TraceStructure` (one entry per span, tree pre-order). */
export interface CriticalPathView {
  /** 1 when the span has a critical section (it bounds end-to-end latency). */
  readonly onPath: Uint8Array;
  /** Self time: duration minus the union of its children's clipped intervals, ms. */
  readonly selfMs: Float64Array;
  /** Critical time of each span, ms (sum of its critical sections). */
  readonly criticalMs: Float64Array;
  /** Critical sections, latest first: span index, start and end in ms from the trace start (`OffsetMs`; typed columns cannot carry the brand). */
  readonly sectionSpan: Int32Array;
  readonly sectionStartMs: Float64Array;
  readonly sectionEndMs: Float64Array;
}

export const SPAN_STATUS_FILTERS = ['any', 'error', 'ok', 'unset'] as const;
export type SpanStatusFilter = (typeof SPAN_STATUS_FILTERS)[number];

/**
 * A waterfall search/filter. All given parts must match:
 * - `text`: case-insensitive substring of the span name, service, tool name or model ('' = any);
 * - `category`: a `CategoryName` or 'any';
 * - `status`;
 * - `attribute`: a span attribute with this key exists (and, when `value` is given, its text
 *   contains `value`, case-insensitive).
 */
export interface SpanFilter {
  readonly text: string;
  readonly category: string;
  readonly status: SpanStatusFilter;
  readonly attribute?: { readonly key: string; readonly value?: string };
}

export const MAX_FILTER_TEXT = 500;

export interface SpanSearchResult {
  /** Matching span indices, ascending. */
  readonly matches: Int32Array;
}

/** Validates the filter of a `searchSpans` request (host side); unknown keys are rejected. */
export function parseSpanFilter(f: unknown): Checked<SpanFilter> {
  if (!isRecord(f)) return fail('filter must be an object');
  const keys = Object.keys(f);
  if (keys.some((k) => k !== 'text' && k !== 'category' && k !== 'status' && k !== 'attribute')) return fail(`filter: unexpected keys ${keys.join(',')}`);
  if (typeof f.text !== 'string' || f.text.length > MAX_FILTER_TEXT) return fail(`filter.text must be a string of at most ${MAX_FILTER_TEXT} characters`);
  if (f.category !== 'any' && !(CATEGORY_CODES as readonly unknown[]).includes(f.category)) return fail('filter.category must be "any" or a category name');
  if (!(SPAN_STATUS_FILTERS as readonly unknown[]).includes(f.status)) return fail(`filter.status must be one of ${SPAN_STATUS_FILTERS.join(', ')}`);
  const base = { text: f.text, category: f.category as string, status: f.status as SpanFilter['status'] };
  if (f.attribute === undefined) return ok(base);
  const a = f.attribute;
  if (!isRecord(a) || typeof a.key !== 'string' || a.key === '' || a.key.length > MAX_FILTER_TEXT)
    return fail('filter.attribute.key must be a non-empty string');
  if (Object.keys(a).some((k) => k !== 'key' && k !== 'value')) return fail('filter.attribute: unexpected keys');
  if (a.value !== undefined && (typeof a.value !== 'string' || a.value.length > MAX_FILTER_TEXT)) return fail('filter.attribute.value must be a string');
  return ok({ ...base, attribute: a.value === undefined ? { key: a.key } : { key: a.key, value: a.value } });
}
