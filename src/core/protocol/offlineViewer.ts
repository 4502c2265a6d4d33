/**
 * The contract between the page the host writes (src/offlineViewer/offlineViewerHtml.ts,
 * `trace.html` of a bug report) and the viewer script inside it (webview/offline/): the ids of
 * the two `<script type="application/json">` elements and what the options element holds.
 * The viewer parses the options like any other untrusted input: the file may have been edited.
 */
import { fail, isRecord, ok, type Checked } from './validate/kit';

/** The element holding the trace as OTLP JSON text. */
export const OFFLINE_TRACE_DATA_ID = 'agent-trace-data';
/** The element holding `OfflineViewerOptions` as JSON. */
export const OFFLINE_VIEWER_OPTIONS_ID = 'agent-trace-options';

export interface OfflineViewerOptions {
  /** Shown as the trace's file name in the header (e.g. 'trace.otlp.json'). */
  readonly fileName: string;
  /** What to show first: the trace with this id, its span with this id (lowercase hex); absent = the first. */
  readonly select: { readonly traceId?: string; readonly spanId?: string };
}

const MAX_FILE_NAME = 200;
const HEX_ID = /^[0-9a-f]{1,32}$/;

export function parseOfflineViewerOptions(raw: unknown): Checked<OfflineViewerOptions> {
  if (!isRecord(raw)) return fail('options: not an object');
  const { fileName, select } = raw;
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > MAX_FILE_NAME)
    return fail(`options.fileName: a name of 1-${MAX_FILE_NAME} characters expected`);
  if (select !== undefined && !isRecord(select)) return fail('options.select: not an object');
  const traceId = select?.traceId;
  const spanId = select?.spanId;
  if (traceId !== undefined && (typeof traceId !== 'string' || !HEX_ID.test(traceId))) return fail('options.select.traceId: a lowercase hex id expected');
  if (spanId !== undefined && (typeof spanId !== 'string' || !HEX_ID.test(spanId))) return fail('options.select.spanId: a lowercase hex id expected');
  return ok({ fileName, select: { ...(traceId !== undefined && { traceId }), ...(spanId !== undefined && { spanId }) } });
}
