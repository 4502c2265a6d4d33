/**
 * OpenTelemetry JS `ReadableSpan` dumps → spans: what `JSON.stringify` makes of spans from an
 * `InMemorySpanExporter` (test fixtures, e.g. Arize openinference-vercel's captured spans).
 *
 * Per span: `name`, `kind` (the JS enum: INTERNAL=0 … CONSUMER=4, one less than OTLP's),
 * `spanContext` (hand-written dumps) or `_spanContext` (a stringified SDK span) with
 * `{traceId, spanId, traceFlags}`, the parent as `parentSpanId` (SDK 1.x) or
 * `parentSpanContext.spanId` (2.x), HrTime `startTime`/`endTime` `[seconds, nanoseconds]`
 * (`endTime` `[0,0]` or absent means "not ended": `duration`/`_duration` fill in),
 * `status:{code, message}` (0 unset, 1 ok, 2 error), `attributes`, `events:[{name, time,
 * attributes}]`, `links:[{context, attributes}]`, `resource` and `instrumentationScope` (or the
 * older `instrumentationLibrary`).
 *
 * Resource shapes: `{attributes}` (hand-written), SDK 2.x `{_rawAttributes:[[k, v]…]}`
 * (plus `_memoizedAttributes` once read), SDK 1.x `{_attributes}` / `{_syncAttributes}`.
 *
 * Containers: a bare array, a single span (JSON Lines), or an object holding the span array
 * under any key (e.g. `{spans:[…]}`).
 */
import { Attributes, newAttrMap } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import {
  EMPTY_RESOURCE,
  EMPTY_SCOPE,
  SpanKind,
  StatusCode,
  type InstrumentationScope,
  type RawSpan,
  type Resource,
  type SpanEvent,
  type SpanLink,
  type SpanStatus,
} from '../model/span';
import { hrTimeToNanos, isoToNanos, millisToNanos, type UnixNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { normalizeId } from './ids';
import { attributesFromObject, plainToAttr } from './otlpValues';

type Json = Record<string, unknown>;

export const readableSpansImporter: JsonImporter = {
  format: 'otel-readable-spans',
  label: 'OpenTelemetry JS ReadableSpan JSON',
  sniff: (root) => inputOf(root) !== undefined,
  read(root, builder, source) {
    const input = inputOf(root);
    if (!input) throw new ImportError('not a list of OpenTelemetry JS ReadableSpans');
    const resources = new Map<string, Resource>();
    input.spans.forEach((s, i) => {
      const at = `${source}${input.path}[${i}]`;
      if (!isObject(s)) return builder.addUnreadable(at, 'span is not an object');
      try {
        builder.addSpan(spanOf(s, at, resources));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${(e as Error).message})`);
      }
    });
  },
};

function contextOf(s: Json): Json | undefined {
  const c = s.spanContext ?? s._spanContext;
  return isObject(c) ? c : undefined;
}

function isReadableSpan(v: unknown): v is Json {
  if (!isObject(v)) return false;
  const c = contextOf(v);
  return c !== undefined && typeof c.spanId === 'string' && typeof c.traceId === 'string';
}

function inputOf(root: unknown): { spans: unknown[]; path: string } | undefined {
  if (Array.isArray(root)) return isReadableSpan(root[0]) ? { spans: root, path: '' } : undefined;
  if (!isObject(root)) return undefined;
  if (isReadableSpan(root)) return { spans: [root], path: '' };
  for (const k of Object.keys(root)) {
    const v = root[k];
    if (Array.isArray(v) && isReadableSpan(v[0])) return { spans: v, path: k };
  }
  return undefined;
}

function spanOf(s: Json, at: string, resources: Map<string, Resource>): RawSpan {
  const ctx = contextOf(s) ?? {};
  const parentCtx = isObject(s.parentSpanContext) ? s.parentSpanContext : isObject(s._parentSpanContext) ? s._parentSpanContext : undefined;
  const parent = str(s.parentSpanId) || (parentCtx ? str(parentCtx.spanId) : undefined);
  const startNs = timeOf(s.startTime);
  let endNs = timeOf(s.endTime);
  if ((endNs === undefined || endNs === 0n) && startNs !== undefined) {
    const d = timeOf(s.duration ?? s._duration);
    endNs = d !== undefined ? startNs + d : undefined;
  }
  return {
    traceId: normalizeId(ctx.traceId, 16),
    spanId: normalizeId(ctx.spanId, 8),
    parentSpanId: parent ? normalizeId(parent, 8) : undefined,
    name: str(s.name),
    kind: kindOf(s.kind),
    startNs,
    endNs,
    status: statusOf(s.status),
    attributes: attributesFromObject(s.attributes),
    events: Array.isArray(s.events) ? eventsOf(s.events) : [],
    links: Array.isArray(s.links) ? linksOf(s.links) : [],
    resource: resourceOf(s.resource, resources),
    scope: scopeOf(s.instrumentationScope ?? s.instrumentationLibrary),
    traceState: str(ctx.traceState) || undefined,
    flags: typeof ctx.traceFlags === 'number' ? ctx.traceFlags : undefined,
    source: at,
  };
}

/**
 * HrTime `[s, ns]` (what the SDK stores); also the API's other `TimeInput`s: a number of
 * epoch milliseconds or an ISO string. `[0, 0]` is the SDK's "not set".
 */
function timeOf(v: unknown): UnixNanos | undefined {
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Number.isFinite(v[0]) && Number.isFinite(v[1])) {
    return hrTimeToNanos([v[0], v[1]]);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return millisToNanos(v);
  if (typeof v === 'string') return isoToNanos(v);
  return undefined;
}

/** The JS API's SpanKind starts at INTERNAL = 0; OTLP's at UNSPECIFIED = 0. */
function kindOf(v: unknown): SpanKind {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4) return (v + 1) as SpanKind;
  if (typeof v === 'string') {
    const i = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'].indexOf(v.toUpperCase());
    if (i >= 0) return (i + 1) as SpanKind;
  }
  return SpanKind.Unspecified;
}

function statusOf(v: unknown): SpanStatus {
  if (!isObject(v)) return { code: StatusCode.Unset };
  if (v.code === 2) return { code: StatusCode.Error, message: str(v.message) || undefined };
  if (v.code === 1) return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}

function eventsOf(list: unknown[]): SpanEvent[] {
  const out: SpanEvent[] = [];
  for (const e of list) {
    if (!isObject(e)) continue;
    const t = timeOf(e.time);
    if (t !== undefined) out.push({ timeNs: t, name: str(e.name) ?? '', attributes: attributesFromObject(e.attributes) });
  }
  return out;
}

function linksOf(list: unknown[]): SpanLink[] {
  const out: SpanLink[] = [];
  for (const l of list) {
    if (!isObject(l) || !isObject(l.context)) continue;
    const traceId = normalizeId(l.context.traceId, 16);
    const spanId = normalizeId(l.context.spanId, 8);
    if (traceId && spanId) out.push({ traceId, spanId, traceState: str(l.context.traceState) || undefined, attributes: attributesFromObject(l.attributes) });
  }
  return out;
}

/** Resource attributes from any of the shapes named in the header; null when none is found. */
function resourceAttributes(r: Json): Record<string, unknown> | undefined {
  for (const k of ['attributes', '_memoizedAttributes', '_attributes', '_syncAttributes']) {
    if (isObject(r[k])) return r[k] as Json;
  }
  if (Array.isArray(r._rawAttributes)) {
    const rec: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const pair of r._rawAttributes) {
      // Values still pending (promises) stringify as {}: skipped.
      if (Array.isArray(pair) && typeof pair[0] === 'string' && !isObject(pair[1])) rec[pair[0]] = pair[1];
    }
    return rec;
  }
  return undefined;
}

/** Dumps repeat the resource per span; identical ones share one `Resource`. */
function resourceOf(v: unknown, cache: Map<string, Resource>): Resource {
  const attrs = isObject(v) ? resourceAttributes(v) : undefined;
  if (!attrs) return EMPTY_RESOURCE;
  const key = jsonText(attrs);
  let r = cache.get(key);
  if (!r) {
    const rec = newAttrMap();
    for (const k of Object.keys(attrs)) rec[k] = plainToAttr(attrs[k]);
    cache.set(key, (r = { attributes: Attributes.fromRecord(rec), serviceName: str(attrs['service.name']) }));
  }
  return r;
}

function scopeOf(v: unknown): InstrumentationScope {
  if (!isObject(v)) return EMPTY_SCOPE;
  return { name: str(v.name) ?? '', version: str(v.version), attributes: attributesFromObject(v.attributes) };
}

/** JSON text that tolerates bigints (what a lossless JSON parser gives for big integers). */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}
