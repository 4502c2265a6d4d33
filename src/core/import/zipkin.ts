import { Attributes, newAttrMap } from '../model/attributes';
import { EMPTY_SCOPE, SpanKind, type InstrumentationScope, type RawSpan, type Resource, type SpanEvent } from '../model/span';
import type { UnixNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { readMicros, scopeFromTags, statusFromTags } from './jaeger';
import { plainToAttr } from './otlpValues';

/**
 * Zipkin v2 JSON: `Span[]` (`/api/v2/trace/{id}`, POST `/api/v2/spans`) or `Span[][]`
 * (`/api/v2/traces`). Times are microseconds; `timestamp`/`duration` may be missing (late or
 * incomplete data): they are left undefined for the TraceBuilder to repair.
 *
 * Mapping:
 * - `localEndpoint` → a Resource shared per endpoint: `service.name`, `network.local.address`
 *   (ipv4, else ipv6), `network.local.port`.
 * - `remoteEndpoint` → span attributes `peer.service`, `network.peer.address`,
 *   `network.peer.port` (the remote side for every kind, so no client/server role guessing);
 *   tags come after them, so a tag of the same name wins.
 * - `tags` → attributes as they are; an `error` tag marks an error, its value is the message
 *   (Zipkin's convention), unless `otel.status_code` says otherwise; `otel.scope.*` → scope.
 * - `annotations` → events named by `value`; `debug: true` → attribute `zipkin.debug`.
 * - A kind-less span stays `Unspecified` (Zipkin: "local or incomplete").
 *
 * Shared span ids (B3 lets a server reuse its client's span id, flagged `shared: true` on the
 * server side): both halves stay visible, as in Zipkin's UI. The client keeps the id; each
 * server half becomes the client's child under a derived id (see `deriveSpanId`) and carries
 * the original in `zipkin.shared_span_id`. Like Zipkin's SpanNodeBuilder, a span whose parent
 * is a shared id is attached to the server half on the same endpoint (else to the client).
 * One `interpretation` note per input says how many. Other repeated ids are left to the
 * TraceBuilder (identical copies quarantined, different ones renamed).
 */
export const zipkinImporter: JsonImporter = {
  format: 'zipkin',
  label: 'Zipkin v2 JSON',
  sniff(root) {
    return isZipkinSpan(firstSpan(root));
  },
  read(root, builder, source) {
    const recs: ZRec[] = [];
    const collect = (list: unknown[], at: string) =>
      list.forEach((s, i) => {
        if (isObject(s)) recs.push(toRec(s, `${at}[${i}]`));
        else builder.addUnreadable(`${at}[${i}]`, 'not a span object');
      });
    if (Array.isArray(root)) {
      if (root.some(Array.isArray)) {
        root.forEach((t, i) => {
          if (Array.isArray(t)) collect(t, `${source}[${i}]`);
          else if (isObject(t)) recs.push(toRec(t, `${source}[${i}]`));
          else builder.addUnreadable(`${source}[${i}]`, 'not a span or span array');
        });
      } else collect(root, source);
    } else if (isObject(root)) recs.push(toRec(root, source ? source.replace(/: $/, '') : 'span'));
    else builder.addUnreadable(source || 'input', 'not a Zipkin span');

    unifyTraceIds(recs);
    const stats = resolveSharedIds(recs);
    const resources = new Map<string, Resource>();
    const scopes = new Map<string, InstrumentationScope>();
    // Records that merely repeat an id go last, so the builder renames them and not the span
    // the others were attached to.
    for (const late of [false, true]) {
      for (const r of recs) if (r.late === late) builder.addSpan(toRawSpan(r, resources, scopes));
    }
    if (stats.ids > 0) builder.note('interpretation', describeShared(stats));
  },
};

/** The first span-like value: the root object, the first array element, or `[[span…]…]`. */
function firstSpan(root: unknown): unknown {
  if (!Array.isArray(root)) return root;
  const first = root[0];
  if (!Array.isArray(first)) return first;
  return root.find((t) => Array.isArray(t) && t.length > 0)?.[0];
}

const HEX = /^[0-9a-fA-F]{1,32}$/;
/** Keys of the span arrays that share Zipkin's `traceId` + `id` (Langfuse, Phoenix, OTel JS dumps, Jaeger). */
const FOREIGN_KEYS = ['context', 'spanContext', '_spanContext', 'startTime', 'start_time', 'spanID', 'traceID', 'operationName', 'observations', 'type'];

function isZipkinSpan(v: unknown): boolean {
  if (!isObject(v) || typeof v.traceId !== 'string' || typeof v.id !== 'string') return false;
  if (!HEX.test(v.traceId) || !HEX.test(v.id)) return false;
  if (v.timestamp !== undefined && typeof v.timestamp !== 'number') return false;
  return !FOREIGN_KEYS.some((k) => k in v);
}

interface Endpoint {
  serviceName?: string;
  ipv4?: string;
  ipv6?: string;
  port?: number;
}

/** One input span plus where it ends up. */
interface ZRec {
  s: Record<string, unknown>;
  source: string;
  traceId?: string;
  id?: string;
  kind?: string;
  local?: Endpoint;
  startNs?: UnixNanos;
  /** Final span id and parent, when they differ from the input's. */
  spanId?: string;
  parentId?: string;
  /** The input id of a server half given a derived id. */
  sharedId?: string;
  late: boolean;
}

function toRec(s: Record<string, unknown>, source: string): ZRec {
  const start = readMicros(s.timestamp);
  return {
    s,
    source,
    traceId: lowerHex(s.traceId),
    id: lowerHex(s.id),
    parentId: lowerHex(s.parentId),
    kind: str(s.kind)?.toUpperCase(),
    local: readEndpoint(s.localEndpoint),
    // Zipkin treats a zero timestamp as absent.
    startNs: start !== undefined && start > 0n ? start : undefined,
    late: false,
  };
}

function lowerHex(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v.toLowerCase() : undefined;
}

function readEndpoint(v: unknown): Endpoint | undefined {
  if (!isObject(v)) return undefined;
  const e: Endpoint = { serviceName: str(v.serviceName), ipv4: str(v.ipv4), ipv6: str(v.ipv6), port: typeof v.port === 'number' ? v.port : undefined };
  return e.serviceName === undefined && e.ipv4 === undefined && e.ipv6 === undefined && e.port === undefined ? undefined : e;
}

/**
 * A trace reported partly with 64-bit and partly with 128-bit ids is one trace (Zipkin keeps
 * the longer id): a 16-digit id takes the 32-digit id whose low half it equals, if only one does.
 */
function unifyTraceIds(recs: ZRec[]): void {
  const longByLow = new Map<string, string | null>();
  for (const r of recs) {
    if (r.traceId?.length !== 32) continue;
    const low = r.traceId.slice(16);
    const prev = longByLow.get(low);
    if (prev === undefined) longByLow.set(low, r.traceId);
    else if (prev !== r.traceId) longByLow.set(low, null);
  }
  if (longByLow.size === 0) return;
  for (const r of recs) {
    const long = r.traceId?.length === 16 ? longByLow.get(r.traceId) : undefined;
    if (long) r.traceId = long;
  }
}

interface SharedStats {
  ids: number;
  halves: number;
  fragments: number;
  attached: number;
}

interface SharedGroup {
  anchor: ZRec;
  halves: ZRec[];
}

function resolveSharedIds(recs: ZRec[]): SharedStats {
  const stats: SharedStats = { ids: 0, halves: 0, fragments: 0, attached: 0 };
  const groups = new Map<string, ZRec[]>();
  for (const r of recs) {
    if (r.id === undefined) continue;
    const key = `${r.traceId}/${r.id}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const derive = new IdDeriver(groups.keys());
  const shared = new Map<string, SharedGroup>();
  for (const [key, g] of groups) {
    if (g.length < 2) continue;
    // Zipkin ignores `shared` on a client, and backfills it on a server answering a client.
    const hasClient = g.some((r) => r.kind === 'CLIENT');
    const halves = g.filter((r) => (r.s.shared === true && r.kind !== 'CLIENT') || (r.kind === 'SERVER' && hasClient));
    if (halves.length === 0) continue;
    let others = g.filter((r) => !halves.includes(r));
    // A kind-less piece on a server half's endpoint was reported by that server (late data).
    const fragments = others.filter((r) => r.kind === undefined && halves.some((h) => sameHost(r.local, h.local, false)));
    halves.push(...fragments);
    others = others.filter((r) => !fragments.includes(r));
    const anchor = others.find((r) => r.kind === 'CLIENT') ?? others[0] ?? halves.find((h) => h.startNs !== undefined) ?? halves[0];
    const anchorIsHalf = halves.includes(anchor);
    for (const h of halves) {
      if (h === anchor) continue;
      h.spanId = derive.idFor(key, h);
      h.sharedId = h.id;
      // Without a client in the input, the other servers are the first one's siblings.
      h.parentId = anchorIsHalf ? h.parentId : h.id;
      if (fragments.includes(h)) stats.fragments++;
      else stats.halves++;
    }
    for (const o of others) if (o !== anchor) o.late = true;
    shared.set(key, { anchor, halves });
    stats.ids++;
  }
  for (const r of recs) {
    if (r.parentId === undefined || r.sharedId !== undefined) continue;
    const g = shared.get(`${r.traceId}/${r.parentId}`);
    if (!g || g.halves.includes(r) || g.anchor === r) continue;
    const target = attachTo(r, g);
    if (target !== g.anchor) {
      r.parentId = target.spanId ?? target.id;
      stats.attached++;
    }
  }
  return stats;
}

/**
 * Where a child of a shared id belongs: a server half on its endpoint, else the client if on
 * the client's endpoint, else a server half on the same host and port under another service
 * name, else the client (Zipkin's choice when nothing matches).
 */
function attachTo(r: ZRec, g: SharedGroup): ZRec {
  const onEndpoint = g.halves.filter((h) => sameHost(r.local, h.local, false));
  if (onEndpoint.length) return closestBefore(r, onEndpoint);
  if (sameHost(r.local, g.anchor.local, false)) return g.anchor;
  const onHost = g.halves.filter((h) => sameHost(r.local, h.local, true));
  return onHost.length ? closestBefore(r, onHost) : g.anchor;
}

/**
 * Endpoints match when no field present on both sides differs and at least one is equal
 * (endpoints are often reported in pieces); `ignoreService` compares only address and port.
 */
function sameHost(a: Endpoint | undefined, b: Endpoint | undefined, ignoreService: boolean): boolean {
  if (!a || !b) return false;
  let equal = 0;
  for (const k of ignoreService ? (['ipv4', 'ipv6', 'port'] as const) : (['serviceName', 'ipv4', 'ipv6', 'port'] as const)) {
    const x = a[k],
      y = b[k];
    if (x === undefined || y === undefined) continue;
    if (x !== y) return false;
    equal++;
  }
  return equal > 0;
}

/** Among candidate parents, the exact endpoint match that started last before `r`, else the earliest. */
function closestBefore(r: ZRec, candidates: ZRec[]): ZRec {
  const exact = candidates.filter((h) => endpointKey(h.local) === endpointKey(r.local));
  const pool = exact.length ? exact : candidates;
  let best: ZRec | undefined;
  for (const h of pool) {
    if (h.startNs === undefined || (r.startNs !== undefined && h.startNs > r.startNs)) continue;
    if (!best || h.startNs > best.startNs!) best = h;
  }
  if (best) return best;
  for (const h of pool) if (h.startNs !== undefined && (!best || h.startNs < best.startNs!)) best = h;
  return best ?? pool[0];
}

function endpointKey(e: Endpoint | undefined): string {
  return e ? `${e.serviceName ?? ''}|${e.ipv4 ?? ''}|${e.ipv6 ?? ''}|${e.port ?? ''}` : '';
}

/**
 * Derived span ids for server halves: two 32-bit FNV-1a hashes (offset bases 0x811c9dc5 and
 * 0x050c5d1f) of `traceId/spanId/serviceName|ipv4|ipv6|port/startNs`, in hex: the ids as in the
 * input (lower-case), absent endpoint fields and a missing start as empty strings. The same
 * input always gives the same ids, and identical copies of one half get the same id (and are
 * then the builder's duplicates). A result that collides with another id of the trace, or is
 * all zeros, is rehashed with "+" appended to the key.
 */
class IdDeriver {
  private readonly used: Set<string>;
  private readonly byKey = new Map<string, string>();

  constructor(inputIds: Iterable<string>) {
    this.used = new Set(inputIds);
  }

  idFor(groupKey: string, h: ZRec): string {
    const key = `${groupKey}/${endpointKey(h.local)}/${h.startNs ?? ''}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const traceId = groupKey.slice(0, groupKey.indexOf('/'));
    let salt = '';
    let id = deriveSpanId(key);
    while (this.used.has(`${traceId}/${id}`) || /^0+$/.test(id)) id = deriveSpanId(key + (salt += '+'));
    this.used.add(`${traceId}/${id}`);
    this.byKey.set(key, id);
    return id;
  }
}

export function deriveSpanId(key: string): string {
  return fnv1a32(key, 0x811c9dc5) + fnv1a32(key, 0x050c5d1f);
}

function fnv1a32(s: string, basis: number): string {
  let h = basis;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function describeShared(s: SharedStats): string {
  let msg = `${s.ids} Zipkin span id${s.ids === 1 ? ' is' : 's are'} shared by a client span and the server span answering it; the ${s.halves} server halves are shown as children of their client under derived ids (the original is in zipkin.shared_span_id)`;
  if (s.fragments)
    msg += `; ${s.fragments} kind-less record${s.fragments === 1 ? '' : 's'} with such an id, reported from a server half's endpoint, ${s.fragments === 1 ? 'is' : 'are'} shown the same way`;
  if (s.attached)
    msg += `; ${s.attached} span${s.attached === 1 ? '' : 's'} whose parent is a shared id ${s.attached === 1 ? 'was' : 'were'} attached to the server half on ${s.attached === 1 ? 'its' : 'their'} endpoint`;
  return msg;
}

const KINDS: Record<string, SpanKind> = { CLIENT: SpanKind.Client, SERVER: SpanKind.Server, PRODUCER: SpanKind.Producer, CONSUMER: SpanKind.Consumer };

function toRawSpan(r: ZRec, resources: Map<string, Resource>, scopes: Map<string, InstrumentationScope>): RawSpan {
  const s = r.s;
  const flat: unknown[] = [];
  const remote = readEndpoint(s.remoteEndpoint);
  if (remote?.serviceName !== undefined) flat.push('peer.service', remote.serviceName);
  if (remote && (remote.ipv4 ?? remote.ipv6) !== undefined) flat.push('network.peer.address', remote.ipv4 ?? remote.ipv6);
  if (remote?.port !== undefined) flat.push('network.peer.port', remote.port);
  if (isObject(s.tags)) for (const k of Object.keys(s.tags)) flat.push(k, plainToAttr(s.tags[k]));
  if (r.sharedId !== undefined) flat.push('zipkin.shared_span_id', r.sharedId);
  if (s.debug === true) flat.push('zipkin.debug', true);
  const attributes = new Attributes(flat);
  const duration = readMicros(s.duration);
  const scope = scopeFromTags(attributes);
  return {
    traceId: r.traceId,
    spanId: r.spanId ?? r.id,
    parentSpanId: r.parentId,
    name: str(s.name),
    kind: r.kind !== undefined && Object.hasOwn(KINDS, r.kind) ? KINDS[r.kind] : SpanKind.Unspecified,
    startNs: r.startNs,
    endNs: r.startNs !== undefined && duration !== undefined ? r.startNs + duration : undefined,
    status: statusFromTags(attributes, true),
    attributes,
    events: readAnnotations(s.annotations, r.startNs),
    resource: resourceFor(r.local, resources),
    scope: scope ? shareScope(scope, scopes) : EMPTY_SCOPE,
    source: r.source,
  };
}

function readAnnotations(list: unknown, spanStart: UnixNanos | undefined): SpanEvent[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const events: SpanEvent[] = [];
  for (const a of list) {
    if (!isObject(a)) continue;
    const timeNs = readMicros(a.timestamp) ?? spanStart;
    if (timeNs === undefined) continue;
    events.push({ timeNs, name: a.value === undefined ? 'annotation' : String(a.value), attributes: Attributes.EMPTY });
  }
  return events;
}

function resourceFor(e: Endpoint | undefined, cache: Map<string, Resource>): Resource | undefined {
  if (!e) return undefined;
  const key = endpointKey(e);
  let r = cache.get(key);
  if (r) return r;
  const rec = newAttrMap();
  if (e.serviceName !== undefined) rec['service.name'] = e.serviceName;
  if ((e.ipv4 ?? e.ipv6) !== undefined) rec['network.local.address'] = (e.ipv4 ?? e.ipv6)!;
  if (e.port !== undefined) rec['network.local.port'] = e.port;
  cache.set(key, (r = { attributes: Attributes.fromRecord(rec), serviceName: e.serviceName }));
  return r;
}

function shareScope(scope: InstrumentationScope, cache: Map<string, InstrumentationScope>): InstrumentationScope {
  const key = `${scope.name}\u0000${scope.version ?? ''}`;
  let s = cache.get(key);
  if (!s) cache.set(key, (s = scope));
  return s;
}
