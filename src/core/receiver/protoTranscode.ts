import { checkLooksLikeOtlp } from '../import/otlpProto';
import { decodeKeyValues } from '../import/otlpProtoValues';
import { ProtoReader } from '../import/protoReader';
import { ImportError } from '../model/diagnostics';
import { JsonBytes, jsonLiteral } from './jsonBytes';
import { writeResource, writeScope, writeSpan, type ProtoSpanFacts } from './protoJsonWriters';
import { RejectedSpan, type TraceGroups } from './traceGroups';
import { bothSpanListsNote, scanResourceSpans, scanScopeSpans, spanListOf } from '../import/otlpProtoFields';
import { T_RESOURCE_ATTR, T_RESOURCE_SPANS, T_SPAN } from '../import/otlpWireTags';

export type { ProtoSpanFacts } from './protoJsonWriters';

/**
 * OTLP protobuf `ExportTraceServiceRequest` → OTLP JSON `TracesData` lines, one per trace,
 * straight from bytes to bytes (see jsonBytes.ts for why).
 *
 * It reads what `readOtlpProto` (import/otlpProto.ts) reads and fails where it fails, so a
 * stored request imports exactly as the request itself would (the equivalence test in
 * test/unit/receiver/protoTranscode.test.ts checks this on real and mutated requests):
 * - the same field dispatch: each message's fields are located by the scanners the importer
 *   uses (import/otlpProtoFields.ts), then written from their byte ranges; only KeyValue and
 *   AnyValue have their own walk (protoValueJson.ts), last field winning in the oneof;
 * - malformed structure above the span level throws `ImportError`; a span whose own bytes
 *   are malformed is rejected (counted) and the rest goes on; a resource or scope that cannot
 *   be read is left out, with a note;
 * - zero start/end times (proto3 "unset") are left out, as the importer reads them as unset;
 * - the deprecated `instrumentation_library_spans` (1000) is read only when `scope_spans` is absent.
 * Output is spec OTLP JSON: hex ids, integer enums, int64 as decimal strings, base64 bytes;
 * dropped-counts and schema URLs are kept.
 */

const J_SCHEMA_URL = jsonLiteral('"schemaUrl":');

/** One ResourceSpans/ScopeSpans pair as JSON fragments, shared by the traces whose spans it holds. */
export interface ProtoBlock {
  /** Increases with every ScopeSpans read; groups compare it to know when to open a new block. */
  readonly id: number;
  readonly resourceId: number;
  /** `"resource":{…},"schemaUrl":"…",` (may be empty). */
  readonly resourcePrefix: Uint8Array;
  /** `"scope":{…},"schemaUrl":"…",` (may be empty). */
  readonly scopePrefix: Uint8Array;
  readonly serviceName?: string;
}

const prefixScratch = new JsonBytes(4096);

/** Transcodes `body` into `groups`. Throws `ImportError` for a request that is not OTLP protobuf. */
export function transcodeOtlpProto(body: Uint8Array, groups: TraceGroups): void {
  checkLooksLikeOtlp(body);
  const r = new ProtoReader(body);
  const end = body.length;
  let ri = 0;
  const counter = { block: 0 };
  for (let s = r.next(T_RESOURCE_SPANS, end); s >= 0; s = r.next(T_RESOURCE_SPANS, end)) {
    const e = r.pos;
    readResourceSpans(r, s, e, groups, `resourceSpans[${ri}]`, ri++, counter);
    r.pos = e;
  }
}

function readResourceSpans(r: ProtoReader, s: number, e: number, groups: TraceGroups, where: string, resourceId: number, counter: { block: number }): void {
  const head = scanResourceSpans(r, s, e);
  const w = prefixScratch;
  w.reset();
  let serviceName: string | undefined;
  if (head.resource >= 0) {
    try {
      writeResource(r, head.resource, head.resourceEnd, w);
      w.byte(0x2c);
      serviceName = serviceNameOf(r.buf, head.resource, head.resourceEnd);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      w.reset();
      groups.note(`${where}.resource could not be read (${err.message}); its spans are stored without resource attributes`);
    }
  }
  writeSchemaUrl(r.buf, head.schema, head.schemaEnd, w);
  const resourcePrefix = w.toBytes();
  w.release(4096);
  const note = bothSpanListsNote(head, where);
  if (note) groups.note(note);
  const { tag, label } = spanListOf(head);
  r.pos = s;
  let si = 0;
  for (let ss = r.next(tag, e); ss >= 0; ss = r.next(tag, e)) {
    const se = r.pos;
    readScopeSpans(r, ss, se, groups, { resourceId, resourcePrefix, serviceName, counter }, where + label + si++ + ']');
    r.pos = se;
  }
}

/** `"schemaUrl":"…",` when the range is not empty. */
function writeSchemaUrl(buf: Uint8Array, s: number, e: number, w: JsonBytes): void {
  if (e <= s) return;
  w.lit(J_SCHEMA_URL);
  w.string(buf, s, e);
  w.byte(0x2c);
}

function serviceNameOf(buf: Uint8Array, s: number, e: number): string | undefined {
  const flat = decodeKeyValues(buf, s, e, T_RESOURCE_ATTR);
  for (let i = flat.length - 2; i >= 0; i -= 2) if (flat[i] === 'service.name') return typeof flat[i + 1] === 'string' ? (flat[i + 1] as string) : undefined;
  return undefined;
}

function readScopeSpans(
  r: ProtoReader,
  s: number,
  e: number,
  groups: TraceGroups,
  res: { resourceId: number; resourcePrefix: Uint8Array; serviceName: string | undefined; counter: { block: number } },
  where: string,
): void {
  const head = scanScopeSpans(r, s, e);
  const w = prefixScratch;
  w.reset();
  if (head.scope >= 0) {
    try {
      writeScope(new ProtoReader(r.buf), head.scope, head.scopeEnd, w);
      w.byte(0x2c);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      w.reset();
      groups.note(`${where}.scope could not be read (${err.message}); its spans are stored without scope`);
    }
  }
  writeSchemaUrl(r.buf, head.schema, head.schemaEnd, w);
  const block: ProtoBlock = {
    id: res.counter.block++,
    resourceId: res.resourceId,
    resourcePrefix: res.resourcePrefix,
    scopePrefix: w.toBytes(),
    serviceName: res.serviceName,
  };
  w.release(4096);
  const facts: ProtoSpanFacts = {
    traceIdStart: 0,
    traceIdEnd: 0,
    hasParent: false,
    nameStart: 0,
    nameEnd: 0,
    spanIdStart: 0,
    spanIdEnd: 0,
    startNs: undefined,
    endNs: undefined,
    statusCode: 0,
    badKind: false,
  };
  const prefix = where + '.spans[';
  let pi = 0;
  r.pos = s;
  for (let ps = r.next(T_SPAN, e); ps >= 0; ps = r.next(T_SPAN, e)) {
    const pe = r.pos;
    const index = pi++;
    const w = groups.spanWriter;
    const start = groups.beginSpan();
    try {
      writeSpan(r, ps, pe, w, facts);
      groups.addProtoSpan(block, facts, r.buf, start);
    } catch (err) {
      w.len = start - 1;
      if (!(err instanceof ImportError) && !(err instanceof RejectedSpan)) throw err;
      groups.reject(`${prefix}${index}]: ${err.message}`);
    }
    r.pos = pe;
  }
}
