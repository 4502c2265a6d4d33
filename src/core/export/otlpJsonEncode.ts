import type { AttrMap, AttrValue, Attributes } from '../model/attributes';
import type { InstrumentationScope, Resource, SpanEvent, SpanKind, SpanLink, SpanStatus } from '../model/span';
import type { UnixNanos } from '../model/time';

/**
 * Our model → OTLP/JSON, in the form the OTLP spec prescribes (opentelemetry-proto
 * `docs/specification.md`, "JSON Protobuf Encoding"; see docs/trace-formats.md §1.1):
 * lower-case hex ids, integer enums, 64-bit integers as decimal strings, `bytesValue` as
 * base64, lowerCamel keys, default values left out.
 *
 * What the model does not keep cannot be written: `dropped*Count`, `schemaUrl`, link flags.
 * The model does not tell a double that happens to be whole from an int either, so a whole
 * safe number is written as `intValue` and everything else as `doubleValue`; reading the output
 * back gives the same `AttrValue`s (the round-trip test pins this).
 *
 * The input is structural (`EncodableSpan`): both a built `Span` and an importer's `RawSpan`
 * fit, so spans can be written before or after the TraceBuilder's repairs. (The receiver does
 * not go through the model: it transcodes requests directly, see core/receiver/.)
 */

export interface OtlpJsonAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  /** int64 as a decimal string. */
  intValue?: string;
  /** A number, or "NaN" / "Infinity" / "-Infinity" / "-0" (proto3 JSON). */
  doubleValue?: number | string;
  /** base64. */
  bytesValue?: string;
  arrayValue?: { values: OtlpJsonAnyValue[] };
  kvlistValue?: { values: OtlpJsonKeyValue[] };
}

export interface OtlpJsonKeyValue {
  key: string;
  value: OtlpJsonAnyValue;
}

export interface OtlpJsonEvent {
  timeUnixNano: string;
  name: string;
  attributes?: OtlpJsonKeyValue[];
}

export interface OtlpJsonLink {
  traceId: string;
  spanId: string;
  traceState?: string;
  attributes?: OtlpJsonKeyValue[];
}

export interface OtlpJsonSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  flags?: number;
  name: string;
  kind: number;
  startTimeUnixNano?: string;
  endTimeUnixNano?: string;
  attributes?: OtlpJsonKeyValue[];
  events?: OtlpJsonEvent[];
  links?: OtlpJsonLink[];
  status?: { code?: number; message?: string };
}

export interface OtlpJsonScopeSpans {
  scope?: { name: string; version?: string; attributes?: OtlpJsonKeyValue[] };
  spans: OtlpJsonSpan[];
}

export interface OtlpJsonResourceSpans {
  resource?: { attributes: OtlpJsonKeyValue[] };
  scopeSpans: OtlpJsonScopeSpans[];
}

/** `TracesData` (files) and `ExportTraceServiceRequest` (OTLP/HTTP bodies) share this shape. */
export interface OtlpJsonTracesData {
  resourceSpans: OtlpJsonResourceSpans[];
}

/** What the encoder reads from a span: a `Span` and a `RawSpan` both fit. */
export interface EncodableSpan {
  readonly traceId?: string;
  readonly spanId?: string;
  readonly parentSpanId?: string;
  readonly name?: string;
  readonly kind?: SpanKind;
  readonly startNs?: UnixNanos;
  readonly endNs?: UnixNanos;
  readonly status?: SpanStatus;
  readonly attributes?: Attributes;
  readonly events?: readonly SpanEvent[];
  readonly links?: readonly SpanLink[];
  readonly resource?: Resource;
  readonly scope?: InstrumentationScope;
  readonly traceState?: string;
  readonly flags?: number;
}

export function encodeAnyValue(v: AttrValue): OtlpJsonAnyValue {
  switch (typeof v) {
    case 'string':
      return { stringValue: v };
    case 'boolean':
      return { boolValue: v };
    case 'number':
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return { intValue: String(v) };
      return { doubleValue: Number.isFinite(v) ? (Object.is(v, -0) ? '-0' : v) : String(v) };
    case 'bigint':
      return { intValue: v.toString() };
    default:
      break; // null, bytes, arrays and maps: below
  }
  if (v === null || v === undefined) return {};
  if (v instanceof Uint8Array) return { bytesValue: bytesToBase64(v) };
  if (Array.isArray(v)) return { arrayValue: { values: (v as readonly AttrValue[]).map(encodeAnyValue) } };
  return { kvlistValue: { values: encodeMap(v as AttrMap) } };
}

function encodeMap(m: AttrMap): OtlpJsonKeyValue[] {
  const out: OtlpJsonKeyValue[] = [];
  for (const key of Object.keys(m)) out.push({ key, value: encodeAnyValue(m[key]) });
  return out;
}

/** All entries, duplicates included and in order (the reader keeps the last one, as OTLP says). */
export function encodeKeyValues(attrs: Attributes): OtlpJsonKeyValue[] {
  const out: OtlpJsonKeyValue[] = [];
  for (const [key, value] of attrs.entries()) out.push({ key, value: encodeAnyValue(value) });
  return out;
}

export function encodeSpan(s: EncodableSpan): OtlpJsonSpan {
  const out: OtlpJsonSpan = { traceId: s.traceId ?? '', spanId: s.spanId ?? '', name: s.name ?? '', kind: s.kind ?? 0 };
  if (s.parentSpanId) out.parentSpanId = s.parentSpanId;
  if (s.traceState) out.traceState = s.traceState;
  if (s.flags !== undefined) out.flags = s.flags;
  if (s.startNs !== undefined) out.startTimeUnixNano = s.startNs.toString();
  if (s.endNs !== undefined) out.endTimeUnixNano = s.endNs.toString();
  if (s.attributes && s.attributes.size) out.attributes = encodeKeyValues(s.attributes);
  if (s.events && s.events.length) out.events = s.events.map(encodeEvent);
  if (s.links && s.links.length) out.links = s.links.map(encodeLink);
  const st = s.status;
  if (st && (st.code !== 0 || st.message)) {
    out.status = st.code !== 0 ? { code: st.code } : {};
    if (st.message) out.status.message = st.message;
  }
  return out;
}

function encodeEvent(e: SpanEvent): OtlpJsonEvent {
  const out: OtlpJsonEvent = { timeUnixNano: e.timeNs.toString(), name: e.name };
  if (e.attributes.size) out.attributes = encodeKeyValues(e.attributes);
  return out;
}

function encodeLink(l: SpanLink): OtlpJsonLink {
  const out: OtlpJsonLink = { traceId: l.traceId, spanId: l.spanId };
  if (l.traceState) out.traceState = l.traceState;
  if (l.attributes.size) out.attributes = encodeKeyValues(l.attributes);
  return out;
}

export function encodeResource(r: Resource): { attributes: OtlpJsonKeyValue[] } {
  return { attributes: encodeKeyValues(r.attributes) };
}

export function encodeScope(s: InstrumentationScope): { name: string; version?: string; attributes?: OtlpJsonKeyValue[] } {
  const out: { name: string; version?: string; attributes?: OtlpJsonKeyValue[] } = { name: s.name };
  if (s.version) out.version = s.version;
  if (s.attributes.size) out.attributes = encodeKeyValues(s.attributes);
  return out;
}

/**
 * Spans → one `TracesData`. Spans are grouped by their `resource` and `scope` objects (by
 * identity: importers share one object per ResourceSpans / ScopeSpans block), in order of
 * first appearance, so a request's structure is kept when its spans are written back.
 */
export function encodeTracesData(spans: Iterable<EncodableSpan>): OtlpJsonTracesData {
  const resources = new Map<Resource | undefined, { rs: OtlpJsonResourceSpans; scopes: Map<InstrumentationScope | undefined, OtlpJsonScopeSpans> }>();
  const resourceSpans: OtlpJsonResourceSpans[] = [];
  for (const s of spans) {
    let r = resources.get(s.resource);
    if (!r) {
      const rs: OtlpJsonResourceSpans = { scopeSpans: [] };
      if (s.resource && s.resource.attributes.size) rs.resource = encodeResource(s.resource);
      r = { rs, scopes: new Map() };
      resources.set(s.resource, r);
      resourceSpans.push(rs);
    }
    let ss = r.scopes.get(s.scope);
    if (!ss) {
      ss = { spans: [] };
      if (s.scope && (s.scope.name || s.scope.version || s.scope.attributes.size)) ss.scope = encodeScope(s.scope);
      r.scopes.set(s.scope, ss);
      r.rs.scopeSpans.push(ss);
    }
    ss.spans.push(encodeSpan(s));
  }
  return { resourceSpans };
}

/**
 * JSON text of a value holding no bigints (the encoders above never produce any), on one line:
 * the collector file-exporter form is one `TracesData` per line.
 */
export function toJsonLine(data: OtlpJsonTracesData): string {
  return JSON.stringify(data);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding (proto3 JSON `bytes`). */
export function bytesToBase64(b: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < b.length; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < b.length) {
    const n = (b[i] << 16) | ((i + 1 < b.length ? b[i + 1] : 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + '=';
  }
  return out;
}
