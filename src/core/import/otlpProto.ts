import { Attributes } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import {
  EMPTY_RESOURCE,
  EMPTY_SCOPE,
  type InstrumentationScope,
  type RawSpan,
  type Resource,
  type SpanEvent,
  type SpanKind,
  type SpanLink,
  type SpanStatus,
  type StatusCode,
} from '../model/span';
import type { TraceSet } from '../model/trace';
import { bytesToHex } from './ids';
import { checkKeyValue, decodeKeyValues, lazyAttributes } from './otlpProtoValues';
import { ProtoReader } from './protoReader';
import { TraceBuilder } from './traceBuilder';
import {
  T_END,
  T_EVENT,
  T_EVENT_ATTR,
  T_EVENT_NAME,
  T_EVENT_TIME,
  T_FLAGS,
  T_KIND,
  T_LIBRARY_SPANS,
  T_LINK,
  T_LINK_ATTR,
  T_LINK_SPAN_ID,
  T_LINK_TRACE_ID,
  T_LINK_TRACE_STATE,
  T_NAME,
  T_PARENT_ID,
  T_RESOURCE,
  T_RESOURCE_ATTR,
  T_RESOURCE_SPANS,
  T_SCOPE,
  T_SCOPE_ATTR,
  T_SCOPE_NAME,
  T_SCOPE_SPANS,
  T_SCOPE_VERSION,
  T_SPAN,
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
 * OTLP trace protobuf → TraceSet. Reads `ExportTraceServiceRequest` and `TracesData` (the same
 * wire shape), field numbers from opentelemetry-proto `trace/v1/trace.proto` and
 * `common/v1/common.proto` (see docs/trace-formats.md §1).
 *
 * Hand-written rather than generated, on purpose:
 * - speed: spans are decoded straight into `RawSpan`; there is no intermediate message object
 *   graph to build and then convert, and no per-field closures in the loop.
 * - safety: no code generation or `eval`, every length is checked against the buffer and the
 *   enclosing message, recursion is bounded by the schema (AnyValue nesting is capped at
 *   `MAX_VALUE_DEPTH`), and key/value lists become null-prototype objects.
 * - laziness: span, event and link attributes are NOT decoded during the span pass. The pass
 *   checks their framing (so a malformed span is still reported as unreadable at import) and
 *   keeps the byte range; `Attributes` decodes it on first access. A 100k-span file therefore
 *   loads without creating millions of attribute strings nobody looks at. The price: the input
 *   buffer stays referenced while any span's attributes are pending, and must not be mutated.
 * - events and links themselves (time, name, ids) are decoded eagerly, since `Span.events` is a
 *   plain array; only their attributes are lazy. Resource and scope attributes are decoded
 *   eagerly, once per block (they are few, shared, and `service.name` is needed at once).
 *
 * Failure policy: input that is not protobuf, or is truncated, or whose structure above the
 * span level is broken, throws `ImportError` with the byte offset. A span whose own bytes are
 * malformed (its length prefix being fine) becomes `builder.addUnreadable` and decoding goes
 * on. Unknown fields, and known fields with an unexpected wire type, are skipped, as protobuf
 * parsers do.
 */

const FORMAT = 'OTLP protobuf';

interface Context {
  readonly r: ProtoReader;
  readonly builder: TraceBuilder;
  badKinds: number;
  badStatusCodes: number;
}

export function readOtlpProto(bytes: Uint8Array): TraceSet {
  checkLooksLikeOtlp(bytes);
  const ctx: Context = { r: new ProtoReader(bytes), builder: new TraceBuilder(), badKinds: 0, badStatusCodes: 0 };
  const r = ctx.r;
  const end = bytes.length;
  let ri = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === T_RESOURCE_SPANS) {
      const s = r.delimited(end);
      const e = r.pos;
      readResourceSpans(ctx, s, e, `resourceSpans[${ri++}]`);
      r.pos = e;
    } else r.skip(tag & 7, end);
  }
  if (ctx.badKinds) ctx.builder.note('unsupported-value', `${ctx.badKinds} span(s) have a span kind outside 0–5; shown as unspecified`);
  if (ctx.badStatusCodes) ctx.builder.note('unsupported-value', `${ctx.badStatusCodes} span(s) have a status code outside 0–2; shown as unset`);
  return ctx.builder.build('otlp-proto', FORMAT);
}

/**
 * Every OTLP trace request starts with field 1 (resource_spans), length-delimited, with a
 * length inside the input: random binary and text almost never do, so they get a plain "not
 * OTLP protobuf" instead of a trace of nonsense spans. Exported for the receiver's transcoder
 * (core/receiver/protoTranscode.ts), which must refuse what this refuses.
 */
export function checkLooksLikeOtlp(bytes: Uint8Array): void {
  if (bytes.length === 0) return; // the caller reports an empty file
  const first = bytes[0];
  const wt = first & 7;
  if (first !== T_RESOURCE_SPANS) {
    const text = textPreview(bytes);
    if (text !== undefined) throw new ImportError(`not OTLP protobuf: the input is text ("${text}")`, 0, FORMAT);
    if (wt === 3 || wt === 4 || wt > 5) throw new ImportError(`not OTLP protobuf: wire type ${wt} at byte 0`, 0, FORMAT);
    const field = first < 0x80 ? String(first >>> 3) : 'a multi-byte field number';
    throw new ImportError(
      `not OTLP protobuf: the input starts with field ${field} (wire type ${wt}), but an OTLP trace request starts with field 1 (resource_spans)${framingHint(bytes)}`,
      0,
      FORMAT,
    );
  }
  const r = new ProtoReader(bytes);
  r.tag(bytes.length);
  r.delimited(bytes.length); // throws "truncated protobuf: field 1 (length …) …" when it does not fit
}

/** Names two framings that wrap OTLP messages, which a user may have saved as is. */
function framingHint(bytes: Uint8Array): string {
  const be32 = (at: number) => ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
  if (bytes.length > 5 && bytes[0] <= 1 && bytes[5] === T_RESOURCE_SPANS && be32(1) === bytes.length - 5) {
    return '; it looks like a gRPC message frame (a 5-byte prefix before the protobuf message)';
  }
  if (bytes.length > 4 && bytes[4] === T_RESOURCE_SPANS && be32(0) <= bytes.length - 4) {
    return '; it looks like length-prefixed messages (each preceded by a 4-byte length, as the Collector file exporter writes with `format: proto`), which are not supported';
  }
  return '';
}

function textPreview(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0x0a || c === 0x0d || c === 0x09) s += ' ';
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else return undefined;
  }
  return bytes.length > n ? s + '…' : s;
}

function readResourceSpans(ctx: Context, s: number, e: number, where: string): void {
  const r = ctx.r;
  let resStart = -1;
  let resEnd = -1;
  let hasScopeSpans = false;
  let hasLibrarySpans = false;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_RESOURCE) {
      resStart = r.delimited(e);
      resEnd = r.pos;
    } else {
      if (tag === T_SCOPE_SPANS) hasScopeSpans = true;
      else if (tag === T_LIBRARY_SPANS) hasLibrarySpans = true;
      r.skip(tag & 7, e);
    }
  }
  const resource = resStart < 0 ? EMPTY_RESOURCE : readResource(ctx, resStart, resEnd, where + '.resource');
  // As the OpenTelemetry Collector does: the deprecated list is used only when the new one is absent
  // (senders in the transition period filled both with the same spans).
  const want = hasScopeSpans ? T_SCOPE_SPANS : T_LIBRARY_SPANS;
  const label = hasScopeSpans ? '.scopeSpans[' : '.instrumentationLibrarySpans[';
  if (hasScopeSpans && hasLibrarySpans) {
    ctx.builder.note(
      'interpretation',
      `${where} has both scopeSpans and the deprecated instrumentationLibrarySpans; only scopeSpans were read, as the OpenTelemetry Collector does`,
      where,
    );
  }
  r.pos = s;
  let si = 0;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === want) {
      const ss = r.delimited(e);
      const se = r.pos;
      readScopeSpans(ctx, ss, se, resource, where + label + si++ + ']');
      r.pos = se;
    } else r.skip(tag & 7, e);
  }
}

function readResource(ctx: Context, s: number, e: number, where: string): Resource {
  try {
    const flat = decodeKeyValues(ctx.r.buf, s, e, T_RESOURCE_ATTR);
    const attributes = flat.length ? new Attributes(flat) : Attributes.EMPTY;
    return { attributes, serviceName: attributes.getString('service.name') };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    ctx.builder.note('unsupported-value', `${where} could not be read (${err.message}); its spans are shown without resource attributes`, where);
    return EMPTY_RESOURCE;
  }
}

function readScope(ctx: Context, s: number, e: number, where: string): InstrumentationScope {
  const r = new ProtoReader(ctx.r.buf);
  try {
    let name = '';
    let version: string | undefined;
    let attrs = false;
    r.pos = s;
    while (r.pos < e) {
      const tag = r.tag(e);
      if (tag === T_SCOPE_NAME) name = r.string(r.delimited(e), r.pos);
      else if (tag === T_SCOPE_VERSION) version = r.string(r.delimited(e), r.pos) || undefined;
      else {
        if (tag === T_SCOPE_ATTR) attrs = true;
        r.skip(tag & 7, e);
      }
    }
    const attributes = attrs ? new Attributes(decodeKeyValues(r.buf, s, e, T_SCOPE_ATTR)) : Attributes.EMPTY;
    return { name, version, attributes };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    ctx.builder.note('unsupported-value', `${where} could not be read (${err.message}); its spans are shown without scope`, where);
    return EMPTY_SCOPE;
  }
}

function readScopeSpans(ctx: Context, s: number, e: number, resource: Resource, where: string): void {
  const r = ctx.r;
  let scopeStart = -1;
  let scopeEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_SCOPE) {
      scopeStart = r.delimited(e);
      scopeEnd = r.pos;
    } else r.skip(tag & 7, e);
  }
  const scope = scopeStart < 0 ? EMPTY_SCOPE : readScope(ctx, scopeStart, scopeEnd, where + '.scope');
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
    const source = prefix + pi++ + ']';
    try {
      ctx.builder.addSpan(readSpan(ctx, ps, pe, resource, scope, source));
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      ctx.builder.addUnreadable(source, err.message);
    }
    r.pos = pe;
  }
}

function readSpan(ctx: Context, s: number, e: number, resource: Resource, scope: InstrumentationScope, source: string): RawSpan {
  const r = ctx.r;
  const buf = r.buf;
  let traceId: string | undefined;
  let spanId: string | undefined;
  let parentSpanId: string | undefined;
  let traceState: string | undefined;
  let name = '';
  let kind: SpanKind | undefined;
  let startNs: bigint | undefined;
  let endNs: bigint | undefined;
  let status: SpanStatus | undefined;
  let events: SpanEvent[] | undefined;
  let links: SpanLink[] | undefined;
  let flags: number | undefined;
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_TRACE_ID:
        traceId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_SPAN_ID:
        spanId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_PARENT_ID:
        parentSpanId = idHex(buf, r.delimited(e), r.pos);
        break;
      case T_TRACE_STATE:
        traceState = r.string(r.delimited(e), r.pos) || undefined;
        break;
      case T_NAME:
        name = r.string(r.delimited(e), r.pos);
        break;
      case T_KIND: {
        const k = r.varint32(e) | 0;
        if (k >= 0 && k <= 5) kind = k as SpanKind;
        else ctx.badKinds++;
        break;
      }
      case T_START:
        startNs = timeOrUndefined(r.fixed64(e));
        break;
      case T_END:
        endNs = timeOrUndefined(r.fixed64(e));
        break;
      case T_SPAN_ATTR: {
        const at = r.tagPos;
        const vs = r.delimited(e);
        const ve = r.pos;
        checkKeyValue(r, vs, ve, 0);
        r.pos = ve;
        if (attrStart < 0) attrStart = at;
        attrEnd = ve;
        break;
      }
      case T_EVENT: {
        const vs = r.delimited(e);
        const ve = r.pos;
        (events ??= []).push(readEvent(r, vs, ve));
        r.pos = ve;
        break;
      }
      case T_LINK: {
        const vs = r.delimited(e);
        const ve = r.pos;
        (links ??= []).push(readLink(r, vs, ve));
        r.pos = ve;
        break;
      }
      case T_STATUS: {
        const vs = r.delimited(e);
        const ve = r.pos;
        status = readStatus(ctx, vs, ve);
        r.pos = ve;
        break;
      }
      case T_FLAGS:
        flags = r.fixed32(e);
        break;
      default:
        r.skip(tag & 7, e);
    }
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_SPAN_ATTR);
  // One object literal with every field in a fixed order: all spans share one hidden class.
  return { traceId, spanId, parentSpanId, name, kind, startNs, endNs, status, attributes, events, links, resource, scope, traceState, flags, source };
}

function idHex(buf: Uint8Array, s: number, e: number): string | undefined {
  return s === e ? undefined : bytesToHex(buf.subarray(s, e));
}

/** proto3 cannot tell 0 from absent, and 0 (1970) is never a real span time: both mean "not set". */
function timeOrUndefined(ns: bigint): bigint | undefined {
  return ns === 0n ? undefined : ns;
}

function readStatus(ctx: Context, s: number, e: number): SpanStatus {
  const r = ctx.r;
  let code = 0;
  let message: string | undefined;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_STATUS_CODE) code = r.varint32(e) | 0;
    else if (tag === T_STATUS_MESSAGE) message = r.string(r.delimited(e), r.pos) || undefined;
    else r.skip(tag & 7, e);
  }
  if (code < 0 || code > 2) {
    ctx.badStatusCodes++;
    code = 0;
  }
  return message === undefined ? { code: code as StatusCode } : { code: code as StatusCode, message };
}

function readEvent(r: ProtoReader, s: number, e: number): SpanEvent {
  let timeNs = 0n;
  let name = '';
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_EVENT_TIME) timeNs = r.fixed64(e);
    else if (tag === T_EVENT_NAME) name = r.string(r.delimited(e), r.pos);
    else if (tag === T_EVENT_ATTR) {
      const at = r.tagPos;
      const vs = r.delimited(e);
      const ve = r.pos;
      checkKeyValue(r, vs, ve, 0);
      r.pos = ve;
      if (attrStart < 0) attrStart = at;
      attrEnd = ve;
    } else r.skip(tag & 7, e);
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_EVENT_ATTR);
  return { timeNs, name, attributes };
}

function readLink(r: ProtoReader, s: number, e: number): SpanLink {
  let traceId = '';
  let spanId = '';
  let traceState: string | undefined;
  let attrStart = -1;
  let attrEnd = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_LINK_TRACE_ID) traceId = bytesToHex(r.buf.subarray(r.delimited(e), r.pos));
    else if (tag === T_LINK_SPAN_ID) spanId = bytesToHex(r.buf.subarray(r.delimited(e), r.pos));
    else if (tag === T_LINK_TRACE_STATE) traceState = r.string(r.delimited(e), r.pos) || undefined;
    else if (tag === T_LINK_ATTR) {
      const at = r.tagPos;
      const vs = r.delimited(e);
      const ve = r.pos;
      checkKeyValue(r, vs, ve, 0);
      r.pos = ve;
      if (attrStart < 0) attrStart = at;
      attrEnd = ve;
    } else r.skip(tag & 7, e);
  }
  const attributes = attrStart < 0 ? Attributes.EMPTY : lazyAttributes(r, attrStart, attrEnd, T_LINK_ATTR);
  return traceState === undefined ? { traceId, spanId, attributes } : { traceId, spanId, traceState, attributes };
}
