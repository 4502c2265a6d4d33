/** Validators of the waterfall results (`getCriticalPath`, `searchSpans`). */
import type { CriticalPathView, SpanSearchResult } from '../../src/core/protocol';

// PLACEHOLDER: replaced by the waterfall work with field-by-field checks.
export function validateCriticalPath(v: unknown): CriticalPathView | string {
  return typeof v === 'object' && v !== null ? (v as CriticalPathView) : 'critical path is not an object';
}
export function validateSearchResult(v: unknown): SpanSearchResult | string {
  return typeof v === 'object' && v !== null ? (v as SpanSearchResult) : 'search result is not an object';
}
