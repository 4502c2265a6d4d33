import { Attributes } from '../model/attributes';
import { EMPTY_SCOPE, SpanKind, StatusCode, type InstrumentationScope, type Resource, type SpanEvent, type SpanLink, type SpanStatus } from '../model/span';
import { parseNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { normalizeId } from './ids';
import { intern } from './intern';
import { attributesFromJson } from './otlpValues';
import type { TraceBuilder } from './traceBuilder';

/**
 * OTLP/JSON (`TracesData` / `ExportTraceServiceRequest`) in every flavour seen in real files:
 * - the spec form: hex ids, integer enums, int64 as decimal strings;
 * - the protobuf-JSON form (gogo jsonpb, Python json_format): base64 ids, enum names such as
 *   `SPAN_KIND_CLIENT`, sometimes snake_case keys;
 * - wrappers: Tempo v1 `{batches}`, Tempo v2 `{trace:{resourceSpans}}`, Jaeger v3
 *   `{result:{resourceSpans}}`, oteltest `{trace_requests:[{pbreq}]}`; and the pre-1.0
 *   `instrumentationLibrarySpans` key;
 * - JSON Lines of TracesData (the collector's file exporter): index.ts calls `read` per line.
 */
export const otlpJsonImporter: JsonImporter = {
  format: 'otlp-json',
  label: 'OTLP JSON',
  sniff(root) {
    return findResourceSpans(root) !== undefined;
  },
  read(root, builder, source) {
    const found = findResourceSpans(root);
    if (!found) {
      builder.addUnreadable(source.replace(/: $/, '') || 'input', 'no resourceSpans in this record');
      return;
    }
    found.list.forEach((rs, i) => readResourceSpans(rs, builder, `${source}${found.key}[${i}]`));
    return found.label;
  },
};

interface Found {
  list: unknown[];
  key: string;
  label: string;
}

function findResourceSpans(root: unknown): Found | undefined {
  if (!isObject(root)) return undefined;
  const direct = (o: Record<string, unknown>, label: string, prefix: string): Found | undefined => {
    for (const key of ['resourceSpans', 'resource_spans', 'batches']) {
      const v = o[key];
      if (Array.isArray(v)) return { list: v, key: prefix + key, label: key === 'batches' ? 'OTLP JSON (Tempo batches)' : label };
    }
    return undefined;
  };
  const top = direct(root, 'OTLP JSON', '');
  if (top) return top;
  if (isObject(root.result)) return direct(root.result, 'OTLP JSON (Jaeger v3 result)', 'result.');
  if (isObject(root.trace)) return direct(root.trace, 'OTLP JSON (Tempo v2)', 'trace.');
  if (Array.isArray(root.trace_requests)) {
    // oteltest captures: several requests; flatten their resourceSpans.
    const list: unknown[] = [];
    for (const r of root.trace_requests) {
      const pb = isObject(r) && isObject(r.pbreq) ? r.pbreq : undefined;
      const rs = pb ? (pb.resourceSpans ?? pb.resource_spans) : undefined;
      if (Array.isArray(rs)) list.push(...rs);
    }
    return { list, key: 'trace_requests[].pbreq.resourceSpans', label: 'OTLP JSON (oteltest capture)' };
  }
  return undefined;
}

const KIND_NAMES: Record<string, SpanKind> = {
  SPAN_KIND_UNSPECIFIED: SpanKind.Unspecified,
  SPAN_KIND_INTERNAL: SpanKind.Internal,
  SPAN_KIND_SERVER: SpanKind.Server,
  SPAN_KIND_CLIENT: SpanKind.Client,
  SPAN_KIND_PRODUCER: SpanKind.Producer,
  SPAN_KIND_CONSUMER: SpanKind.Consumer,
};
const STATUS_NAMES: Record<string, StatusCode> = {
  STATUS_CODE_UNSET: StatusCode.Unset,
  STATUS_CODE_OK: StatusCode.Ok,
  STATUS_CODE_ERROR: StatusCode.Error,
};

function readKind(v: unknown): SpanKind {
  if (typeof v === 'number' && v >= 0 && v <= 5) return v as SpanKind;
  if (typeof v === 'string') return KIND_NAMES[v.toUpperCase()] ?? KIND_NAMES['SPAN_KIND_' + v.toUpperCase()] ?? SpanKind.Unspecified;
  return SpanKind.Unspecified;
}

/** Shared status objects for the common message-less case: one per code, not one per span. */
const PLAIN_STATUS: readonly SpanStatus[] = [{ code: StatusCode.Unset }, { code: StatusCode.Ok }, { code: StatusCode.Error }];
const NO_EVENTS = Object.freeze([]) as unknown as SpanEvent[];
const NO_LINKS = Object.freeze([]) as unknown as SpanLink[];

function readStatus(v: unknown): SpanStatus | undefined {
  if (!isObject(v)) return undefined;
  const c = v.code;
  let code: StatusCode = StatusCode.Unset;
  if (typeof c === 'number' && c >= 0 && c <= 2) code = c as StatusCode;
  else if (typeof c === 'string') code = STATUS_NAMES[c.toUpperCase()] ?? STATUS_NAMES['STATUS_CODE_' + c.toUpperCase()] ?? StatusCode.Unset;
  const message = str(v.message);
  return message ? { code, message } : PLAIN_STATUS[code];
}

function readResource(v: unknown): Resource {
  const attributes = attributesFromJson(isObject(v) ? v.attributes : undefined);
  const service = attributes.get('service.name');
  return { attributes, serviceName: typeof service === 'string' ? service : undefined };
}

function readScope(v: unknown): InstrumentationScope {
  if (!isObject(v)) return EMPTY_SCOPE;
  return { name: str(v.name) ?? '', version: str(v.version) || undefined, attributes: attributesFromJson(v.attributes) };
}

function readResourceSpans(rs: unknown, b: TraceBuilder, at: string): void {
  if (!isObject(rs)) {
    b.addUnreadable(at, 'not an object');
    return;
  }
  const resource = readResource(rs.resource);
  const scopes = rs.scopeSpans ?? rs.scope_spans ?? rs.instrumentationLibrarySpans ?? rs.instrumentation_library_spans;
  if (!Array.isArray(scopes)) return;
  const scopeKey = rs.scopeSpans ? 'scopeSpans' : rs.scope_spans ? 'scope_spans' : 'instrumentationLibrarySpans';
  scopes.forEach((ss, j) => {
    const sat = `${at}.${scopeKey}[${j}]`;
    if (!isObject(ss)) {
      b.addUnreadable(sat, 'not an object');
      return;
    }
    const scope = readScope(ss.scope ?? ss.instrumentationLibrary ?? ss.instrumentation_library);
    const spans = ss.spans;
    if (!Array.isArray(spans)) return;
    for (let k = 0; k < spans.length; k++) readSpan(spans[k], resource, scope, b, `${sat}.spans[${k}]`);
  });
}

function readSpan(s: unknown, resource: Resource, scope: InstrumentationScope, b: TraceBuilder, source: string): void {
  if (!isObject(s)) {
    b.addUnreadable(source, 'span is not an object');
    return;
  }
  const start = parseNanos(s.startTimeUnixNano ?? s.start_time_unix_nano);
  const end = parseNanos(s.endTimeUnixNano ?? s.end_time_unix_nano);
  const lossy = start?.lossy || end?.lossy;
  b.addSpan({
    traceId: normalizeId(s.traceId ?? s.trace_id, 16),
    spanId: normalizeId(s.spanId ?? s.span_id, 8),
    parentSpanId: normalizeId(s.parentSpanId ?? s.parent_span_id, 8),
    name: typeof s.name === 'string' ? intern(s.name) : s.name === undefined || s.name === null ? '' : JSON.stringify(s.name),
    kind: readKind(s.kind),
    startNs: start?.ns,
    endNs: end?.ns,
    status: readStatus(s.status),
    attributes: attributesFromJson(s.attributes),
    events: readEvents(s.events),
    links: readLinks(s.links),
    resource,
    scope,
    traceState: str(s.traceState ?? s.trace_state) || undefined,
    flags: typeof s.flags === 'number' ? s.flags : undefined,
    source,
    timestampNote: lossy ? 'timestamp written as a JSON number past 2^53; sub-microsecond digits may be wrong' : undefined,
  });
}

function readEvents(v: unknown): SpanEvent[] {
  if (!Array.isArray(v) || v.length === 0) return NO_EVENTS;
  const out: SpanEvent[] = [];
  for (const e of v) {
    if (!isObject(e)) continue;
    out.push({
      timeNs: parseNanos(e.timeUnixNano ?? e.time_unix_nano)?.ns ?? 0n,
      name: str(e.name) ?? '',
      attributes: attributesFromJson(e.attributes),
    });
  }
  return out;
}

function readLinks(v: unknown): SpanLink[] {
  if (!Array.isArray(v) || v.length === 0) return NO_LINKS;
  const out: SpanLink[] = [];
  for (const l of v) {
    if (!isObject(l)) continue;
    out.push({
      traceId: normalizeId(l.traceId ?? l.trace_id, 16) ?? '',
      spanId: normalizeId(l.spanId ?? l.span_id, 8) ?? '',
      traceState: str(l.traceState) || undefined,
      attributes: l.attributes ? attributesFromJson(l.attributes) : Attributes.EMPTY,
    });
  }
  return out;
}
