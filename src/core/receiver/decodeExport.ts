import { encodeTracesData, toJsonLine } from '../export/otlpJsonEncode';
import { decodeOtlpProtoInto } from '../import/otlpProto';
import { otlpJsonImporter } from '../import/otlpJson';
import { readJson } from '../import/json/readJson';
import { isObject } from '../import/importer';
import { ImportError } from '../model/diagnostics';
import { StatusCode, type RawSpan } from '../model/span';
import type { UnixNanos } from '../model/time';
import type { OtlpEncoding } from './otlpHttp';
import { RawSpanCollector } from './rawSpanCollector';

/**
 * One OTLP/HTTP export request → the lines to append to the store, one per trace.
 *
 * Spans are kept as the sender wrote them (ids, times, attributes), re-encoded as OTLP/JSON
 * `TracesData`; nothing is repaired here. Repairs and their diagnostics happen when the stored
 * file is opened, as for any other file, so a span that arrived without an end time still
 * says so in the UI.
 *
 * Rejected (counted in `partial_success.rejected_spans`):
 * - records the decoder could not read as spans (malformed bytes inside one span, a span that
 *   is not a JSON object);
 * - spans without a usable trace id (missing, all zeros, not 8 or 16 bytes of hex): the store
 *   files traces by id, and such a span belongs to no trace we could name.
 *
 * Malformed requests (not protobuf / not JSON, truncated, no OTLP structure) throw
 * `ImportError`, which the server turns into 400 with the message.
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
  /** One `TracesData` as JSON, without the newline. */
  readonly line: string;
  readonly summary: TraceBatchSummary;
}

export interface DecodedExport {
  readonly batches: TraceBatch[];
  readonly acceptedSpans: number;
  readonly rejectedSpans: number;
  /** For `partial_success.error_message`: why spans were rejected, or a warning; '' if none. */
  readonly message: string;
}

const MAX_REASONS = 5;

export function decodeExportRequest(body: Uint8Array, encoding: OtlpEncoding): DecodedExport {
  const collector = new RawSpanCollector();
  const warnings: string[] = [];
  if (encoding === 'protobuf') {
    // An empty body is a valid, empty ExportTraceServiceRequest.
    if (body.length) decodeOtlpProtoInto(body, collector);
  } else {
    readJsonRequest(body, collector, warnings);
  }
  return groupByTrace(collector, warnings);
}

function readJsonRequest(body: Uint8Array, collector: RawSpanCollector, warnings: string[]): void {
  if (body.length === 0) throw new ImportError('the request body is empty (expected an OTLP JSON ExportTraceServiceRequest)');
  const input = readJson(body);
  const read = (root: unknown, where: string) => {
    if (!isObject(root)) throw new ImportError(`not an OTLP JSON ExportTraceServiceRequest: ${where}the top level is ${Array.isArray(root) ? 'an array' : root === null ? 'null' : `a ${typeof root}`}, not an object`);
    if (otlpJsonImporter.sniff(root)) {
      otlpJsonImporter.read(root, collector, where);
      return;
    }
    // Unknown fields must be ignored (proto3 JSON), so this is an empty request, but the
    // sender most likely meant something else: say so in the response.
    const keys = Object.keys(root);
    if (keys.length) warnings.push(`${where}no resourceSpans in the request; ignored the fields ${keys.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}`);
  };
  if (input.kind === 'document') read(input.value, '');
  else for (const line of input.lines()) {
    if (line.error !== undefined) collector.addUnreadable(`line ${line.line}`, line.error);
    else read(line.value, `line ${line.line}: `);
  }
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const ZEROS = /^0+$/;

/** The store key for a span's trace id, or the reason there is none. */
function traceKey(id: string | undefined): string | { error: string } {
  if (id === undefined || id === '') return { error: 'no trace id' };
  const lower = id.toLowerCase();
  if (HEX32.test(lower)) return ZEROS.test(lower) ? { error: 'trace id is all zeros' } : lower;
  if (HEX16.test(lower)) return ZEROS.test(lower) ? { error: 'trace id is all zeros' } : lower.padStart(32, '0');
  return { error: `trace id "${id.length > 40 ? id.slice(0, 40) + '…' : id}" is not 16 bytes of hex` };
}

function groupByTrace(c: RawSpanCollector, warnings: string[]): DecodedExport {
  const groups = new Map<string, { spans: RawSpan[]; summary: TraceBatchSummary }>();
  const reasons: string[] = c.unreadableRecords.slice(0, MAX_REASONS);
  let rejected = c.unreadableRecords.length;
  for (const s of c.spans) {
    const key = traceKey(s.traceId);
    if (typeof key !== 'string') {
      rejected++;
      if (reasons.length < MAX_REASONS) reasons.push(s.source ? `${s.source}: ${key.error}` : key.error);
      continue;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { spans: [], summary: { spanCount: 0, errorCount: 0 } }));
    g.spans.push(s);
    addToSummary(g.summary, s);
  }
  const batches: TraceBatch[] = [];
  let accepted = 0;
  for (const [traceId, g] of groups) {
    accepted += g.spans.length;
    batches.push({ traceId, line: toJsonLine(encodeTracesData(g.spans)), summary: g.summary });
  }
  let message = '';
  if (rejected) message = `${rejected} span${rejected === 1 ? '' : 's'} rejected: ${reasons.join('; ')}${rejected > reasons.length ? '; …' : ''}`;
  const extra = [...warnings, ...c.notes];
  if (extra.length) message = [message, ...extra].filter(Boolean).join('; ');
  return { batches, acceptedSpans: accepted, rejectedSpans: rejected, message };
}

function addToSummary(sum: TraceBatchSummary, s: RawSpan): void {
  sum.spanCount++;
  if (s.startNs !== undefined && (sum.startNs === undefined || s.startNs < sum.startNs)) sum.startNs = s.startNs;
  const end = s.endNs ?? s.startNs;
  if (end !== undefined && (sum.endNs === undefined || end > sum.endNs)) sum.endNs = end;
  const status = s.status?.code ?? StatusCode.Unset;
  if (status === StatusCode.Error) sum.errorCount++;
  if (sum.serviceName === undefined && s.resource?.serviceName) sum.serviceName = s.resource.serviceName;
  if (!s.parentSpanId) {
    const r = sum.root;
    if (!r || (s.startNs !== undefined && (r.startNs === undefined || s.startNs < r.startNs))) {
      sum.root = { name: s.name ?? '', spanId: s.spanId ?? '', startNs: s.startNs, status };
    }
  }
}
