import type { StatusCode } from '../model/span';
import type { UnixNanos } from '../model/time';
import { decodeJsonRequest } from './jsonRequest';
import type { OtlpEncoding } from './otlpHttp';
import { transcodeOtlpProto } from './protoTranscode';
import { TraceGroups } from './traceGroups';

/**
 * One OTLP/HTTP export request → the lines to append to the store, one per trace: OTLP JSON
 * `TracesData` (the collector file-exporter format), which importTrace and "Open Trace File…"
 * read like any other file.
 *
 * Spans are kept as the sender wrote them; nothing is repaired here. Repairs and their
 * diagnostics happen when the stored file is opened, so a span that arrived without an end
 * time still says so in the UI. Protobuf is transcoded byte to byte (protoTranscode.ts), JSON
 * is regrouped as parsed (jsonRequest.ts): both read what the importers read.
 *
 * Rejected (counted in `partial_success.rejected_spans`, reasons in its message):
 * - records the decoder cannot read as spans (malformed bytes inside one span, a span that is
 *   not a JSON object);
 * - spans without a usable trace id (missing, all zeros, not 8 or 16 bytes of hex): the store
 *   files traces by id, and such a span belongs to no trace it could name.
 * Malformed requests (not protobuf / not JSON, truncated, broken above the span level) throw
 * `ImportError`, which the server answers with 400 and the message.
 */

/** Cheap figures about a trace's spans in one request; the store merges them into its index. */
export interface TraceBatchSummary {
  spanCount: number;
  /** Earliest start / latest end over the spans that have them. */
  startNs?: UnixNanos;
  endNs?: UnixNanos;
  /** The earliest span of the batch that has no parent, if any. */
  root?: { name: string; spanId: string; startNs?: UnixNanos; status: StatusCode };
  errorCount: number;
  serviceName?: string;
}

export interface TraceBatch {
  /** 32 lower-case hex digits (a 64-bit id is left-padded, as the TraceBuilder does). */
  readonly traceId: string;
  /** One `TracesData` as UTF-8 JSON on one line, without the newline. */
  readonly line: Uint8Array;
  readonly summary: TraceBatchSummary;
}

export interface DecodedExport {
  readonly batches: TraceBatch[];
  readonly acceptedSpans: number;
  readonly rejectedSpans: number;
  /** For `partial_success.error_message`: why spans were rejected, and warnings; '' if none. */
  readonly message: string;
}

export function decodeExportRequest(body: Uint8Array, encoding: OtlpEncoding): DecodedExport {
  let r: { batches: TraceBatch[]; accepted: number; rejected: number; message: string };
  if (encoding === 'protobuf') {
    const groups = new TraceGroups();
    // An empty body is a valid, empty ExportTraceServiceRequest.
    if (body.length) transcodeOtlpProto(body, groups);
    r = groups.finish();
  } else {
    r = decodeJsonRequest(body);
  }
  return { batches: r.batches, acceptedSpans: r.accepted, rejectedSpans: r.rejected, message: r.message };
}
