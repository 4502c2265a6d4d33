/**
 * Reading one trace that a backend only hands out in cursor pages (Phoenix spans, Langfuse v2
 * observations): records are collected until the cursor runs out, the span cap is reached or
 * the byte budget is spent, checking cancellation between pages; then read in one go by the
 * format's importer (Langfuse rebuilds its tree from all observations at once).
 */
import type { JsonImporter } from '../import/importer';
import { TraceBuilder } from '../import/traceBuilder';
import type { TraceSet } from '../model/trace';
import { throwIfCancelled } from './cancel';
import type { HttpContext } from './http';
import { BackendError, type CancelSignal } from './types';

export interface PageRead {
  readonly records: readonly unknown[];
  /** Absent or empty on the last page. */
  readonly nextCursor?: string;
}

export interface PagedTrace {
  readonly records: unknown[];
  /** True when reading stopped at the span cap with pages left. */
  readonly morePages: boolean;
}

/** Upper bound on pages, so a server whose cursor never ends cannot keep us paging forever. */
const MAX_PAGES = 10_000;

export async function readPages(
  http: HttpContext,
  signal: CancelSignal,
  pageUrl: (cursor: string | undefined) => string,
  readPage: (body: unknown, url: string) => PageRead,
  limits: { maxSpans: number; maxBytes: number },
): Promise<PagedTrace> {
  const records: unknown[] = [];
  let cursor: string | undefined;
  let bytes = 0;
  const seen = new Set<string>();
  for (let n = 0; n < MAX_PAGES; n++) {
    throwIfCancelled(signal);
    const url = pageUrl(cursor);
    const res = await http.get(url, signal, Math.max(1, limits.maxBytes - bytes));
    http.expectOk(res, url, n === 0 ? 'the trace' : `page ${n + 1} of the trace`);
    bytes += res.body.length;
    const page = readPage(http.json(res, url), url);
    for (const r of page.records) records.push(r);
    if (!page.nextCursor) return { records, morePages: false };
    if (records.length >= limits.maxSpans) return { records, morePages: true };
    if (seen.has(page.nextCursor)) throw new BackendError('malformed', `${http.name} returned the same page cursor twice: paging stopped`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
  throw new BackendError('too-large', `${http.name} kept returning pages (over ${MAX_PAGES.toLocaleString('en-US')}): paging stopped`);
}

/** The collected records read by `importer` as one input. */
export function importRecords(importer: JsonImporter, root: unknown): TraceSet {
  const builder = new TraceBuilder();
  const label = importer.read(root, builder, '');
  return builder.build(importer.format, label || importer.label);
}
