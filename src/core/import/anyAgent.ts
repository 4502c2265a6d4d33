/**
 * any-agent `AgentTrace` JSON and OTel Python span dicts → spans.
 *
 * - any-agent (mozilla-ai) `AgentTrace.model_dump_json()`: `{spans:[…], final_output}`, each span
 *   `{name, kind:"internal", parent:{trace_id, span_id, …}|null, start_time, end_time,
 *   status:{status_code:"ok"|"error"|"unset", description}, context:{trace_id, span_id,
 *   trace_flags:{value}, trace_state:{entries}}, attributes, links:[{context, attributes}],
 *   events:[{name, timestamp, attributes}], resource:{attributes, schema_url}}`. Ids are Python
 *   ints and times integer nanoseconds.
 * - OTel Python `ReadableSpan.to_json()` dicts: the same skeleton with `"0x…"` hex ids (or plain
 *   hex, as some dumps strip the prefix),
 *   `parent_id`, ISO times, `kind:"SpanKind.INTERNAL"` and upper-case status codes; as an array,
 *   under `spans`, or one per line.
 *
 * Precision: trace ids (128 bit), span ids (64 bit) and nanosecond times (~1.7e18) are past
 * 2^53, so `JSON.parse` has already rounded them before we see them. Ids are converted from the
 * rounded number the same way on both sides of a parent link (equal JSON digits give equal
 * hex), so links that matched in the file still match; the hex is not the producer's exact id.
 * One `timestamp-precision` note per input says so.
 *
 * Attribute written by this importer besides the span's own:
 * - `any_agent.final_output`: the trace's `final_output` (JSON text unless a string), on the
 *   only span without a parent, when there is exactly one.
 */
import { Attributes, newAttrMap, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { EMPTY_RESOURCE, SpanKind, StatusCode, type RawSpan, type Resource, type SpanEvent, type SpanLink, type SpanStatus } from '../model/span';
import { isoToNanos, parseNanos, type UnixNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { intToHex } from './ids';
import { attributesFromObject, plainToAttr } from './otlpValues';

type Json = Record<string, unknown>;

interface SpanDictInput {
  spans: unknown[];
  path: string;
  /** The AgentTrace object, when the input is one. */
  agentTrace?: Json;
}

/** What lost precision while reading one input; reported once. */
interface Lossy {
  ids: boolean;
  times: boolean;
}

export const anyAgentImporter: JsonImporter = {
  exactIntegers: true,
  format: 'any-agent',
  label: 'any-agent trace JSON',
  sniff: (root) => inputOf(root, false) !== undefined,
  read(root, builder, source) {
    // After detection the input is re-read with long integers as decimal text (exactIntegers).
    const input = inputOf(root, true);
    if (!input) throw new ImportError('not an any-agent trace or a list of Python span dicts');
    const lossy: Lossy = { ids: false, times: false };
    const resources = new Map<string, Resource>();
    const spans: RawSpan[] = [];
    input.spans.forEach((s, i) => {
      const at = `${source}${input.path}[${i}]`;
      if (!isObject(s)) return builder.addUnreadable(at, 'span is not an object');
      try {
        spans.push(spanOf(s, at, lossy, resources));
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${(e as Error).message})`);
      }
    });
    const out = input.agentTrace?.final_output;
    const roots = spans.filter((s) => !s.parentSpanId);
    if (out !== undefined && out !== null && roots.length === 1) {
      const flat = [...(roots[0].attributes ?? Attributes.EMPTY).entries()].flat();
      flat.push('any_agent.final_output', typeof out === 'string' ? out : jsonText(out));
      roots[0].attributes = new Attributes(flat);
    }
    for (const s of spans) builder.addSpan(s);
    if (lossy.ids || lossy.times) {
      const what = [lossy.ids && 'trace and span ids', lossy.times && 'nanosecond timestamps'].filter(Boolean).join(' and ');
      builder.note(
        'timestamp-precision',
        `${what} are JSON integers past 2^53, so their low digits were rounded when the JSON was parsed; ids are shown as read (parent links are matched on the same rounded values) and times may be off by up to a few hundred nanoseconds`,
        source || undefined,
      );
    }
    return isPythonToJson(input.spans[0]) ? 'OTel Python span JSON' : undefined;
  },
};

/**
 * A span dict: `context.span_id` is an int (any-agent) or `0x…` hex (Python `to_json`).
 * `decimalText` accepts ids as decimal strings, which only the exact re-read produces: sniffing
 * must not, or a Phoenix span whose hex id happens to be all digits would be taken for one.
 */
function isSpanDict(v: unknown, decimalText: boolean): v is Json {
  if (!isObject(v) || !isObject(v.context)) return false;
  const id = v.context.span_id;
  const idOk =
    typeof id === 'number' ||
    typeof id === 'bigint' ||
    (typeof id === 'string' && (/^0x[0-9a-f]+$/i.test(id) || (decimalText && /^\d+$/.test(id)) || (PLAIN_HEX.test(id) && hasPythonShape(v))));
  return idOk && ('parent' in v || 'parent_id' in v || 'start_time' in v);
}

/** Hex without `0x` that is certainly hex (it has a letter): some dumps strip the prefix. */
const PLAIN_HEX = /^[0-9a-f]*[a-f][0-9a-f]*$/i;

/**
 * The marks of a Python `to_json()` dict that Phoenix spans (same `context`, `parent_id` and
 * `start_time` keys, plain hex ids) lack: `kind: "SpanKind.…"` or a `status` object.
 */
function hasPythonShape(v: Json): boolean {
  return (typeof v.kind === 'string' && v.kind.startsWith('SpanKind.')) || isObject(v.status);
}

function isPythonToJson(span: unknown): boolean {
  return (
    isObject(span) &&
    isObject(span.context) &&
    typeof span.context.span_id === 'string' &&
    (span.context.span_id.startsWith('0x') || PLAIN_HEX.test(span.context.span_id))
  );
}

function inputOf(root: unknown, decimalText: boolean): SpanDictInput | undefined {
  if (Array.isArray(root)) return isSpanDict(root[0], decimalText) ? { spans: root, path: '' } : undefined;
  if (isSpanDict(root, decimalText)) return { spans: [root], path: '' };
  if (isObject(root) && Array.isArray(root.spans) && isSpanDict(root.spans[0], decimalText)) {
    return { spans: root.spans, path: 'spans', agentTrace: root };
  }
  return undefined;
}

function spanOf(s: Json, at: string, lossy: Lossy, resources: Map<string, Resource>): RawSpan {
  const ctx = isObject(s.context) ? s.context : {};
  const parentId = isObject(s.parent) ? idOf(s.parent.span_id, 8, lossy) : idOf(s.parent_id, 8, lossy);
  const flags = isObject(ctx.trace_flags) ? ctx.trace_flags.value : ctx.trace_flags;
  return {
    traceId: idOf(ctx.trace_id, 16, lossy),
    spanId: idOf(ctx.span_id, 8, lossy),
    parentSpanId: parentId,
    name: str(s.name),
    kind: kindOf(s.kind),
    startNs: timeOf(s.start_time, lossy),
    endNs: timeOf(s.end_time, lossy),
    status: statusOf(s.status),
    attributes: attributesFromObject(s.attributes),
    events: Array.isArray(s.events) ? eventsOf(s.events, lossy) : [],
    links: Array.isArray(s.links) ? linksOf(s.links, lossy) : [],
    resource: resourceOf(s.resource, resources),
    traceState: traceStateOf(ctx.trace_state),
    flags: typeof flags === 'number' ? flags : undefined,
    source: at,
  };
}

/**
 * Python int ids (rounded by JSON.parse past 2^53; a value rounded up to 2^64 or 2^128 is
 * clamped to the largest id so it stays the right size), `0x…` hex, or a decimal string.
 */
function idOf(v: unknown, bytes: number, lossy: Lossy): string | undefined {
  if (v === undefined || v === null || v === '' || v === 0) return undefined;
  if (typeof v === 'number' || typeof v === 'bigint') {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) lossy.ids = true;
    const max = (1n << BigInt(bytes * 8)) - 1n;
    const big = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    if (big < 0n) return String(v); // not an id; the builder reports it
    return big > max ? max.toString(16) : intToHex(big, bytes);
  }
  if (typeof v === 'string') {
    if (/^0x[0-9a-f]+$/i.test(v))
      return v
        .slice(2)
        .toLowerCase()
        .padStart(bytes * 2, '0');
    if (/^\d+$/.test(v)) return intToHex(BigInt(v), bytes);
    // Hex with the `0x` stripped. (An all-digit one reads as decimal above: the same on both
    // sides of a parent link, so the tree holds even then.)
    if (PLAIN_HEX.test(v)) return v.toLowerCase().padStart(bytes * 2, '0');
    return v;
  }
  return String(v);
}

function timeOf(v: unknown, lossy: Lossy): UnixNanos | undefined {
  if (typeof v === 'string' && !/^-?\d+$/.test(v)) return isoToNanos(v);
  const t = parseNanos(v);
  if (t?.lossy) lossy.times = true;
  return t?.ns;
}

const KINDS: Record<string, SpanKind> = {
  internal: SpanKind.Internal,
  server: SpanKind.Server,
  client: SpanKind.Client,
  producer: SpanKind.Producer,
  consumer: SpanKind.Consumer,
};

/** "internal" (any-agent) or "SpanKind.INTERNAL" (Python `to_json`). */
function kindOf(v: unknown): SpanKind {
  if (typeof v !== 'string') return SpanKind.Unspecified;
  const k = v.replace(/^SpanKind\./i, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(KINDS, k) ? KINDS[k] : SpanKind.Unspecified;
}

function statusOf(v: unknown): SpanStatus {
  if (!isObject(v)) return { code: StatusCode.Unset };
  const code = String(v.status_code ?? '')
    .replace(/^StatusCode\./i, '')
    .toUpperCase();
  if (code === 'ERROR') return { code: StatusCode.Error, message: str(v.description) || undefined };
  if (code === 'OK') return { code: StatusCode.Ok };
  return { code: StatusCode.Unset };
}

function eventsOf(list: unknown[], lossy: Lossy): SpanEvent[] {
  const out: SpanEvent[] = [];
  for (const e of list) {
    if (!isObject(e)) continue;
    const t = timeOf(e.timestamp, lossy);
    if (t !== undefined) out.push({ timeNs: t, name: str(e.name) ?? '', attributes: attributesFromObject(e.attributes) });
  }
  return out;
}

function linksOf(list: unknown[], lossy: Lossy): SpanLink[] {
  const out: SpanLink[] = [];
  for (const l of list) {
    if (!isObject(l) || !isObject(l.context)) continue;
    const traceId = idOf(l.context.trace_id, 16, lossy);
    const spanId = idOf(l.context.span_id, 8, lossy);
    if (traceId && spanId) out.push({ traceId, spanId, attributes: attributesFromObject(l.attributes) });
  }
  return out;
}

/** any-agent writes `{entries:{k:v}}`; Python `to_json` writes a repr string, which is skipped. */
function traceStateOf(v: unknown): string | undefined {
  if (!isObject(v) || !isObject(v.entries)) return undefined;
  const parts = Object.keys(v.entries).map((k) => `${k}=${String((v.entries as Json)[k])}`);
  return parts.length ? parts.join(',') : undefined;
}

/** Every span carries its own copy of the resource; identical ones share one `Resource`. */
function resourceOf(v: unknown, cache: Map<string, Resource>): Resource {
  if (!isObject(v) || !isObject(v.attributes)) return EMPTY_RESOURCE;
  const attrs = v.attributes;
  const key = jsonText(attrs);
  let r = cache.get(key);
  if (!r) {
    const rec = newAttrMap();
    for (const k of Object.keys(attrs)) rec[k] = plainToAttr(attrs[k]) satisfies AttrValue;
    cache.set(key, (r = { attributes: Attributes.fromRecord(rec), serviceName: str(attrs['service.name']) }));
  }
  return r;
}

/** JSON text that tolerates bigints (what a lossless JSON parser gives for big integers). */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}
