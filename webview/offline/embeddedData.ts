/**
 * Reads what trace.html carries (src/offlineViewer/offlineViewerHtml.ts): the trace as OTLP JSON
 * text and the viewer options, each in a `<script type="application/json">` element (ids in
 * src/core/protocol/offlineViewer.ts). The text is read with `textContent`, never parsed as
 * markup; the options are validated like any other untrusted input.
 */
import { OFFLINE_TRACE_DATA_ID, OFFLINE_VIEWER_OPTIONS_ID, parseOfflineViewerOptions, type OfflineViewerOptions } from '../../src/core/protocol/offlineViewer';
import { fail, ok, type Checked } from '../../src/core/protocol/validate/kit';

export interface EmbeddedTrace {
  /** The trace file's bytes (UTF-8 OTLP JSON), for `importTrace`. */
  readonly bytes: Uint8Array;
  readonly options: OfflineViewerOptions;
}

export function readEmbeddedTrace(doc: Document): Checked<EmbeddedTrace> {
  const data = doc.getElementById(OFFLINE_TRACE_DATA_ID);
  const optionsEl = doc.getElementById(OFFLINE_VIEWER_OPTIONS_ID);
  if (!data || !optionsEl) return fail('this page carries no trace (its data elements are missing)');
  let raw: unknown;
  try {
    raw = JSON.parse(optionsEl.textContent ?? '');
  } catch {
    return fail('the viewer options of this page are not JSON');
  }
  const options = parseOfflineViewerOptions(raw);
  if (!options.ok) return options;
  return ok({ bytes: new TextEncoder().encode(data.textContent ?? ''), options: options.value });
}
