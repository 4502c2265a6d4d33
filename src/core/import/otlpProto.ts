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
import {
  EventFields,
  LinkFields,
  SpanFields,
  bothSpanListsNote,
  scanEvent,
  scanLink,
  scanResourceSpans,
  scanScope,
  scanScopeSpans,
  scanSpan,
  scanStatus,
  spanListOf,
  type StatusFields,
} from './otlpProtoFields';
import { checkKeyValue, checkKeyValues, decodeKeyValues, lazyAttributes } from './otlpProtoValues';
import { ProtoReader } from './protoReader';
import { TraceBuilder } from './traceBuilder';
import { T_EVENT_ATTR, T_LINK_ATTR, T_RESOURCE_ATTR, T_RESOURCE_SPANS, T_SCOPE_ATTR, T_SPAN, T_SPAN_ATTR } from './otlpWireTags';

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
 * - one field dispatch per message (otlpProtoFields.ts), shared with the receiver's transcoder:
 *   a span's fields are located first, then decoded from their byte ranges.
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
  // One field object per message level, reused (see otlpProtoFields.ts).
  readonly span: SpanFields;
  readonly event: EventFields;
  readonly link: LinkFields;
  readonly status: StatusFields;
  badKinds: number;
  badStatusCodes: number;
}

export function readOtlpProto(bytes: Uint8Array): TraceSet {
  checkLooksLikeOtlp(bytes);
  const ctx: Context = {
    r: new ProtoReader(bytes),
    builder: new TraceBuilder(),
    span: new SpanFields(),
    event: new EventFields(),
    link: new LinkFields(),
    status: { code: 0, message: -1, messageEnd: -1 },
    badKinds: 0,
    badStatusCodes: 0,
  };
  const r = ctx.r;
  const end = bytes.length;
  let ri = 0;
  for (let s = r.next(T_RESOURCE_SPANS, end); s >= 0; s = r.next(T_RESOURCE_SPANS, end)) {
    const e = r.pos;
    readResourceSpans(ctx, s, e, `resourceSpans[${ri++}]`);
    r.pos = e;
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
  const head = scanResourceSpans(r, s, e);
  const resource = head.resource < 0 ? EMPTY_RESOURCE : readResource(ctx, head.resource, head.resourceEnd, where + '.resource');
  const note = bothSpanListsNote(head, where);
  if (note) ctx.builder.note('interpretation', note, where);
  const { tag, label } = spanListOf(head);
  let si = 0;
  r.pos = s;
  for (let ss = r.next(tag, e); ss >= 0; ss = r.next(tag, e)) {
    const se = r.pos;
    readScopeSpans(ctx, ss, se, resource, where + label + si++ + ']');
    r.pos = se;
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
    const f = scanScope(r, s, e);
    const name = f.name < 0 ? '' : r.string(f.name, f.nameEnd);
    const version = f.version < 0 ? undefined : r.string(f.version, f.versionEnd) || undefined;
    const attributes = f.attrs ? new Attributes(decodeKeyValues(r.buf, s, e, T_SCOPE_ATTR)) : Attributes.EMPTY;
    return { name, version, attributes };
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    ctx.builder.note('unsupported-value', `${where} could not be read (${err.message}); its spans are shown without scope`, where);
    return EMPTY_SCOPE;
  }
}

function readScopeSpans(ctx: Context, s: number, e: number, resource: Resource, where: string): void {
  const r = ctx.r;
  const head = scanScopeSpans(r, s, e);
  const scope = head.scope < 0 ? EMPTY_SCOPE : readScope(ctx, head.scope, head.scopeEnd, where + '.scope');
  const prefix = where + '.spans[';
  let pi = 0;
  r.pos = s;
  for (let ps = r.next(T_SPAN, e); ps >= 0; ps = r.next(T_SPAN, e)) {
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

/**
 * The span's own fields first (scanSpan), then what is inside them: attribute framing (the
 * values stay lazy), events, links, and the status last, so the kind and status-code counts
 * only ever include spans that were read.
 */
function readSpan(ctx: Context, s: number, e: number, resource: Resource, scope: InstrumentationScope, source: string): RawSpan {
  const r = ctx.r;
  const buf = r.buf;
  const f = ctx.span;
  scanSpan(r, s, e, f);
  const attrs = f.attrs;
  for (let i = 0; i < attrs.length; i += 2) checkKeyValue(r, attrs[i], attrs[i + 1], 0);
  const attributes = f.attrTag < 0 ? Attributes.EMPTY : lazyAttributes(r, f.attrTag, attrs[attrs.length - 1], T_SPAN_ATTR);
  let events: SpanEvent[] | undefined;
  const ev = f.events;
  if (ev.length) {
    events = [];
    for (let i = 0; i < ev.length; i += 2) events.push(readEvent(ctx, ev[i], ev[i + 1]));
  }
  let links: SpanLink[] | undefined;
  const ln = f.links;
  if (ln.length) {
    links = [];
    for (let i = 0; i < ln.length; i += 2) links.push(readLink(ctx, ln[i], ln[i + 1]));
  }
  const status = f.status < 0 ? undefined : readStatus(ctx, f.status, f.statusEnd);
  ctx.badKinds += f.badKinds;
  const traceId = idHex(buf, f.traceId, f.traceIdEnd);
  const spanId = idHex(buf, f.spanId, f.spanIdEnd);
  const parentSpanId = idHex(buf, f.parent, f.parentEnd);
  const name = f.name < 0 ? '' : r.string(f.name, f.nameEnd);
  const kind = f.kind < 0 ? undefined : (f.kind as SpanKind);
  const startNs = timeOrUndefined(f.startNs);
  const endNs = timeOrUndefined(f.endNs);
  const traceState = f.state < 0 ? undefined : r.string(f.state, f.stateEnd) || undefined;
  const flags = f.flags < 0 ? undefined : f.flags;
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
  const f = ctx.status;
  scanStatus(ctx.r, s, e, f);
  let code = f.code;
  const message = f.message < 0 ? undefined : ctx.r.string(f.message, f.messageEnd) || undefined;
  if (code < 0 || code > 2) {
    ctx.badStatusCodes++;
    code = 0;
  }
  return message === undefined ? { code: code as StatusCode } : { code: code as StatusCode, message };
}

function readEvent(ctx: Context, s: number, e: number): SpanEvent {
  const r = ctx.r;
  const f = ctx.event;
  scanEvent(r, s, e, f);
  const name = f.name < 0 ? '' : r.string(f.name, f.nameEnd);
  let attributes = Attributes.EMPTY;
  if (f.attrs) {
    checkKeyValues(r, f.attrTag, f.attrEnd, T_EVENT_ATTR);
    attributes = lazyAttributes(r, f.attrTag, f.attrEnd, T_EVENT_ATTR);
  }
  return { timeNs: f.timeNs, name, attributes };
}

function readLink(ctx: Context, s: number, e: number): SpanLink {
  const r = ctx.r;
  const f = ctx.link;
  scanLink(r, s, e, f);
  const traceId = f.traceId < 0 ? '' : bytesToHex(r.buf.subarray(f.traceId, f.traceIdEnd));
  const spanId = f.spanId < 0 ? '' : bytesToHex(r.buf.subarray(f.spanId, f.spanIdEnd));
  const traceState = f.state < 0 ? undefined : r.string(f.state, f.stateEnd) || undefined;
  let attributes = Attributes.EMPTY;
  if (f.attrs) {
    checkKeyValues(r, f.attrTag, f.attrEnd, T_LINK_ATTR);
    attributes = lazyAttributes(r, f.attrTag, f.attrEnd, T_LINK_ATTR);
  }
  return traceState === undefined ? { traceId, spanId, attributes } : { traceId, spanId, traceState, attributes };
}
