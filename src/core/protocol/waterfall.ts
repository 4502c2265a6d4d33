/** Result shapes of the waterfall's requests (`getCriticalPath`, `searchSpans`). */

/** Parallel to `TraceStructure` (one entry per span, tree pre-order). */
export interface CriticalPathView {
  /** 1 when the span has a critical section (it bounds end-to-end latency). */
  readonly onPath: Uint8Array;
  /** Self time: duration minus the union of its children's clipped intervals, ms. */
  readonly selfMs: Float64Array;
  /** Critical time of each span, ms (sum of its critical sections). */
  readonly criticalMs: Float64Array;
  /** Critical sections, latest first: span index, start and end in ms from the trace start. */
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
