import { type ProtoReader } from '../import/protoReader';
import { type JsonBytes, jsonLiteral } from './jsonBytes';
import { writeKeyValue, writeKeyValueList } from './protoValueJson';
import {
  T_DROPPED_ATTRS,
  T_DROPPED_EVENTS,
  T_DROPPED_LINKS,
  T_END,
  T_EVENT,
  T_EVENT_ATTR,
  T_EVENT_DROPPED,
  T_EVENT_NAME,
  T_EVENT_TIME,
  T_FLAGS,
  T_KIND,
  T_LINK,
  T_LINK_ATTR,
  T_LINK_DROPPED,
  T_LINK_FLAGS,
  T_LINK_SPAN_ID,
  T_LINK_TRACE_ID,
  T_LINK_TRACE_STATE,
  T_NAME,
  T_PARENT_ID,
  T_RESOURCE_ATTR,
  T_RESOURCE_DROPPED,
  T_SCOPE_ATTR,
  T_SCOPE_DROPPED,
  T_SCOPE_NAME,
  T_SCOPE_VERSION,
  T_SPAN_ATTR,
  T_SPAN_ID,
  T_START,
  T_STATUS,
  T_STATUS_CODE,
  T_STATUS_MESSAGE,
  T_TRACE_ID,
  T_TRACE_STATE,
} from '../import/otlpWireTags';

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
  w.lit(J_SCOPE_NAME);
  if (nameS >= 0) w.string(r.buf, nameS, nameE);
  else w.lit(J_EMPTY_STRING);
  if (verS >= 0 && verE > verS) {
    w.lit(J_NEXT_VERSION);
    w.string(r.buf, verS, verE);
  }
  if (attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
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
export function writeSpan(r: ProtoReader, s: number, e: number, w: JsonBytes, f: ProtoSpanFacts): void {
  const buf = r.buf;
  let traceId = -1,
    traceIdE = -1,
    spanId = -1,
    spanIdE = -1,
    parent = -1,
    parentE = -1,
    state = -1,
    stateE = -1,
    name = -1,
    nameE = -1;
  let statusS = -1,
    statusE = -1;
  let kind: number | undefined;
  let start = 0n;
  let endNs = 0n;
  let flags: number | undefined;
  let droppedAttrs = 0,
    droppedEvents = 0,
    droppedLinks = 0;
  f.badKind = false;
  attrRanges.length = 0;
  eventRanges.length = 0;
  linkRanges.length = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_TRACE_ID:
        traceId = r.delimited(e);
        traceIdE = r.pos;
        break;
      case T_SPAN_ID:
        spanId = r.delimited(e);
        spanIdE = r.pos;
        break;
      case T_PARENT_ID:
        parent = r.delimited(e);
        parentE = r.pos;
        break;
      case T_TRACE_STATE:
        state = r.delimited(e);
        stateE = r.pos;
        break;
      case T_NAME:
        name = r.delimited(e);
        nameE = r.pos;
        break;
      case T_KIND: {
        // As the importer: a kind outside 0–5 is ignored (an earlier valid one stays) and noted.
        const k = r.varint32(e) | 0;
        if (k >= 0 && k <= 5) kind = k;
        else f.badKind = true;
        break;
      }
      case T_START:
        start = r.fixed64(e);
        break;
      case T_END:
        endNs = r.fixed64(e);
        break;
      case T_SPAN_ATTR:
        attrRanges.push(r.delimited(e), r.pos);
        break;
      case T_EVENT:
        eventRanges.push(r.delimited(e), r.pos);
        break;
      case T_LINK:
        linkRanges.push(r.delimited(e), r.pos);
        break;
      case T_STATUS:
        statusS = r.delimited(e);
        statusE = r.pos;
        break;
      case T_FLAGS:
        flags = r.fixed32(e);
        break;
      case T_DROPPED_ATTRS:
        droppedAttrs = r.varint32(e);
        break;
      case T_DROPPED_EVENTS:
        droppedEvents = r.varint32(e);
        break;
      case T_DROPPED_LINKS:
        droppedLinks = r.varint32(e);
        break;
      default:
        r.skip(tag & 7, e);
    }
  }
  // Only this function uses the range arrays (spans do not nest), so no copies are needed.
  const attrs = attrRanges;
  const events = eventRanges;
  const links = linkRanges;

  w.byte(0x7b);
  w.lit(J_TRACE_ID);
  if (traceId >= 0) w.hex(buf, traceId, traceIdE);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_SPAN_ID);
  if (spanId >= 0) w.hex(buf, spanId, spanIdE);
  else w.lit(J_EMPTY_STRING);
  if (parent >= 0 && parentE > parent) {
    w.lit(J_NEXT_PARENT_SPAN_ID);
    w.hex(buf, parent, parentE);
  }
  if (state >= 0 && stateE > state) {
    w.lit(J_NEXT_TRACE_STATE);
    w.string(buf, state, stateE);
  }
  if (flags !== undefined) {
    w.lit(J_NEXT_FLAGS);
    w.int(flags);
  }
  w.lit(J_NEXT_NAME);
  if (name >= 0) w.string(buf, name, nameE);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_KIND);
  w.int(kind ?? 0);
  if (start !== 0n) w.ascii(`,"startTimeUnixNano":"${start}"`);
  if (endNs !== 0n) w.ascii(`,"endTimeUnixNano":"${endNs}"`);
  if (attrs.length) {
    w.lit(J_NEXT_ATTRIBUTES_LIST);
    for (let i = 0; i < attrs.length; i += 2) {
      if (i) w.byte(0x2c);
      writeKeyValue(r, attrs[i], attrs[i + 1], w, 0);
    }
    w.byte(0x5d);
  }
  if (droppedAttrs) w.ascii(`,"droppedAttributesCount":${droppedAttrs}`);
  if (events.length) {
    w.lit(J_NEXT_EVENTS_LIST);
    for (let i = 0; i < events.length; i += 2) {
      if (i) w.byte(0x2c);
      writeEvent(r, events[i], events[i + 1], w);
    }
    w.byte(0x5d);
  }
  if (droppedEvents) w.ascii(`,"droppedEventsCount":${droppedEvents}`);
  if (links.length) {
    w.lit(J_NEXT_LINKS_LIST);
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

export function writeEvent(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  let time = 0n;
  let name = -1,
    nameE = -1,
    dropped = 0,
    attrs = 0;
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
  else w.lit(J_EMPTY_STRING);
  if (attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
    writeKeyValueList(r, s, e, T_EVENT_ATTR, w, 0);
  }
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  w.byte(0x7d);
}

export function writeLink(r: ProtoReader, s: number, e: number, w: JsonBytes): void {
  let tid = -1,
    tidE = -1,
    sid = -1,
    sidE = -1,
    state = -1,
    stateE = -1,
    dropped = 0,
    attrs = 0;
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
  w.lit(J_OPEN_TRACE_ID);
  if (tid >= 0) w.hex(r.buf, tid, tidE);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_SPAN_ID);
  if (sid >= 0) w.hex(r.buf, sid, sidE);
  else w.lit(J_EMPTY_STRING);
  if (state >= 0 && stateE > state) {
    w.lit(J_NEXT_TRACE_STATE);
    w.string(r.buf, state, stateE);
  }
  if (attrs) {
    w.lit(J_NEXT_ATTRIBUTES);
    writeKeyValueList(r, s, e, T_LINK_ATTR, w, 0);
  }
  if (dropped) w.ascii(`,"droppedAttributesCount":${dropped}`);
  if (flags !== undefined) {
    w.lit(J_NEXT_FLAGS);
    w.int(flags);
  }
  w.byte(0x7d);
}

/** Writes `"status":{…}` after a comma and returns the code as read. */
export function writeStatus(r: ProtoReader, s: number, e: number, w: JsonBytes): number {
  let code = 0;
  let msg = -1,
    msgE = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_STATUS_CODE) code = r.varint32(e) | 0;
    else if (tag === T_STATUS_MESSAGE) {
      msg = r.delimited(e);
      msgE = r.pos;
    } else r.skip(tag & 7, e);
  }
  w.lit(J_NEXT_STATUS_CODE);
  w.int(code);
  if (msg >= 0 && msgE > msg) {
    w.lit(J_NEXT_MESSAGE);
    w.string(r.buf, msg, msgE);
  }
  w.byte(0x7d);
  return code;
}
