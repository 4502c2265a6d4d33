import { Attributes, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { EMPTY_SCOPE, SpanKind, StatusCode, type InstrumentationScope, type Resource, type SpanEvent, type SpanLink, type SpanStatus } from '../model/span';
import { microsToNanos, type UnixNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { base64ToBytes } from './ids';
import { intFromJson, plainToAttr } from './otlpValues';
import type { TraceBuilder } from './traceBuilder';

/**
 * Jaeger UI / query-service JSON (`/api/traces`), the format of Jaeger's "Download JSON".
 * Shapes accepted:
 * - one trace `{traceID, spans, processes, warnings}`;
 * - the query envelope `{data: [Trace…], total, limit, offset, errors}`, and `{data: Trace}`
 *   (jaeger-ui test fixtures); `{data: []}` is an empty answer, not an error;
 * - a bare array of spans, each carrying its own `process` (anonymizer output), an array of
 *   traces, or one span object per JSON line.
 * The v3 API's `{result: <OTLP>}` is OTLP JSON and is left to that importer.
 *
 * Conventions decided here:
 * - Times are microseconds since the epoch.
 * - Parent: the first CHILD_OF reference within the same trace; else the first same-trace
 *   FOLLOWS_FROM (which is then also kept as a link); else the deprecated `parentSpanID`.
 *   Every other reference becomes a link with `opentracing.ref_type` (as the OTel collector's
 *   Jaeger translator writes it).
 * - The tags the OTel→Jaeger exporter writes are mapped back (`span.kind` → kind,
 *   `otel.status_code`/`otel.status_description`/`error` → status, `otel.scope.*` and the older
 *   `otel.library.*` → scope, `w3c.tracestate` → traceState) AND kept as attributes: a user
 *   comparing with the Jaeger UI should see every tag it shows.
 * - A log's `event` field becomes the event name (else "log") and is not repeated as an
 *   attribute; the other fields are its attributes.
 * - Each process becomes one shared Resource (`service.name` + process tags).
 * - Trace-level `warnings` and envelope `errors` are file notes; span `warnings` become the
 *   attribute `jaeger.warnings`. An answer with errors and no trace (`{data: null, errors}` is
 *   Jaeger's "trace not found") throws an ImportError quoting them.
 */
export const jaegerImporter: JsonImporter = {
  format: 'jaeger',
  label: 'Jaeger UI JSON',
  sniff(root) {
    if (Array.isArray(root)) return isJaegerSpan(root[0]) || isJaegerTrace(root[0]);
    if (!isObject(root)) return false;
    if (isJaegerTrace(root) || isJaegerSpan(root)) return true;
    const data = root.data;
    if (isObject(data)) return isJaegerTrace(data);
    if (data === null) return Array.isArray(root.errors); // Jaeger's "trace not found" answer
    if (!Array.isArray(data)) return false;
    // An empty search answer has nothing but the envelope keys to go by.
    return data.length === 0 ? 'errors' in root || 'total' in root : isJaegerTrace(data[0]);
  },
  read(root, builder, source) {
    const reader = new JaegerReader(builder);
    if (Array.isArray(root)) {
      if (isJaegerTrace(root[0])) root.forEach((t, i) => reader.readTrace(t, `${source}[${i}]`));
      else reader.readSpans(root, undefined, undefined, `${source}`);
      return;
    }
    if (!isObject(root)) {
      builder.addUnreadable(source || 'input', 'not a Jaeger trace or span');
      return;
    }
    if (isJaegerSpan(root)) {
      reader.readSpans([root], undefined, undefined, source ? source.replace(/: $/, '') : 'span');
      return;
    }
    if (!('data' in root)) {
      reader.readTrace(root, source);
      return;
    }
    const noData = root.data === null || (Array.isArray(root.data) && root.data.length === 0);
    if (noData && Array.isArray(root.errors) && root.errors.length > 0) {
      // An answer that is only errors is not a trace to show: say what the server said.
      throw new ImportError(`the Jaeger response holds no trace, only errors: ${root.errors.map(describeError).join('; ')}`, undefined, 'jaeger');
    }
    for (const e of Array.isArray(root.errors) ? root.errors : []) {
      // Not 'unreadable-span': that code counts span records, and these are whole traces the
      // server did not return. No code says "backend error" yet, so this is an info note.
      builder.note('interpretation', `Jaeger reported an error: ${describeError(e)}`, 'errors');
    }
    if (noData) builder.note('interpretation', 'the Jaeger response holds no traces (data is empty)');
    else if (Array.isArray(root.data)) root.data.forEach((t, i) => reader.readTrace(t, `${source}data[${i}]`));
    else reader.readTrace(root.data, `${source}data`);
  },
};

function isJaegerSpan(v: unknown): boolean {
  return isObject(v) && typeof v.spanID === 'string' && ('operationName' in v || 'traceID' in v);
}

function isJaegerTrace(v: unknown): boolean {
  if (!isObject(v) || !Array.isArray(v.spans)) return false;
  // Not `spans` alone: any-agent traces are `{spans: […]}` too.
  return typeof v.traceID === 'string' || isObject(v.processes) || isJaegerSpan(v.spans[0]);
}

function describeError(e: unknown): string {
  if (!isObject(e)) return JSON.stringify(e) ?? String(e);
  const trace = str(e.traceID) ? ` (trace ${e.traceID})` : '';
  const code = e.code !== undefined && e.code !== null ? ` [code ${String(e.code)}]` : '';
  return `${str(e.msg) ?? JSON.stringify(e)}${trace}${code}`;
}

const REF_TYPE_ATTR = 'opentracing.ref_type';

class JaegerReader {
  /** Resources by process id within the current trace object, and by content for embedded processes. */
  private processResources = new Map<string, Resource>();
  private readonly embeddedResources = new Map<string, Resource>();
  private readonly scopes = new Map<string, InstrumentationScope>();

  constructor(private readonly builder: TraceBuilder) {}

  readTrace(t: unknown, at: string): void {
    if (!isObject(t) || !Array.isArray(t.spans)) {
      this.builder.addUnreadable(at || 'trace', 'not a Jaeger trace (no spans array)');
      return;
    }
    if (Array.isArray(t.warnings)) {
      for (const w of t.warnings) if (typeof w === 'string') this.builder.note('interpretation', `Jaeger warning: ${w}`, at || undefined);
    }
    this.processResources = new Map();
    const processes = isObject(t.processes) ? t.processes : undefined;
    this.readSpans(t.spans, processes, str(t.traceID), `${at ? at + '.' : ''}spans`);
  }

  readSpans(spans: unknown[], processes: Record<string, unknown> | undefined, traceId: string | undefined, at: string): void {
    spans.forEach((s, i) => {
      const src = `${at}[${i}]`;
      if (!isObject(s)) this.builder.addUnreadable(src, 'not a span object');
      else this.readSpan(s, processes, traceId, src);
    });
  }

  private readSpan(s: Record<string, unknown>, processes: Record<string, unknown> | undefined, fallbackTraceId: string | undefined, source: string): void {
    const traceId = hexId(s.traceID) ?? hexId(fallbackTraceId);
    const startNs = readMicros(s.startTime);
    const duration = readMicros(s.duration);
    const { flat } = readKeyValues(s.tags);
    if (Array.isArray(s.warnings) && s.warnings.length)
      flat.push(
        'jaeger.warnings',
        s.warnings.map((w) => String(w)),
      );
    const attrs = new Attributes(flat);
    const { parentSpanId, links } = readReferences(s.references, traceId, hexId(s.parentSpanID));
    this.builder.addSpan({
      traceId,
      spanId: hexId(s.spanID),
      parentSpanId,
      name: str(s.operationName),
      kind: kindFromTags(attrs),
      startNs,
      endNs: startNs !== undefined && duration !== undefined ? startNs + duration : undefined,
      status: statusFromTags(attrs),
      attributes: attrs,
      events: readLogs(s.logs, startNs),
      links,
      resource: this.resourceFor(s, processes),
      scope: this.scopeFor(attrs),
      traceState: attrs.getString('w3c.tracestate') || undefined,
      flags: typeof s.flags === 'number' ? s.flags : undefined,
      source,
    });
  }

  private resourceFor(s: Record<string, unknown>, processes: Record<string, unknown> | undefined): Resource | undefined {
    const pid = str(s.processID);
    if (pid !== undefined && processes && Object.hasOwn(processes, pid)) {
      let r = this.processResources.get(pid);
      if (!r) this.processResources.set(pid, (r = resourceFromProcess(processes[pid])));
      return r;
    }
    if (isObject(s.process)) {
      // Embedded processes repeat per span; share one Resource per distinct content.
      const key = JSON.stringify(s.process);
      let r = this.embeddedResources.get(key);
      if (!r) this.embeddedResources.set(key, (r = resourceFromProcess(s.process)));
      return r;
    }
    return undefined;
  }

  private scopeFor(attrs: Attributes): InstrumentationScope {
    const scope = scopeFromTags(attrs);
    if (!scope) return EMPTY_SCOPE;
    const key = `${scope.name}\u0000${scope.version ?? ''}`;
    let s = this.scopes.get(key);
    if (!s) this.scopes.set(key, (s = scope));
    return s;
  }
}

function resourceFromProcess(p: unknown): Resource {
  const proc = isObject(p) ? p : {};
  const serviceName = str(proc.serviceName);
  const { flat } = readKeyValues(proc.tags);
  if (serviceName !== undefined) flat.unshift('service.name', serviceName);
  return { attributes: new Attributes(flat), serviceName };
}

function readReferences(refs: unknown, traceId: string | undefined, legacyParent: string | undefined): { parentSpanId?: string; links: SpanLink[] } {
  const links: SpanLink[] = [];
  let childOf: number | undefined;
  let followsFrom: number | undefined;
  const list = Array.isArray(refs) ? refs.filter(isObject) : [];
  const parsed = list.map((r) => ({ type: str(r.refType)?.toUpperCase() ?? '', traceId: hexId(r.traceID) ?? traceId, spanId: hexId(r.spanID) }));
  parsed.forEach((r, i) => {
    if (!r.spanId || !sameTrace(r.traceId, traceId)) return;
    if (r.type === 'CHILD_OF' && childOf === undefined) childOf = i;
    if (r.type === 'FOLLOWS_FROM' && followsFrom === undefined) followsFrom = i;
  });
  const parentIdx = childOf ?? followsFrom;
  parsed.forEach((r, i) => {
    if (i === childOf || !r.spanId) return;
    links.push({
      // Links keep OTLP's 32-digit trace ids; the builder pads span trace ids the same way.
      traceId: r.traceId !== undefined && r.traceId.length === 16 ? r.traceId.padStart(32, '0') : (r.traceId ?? ''),
      spanId: r.spanId,
      attributes: new Attributes(r.type ? [REF_TYPE_ATTR, r.type.toLowerCase()] : []),
    });
  });
  return { parentSpanId: parentIdx !== undefined ? parsed[parentIdx].spanId : legacyParent, links };
}

/** Jaeger mixes 64- and 128-bit trace ids; the builder pads 64-bit ones on the left. */
function sameTrace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a.padStart(32, '0') === b.padStart(32, '0');
}

function readLogs(logs: unknown, spanStart: UnixNanos | undefined): SpanEvent[] | undefined {
  if (!Array.isArray(logs) || logs.length === 0) return undefined;
  const events: SpanEvent[] = [];
  for (const log of logs) {
    if (!isObject(log)) continue;
    const timeNs = readMicros(log.timestamp) ?? spanStart;
    if (timeNs === undefined) continue; // neither the log nor its span has a time to place it at
    const { flat, event } = readKeyValues(log.fields, 'event');
    events.push({ timeNs, name: event ?? 'log', attributes: new Attributes(flat) });
  }
  return events;
}

/**
 * A Jaeger `KeyValue[]` as a flat attribute list. With `nameKey`, the first string value under
 * that key is returned separately instead of being listed.
 */
function readKeyValues(list: unknown, nameKey?: string): { flat: unknown[]; event?: string } {
  const flat: unknown[] = [];
  let event: string | undefined;
  if (!Array.isArray(list)) return { flat };
  for (const kv of list) {
    if (!isObject(kv) || typeof kv.key !== 'string') continue;
    const value = keyValueToAttr(kv.type, kv.value);
    if (nameKey !== undefined && event === undefined && kv.key === nameKey && typeof value === 'string') event = value;
    else flat.push(kv.key, value);
  }
  return { flat, event };
}

/** Jaeger's typed value; fixtures also write bools and numbers as strings ("true", "42"). */
function keyValueToAttr(type: unknown, v: unknown): AttrValue {
  switch (typeof type === 'string' ? type.toLowerCase() : '') {
    case 'string':
      return typeof v === 'string' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    case 'bool':
      return v === true || (typeof v === 'string' && v.toLowerCase() === 'true') || v === 1;
    case 'int64': {
      const n = intFromJson(v);
      return n ?? plainToAttr(v);
    }
    case 'float64': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      return Number.isNaN(n) ? plainToAttr(v) : n;
    }
    case 'binary':
      return typeof v === 'string' ? (base64ToBytes(v) ?? v) : plainToAttr(v);
    default:
      return plainToAttr(v);
  }
}

const KINDS: Record<string, SpanKind> = {
  server: SpanKind.Server,
  client: SpanKind.Client,
  producer: SpanKind.Producer,
  consumer: SpanKind.Consumer,
  internal: SpanKind.Internal,
};

function kindFromTags(attrs: Attributes): SpanKind | undefined {
  const k = attrs.getString('span.kind')?.toLowerCase();
  return k !== undefined && Object.hasOwn(KINDS, k) ? KINDS[k] : undefined;
}

/**
 * Status from the tags OTel exporters write for Jaeger and Zipkin: `otel.status_code`
 * (OK|ERROR) decides when present; otherwise an `error` tag that is true (OpenTracing) or, for
 * Zipkin, any `error` value (its value is the message) marks an error.
 */
export function statusFromTags(attrs: Attributes, errorTagIsMessage = false): SpanStatus | undefined {
  const description = attrs.getString('otel.status_description') || undefined;
  const code = attrs.getString('otel.status_code')?.toUpperCase();
  if (code === 'ERROR') return { code: StatusCode.Error, message: description };
  if (code === 'OK') return { code: StatusCode.Ok };
  const err = attrs.get('error');
  if (err === undefined) return undefined;
  if (errorTagIsMessage) {
    if (err === false || (typeof err === 'string' && err.toLowerCase() === 'false')) return undefined;
    const msg = typeof err === 'string' && err !== '' && err.toLowerCase() !== 'true' ? err : description;
    return { code: StatusCode.Error, message: msg };
  }
  if (err === true || (typeof err === 'string' && err.toLowerCase() === 'true')) return { code: StatusCode.Error, message: description };
  return undefined;
}

/** `otel.scope.name/version`, or the pre-1.0 `otel.library.name/version`. */
export function scopeFromTags(attrs: Attributes): InstrumentationScope | undefined {
  const name = attrs.getString('otel.scope.name') ?? attrs.getString('otel.library.name');
  if (name === undefined) return undefined;
  const version = attrs.getString('otel.scope.version') ?? attrs.getString('otel.library.version');
  return { name, version: version || undefined, attributes: Attributes.EMPTY };
}

function hexId(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}

/** Microseconds (number or decimal string) → ns. */
export function readMicros(v: unknown): UnixNanos | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? microsToNanos(v) : undefined;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return microsToNanos(BigInt(v));
  return undefined;
}
