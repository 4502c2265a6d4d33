import { checkLooksLikeOtlp } from '../import/otlpProto';
import { decodeKeyValues } from '../import/otlpProtoValues';
import { ProtoReader } from '../import/protoReader';
import { ImportError } from '../model/diagnostics';
import { JsonBytes, jsonLiteral } from './jsonBytes';
import { writeResource, writeScope, writeSpan, type ProtoSpanFacts } from './protoJsonWriters';
import { RejectedSpan, type TraceGroups } from './traceGroups';
import { T_LIBRARY_SPANS, T_RESOURCE, T_RESOURCE_ATTR, T_RESOURCE_SPANS, T_SCHEMA_URL, T_SCOPE, T_SCOPE_SPANS, T_SPAN } from '../import/otlpWireTags';

export type { ProtoSpanFacts } from './protoJsonWriters';

/**
 * OTLP protobuf `ExportTraceServiceRequest` → OTLP JSON `TracesData` lines, one per trace,
 * straight from bytes to bytes (see jsonBytes.ts for why).
 *
 * It reads what `readOtlpProto` (import/otlpProto.ts) reads and fails where it fails, so a
 * stored request imports exactly as the request itself would (the equivalence test in
 * test/unit/receiver/protoTranscode.test.ts checks this on real and mutated requests):
 * - same field numbers and wire types (a known field with another wire type is skipped),
 *   last occurrence wins for singular fields and for AnyValue's oneof;
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
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === T_RESOURCE_SPANS) {
      const s = r.delimited(end);
      const e = r.pos;
      readResourceSpans(r, s, e, groups, `resourceSpans[${ri}]`, ri++, counter);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
}

function readResourceSpans(r: ProtoReader, s: number, e: number, groups: TraceGroups, where: string, resourceId: number, counter: { block: number }): void {
  let resStart = -1;
  let resEnd = -1;
  let schemaStart = -1;
  let schemaEnd = -1;
  let hasScopeSpans = false;
  let hasLibrarySpans = false;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_RESOURCE) {
      resStart = r.delimited(e);
      resEnd = r.pos;
    } else if (tag === T_SCHEMA_URL) {
      schemaStart = r.delimited(e);
      schemaEnd = r.pos;
    } else {
      if (tag === T_SCOPE_SPANS) hasScopeSpans = true;
      else if (tag === T_LIBRARY_SPANS) hasLibrarySpans = true;
      r.skip(tag & 7, e);
    }
  }
  const w = prefixScratch;
  w.reset();
  let serviceName: string | undefined;
  if (resStart >= 0) {
    try {
      writeResource(r, resStart, resEnd, w);
      w.byte(0x2c);
      serviceName = serviceNameOf(r.buf, resStart, resEnd);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      w.reset();
      groups.note(`${where}.resource could not be read (${err.message}); its spans are stored without resource attributes`);
    }
  }
  if (schemaStart >= 0 && schemaEnd > schemaStart) {
    w.lit(J_SCHEMA_URL);
    w.string(r.buf, schemaStart, schemaEnd);
    w.byte(0x2c);
  }
  const resourcePrefix = w.toBytes();
  w.release(4096);
  if (hasScopeSpans && hasLibrarySpans) {
    groups.note(`${where} has both scopeSpans and the deprecated instrumentationLibrarySpans; only scopeSpans were read, as the OpenTelemetry Collector does`);
  }
  const want = hasScopeSpans ? T_SCOPE_SPANS : T_LIBRARY_SPANS;
  const label = hasScopeSpans ? '.scopeSpans[' : '.instrumentationLibrarySpans[';
  r.pos = s;
  let si = 0;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === want) {
      const ss = r.delimited(e);
      const se = r.pos;
      readScopeSpans(r, ss, se, groups, { resourceId, resourcePrefix, serviceName, counter }, where + label + si++ + ']');
      r.pos = se;
    } else r.skip(tag & 7, e);
  }
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
  let scopeStart = -1;
  let scopeEnd = -1;
  let schemaStart = -1;
  let schemaEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE) {
      scopeStart = r.delimited(e);
      scopeEnd = r.pos;
    } else if (tag === T_SCHEMA_URL) {
      schemaStart = r.delimited(e);
      schemaEnd = r.pos;
    } else r.skip(tag & 7, e);
  }
  const w = prefixScratch;
  w.reset();
  if (scopeStart >= 0) {
    try {
      writeScope(new ProtoReader(r.buf), scopeStart, scopeEnd, w);
      w.byte(0x2c);
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      w.reset();
      groups.note(`${where}.scope could not be read (${err.message}); its spans are stored without scope`);
    }
  }
  if (schemaStart >= 0 && schemaEnd > schemaStart) {
    w.lit(J_SCHEMA_URL);
    w.string(r.buf, schemaStart, schemaEnd);
    w.byte(0x2c);
  }
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
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag !== T_SPAN) {
      r.skip(tag & 7, e);
      continue;
    }
    const ps = r.delimited(e);
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
