/**
 * Langfuse JSON → spans. One observation is one span.
 *
 * Shapes read:
 * - UI/tRPC export `{trace:{…}, observations:[…]}` (the corpus files). The top-level
 *   `observations` win over `trace.observations`, whose input/output/metadata exports leave empty.
 * - Public API TraceWithFullDetails `{id, timestamp, name, …, observations:[…], scores:[…]}`.
 * - Observation lists `{data:[observation…], meta}` (/api/public/observations and
 *   /api/public/v2/observations) and a bare array of observations; these may hold many traces.
 *
 * Ids: Langfuse ids are OTel hex ids when the data came in over OTLP, otherwise UUIDs or any
 * string. A 16-hex observation id is kept; anything else becomes a stable 16-hex hash, applied
 * to `id` and `parentObservationId` alike so parent links still resolve. Trace ids: 32 hex kept,
 * a UUID loses its dashes, anything else is hashed to 32 hex. The originals stay as attributes.
 *
 * The trace object. A root is an observation without `parentObservationId` or whose parent is
 * not in the file. When a trace has exactly one root, that observation stands for the trace and
 * gets the trace-level attributes (a root whose parent is missing is then left to the
 * TraceBuilder, which reports it as an orphan). With several roots (or a trace object without
 * observations), a synthetic root span named after the trace is added above all of them, the
 * missing parent id is kept as `langfuse.observation.parent_observation_id`, and an
 * `interpretation` note says so.
 *
 * Attributes this importer writes (read by the agent-semantics layer):
 *
 * On every observation span, after the original OTel attributes from `metadata.attributes`
 * (which keep their own keys: gen_ai.*, openinference, ai.*, …; the keys below win on a clash):
 * - `langfuse.observation.id`            original observation id (string)
 * - `langfuse.trace.id`                  original trace id (string)
 * - `langfuse.observation.type`          SPAN | GENERATION | AGENT | TOOL | CHAIN | RETRIEVER |
 *                                        EMBEDDING | EVENT | GUARDRAIL | EVALUATOR, upper-cased;
 *                                        unknown types are kept as written
 * - `langfuse.observation.level`         DEBUG | DEFAULT | WARNING | ERROR (ERROR also sets status)
 * - `langfuse.observation.status_message`
 * - `langfuse.observation.input`, `langfuse.observation.output`
 *                                        string as given (Langfuse often stores JSON text);
 *                                        objects and arrays as JSON text
 * - `langfuse.observation.model.name`    `model` (v2: `providedModelName`)
 * - `langfuse.observation.model.parameters.<name>`   one per `modelParameters` entry (nulls skipped)
 * - `langfuse.observation.usage_details.<name>`      number of units, from `usageDetails`; when
 *                                        that is absent, `input`/`output`/`total` from `usage` or
 *                                        `inputUsage`/`outputUsage`/`totalUsage`
 * - `langfuse.observation.cost_details.<name>`       USD, from `costDetails`; when absent,
 *                                        `input`/`output`/`total` from `calculated*Cost`,
 *                                        `inputCost`/`outputCost`/`totalCost` or `usage.*Cost`
 * - `langfuse.observation.completion_start_time`     ISO string (time to first token)
 * - `langfuse.observation.prompt.name`, `langfuse.observation.prompt.version`
 * - `langfuse.observation.tool_call_names`           string[] (UI exports only, when non-empty)
 * - `langfuse.observation.metadata.<key>` metadata entries other than the OTel envelope keys
 *                                        `attributes`, `resourceAttributes`, `scope`;
 *                                        `langfuse.observation.metadata` (string) when the
 *                                        metadata is not a JSON object
 * - `langfuse.environment`, `langfuse.version`
 * - `langfuse.observation.parent_observation_id`     the missing parent of a root placed under
 *                                        a synthetic root (see above)
 *
 * On the span that stands for the trace (single root or synthetic root):
 * - `langfuse.trace.name`, `langfuse.trace.input`, `langfuse.trace.output` (string, as above),
 *   `langfuse.trace.tags` (string[]), `langfuse.trace.public` (boolean),
 *   `langfuse.trace.metadata.<key>` (same envelope rule), `langfuse.trace.total_cost` (USD),
 *   `langfuse.release`, `user.id`, `session.id` (the keys Langfuse's own OTel mapping uses);
 *   `langfuse.environment` and `langfuse.version` from the trace when the span has none
 * - `langfuse.synthetic_root` = true on a synthetic root only
 * Scores (`trace.scores`) go on the span of their `observationId`, else on the trace's span:
 * - `langfuse.score.<name>.value` (number, or string for categorical scores)
 * - `langfuse.score.<name>.comment`
 *
 * Resource and scope come from `metadata.resourceAttributes` and `metadata.scope`.
 */
import { Attributes, newAttrMap, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { EMPTY_RESOURCE, EMPTY_SCOPE, StatusCode, type InstrumentationScope, type RawSpan, type Resource } from '../model/span';
import { isoToNanos, type UnixNanos } from '../model/time';
import { firstElement, isObject, str, type JsonImporter } from './importer';
import { plainToAttr } from './otlpValues';
import type { TraceBuilder } from './traceBuilder';

type Json = Record<string, unknown>;
type AttrRecord = Record<string, AttrValue>;

interface LangfuseInput {
  trace?: Json;
  observations: unknown[];
  /** Path of the observation list in the input, for diagnostics. */
  path: string;
  label: string;
}

export const langfuseImporter: JsonImporter = {
  format: 'langfuse',
  label: 'Langfuse JSON',
  sniff: (root) => inputOf(root) !== undefined,
  read(root, builder, source) {
    const input = inputOf(root);
    if (!input) throw new ImportError('not a Langfuse trace or observation list');
    readInput(input, builder, source);
    return input.label;
  },
};

function isObservation(v: unknown): v is Json {
  return isObject(v) && typeof v.id === 'string' && typeof v.startTime === 'string' && (typeof v.traceId === 'string' || 'parentObservationId' in v);
}

function inputOf(root: unknown): LangfuseInput | undefined {
  if (Array.isArray(root)) return isObservation(root[0]) ? { observations: root, path: '', label: 'Langfuse observations' } : undefined;
  if (!isObject(root)) return undefined;
  const trace = root.trace;
  if (isObject(trace) && (Array.isArray(root.observations) || Array.isArray(trace.observations))) {
    const top = Array.isArray(root.observations);
    return {
      trace,
      observations: (top ? root.observations : trace.observations) as unknown[],
      path: top ? 'observations' : 'trace.observations',
      label: 'Langfuse trace export',
    };
  }
  if (typeof root.id === 'string' && typeof root.timestamp === 'string' && Array.isArray(root.observations)) {
    const first = firstElement(root.observations);
    if (first === undefined || isObservation(first))
      return { trace: root, observations: root.observations, path: 'observations', label: 'Langfuse trace (public API)' };
  }
  if (Array.isArray(root.data) && isObservation(firstElement(root.data))) {
    return { observations: root.data, path: 'data', label: 'Langfuse observations (public API)' };
  }
  return undefined;
}

//#region ids

const HEX16 = /^[0-9a-fA-F]{16}$/;
const HEX32 = /^[0-9a-fA-F]{32}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** FNV-1a over UTF-16 code units with a murmur3 finaliser; `seed` picks one 32-bit lane. */
function hash32(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable `chars`-hex id for an arbitrary string (never all zeros). */
function hashId(s: string, chars: number): string {
  let out = '';
  for (let lane = 0; out.length < chars; lane++)
    out += hash32(s, Math.imul(lane + 1, 0x9e3779b9))
      .toString(16)
      .padStart(8, '0');
  return /^0+$/.test(out) ? out.slice(0, -1) + '1' : out;
}

function spanIdOf(id: string): string {
  return HEX16.test(id) ? id.toLowerCase() : hashId(id, 16);
}

/** Empty (no trace id anywhere) stays undefined: the TraceBuilder reports it and picks a home. */
function traceIdOf(id: string): string | undefined {
  if (id === '') return undefined;
  if (HEX32.test(id) || HEX16.test(id)) return id.toLowerCase();
  if (UUID.test(id)) return id.replace(/-/g, '').toLowerCase();
  return hashId(id, 32);
}

//#endregion

interface Group {
  traceId: string;
  entries: { o: Json; at: string }[];
}

function readInput(input: LangfuseInput, builder: TraceBuilder, source: string): void {
  const trace = input.trace;
  const traceObjId = trace ? (str(trace.id) ?? '') : undefined;
  const groups = new Map<string, Group>();
  const groupOf = (tid: string) => {
    let g = groups.get(tid);
    if (!g) groups.set(tid, (g = { traceId: tid, entries: [] }));
    return g;
  };
  if (traceObjId !== undefined) groupOf(traceObjId);
  input.observations.forEach((o, i) => {
    const at = `${source}${input.path}[${i}]`;
    if (!isObject(o)) builder.addUnreadable(at, 'observation is not an object');
    else groupOf(str(o.traceId) ?? traceObjId ?? '').entries.push({ o, at });
  });
  for (const g of groups.values()) {
    try {
      readGroup(g, g.traceId === traceObjId ? trace : undefined, builder, source);
    } catch (e) {
      // Only a pathological value (e.g. nesting deep enough to exhaust the stack) gets here.
      builder.addUnreadable(`${source}trace ${g.traceId}`, `could not be read (${(e as Error).message})`);
    }
  }
}

function readGroup(g: Group, trace: Json | undefined, builder: TraceBuilder, source: string): void {
  const traceId = traceIdOf(g.traceId);
  const spans: RawSpan[] = [];
  const attrsOf: AttrRecord[] = [];
  const spanIndexById = new Map<string, number>();
  for (const { o, at } of g.entries) {
    const attrs = newAttrMap();
    const span = observationToSpan(o, traceId, g.traceId, attrs, at);
    if (typeof o.id === 'string') spanIndexById.set(o.id, spans.length);
    spans.push(span);
    attrsOf.push(attrs);
  }
  // A root has no parent, or a parent that is not in the file.
  const roots: number[] = [];
  g.entries.forEach((e, i) => {
    const p = str(e.o.parentObservationId);
    if (!p || !spanIndexById.has(p)) roots.push(i);
  });

  let syntheticRoot: { span: RawSpan; attrs: AttrRecord } | undefined;
  if (roots.length > 1 || (g.entries.length === 0 && trace !== undefined)) {
    const name = (trace && str(trace.name)) || `trace ${g.traceId}`;
    const attrs = newAttrMap();
    const span = syntheticRootSpan(trace, g, traceId, spans, name, attrs, source);
    let orphans = 0;
    for (const i of roots) {
      const missing = str(g.entries[i].o.parentObservationId);
      if (missing) {
        orphans++;
        attrsOf[i]['langfuse.observation.parent_observation_id'] = missing;
      }
      spans[i].parentSpanId = span.spanId;
    }
    syntheticRoot = { span, attrs };
    const orphanText = orphans ? ` (${orphans} of them name a parent that is not in the file)` : '';
    builder.note(
      'interpretation',
      g.entries.length === 0
        ? `Langfuse trace "${name}" has no observations; it is shown as one span`
        : `Langfuse trace "${name}" has ${roots.length} root observations${orphanText}; a synthetic root span "${name}" stands for the trace`,
      `${source}trace`,
    );
  }

  const traceTargets = syntheticRoot ? [syntheticRoot.attrs] : roots.map((i) => attrsOf[i]);
  if (trace) {
    for (const t of traceTargets) addTraceAttributes(trace, t);
    for (const s of Array.isArray(trace.scores) ? trace.scores : []) {
      if (!isObject(s)) continue;
      const oid = str(s.observationId);
      const idx = oid !== undefined ? spanIndexById.get(oid) : undefined;
      for (const t of idx !== undefined ? [attrsOf[idx]] : traceTargets) addScore(s, t);
    }
  }

  if (syntheticRoot) {
    syntheticRoot.span.attributes = Attributes.fromRecord(syntheticRoot.attrs);
    builder.addSpan(syntheticRoot.span);
  }
  spans.forEach((s, i) => {
    s.attributes = Attributes.fromRecord(attrsOf[i]);
    builder.addSpan(s);
  });
}

function syntheticRootSpan(
  trace: Json | undefined,
  g: Group,
  traceId: string | undefined,
  spans: RawSpan[],
  name: string,
  attrs: AttrRecord,
  source: string,
): RawSpan {
  let start: UnixNanos | undefined = trace && typeof trace.timestamp === 'string' ? isoToNanos(trace.timestamp) : undefined;
  let end: UnixNanos | undefined;
  for (const s of spans) {
    if (s.startNs !== undefined && (start === undefined || s.startNs < start)) start = s.startNs;
    const e = s.endNs ?? s.startNs;
    if (e !== undefined && (end === undefined || e > end)) end = e;
  }
  if (end === undefined && start !== undefined) {
    const latency = trace ? trace.latency : undefined; // seconds
    end = typeof latency === 'number' && latency > 0 ? start + BigInt(Math.round(latency * 1e9)) : start;
  }
  if (g.traceId) attrs['langfuse.trace.id'] = g.traceId;
  attrs['langfuse.synthetic_root'] = true;
  return {
    traceId,
    spanId: hashId(`langfuse trace ${g.traceId}`, 16),
    name,
    startNs: start,
    endNs: end,
    resource: spans.find((s) => s.resource && s.resource.serviceName)?.resource,
    source: `${source}trace`,
  };
}

//#region observation → span

function observationToSpan(o: Json, traceId: string | undefined, originalTraceId: string, attrs: AttrRecord, at: string): RawSpan {
  const id = str(o.id);
  const parent = str(o.parentObservationId);
  const meta = parseMetadata(o.metadata);
  const otel = meta.obj;
  if (otel && isObject(otel.attributes)) {
    for (const k of Object.keys(otel.attributes)) attrs[k] = plainToAttr(otel.attributes[k]);
  }

  if (id !== undefined) attrs['langfuse.observation.id'] = id;
  if (originalTraceId) attrs['langfuse.trace.id'] = originalTraceId;
  const type = str(o.type);
  if (type) attrs['langfuse.observation.type'] = type.toUpperCase();
  const level = str(o.level);
  if (level) attrs['langfuse.observation.level'] = level.toUpperCase();
  setString(attrs, 'langfuse.observation.status_message', o.statusMessage);
  setText(attrs, 'langfuse.observation.input', o.input);
  setText(attrs, 'langfuse.observation.output', o.output);
  setString(attrs, 'langfuse.observation.model.name', o.model ?? o.providedModelName);
  setEntries(attrs, 'langfuse.observation.model.parameters.', o.modelParameters, plainToAttr);
  addUsageAndCost(o, attrs);
  setString(attrs, 'langfuse.observation.completion_start_time', o.completionStartTime);
  setString(attrs, 'langfuse.observation.prompt.name', o.promptName);
  if (typeof o.promptVersion === 'number' || typeof o.promptVersion === 'string') attrs['langfuse.observation.prompt.version'] = o.promptVersion;
  if (Array.isArray(o.toolCallNames) && o.toolCallNames.length > 0) attrs['langfuse.observation.tool_call_names'] = o.toolCallNames.map(String);
  addMetadata(meta, attrs, 'langfuse.observation.metadata');
  setString(attrs, 'langfuse.environment', o.environment);
  setString(attrs, 'langfuse.version', o.version);

  const startNs = typeof o.startTime === 'string' ? isoToNanos(o.startTime) : undefined;
  let endNs = typeof o.endTime === 'string' ? isoToNanos(o.endTime) : undefined;
  // An EVENT is a point in time: no end is expected, so none is reported missing.
  if (endNs === undefined && type?.toUpperCase() === 'EVENT') endNs = startNs;

  return {
    traceId,
    spanId: id !== undefined && id !== '' ? spanIdOf(id) : undefined,
    parentSpanId: parent ? spanIdOf(parent) : undefined,
    name: str(o.name) ?? type ?? '',
    startNs,
    endNs,
    status: level?.toUpperCase() === 'ERROR' ? { code: StatusCode.Error, message: str(o.statusMessage) ?? undefined } : { code: StatusCode.Unset },
    resource: otel ? resourceOf(otel.resourceAttributes) : EMPTY_RESOURCE,
    scope: otel ? scopeOf(otel.scope) : EMPTY_SCOPE,
    source: at,
  };
}

function addUsageAndCost(o: Json, attrs: AttrRecord): void {
  const usage = isObject(o.usage) ? o.usage : undefined;
  if (isObject(o.usageDetails)) setEntries(attrs, 'langfuse.observation.usage_details.', o.usageDetails, toNumber);
  else {
    setNumber(attrs, 'langfuse.observation.usage_details.input', usage?.input ?? o.inputUsage);
    setNumber(attrs, 'langfuse.observation.usage_details.output', usage?.output ?? o.outputUsage);
    setNumber(attrs, 'langfuse.observation.usage_details.total', usage?.total ?? o.totalUsage);
  }
  if (isObject(o.costDetails)) setEntries(attrs, 'langfuse.observation.cost_details.', o.costDetails, toNumber);
  else {
    setNumber(attrs, 'langfuse.observation.cost_details.input', o.calculatedInputCost ?? o.inputCost ?? usage?.inputCost);
    setNumber(attrs, 'langfuse.observation.cost_details.output', o.calculatedOutputCost ?? o.outputCost ?? usage?.outputCost);
    setNumber(attrs, 'langfuse.observation.cost_details.total', o.calculatedTotalCost ?? o.totalCost ?? usage?.totalCost);
  }
}

function addTraceAttributes(t: Json, attrs: AttrRecord): void {
  setString(attrs, 'langfuse.trace.name', t.name);
  setText(attrs, 'langfuse.trace.input', t.input);
  setText(attrs, 'langfuse.trace.output', t.output);
  if (Array.isArray(t.tags) && t.tags.length > 0) attrs['langfuse.trace.tags'] = t.tags.map(String);
  if (typeof t.public === 'boolean') attrs['langfuse.trace.public'] = t.public;
  addMetadata(parseMetadata(t.metadata), attrs, 'langfuse.trace.metadata');
  setNumber(attrs, 'langfuse.trace.total_cost', t.totalCost);
  setString(attrs, 'langfuse.release', t.release);
  setString(attrs, 'user.id', t.userId);
  setString(attrs, 'session.id', t.sessionId);
  if (typeof t.environment === 'string' && !('langfuse.environment' in attrs)) attrs['langfuse.environment'] = t.environment;
  if (typeof t.version === 'string' && !('langfuse.version' in attrs)) attrs['langfuse.version'] = t.version;
}

function addScore(s: Json, attrs: AttrRecord): void {
  const name = str(s.name);
  if (!name) return;
  const value = typeof s.value === 'number' ? s.value : (str(s.stringValue) ?? str(s.value));
  if (value !== undefined) attrs[`langfuse.score.${name}.value`] = value;
  setString(attrs, `langfuse.score.${name}.comment`, s.comment);
}

//#endregion

//#region metadata, resource, scope

/** The OTel envelope Langfuse keeps in metadata; everything else is user metadata. */
const ENVELOPE_KEYS = new Set(['attributes', 'resourceAttributes', 'scope']);

/** Metadata arrives as an object or as JSON text of one; other text is kept as text. */
function parseMetadata(m: unknown): { obj?: Json; text?: string } {
  if (isObject(m)) return { obj: m };
  if (typeof m === 'string') {
    if (m.trim() === '') return {};
    try {
      const parsed: unknown = JSON.parse(m);
      if (isObject(parsed)) return { obj: parsed };
    } catch {
      // not JSON: kept as text below
    }
    return { text: m };
  }
  if (m === undefined || m === null) return {};
  return { text: jsonText(m) };
}

function addMetadata(meta: { obj?: Json; text?: string }, attrs: AttrRecord, prefix: string): void {
  if (meta.text !== undefined) attrs[prefix] = meta.text;
  if (!meta.obj) return;
  for (const k of Object.keys(meta.obj)) {
    if (!ENVELOPE_KEYS.has(k)) attrs[`${prefix}.${k}`] = plainToAttr(meta.obj[k]);
  }
}

function resourceOf(ra: unknown): Resource {
  if (!isObject(ra)) return EMPTY_RESOURCE;
  const rec = newAttrMap();
  for (const k of Object.keys(ra)) rec[k] = plainToAttr(ra[k]);
  return { attributes: Attributes.fromRecord(rec), serviceName: str(ra['service.name']) };
}

function scopeOf(sc: unknown): InstrumentationScope {
  if (!isObject(sc)) return EMPTY_SCOPE;
  const rec = newAttrMap();
  if (isObject(sc.attributes)) for (const k of Object.keys(sc.attributes)) rec[k] = plainToAttr(sc.attributes[k]);
  return { name: str(sc.name) ?? '', version: str(sc.version), attributes: Attributes.fromRecord(rec) };
}

//#endregion

//#region small setters

function setString(attrs: AttrRecord, key: string, v: unknown): void {
  if (typeof v === 'string' && v !== '') attrs[key] = v;
}

/** Strings as given; other non-null values as JSON text. */
function setText(attrs: AttrRecord, key: string, v: unknown): void {
  if (v === undefined || v === null) return;
  attrs[key] = typeof v === 'string' ? v : jsonText(v);
}

function toNumber(v: unknown): AttrValue {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function setNumber(attrs: AttrRecord, key: string, v: unknown): void {
  const n = toNumber(v);
  if (n !== null) attrs[key] = n;
}

/** One attribute per entry of a JSON object; entries that convert to null are skipped. */
function setEntries(attrs: AttrRecord, prefix: string, obj: unknown, convert: (v: unknown) => AttrValue): void {
  if (!isObject(obj)) return;
  for (const k of Object.keys(obj)) {
    const v = convert(obj[k]);
    if (v !== null) attrs[prefix + k] = v;
  }
}

/** JSON text that tolerates bigints (what a lossless JSON parser gives for big integers). */
function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
}

//#endregion
