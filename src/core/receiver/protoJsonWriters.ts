import { type ProtoReader } from '../import/protoReader';
import { type JsonBytes, jsonLiteral } from './jsonBytes';
import { writeKeyValue, writeKeyValueList } from './protoValueJson';
import { EventFields, LinkFields, SpanFields, scanEvent, scanLink, scanScope, scanSpan, scanStatus, type StatusFields } from '../import/otlpProtoFields';
import { T_EVENT_ATTR, T_LINK_ATTR, T_RESOURCE_ATTR, T_RESOURCE_DROPPED, T_SCOPE_ATTR } from '../import/otlpWireTags';

/**
 * The JSON writers of protoTranscode.ts: one OTLP protobuf message (Span and everything in it,
 * Resource, InstrumentationScope) → its OTLP JSON object, bytes to bytes. Each mirrors the
 * importer's reader of the same message (import/otlpProto.ts, import/otlpProtoValues.ts):
 * same tags, same defaults, last occurrence wins, same nesting limit, and every malformed
 * length throws `ImportError` from the ProtoReader.
 */

/** JSON fragments written for every span, as bytes (copying bytes beats reading a string). */
const J_NEXT_KIND = jsonLiteral(',"kind":');
const J_NEXT_FLAGS = jsonLiteral(',"flags":');
const J_NEXT_STATUS_CODE = jsonLiteral(',"status":{"code":');
const J_EMPTY_STRING = jsonLiteral('""');
const J_NEXT_ATTRIBUTES = jsonLiteral(',"attributes":');
const J_NEXT_ATTRIBUTES_LIST = jsonLiteral(',"attributes":[');
const J_NEXT_EVENTS_LIST = jsonLiteral(',"events":[');
const J_NEXT_LINKS_LIST = jsonLiteral(',"links":[');
const J_NEXT_MESSAGE = jsonLiteral(',"message":');
const J_NEXT_NAME = jsonLiteral(',"name":');
const J_NEXT_PARENT_SPAN_ID = jsonLiteral(',"parentSpanId":');
const J_NEXT_SPAN_ID = jsonLiteral(',"spanId":');
const J_NEXT_TRACE_STATE = jsonLiteral(',"traceState":');
const J_NEXT_VERSION = jsonLiteral(',"version":');
const J_OPEN_TRACE_ID = jsonLiteral('{"traceId":');
const J_RESOURCE_ATTRIBUTES = jsonLiteral('"resource":{"attributes":[');
const J_SCOPE_NAME = jsonLiteral('"scope":{"name":');
const J_TRACE_ID = jsonLiteral('"traceId":');

/** What the store's summary needs from a span, read while `writeSpan` writes it (byte ranges into the request). */
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

export function writeResource(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  w.lit(J_RESOURCE_ATTRIBUTES);
  let dropped = 0;
  let first = true;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_RESOURCE_ATTR) {
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

export function writeScope(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  const f = scanScope(r, s, e);
  w.lit(J_SCOPE_NAME);
  if (f.name >= 0) w.string(r.buf, f.name, f.nameEnd);
  else w.lit(J_EMPTY_STRING);
  if (f.versionEnd > f.version) {
    w.lit(J_NEXT_VERSION);
    w.string(r.buf, f.version, f.versionEnd);
  }
  if (f.attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
    writeKeyValueList(r, s, e, T_SCOPE_ATTR, w, 0);
  }
  if (f.dropped) w.ascii(`,"droppedAttributesCount":${f.dropped}`);
  w.byte(0x7d);
}

// Reused from span to span (spans do not nest; writing is synchronous).
const spanFields = new SpanFields();
const eventFields = new EventFields();
const linkFields = new LinkFields();
const statusFields: StatusFields = { code: 0, message: -1, messageEnd: -1 };

/** One Span message → its JSON object in `w`, and the facts the store's summary needs. Throws ImportError. */
export function writeSpan(r: ProtoReader, s: number, e: number, w: JsonBytes, facts: ProtoSpanFacts): void {
  const buf = r.buf;
  const f = spanFields;
  scanSpan(r, s, e, f);
  w.byte(0x7b);
  w.lit(J_TRACE_ID);
  if (f.traceId >= 0) w.hex(buf, f.traceId, f.traceIdEnd);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_SPAN_ID);
  if (f.spanId >= 0) w.hex(buf, f.spanId, f.spanIdEnd);
  else w.lit(J_EMPTY_STRING);
  if (f.parentEnd > f.parent) {
    w.lit(J_NEXT_PARENT_SPAN_ID);
    w.hex(buf, f.parent, f.parentEnd);
  }
  if (f.stateEnd > f.state) {
    w.lit(J_NEXT_TRACE_STATE);
    w.string(buf, f.state, f.stateEnd);
  }
  if (f.flags >= 0) {
    w.lit(J_NEXT_FLAGS);
    w.int(f.flags);
  }
  w.lit(J_NEXT_NAME);
  if (f.name >= 0) w.string(buf, f.name, f.nameEnd);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_KIND);
  w.int(f.kind < 0 ? 0 : f.kind);
  if (f.startNs !== 0n) w.ascii(`,"startTimeUnixNano":"${f.startNs}"`);
  if (f.endNs !== 0n) w.ascii(`,"endTimeUnixNano":"${f.endNs}"`);
  const attrs = f.attrs;
  if (attrs.length) {
    w.lit(J_NEXT_ATTRIBUTES_LIST);
    for (let i = 0; i < attrs.length; i += 2) {
      if (i) w.byte(0x2c);
      writeKeyValue(r, attrs[i], attrs[i + 1], w, 0);
    }
    w.byte(0x5d);
  }
  if (f.droppedAttrs) w.ascii(`,"droppedAttributesCount":${f.droppedAttrs}`);
  const events = f.events;
  if (events.length) {
    w.lit(J_NEXT_EVENTS_LIST);
    for (let i = 0; i < events.length; i += 2) {
      if (i) w.byte(0x2c);
      writeEvent(r, events[i], events[i + 1], w);
    }
    w.byte(0x5d);
  }
  if (f.droppedEvents) w.ascii(`,"droppedEventsCount":${f.droppedEvents}`);
  const links = f.links;
  if (links.length) {
    w.lit(J_NEXT_LINKS_LIST);
    for (let i = 0; i < links.length; i += 2) {
      if (i) w.byte(0x2c);
      writeLink(r, links[i], links[i + 1], w);
    }
    w.byte(0x5d);
  }
  if (f.droppedLinks) w.ascii(`,"droppedLinksCount":${f.droppedLinks}`);
  let statusCode = 0;
  if (f.status >= 0) statusCode = writeStatus(r, f.status, f.statusEnd, w);
  w.byte(0x7d);

  facts.traceIdStart = f.traceId;
  facts.traceIdEnd = f.traceIdEnd;
  facts.spanIdStart = f.spanId;
  facts.spanIdEnd = f.spanIdEnd;
  facts.hasParent = f.parentEnd > f.parent;
  facts.nameStart = f.name;
  facts.nameEnd = f.nameEnd;
  facts.startNs = f.startNs === 0n ? undefined : f.startNs;
  facts.endNs = f.endNs === 0n ? undefined : f.endNs;
  facts.statusCode = statusCode >= 0 && statusCode <= 2 ? statusCode : 0;
  facts.badKind = f.badKinds > 0;
}

function writeEvent(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  const f = eventFields;
  scanEvent(r, s, e, f);
  w.ascii(`{"timeUnixNano":"${f.timeNs}","name":`);
  if (f.name >= 0) w.string(r.buf, f.name, f.nameEnd);
  else w.lit(J_EMPTY_STRING);
  if (f.attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
    writeKeyValueList(r, f.attrTag, f.attrEnd, T_EVENT_ATTR, w, 0);
  }
  if (f.dropped) w.ascii(`,"droppedAttributesCount":${f.dropped}`);
  w.byte(0x7d);
}

function writeLink(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  const f = linkFields;
  scanLink(r, s, e, f);
  w.lit(J_OPEN_TRACE_ID);
  if (f.traceId >= 0) w.hex(r.buf, f.traceId, f.traceIdEnd);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_SPAN_ID);
  if (f.spanId >= 0) w.hex(r.buf, f.spanId, f.spanIdEnd);
  else w.lit(J_EMPTY_STRING);
  if (f.stateEnd > f.state) {
    w.lit(J_NEXT_TRACE_STATE);
    w.string(r.buf, f.state, f.stateEnd);
  }
  if (f.attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
    writeKeyValueList(r, f.attrTag, f.attrEnd, T_LINK_ATTR, w, 0);
  }
  if (f.dropped) w.ascii(`,"droppedAttributesCount":${f.dropped}`);
  if (f.flags >= 0) {
    w.lit(J_NEXT_FLAGS);
    w.int(f.flags);
  }
  w.byte(0x7d);
}

/** Writes `"status":{…}` after a comma and returns the code as read. */
function writeStatus(r: ProtoReader, s: number, e: number, w: JsonBytes): number {
  const f = statusFields;
  scanStatus(r, s, e, f);
  w.lit(J_NEXT_STATUS_CODE);
  w.int(f.code);
  if (f.messageEnd > f.message) {
    w.lit(J_NEXT_MESSAGE);
    w.string(r.buf, f.message, f.messageEnd);
  }
  w.byte(0x7d);
  return f.code;
}
