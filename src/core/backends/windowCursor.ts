/**
 * "Load more" for backends without paging (Jaeger, Zipkin): the next page is the same search
 * over the window that ends just before the oldest trace of this page. The cursor is that end
 * time in Unix ms, as text; a cursor that is not such a number is ignored.
 */
import type { SearchQuery, TraceSummary } from './types';

export function windowCursor(rows: readonly TraceSummary[]): string | undefined {
  if (!rows.length) return undefined;
  let oldest = Infinity;
  for (const r of rows) oldest = Math.min(oldest, r.startTime);
  return Number.isFinite(oldest) ? String(Math.floor(oldest) - 1) : undefined;
}

/** The window's end for `q`: its `toMs`, or earlier when a cursor says so. */
export function windowEnd(q: SearchQuery): number {
  const c = q.cursor !== undefined && /^\d{1,15}$/.test(q.cursor) ? Number(q.cursor) : undefined;
  return c !== undefined && c < q.toMs ? Math.max(c, q.fromMs) : q.toMs;
}
