/**
 * Arize Phoenix REST span JSON → spans.
 *
 * - `GET /v1/projects/{id}/spans` returns `{data:[span…], next_cursor}`; a span is
 *   `{id, name, context:{trace_id, span_id}, span_kind, parent_id, start_time, end_time,
 *   status_code, status_message, attributes, events:[{name, timestamp, attributes}]}` with ISO
 *   times and hex ids. Also read: a bare array of such spans, and one span per line (JSON Lines).
 * - `GET /v1/projects/{id}/spans/otlpv1` returns `{data:[…], next_cursor}` with OTLP spans in
 *   snake_case (`trace_id`, `span_id`, `parent_span_id`, `start_time_unix_nano`, attributes as
 *   `[{key, value:{string_value…}}]`, `status:{code, message}`).
 *
 * Phoenix moves `openinference.span.kind` out of the attributes into `span_kind`; it is put
 * back (unless it is Phoenix's placeholder `UNKNOWN`) so the OpenInference semantics see it.
 * Attributes may arrive nested (`{"llm":{"token_count":{"prompt":10}}}`) and are flattened to
 * dotted keys the way Phoenix's own `flatten(…, recurse_on_sequence=True)` does: objects
 * recurse, arrays of objects recurse with the index as a key segment
 * (`llm.input_messages.0.message.role`), other arrays stay values.
 *
 * Attribute written by this importer besides the span's own:
 * - `phoenix.span.global_id`: Phoenix's relay node id of the span (`id`), when present.
 */
import { Attributes, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { StatusCode, type RawSpan, type SpanEvent, type SpanStatus } from '../model/span';
import { isoToNanos, parseNanos, type UnixNanos } from '../model/time';
import { firstElement, isObject, str, type JsonImporter } from './importer';
import { normalizeId } from './ids';
import { attributesFromJson, plainToAttr } from './otlpValues';

type Json = Record<string, unknown>;

interface PhoenixInput {
  spans: unknown[];
  path: string;
  otlp: boolean;
}

export const phoenixImporter: JsonImporter = {
  format: 'phoenix',
  label: 'Phoenix span JSON',
  sniff: (root) => inputOf(root) !== undefined,
  read(root, builder, source) {
    const input = inputOf(root);
    if (!input) throw new ImportError('not a Phoenix span list');
    const lossy = { seen: false };
    input.spans.forEach((s, i) => {
      const at = `${source}${input.path}[${i}]`;
      if (!isObject(s)) return builder.addUnreadable(at, 'span is not an object');
      try {
        builder.addSpan(input.otlp ? otlpSpan(s, at, lossy) : phoenixSpan(s, at));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${(e as Error).message})`);
      }
    });
    if (lossy.seen) {
      builder.note(
        'timestamp-precision',
        'timestamps are JSON numbers past 2^53 nanoseconds; their last digits were rounded when the JSON was parsed',
        source || undefined,
      );
    }
    return input.otlp ? 'Phoenix OTLP span JSON' : undefined;
  },
};

/** A Phoenix span: hex `context.span_id` (never the `0x…` of Python's `to_json`). */
function isPhoenixSpan(v: unknown): v is Json {
  if (!isObject(v) || !isObject(v.context) || typeof v.name !== 'string') return false;
  const id = v.context.span_id;
  return typeof id === 'string' && !/^0x/i.test(id) && ('span_kind' in v || 'status_code' in v || typeof v.start_time === 'string');
}

function isOtlpSnakeSpan(v: unknown): v is Json {
  return isObject(v) && typeof v.span_id === 'string' && typeof v.trace_id === 'string' && ('start_time_unix_nano' in v || 'end_time_unix_nano' in v);
}

function inputOf(root: unknown): PhoenixInput | undefined {
  if (isPhoenixSpan(root)) return { spans: [root], path: '', otlp: false };
  if (Array.isArray(root)) return isPhoenixSpan(root[0]) ? { spans: root, path: '', otlp: false } : undefined;
  if (isObject(root) && Array.isArray(root.data)) {
    const first = firstElement(root.data);
    if (isPhoenixSpan(first)) return { spans: root.data, path: 'data', otlp: false };
    // The OTLP variant only inside Phoenix's paginated envelope, where nothing else uses it.
    if (isOtlpSnakeSpan(first) && 'next_cursor' in root) return { spans: root.data, path: 'data', otlp: true };
  }
  return undefined;
}

function phoenixSpan(s: Json, at: string): RawSpan {
  const ctx = isObject(s.context) ? s.context : {};
  const flat: unknown[] = [];
  if (isObject(s.attributes)) flattenInto(flat, '', s.attributes);
  const kind = str(s.span_kind);
  if (kind && kind.toUpperCase() !== 'UNKNOWN' && !hasKey(flat, 'openinference.span.kind')) flat.push('openinference.span.kind', kind.toUpperCase());
  const gid = str(s.id);
  if (gid) flat.push('phoenix.span.global_id', gid);
  return {
    traceId: normalizeId(ctx.trace_id, 16),
    spanId: normalizeId(ctx.span_id, 8),
    parentSpanId: normalizeId(s.parent_id, 8),
    name: str(s.name),
    startNs: timeOf(s.start_time),
    endNs: timeOf(s.end_time),
    status: statusOf(s.status_code, s.status_message),
    attributes: new Attributes(flat),
    events: Array.isArray(s.events) ? s.events.filter(isObject).map(eventOf) : [],
    source: at,
  };
}

function otlpSpan(s: Json, at: string, lossy: { seen: boolean }): RawSpan {
  const nanos = (v: unknown): UnixNanos | undefined => {
    const t = parseNanos(v);
    if (t?.lossy) lossy.seen = true;
    return t?.ns;
  };
  const st = isObject(s.status) ? s.status : {};
  const code = st.code;
  const events: SpanEvent[] = [];
  if (Array.isArray(s.events)) {
    for (const e of s.events) {
      if (!isObject(e)) continue;
      const t = nanos(e.time_unix_nano);
      if (t !== undefined) events.push({ timeNs: t, name: str(e.name) ?? '', attributes: attributesFromJson(e.attributes) });
    }
  }
  return {
    traceId: normalizeId(s.trace_id, 16),
    spanId: normalizeId(s.span_id, 8),
    parentSpanId: normalizeId(s.parent_span_id, 8),
    name: str(s.name),
    startNs: nanos(s.start_time_unix_nano),
    endNs: nanos(s.end_time_unix_nano),
    status: code === 2 ? { code: StatusCode.Error, message: str(st.message) } : code === 1 ? { code: StatusCode.Ok } : { code: StatusCode.Unset },
    attributes: attributesFromJson(s.attributes),
    events,
    traceState: str(s.trace_state) || undefined,
    source: at,
  };
}

function eventOf(e: Json): SpanEvent {
  const flat: unknown[] = [];
  if (isObject(e.attributes)) flattenInto(flat, '', e.attributes);
  return { timeNs: timeOf(e.timestamp) ?? 0n, name: str(e.name) ?? '', attributes: new Attributes(flat) };
}

/** ISO-8601 (what Phoenix sends); decimal nanoseconds are accepted for hand-made files. */
function timeOf(v: unknown): UnixNanos | undefined {
  if (typeof v === 'string') return isoToNanos(v) ?? parseNanos(v)?.ns;
  return parseNanos(v)?.ns;
}

function statusOf(code: unknown, message: unknown): SpanStatus {
  const c = typeof code === 'string' ? code.toUpperCase() : '';
  if (c === 'ERROR') return { code: StatusCode.Error, message: str(message) || undefined };
  if (c === 'OK') return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}

function hasKey(flat: unknown[], key: string): boolean {
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === key) return true;
  return false;
}

/**
 * Appends `[dotted key, value]` pairs of a nested attribute object to `flat`, as Phoenix's
 * `flatten(…, recurse_on_sequence=True)`. Empty objects contribute nothing, as there.
 */
export function flattenInto(flat: unknown[], prefix: string, obj: Json): void {
  for (const k of Object.keys(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    const v = obj[k];
    if (isObject(v)) flattenInto(flat, key, v);
    else if (Array.isArray(v) && v.length > 0 && v.every(isObject)) v.forEach((item, i) => flattenInto(flat, `${key}.${i}`, item));
    else flat.push(key, plainToAttr(v) satisfies AttrValue);
  }
}
