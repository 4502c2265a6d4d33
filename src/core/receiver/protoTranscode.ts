import { checkLooksLikeOtlp } from '../import/otlpProto';
import { decodeKeyValues, MAX_VALUE_DEPTH } from '../import/otlpProtoValues';
import { ProtoReader, formatOffset, tagOf } from '../import/protoReader';
import { ImportError } from '../model/diagnostics';
import { JsonBytes } from './jsonBytes';
import { RejectedSpan, type TraceGroups } from './traceGroups';

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

const LEN = 2;
const T_RESOURCE_SPANS = tagOf(1, LEN);
const T_RESOURCE = tagOf(1, LEN);
const T_SCOPE_SPANS = tagOf(2, LEN);
const T_SCHEMA_URL = tagOf(3, LEN);
const T_LIBRARY_SPANS = tagOf(1000, LEN);
const T_KV = tagOf(1, LEN); // Resource.attributes, KeyValueList.values, ArrayValue.values
const T_RESOURCE_DROPPED = tagOf(2, 0);
const T_SCOPE = tagOf(1, LEN);
const T_SPAN = tagOf(2, LEN);
const T_SCOPE_NAME = tagOf(1, LEN);
const T_SCOPE_VERSION = tagOf(2, LEN);
const T_SCOPE_ATTR = tagOf(3, LEN);
const T_SCOPE_DROPPED = tagOf(4, 0);
// Span
const T_TRACE_ID = tagOf(1, LEN);
const T_SPAN_ID = tagOf(2, LEN);
const T_TRACE_STATE = tagOf(3, LEN);
const T_PARENT_ID = tagOf(4, LEN);
const T_NAME = tagOf(5, LEN);
const T_KIND = tagOf(6, 0);
const T_START = tagOf(7, 1);
const T_END = tagOf(8, 1);
const T_SPAN_ATTR = tagOf(9, LEN);
const T_DROPPED_ATTRS = tagOf(10, 0);
const T_EVENT = tagOf(11, LEN);
const T_DROPPED_EVENTS = tagOf(12, 0);
const T_LINK = tagOf(13, LEN);
const T_DROPPED_LINKS = tagOf(14, 0);
const T_STATUS = tagOf(15, LEN);
const T_FLAGS = tagOf(16, 5);
// Event
const T_EVENT_TIME = tagOf(1, 1);
const T_EVENT_NAME = tagOf(2, LEN);
const T_EVENT_ATTR = tagOf(3, LEN);
const T_EVENT_DROPPED = tagOf(4, 0);
// Link
const T_LINK_TRACE_ID = tagOf(1, LEN);
const T_LINK_SPAN_ID = tagOf(2, LEN);
const T_LINK_TRACE_STATE = tagOf(3, LEN);
const T_LINK_ATTR = tagOf(4, LEN);
const T_LINK_DROPPED = tagOf(5, 0);
const T_LINK_FLAGS = tagOf(6, 5);
// Status
const T_STATUS_MESSAGE = tagOf(2, LEN);
const T_STATUS_CODE = tagOf(3, 0);
// KeyValue / AnyValue
const T_KV_KEY = tagOf(1, LEN);
const T_KV_VALUE = tagOf(2, LEN);
const T_STRING = tagOf(1, LEN);
const T_BOOL = tagOf(2, 0);
const T_INT = tagOf(3, 0);
const T_DOUBLE = tagOf(4, 1);
const T_ARRAY = tagOf(5, LEN);
const T_KVLIST = tagOf(6, LEN);
const T_BYTES = tagOf(7, LEN);

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

/** Where each decoded span goes. */
export interface ProtoSpanFacts {
  traceIdStart: number;
  traceIdEnd: number;
  hasParent: boolean;
  nameStart: number;
  nameEnd: number;
  spanIdStart: number;
  spanIdEnd: number;
  startNs: bigint | undefined;
  endNs: bigint | undefined;
  /** Status code as the importer reads it: outside 0–2 is 0. */
  statusCode: number;
  badKind: boolean;
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
    w.ascii('"schemaUrl":');
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
  const flat = decodeKeyValues(buf, s, e, T_KV);
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
    w.ascii('"schemaUrl":');
    w.string(r.buf, schemaStart, schemaEnd);
    w.byte(0x2c);
  }
  const block: ProtoBlock = { id: res.counter.block++, resourceId: res.resourceId, resourcePrefix: res.resourcePrefix, scopePrefix: w.toBytes(), serviceName: res.serviceName };
  w.release(4096);
  const facts: ProtoSpanFacts = { traceIdStart: 0, traceIdEnd: 0, hasParent: false, nameStart: 0, nameEnd: 0, spanIdStart: 0, spanIdEnd: 0, startNs: undefined, endNs: undefined, statusCode: 0, badKind: false };
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

function writeResource(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  w.ascii('"resource":{"attributes":[');
  let dropped = 0;
  let first = true;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_KV) {
      const vs = r.delimited(e);
      const ve = r.pos;
      if (!first) w.byte(0x2c);
      first = false;
      writeKeyValue(r, vs, ve, w, 0);
      r.pos = ve;
    } else if (tag === T_RESOURCE_DROPPED) dropped = r.varint32(e);
    else r.skip(tag & 7, e);
  }
  w.byte(0x5d);
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  w.byte(0x7d);
}

function writeScope(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  let nameS = -1;
  let nameE = -1;
  let verS = -1;
  let verE = -1;
  let dropped = 0;
  let attrs = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE_NAME) {
      nameS = r.delimited(e);
      nameE = r.pos;
    } else if (tag === T_SCOPE_VERSION) {
      verS = r.delimited(e);
      verE = r.pos;
    } else if (tag === T_SCOPE_DROPPED) dropped = r.varint32(e);
    else {
      if (tag === T_SCOPE_ATTR) attrs++;
      r.skip(tag & 7, e);
    }
  }
  w.ascii('"scope":{"name":');
  if (nameS >= 0) w.string(r.buf, nameS, nameE);
  else w.ascii('""');
  if (verS >= 0 && verE > verS) {
    w.ascii(',"version":');
    w.string(r.buf, verS, verE);
  }
  if (attrs) {
    w.ascii(',"attributes":');
    writeKeyValueList(r, s, e, T_SCOPE_ATTR, w, 0);
  }
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  w.byte(0x7d);
}

// Reused per span: positions of the repeated fields, so they can be written as JSON arrays.
const attrRanges: number[] = [];
const eventRanges: number[] = [];
const linkRanges: number[] = [];

/** One Span message → its JSON object in `w`, and the facts the store's summary needs. Throws ImportError. */
function writeSpan(r: ProtoReader, s: number, e: number, w: JsonBytes, f: ProtoSpanFacts): void {
  const buf = r.buf;
  let traceId = -1, traceIdE = -1, spanId = -1, spanIdE = -1, parent = -1, parentE = -1, state = -1, stateE = -1, name = -1, nameE = -1;
  let statusS = -1, statusE = -1;
  let kind: number | undefined;
  let start = 0n;
  let endNs = 0n;
  let flags: number | undefined;
  let droppedAttrs = 0, droppedEvents = 0, droppedLinks = 0;
  f.badKind = false;
  attrRanges.length = 0;
  eventRanges.length = 0;
  linkRanges.length = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_TRACE_ID: traceId = r.delimited(e); traceIdE = r.pos; break;
      case T_SPAN_ID: spanId = r.delimited(e); spanIdE = r.pos; break;
      case T_PARENT_ID: parent = r.delimited(e); parentE = r.pos; break;
      case T_TRACE_STATE: state = r.delimited(e); stateE = r.pos; break;
      case T_NAME: name = r.delimited(e); nameE = r.pos; break;
      case T_KIND: {
        // As the importer: a kind outside 0–5 is ignored (an earlier valid one stays) and noted.
        const k = r.varint32(e) | 0;
        if (k >= 0 && k <= 5) kind = k;
        else f.badKind = true;
        break;
      }
      case T_START: start = r.fixed64(e); break;
      case T_END: endNs = r.fixed64(e); break;
      case T_SPAN_ATTR: attrRanges.push(r.delimited(e), r.pos); break;
      case T_EVENT: eventRanges.push(r.delimited(e), r.pos); break;
      case T_LINK: linkRanges.push(r.delimited(e), r.pos); break;
      case T_STATUS: statusS = r.delimited(e); statusE = r.pos; break;
      case T_FLAGS: flags = r.fixed32(e); break;
      case T_DROPPED_ATTRS: droppedAttrs = r.varint32(e); break;
      case T_DROPPED_EVENTS: droppedEvents = r.varint32(e); break;
      case T_DROPPED_LINKS: droppedLinks = r.varint32(e); break;
      default: r.skip(tag & 7, e);
    }
  }
  // Only this function uses the range arrays (spans do not nest), so no copies are needed.
  const attrs = attrRanges;
  const events = eventRanges;
  const links = linkRanges;

  w.byte(0x7b);
  w.ascii('"traceId":');
  if (traceId >= 0) w.hex(buf, traceId, traceIdE);
  else w.ascii('""');
  w.ascii(',"spanId":');
  if (spanId >= 0) w.hex(buf, spanId, spanIdE);
  else w.ascii('""');
  if (parent >= 0 && parentE > parent) {
    w.ascii(',"parentSpanId":');
    w.hex(buf, parent, parentE);
  }
  if (state >= 0 && stateE > state) {
    w.ascii(',"traceState":');
    w.string(buf, state, stateE);
  }
  if (flags !== undefined) w.ascii(`,"flags":${flags}`);
  w.ascii(',"name":');
  if (name >= 0) w.string(buf, name, nameE);
  else w.ascii('""');
  w.ascii(`,"kind":${kind ?? 0}`);
  if (start !== 0n) w.ascii(`,"startTimeUnixNano":"${start}"`);
  if (endNs !== 0n) w.ascii(`,"endTimeUnixNano":"${endNs}"`);
  if (attrs.length) {
    w.ascii(',"attributes":[');
    for (let i = 0; i < attrs.length; i += 2) {
      if (i) w.byte(0x2c);
      writeKeyValue(r, attrs[i], attrs[i + 1], w, 0);
    }
    w.byte(0x5d);
  }
  if (droppedAttrs) w.ascii(`,"droppedAttributesCount":${droppedAttrs}`);
  if (events.length) {
    w.ascii(',"events":[');
    for (let i = 0; i < events.length; i += 2) {
      if (i) w.byte(0x2c);
      writeEvent(r, events[i], events[i + 1], w);
    }
    w.byte(0x5d);
  }
  if (droppedEvents) w.ascii(`,"droppedEventsCount":${droppedEvents}`);
  if (links.length) {
    w.ascii(',"links":[');
    for (let i = 0; i < links.length; i += 2) {
      if (i) w.byte(0x2c);
      writeLink(r, links[i], links[i + 1], w);
    }
    w.byte(0x5d);
  }
  if (droppedLinks) w.ascii(`,"droppedLinksCount":${droppedLinks}`);
  let statusCode = 0;
  if (statusS >= 0) statusCode = writeStatus(r, statusS, statusE, w);
  w.byte(0x7d);

  f.traceIdStart = traceId;
  f.traceIdEnd = traceIdE;
  f.spanIdStart = spanId;
  f.spanIdEnd = spanIdE;
  f.hasParent = parent >= 0 && parentE > parent;
  f.nameStart = name;
  f.nameEnd = nameE;
  f.startNs = start === 0n ? undefined : start;
  f.endNs = endNs === 0n ? undefined : endNs;
  f.statusCode = statusCode >= 0 && statusCode <= 2 ? statusCode : 0;
}

function writeEvent(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  let time = 0n;
  let name = -1, nameE = -1, dropped = 0, attrs = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_EVENT_TIME) time = r.fixed64(e);
    else if (tag === T_EVENT_NAME) {
      name = r.delimited(e);
      nameE = r.pos;
    } else if (tag === T_EVENT_DROPPED) dropped = r.varint32(e);
    else {
      if (tag === T_EVENT_ATTR) attrs++;
      r.skip(tag & 7, e);
    }
  }
  w.ascii(`{"timeUnixNano":"${time}","name":`);
  if (name >= 0) w.string(r.buf, name, nameE);
  else w.ascii('""');
  if (attrs) {
    w.ascii(',"attributes":');
    writeKeyValueList(r, s, e, T_EVENT_ATTR, w, 0);
  }
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  w.byte(0x7d);
}

function writeLink(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  let tid = -1, tidE = -1, sid = -1, sidE = -1, state = -1, stateE = -1, dropped = 0, attrs = 0;
  let flags: number | undefined;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_LINK_TRACE_ID) {
      tid = r.delimited(e);
      tidE = r.pos;
    } else if (tag === T_LINK_SPAN_ID) {
      sid = r.delimited(e);
      sidE = r.pos;
    } else if (tag === T_LINK_TRACE_STATE) {
      state = r.delimited(e);
      stateE = r.pos;
    } else if (tag === T_LINK_DROPPED) dropped = r.varint32(e);
    else if (tag === T_LINK_FLAGS) flags = r.fixed32(e);
    else {
      if (tag === T_LINK_ATTR) attrs++;
      r.skip(tag & 7, e);
    }
  }
  w.ascii('{"traceId":');
  if (tid >= 0) w.hex(r.buf, tid, tidE);
  else w.ascii('""');
  w.ascii(',"spanId":');
  if (sid >= 0) w.hex(r.buf, sid, sidE);
  else w.ascii('""');
  if (state >= 0 && stateE > state) {
    w.ascii(',"traceState":');
    w.string(r.buf, state, stateE);
  }
  if (attrs) {
    w.ascii(',"attributes":');
    writeKeyValueList(r, s, e, T_LINK_ATTR, w, 0);
  }
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  if (flags !== undefined) w.ascii(`,"flags":${flags}`);
  w.byte(0x7d);
}

/** Writes `"status":{…}` after a comma and returns the code as read. */
function writeStatus(r: ProtoReader, s: number, e: number, w: JsonBytes): number {
  let code = 0;
  let msg = -1, msgE = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_STATUS_CODE) code = r.varint32(e) | 0;
    else if (tag === T_STATUS_MESSAGE) {
      msg = r.delimited(e);
      msgE = r.pos;
    } else r.skip(tag & 7, e);
  }
  w.ascii(`,"status":{"code":${code}`);
  if (msg >= 0 && msgE > msg) {
    w.ascii(',"message":');
    w.string(r.buf, msg, msgE);
  }
  w.byte(0x7d);
  return code;
}

/** The `tag` fields of `[s, e)` as a JSON array of KeyValues. */
function writeKeyValueList(r: ProtoReader, s: number, e: number, tag: number, w: JsonBytes, depth: number): void {
  w.byte(0x5b);
  let first = true;
  r.pos = s;
  while (r.pos < e) {
    const t = r.tag(e);
    if (t !== tag) {
      r.skip(t & 7, e);
      continue;
    }
    const vs = r.delimited(e);
    const ve = r.pos;
    if (!first) w.byte(0x2c);
    first = false;
    writeKeyValue(r, vs, ve, w, depth);
    r.pos = ve;
  }
  w.byte(0x5d);
}

/** `{"key":…,"value":…}`. A missing key is "" and a missing value `{}`; every value field is checked, the last one is written. */
function writeKeyValue(r: ProtoReader, s: number, e: number, w: JsonBytes, depth: number): void {
  let key = -1, keyE = -1, val = -1, valE = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_KV_KEY) {
      key = r.delimited(e);
      keyE = r.pos;
    } else if (tag === T_KV_VALUE) {
      const vs = r.delimited(e);
      const ve = r.pos;
      if (val >= 0) {
        // An earlier value field: the importer decodes (and so checks) it too.
        const mark = w.len;
        writeAnyValue(r, val, valE, w, depth + 1);
        w.len = mark;
      }
      val = vs;
      valE = ve;
      r.pos = ve;
    } else r.skip(tag & 7, e);
  }
  w.ascii('{"key":');
  if (key >= 0) w.string(r.buf, key, keyE);
  else w.ascii('""');
  w.ascii(',"value":');
  if (val >= 0) writeAnyValue(r, val, valE, w, depth + 1);
  else w.ascii('{}');
  w.byte(0x7d);
}

function writeAnyValue(r: ProtoReader, s: number, e: number, w: JsonBytes, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw r.corrupt(`an attribute value at byte ${formatOffset(s)} is nested more than ${MAX_VALUE_DEPTH} levels deep`, s);
  w.byte(0x7b);
  const open = w.len; // the oneof's last field wins: each one found rewrites from here
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_STRING: {
        const vs = r.delimited(e);
        w.len = open;
        w.ascii('"stringValue":');
        w.string(r.buf, vs, r.pos);
        break;
      }
      case T_BOOL:
        w.len = open;
        w.ascii(r.varint32(e) !== 0 ? '"boolValue":true' : '"boolValue":false');
        break;
      case T_INT:
        w.len = open;
        w.ascii(`"intValue":"${r.int64(e)}"`);
        break;
      case T_DOUBLE: {
        const v = r.double(e);
        w.len = open;
        w.ascii(`"doubleValue":${Number.isFinite(v) ? (Object.is(v, -0) ? '"-0"' : String(v)) : `"${v}"`}`);
        break;
      }
      case T_BYTES: {
        const vs = r.delimited(e);
        w.len = open;
        w.ascii('"bytesValue":');
        w.base64(r.buf, vs, r.pos);
        break;
      }
      case T_ARRAY: {
        const vs = r.delimited(e);
        const ve = r.pos;
        w.len = open;
        w.ascii('"arrayValue":{"values":[');
        let first = true;
        r.pos = vs;
        while (r.pos < ve) {
          const t = r.tag(ve);
          if (t !== T_KV) {
            r.skip(t & 7, ve);
            continue;
          }
          const is = r.delimited(ve);
          const ie = r.pos;
          if (!first) w.byte(0x2c);
          first = false;
          writeAnyValue(r, is, ie, w, depth + 1);
          r.pos = ie;
        }
        w.ascii(']}');
        r.pos = ve;
        break;
      }
      case T_KVLIST: {
        const vs = r.delimited(e);
        const ve = r.pos;
        w.len = open;
        w.ascii('"kvlistValue":{"values":');
        writeKeyValueList(r, vs, ve, T_KV, w, depth);
        w.byte(0x7d);
        r.pos = ve;
        break;
      }
      default:
        r.skip(tag & 7, e);
    }
  }
  w.byte(0x7d);
}
