import type { ProtoReader } from './protoReader';
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
  T_LIBRARY_SPANS,
  T_LINK,
  T_LINK_ATTR,
  T_LINK_DROPPED,
  T_LINK_FLAGS,
  T_LINK_SPAN_ID,
  T_LINK_TRACE_ID,
  T_LINK_TRACE_STATE,
  T_NAME,
  T_PARENT_ID,
  T_RESOURCE,
  T_SCHEMA_URL,
  T_SCOPE,
  T_SCOPE_ATTR,
  T_SCOPE_DROPPED,
  T_SCOPE_NAME,
  T_SCOPE_SPANS,
  T_SCOPE_VERSION,
  T_SPAN_ATTR,
  T_SPAN_ID,
  T_START,
  T_STATUS,
  T_STATUS_CODE,
  T_STATUS_MESSAGE,
  T_TRACE_ID,
  T_TRACE_STATE,
} from './otlpWireTags';

/**
 * The one field dispatch per OTLP trace message, shared by the importer's decoder
 * (otlpProto.ts) and the receiver's protobuf → OTLP JSON transcoder (core/receiver/proto*.ts),
 * so both read the same bytes the same way: same field numbers and wire types (a known field
 * with another wire type is skipped like an unknown one), last occurrence wins for singular
 * fields, every field's framing checked against its enclosing message.
 *
 * A scan decodes nothing that allocates: it records where each field's payload is (`[start,
 * end)` byte ranges into the input, -1 when absent) and reads the fixed-size scalars. Each
 * consumer then decodes what it needs (strings and lazy attributes, or JSON bytes) from the
 * ranges. Nested messages (events, links, status, attribute values) are left to their own scan,
 * after the enclosing message's; a message whose framing is broken therefore fails on that first,
 * before anything inside it is looked at.
 *
 * Field objects are meant to be reused (one per reader, or per module): scans overwrite every
 * field. Messages at one level never nest (a span holds no span), so one object per level is enough.
 */

/** ResourceSpans' own fields; its ScopeSpans are walked afterwards with `spanListTag`. */
export interface ResourceSpansHead {
  resource: number;
  resourceEnd: number;
  schema: number;
  schemaEnd: number;
  hasScopeSpans: boolean;
  hasLibrarySpans: boolean;
}

export function scanResourceSpans(r: ProtoReader, s: number, e: number): ResourceSpansHead {
  const h: ResourceSpansHead = { resource: -1, resourceEnd: -1, schema: -1, schemaEnd: -1, hasScopeSpans: false, hasLibrarySpans: false };
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_RESOURCE) {
      h.resource = r.delimited(e);
      h.resourceEnd = r.pos;
    } else if (tag === T_SCHEMA_URL) {
      h.schema = r.delimited(e);
      h.schemaEnd = r.pos;
    } else {
      if (tag === T_SCOPE_SPANS) h.hasScopeSpans = true;
      else if (tag === T_LIBRARY_SPANS) h.hasLibrarySpans = true;
      r.skip(tag & 7, e);
    }
  }
  return h;
}

/**
 * As the OpenTelemetry Collector does: the deprecated `instrumentation_library_spans` (1000) is
 * read only when `scope_spans` is absent (senders in the transition period filled both with the
 * same spans). Returns the tag to walk and the label for `where` paths.
 */
export function spanListOf(h: ResourceSpansHead): { tag: number; label: string } {
  return h.hasScopeSpans ? { tag: T_SCOPE_SPANS, label: '.scopeSpans[' } : { tag: T_LIBRARY_SPANS, label: '.instrumentationLibrarySpans[' };
}

/** The note both readers give for a ResourceSpans with both lists, or undefined. */
export function bothSpanListsNote(h: ResourceSpansHead, where: string): string | undefined {
  if (!h.hasScopeSpans || !h.hasLibrarySpans) return undefined;
  return `${where} has both scopeSpans and the deprecated instrumentationLibrarySpans; only scopeSpans were read, as the OpenTelemetry Collector does`;
}

/** ScopeSpans' own fields; its spans are walked afterwards (`ProtoReader.next(T_SPAN, …)`). */
export interface ScopeSpansHead {
  scope: number;
  scopeEnd: number;
  schema: number;
  schemaEnd: number;
}

export function scanScopeSpans(r: ProtoReader, s: number, e: number): ScopeSpansHead {
  const h: ScopeSpansHead = { scope: -1, scopeEnd: -1, schema: -1, schemaEnd: -1 };
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE) {
      h.scope = r.delimited(e);
      h.scopeEnd = r.pos;
    } else if (tag === T_SCHEMA_URL) {
      h.schema = r.delimited(e);
      h.schemaEnd = r.pos;
    } else r.skip(tag & 7, e);
  }
  return h;
}

/** InstrumentationScope (and the old InstrumentationLibrary, which has only name and version). */
export interface ScopeFields {
  name: number;
  nameEnd: number;
  version: number;
  versionEnd: number;
  dropped: number;
  /** How many attributes; they are the `T_SCOPE_ATTR` fields of the scope's range. */
  attrs: number;
}

export function scanScope(r: ProtoReader, s: number, e: number): ScopeFields {
  const f: ScopeFields = { name: -1, nameEnd: -1, version: -1, versionEnd: -1, dropped: 0, attrs: 0 };
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE_NAME) {
      f.name = r.delimited(e);
      f.nameEnd = r.pos;
    } else if (tag === T_SCOPE_VERSION) {
      f.version = r.delimited(e);
      f.versionEnd = r.pos;
    } else if (tag === T_SCOPE_DROPPED) f.dropped = r.varint32(e);
    else {
      if (tag === T_SCOPE_ATTR) f.attrs++;
      r.skip(tag & 7, e);
    }
  }
  return f;
}

/** One Span's fields. Reused from span to span (a class, so every reader's object has one shape). */
export class SpanFields {
  traceId = -1;
  traceIdEnd = -1;
  spanId = -1;
  spanIdEnd = -1;
  parent = -1;
  parentEnd = -1;
  state = -1;
  stateEnd = -1;
  name = -1;
  nameEnd = -1;
  /** 0–5, or -1 when absent. A kind outside 0–5 is ignored (an earlier valid one stays) and counted here. */
  kind = -1;
  badKinds = 0;
  /** 0n when absent (proto3 cannot tell 0 from absent). */
  startNs = 0n;
  endNs = 0n;
  /** uint32, or -1 when absent. */
  flags = -1;
  status = -1;
  statusEnd = -1;
  droppedAttrs = 0;
  droppedEvents = 0;
  droppedLinks = 0;
  /** Payload ranges of the repeated fields in order, flat: `[start, end, start, end, …]`. */
  readonly attrs: number[] = [];
  readonly events: number[] = [];
  readonly links: number[] = [];
  /** Offset of the first attribute's tag, -1 if none: `[attrTag, last attribute's end)` holds them all. */
  attrTag = -1;
}

export function scanSpan(r: ProtoReader, s: number, e: number, f: SpanFields): void {
  f.traceId = f.traceIdEnd = f.spanId = f.spanIdEnd = f.parent = f.parentEnd = f.state = f.stateEnd = f.name = f.nameEnd = -1;
  f.kind = f.flags = f.status = f.statusEnd = f.attrTag = -1;
  f.badKinds = f.droppedAttrs = f.droppedEvents = f.droppedLinks = 0;
  f.startNs = f.endNs = 0n;
  const attrs = f.attrs;
  const events = f.events;
  const links = f.links;
  attrs.length = events.length = links.length = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_TRACE_ID:
        f.traceId = r.delimited(e);
        f.traceIdEnd = r.pos;
        break;
      case T_SPAN_ID:
        f.spanId = r.delimited(e);
        f.spanIdEnd = r.pos;
        break;
      case T_PARENT_ID:
        f.parent = r.delimited(e);
        f.parentEnd = r.pos;
        break;
      case T_TRACE_STATE:
        f.state = r.delimited(e);
        f.stateEnd = r.pos;
        break;
      case T_NAME:
        f.name = r.delimited(e);
        f.nameEnd = r.pos;
        break;
      case T_KIND: {
        const k = r.varint32(e) | 0; // an enum is int32
        if (k >= 0 && k <= 5) f.kind = k;
        else f.badKinds++;
        break;
      }
      case T_START:
        f.startNs = r.fixed64(e);
        break;
      case T_END:
        f.endNs = r.fixed64(e);
        break;
      case T_SPAN_ATTR:
        if (f.attrTag < 0) f.attrTag = r.tagPos;
        attrs.push(r.delimited(e), r.pos);
        break;
      case T_EVENT:
        events.push(r.delimited(e), r.pos);
        break;
      case T_LINK:
        links.push(r.delimited(e), r.pos);
        break;
      case T_STATUS:
        f.status = r.delimited(e);
        f.statusEnd = r.pos;
        break;
      case T_FLAGS:
        f.flags = r.fixed32(e);
        break;
      case T_DROPPED_ATTRS:
        f.droppedAttrs = r.varint32(e);
        break;
      case T_DROPPED_EVENTS:
        f.droppedEvents = r.varint32(e);
        break;
      case T_DROPPED_LINKS:
        f.droppedLinks = r.varint32(e);
        break;
      default:
        r.skip(tag & 7, e);
    }
  }
}

/** Span.Event. Its attributes are the `T_EVENT_ATTR` fields of `[attrTag, attrEnd)`. */
export class EventFields {
  timeNs = 0n;
  name = -1;
  nameEnd = -1;
  dropped = 0;
  attrs = 0;
  attrTag = -1;
  attrEnd = -1;
}

export function scanEvent(r: ProtoReader, s: number, e: number, f: EventFields): void {
  f.timeNs = 0n;
  f.name = f.nameEnd = f.attrTag = f.attrEnd = -1;
  f.dropped = f.attrs = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_EVENT_TIME) f.timeNs = r.fixed64(e);
    else if (tag === T_EVENT_NAME) {
      f.name = r.delimited(e);
      f.nameEnd = r.pos;
    } else if (tag === T_EVENT_ATTR) {
      if (f.attrTag < 0) f.attrTag = r.tagPos;
      r.delimited(e);
      f.attrEnd = r.pos;
      f.attrs++;
    } else if (tag === T_EVENT_DROPPED) f.dropped = r.varint32(e);
    else r.skip(tag & 7, e);
  }
}

/** Span.Link. Its attributes are the `T_LINK_ATTR` fields of `[attrTag, attrEnd)`. */
export class LinkFields {
  traceId = -1;
  traceIdEnd = -1;
  spanId = -1;
  spanIdEnd = -1;
  state = -1;
  stateEnd = -1;
  dropped = 0;
  /** uint32, or -1 when absent. */
  flags = -1;
  attrs = 0;
  attrTag = -1;
  attrEnd = -1;
}

export function scanLink(r: ProtoReader, s: number, e: number, f: LinkFields): void {
  f.traceId = f.traceIdEnd = f.spanId = f.spanIdEnd = f.state = f.stateEnd = f.flags = f.attrTag = f.attrEnd = -1;
  f.dropped = f.attrs = 0;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_LINK_TRACE_ID) {
      f.traceId = r.delimited(e);
      f.traceIdEnd = r.pos;
    } else if (tag === T_LINK_SPAN_ID) {
      f.spanId = r.delimited(e);
      f.spanIdEnd = r.pos;
    } else if (tag === T_LINK_TRACE_STATE) {
      f.state = r.delimited(e);
      f.stateEnd = r.pos;
    } else if (tag === T_LINK_ATTR) {
      if (f.attrTag < 0) f.attrTag = r.tagPos;
      r.delimited(e);
      f.attrEnd = r.pos;
      f.attrs++;
    } else if (tag === T_LINK_DROPPED) f.dropped = r.varint32(e);
    else if (tag === T_LINK_FLAGS) f.flags = r.fixed32(e);
    else r.skip(tag & 7, e);
  }
}

/** Status: `code` as read (int32; callers judge 0–2), `message` a range or -1. */
export interface StatusFields {
  code: number;
  message: number;
  messageEnd: number;
}

export function scanStatus(r: ProtoReader, s: number, e: number, f: StatusFields): void {
  f.code = 0;
  f.message = f.messageEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_STATUS_CODE) f.code = r.varint32(e) | 0;
    else if (tag === T_STATUS_MESSAGE) {
      f.message = r.delimited(e);
      f.messageEnd = r.pos;
    } else r.skip(tag & 7, e);
  }
}
