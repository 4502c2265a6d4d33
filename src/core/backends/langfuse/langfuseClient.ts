/**
 * Langfuse public API (docs/trace-backends.md §4). Basic auth: public key : secret key.
 * Built on v4's `GET /api/public/v2/observations` (Langfuse Cloud removed the v3 traces API on
 * 2026-11-16); when a server lacks it (404: self-hosted v3), the v3 `/api/public/traces` API.
 *
 * - Probe: `GET /api/public/health` (version) then an authed `GET /api/public/v2/observations?limit=1`
 *   (or `/api/public/traces?limit=1`), which proves the keys.
 * - Search (v2): root observations, `isRootObservation=true&fromStartTime=&toStartTime=&limit=&cursor=`,
 *   `name`, `level=ERROR` for errors only, `filter` = SearchQuery.query (Langfuse's JSON filter),
 *   one row per trace. (v3): `/api/public/traces?page=&limit=&orderBy=timestamp.desc&fields=core,metrics`
 *   with `name`, `fromTimestamp`/`toTimestamp`, and `filter` (errors only adds `errorCount > 0`).
 *   `minDurationMs` filters the rows. Langfuse has no service: the row's service is the environment.
 * - Fetch (v2): `?traceId=<id>&fields=core,basic,time,io,metadata,model,usage,prompt,metrics,trace_context&limit=1000`
 *   paged by `meta.cursor`, then read in one go (IO comes as raw strings; the importer keeps
 *   them as text). Metadata values are truncated to 200 characters by this API: a note says so
 *   when any value is that long. (v3): `GET /api/public/traces/{id}` (observations embedded).
 * - Rate limits: 429 with Retry-After (http.ts retries).
 */
import type { HttpContext } from '../http';
import { langfuseImporter } from '../../import/langfuse';
import { importRecords, readPages } from '../readPages';
import { checkTraceId } from '../traceIds';
import { DEFAULT_MAX_FETCH_BYTES, DEFAULT_MAX_SPANS, finishFetch, importAnswer } from '../traceSets';
import { BackendError, type BackendClient, type CancelSignal, type FetchOptions, type SearchPage, type SearchQuery, type TraceSummary } from '../types';
import { segment } from '../url';

type Json = Record<string, unknown>;

const V2 = '/api/public/v2/observations';
const V3_TRACES = '/api/public/traces';
const FETCH_FIELDS = 'core,basic,time,io,metadata,model,usage,prompt,metrics,trace_context';
/** Langfuse v2 cuts metadata values to this many characters unless asked by name. */
const METADATA_TRUNCATION = 200;

export function langfuseClient(http: HttpContext, configuredProject?: string): BackendClient {
  /** undefined until a request tells: true when the server has v2 observations. */
  let hasV2: boolean | undefined;
  let project = configuredProject;

  const client: BackendClient = {
    kind: 'langfuse',
    async probe(signal) {
      const healthUrl = http.url('/api/public/health');
      const health = await http.get(healthUrl, signal);
      http.expectOk(health, healthUrl, 'the health endpoint');
      const h = http.json(health, healthUrl) as Json;
      if (!h || typeof h.status !== 'string') throw http.malformed(healthUrl, 'a Langfuse health answer');
      const v2 = await usesV2(signal, http.url(V2, { limit: 1 }));
      if (!v2) {
        const url = http.url(V3_TRACES, { limit: 1 });
        http.expectOk(await http.get(url, signal), url, 'the trace list');
      }
      return { ok: true, api: v2 ? 'v2 observations' : 'v3 traces (legacy)', ...(typeof h.version === 'string' ? { version: h.version } : {}) };
    },
    async search(query, signal) {
      const cursor = query.cursor ?? '';
      const page = cursor.startsWith('v3:') || hasV2 === false ? await searchV3(query, signal) : await searchV2(query, signal);
      const rows = query.minDurationMs ? page.traces.filter((t) => t.durationMs >= query.minDurationMs!) : page.traces;
      return { ...page, traces: rows };
    },
    async fetchTrace(traceId, signal, options: FetchOptions = {}) {
      const id = checkTraceId('langfuse', traceId);
      const what = `trace ${id}`;
      const maxSpans = options.maxSpans ?? DEFAULT_MAX_SPANS;
      if (hasV2 !== false) {
        // The first call on a fresh client asks one cheap page to learn the API generation.
        if (await usesV2(signal, http.url(V2, { limit: 1 }))) {
          const paged = await readPages(http, signal, (c) => http.url(V2, { traceId: id, fields: FETCH_FIELDS, limit: 1000, cursor: c }), observationsPage, {
            maxSpans,
            maxBytes: options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES,
          });
          if (!paged.records.length) throw new BackendError('not-found', `${what} not found on Langfuse: wrong id or project keys, or past retention`);
          const first = paged.records[0] as Json;
          if (!project && typeof first.projectId === 'string') project = first.projectId;
          const notes: string[] = [];
          const long = countLongMetadata(paged.records);
          if (long)
            notes.push(
              `${long.toLocaleString('en-US')} metadata value${long === 1 ? ' is' : 's are'} ${METADATA_TRUNCATION} characters or longer: Langfuse's v2 API truncates metadata values at ${METADATA_TRUNCATION} characters, so ${long === 1 ? 'it' : 'they'} may be cut`,
            );
          return finishFetch(importRecords(langfuseImporter, { data: paged.records, meta: {} }), what, notes, maxSpans, client.webUrl(id), paged.morePages);
        }
      }
      const url = http.url(`${V3_TRACES}/${segment(id)}`);
      const res = await http.get(url, signal, options.maxBytes);
      http.expectOk(res, url, what);
      const set = importAnswer(res.body, what);
      return finishFetch(set, what, ['read through the legacy v3 traces API (this Langfuse has no v2 observations API)'], maxSpans, client.webUrl(id));
    },
    webUrl: (traceId) => (project ? `${http.baseUrl}/project/${segment(project)}/traces/${segment(traceId)}` : undefined),
  };
  return client;

  /** Asks `url` (a v2 observations URL) once to learn whether the server has v2; throws its error otherwise. */
  async function usesV2(signal: CancelSignal, url: string): Promise<boolean> {
    if (hasV2 !== undefined) return hasV2;
    const res = await http.get(url, signal);
    if (res.status === 404) return (hasV2 = false);
    http.expectOk(res, url, 'the observations list');
    return (hasV2 = true);
  }

  async function searchV2(q: SearchQuery, signal: CancelSignal): Promise<SearchPage> {
    const params = {
      isRootObservation: true,
      fromStartTime: new Date(q.fromMs).toISOString(),
      toStartTime: new Date(q.toMs).toISOString(),
      fields: 'core,basic,trace_context',
      limit: q.limit,
      name: q.name || undefined,
      level: q.errorsOnly ? 'ERROR' : undefined,
      filter: q.query?.trim() || undefined,
      cursor: q.cursor?.startsWith('v2:') ? q.cursor.slice(3) : undefined,
    };
    const url = http.url(V2, params);
    const res = await http.get(url, signal);
    if (res.status === 404 && hasV2 === undefined) {
      hasV2 = false;
      return searchV3(q, signal);
    }
    http.expectOk(res, url, 'the observations list');
    hasV2 = true;
    const page = observationsPage(http.json(res, url), url);
    const byTrace = new Map<string, TraceSummary>();
    for (const o of page.records as Json[]) {
      if (typeof o.traceId !== 'string') continue;
      if (!project && typeof o.projectId === 'string') project = o.projectId;
      const start = isoMs(o.startTime);
      const row: TraceSummary = {
        traceId: o.traceId,
        rootName: str(o.traceName) ?? str(o.name) ?? '',
        service: str(o.environment) ?? '',
        startTime: start,
        durationMs: o.endTime ? Math.max(0, isoMs(o.endTime) - start) : 0,
        ...(o.level === 'ERROR' ? { errorCount: 1 } : {}),
      };
      const had = byTrace.get(o.traceId);
      if (!had || had.startTime > row.startTime) byTrace.set(o.traceId, row);
    }
    return { traces: [...byTrace.values()].sort((a, b) => b.startTime - a.startTime), ...(page.nextCursor ? { nextCursor: `v2:${page.nextCursor}` } : {}) };
  }

  async function searchV3(q: SearchQuery, signal: CancelSignal): Promise<SearchPage> {
    const pageNo = q.cursor?.startsWith('v3:') ? Math.max(1, Number(q.cursor.slice(3)) || 1) : 1;
    const url = http.url(V3_TRACES, {
      page: pageNo,
      limit: q.limit,
      orderBy: 'timestamp.desc',
      fields: 'core,metrics',
      name: q.name || undefined,
      fromTimestamp: new Date(q.fromMs).toISOString(),
      toTimestamp: new Date(q.toMs).toISOString(),
      filter: v3Filter(q),
    });
    const res = await http.get(url, signal);
    http.expectOk(res, url, 'the trace list');
    const body = http.json(res, url) as Json;
    if (!body || !Array.isArray(body.data)) throw http.malformed(url, 'a Langfuse trace list');
    const rows: TraceSummary[] = [];
    for (const t of body.data as Json[]) {
      if (typeof t.id !== 'string') continue;
      rows.push({
        traceId: t.id,
        rootName: str(t.name) ?? '',
        service: str(t.environment) ?? '',
        startTime: isoMs(t.timestamp),
        durationMs: typeof t.latency === 'number' && t.latency >= 0 ? t.latency * 1000 : 0,
        ...(Array.isArray(t.observations) ? { spanCount: t.observations.length } : {}),
      });
    }
    const meta = body.meta as Json | undefined;
    const more = typeof meta?.totalPages === 'number' && pageNo < meta.totalPages;
    return { traces: rows, ...(more ? { nextCursor: `v3:${pageNo + 1}` } : {}) };
  }

  function observationsPage(body: unknown, url: string) {
    const o = body as Json;
    if (!o || !Array.isArray(o.data)) throw http.malformed(url, 'a Langfuse observation list');
    const cursor = (o.meta as Json | undefined)?.cursor;
    return { records: o.data as unknown[], ...(typeof cursor === 'string' && cursor ? { nextCursor: cursor } : {}) };
  }
}

/** The v3 `filter` JSON: the user's (a JSON array) plus `errorCount > 0` for errors only. */
function v3Filter(q: SearchQuery): string | undefined {
  let list: unknown[] = [];
  if (q.query?.trim()) {
    try {
      const v: unknown = JSON.parse(q.query);
      list = Array.isArray(v) ? v : [v];
    } catch {
      throw new BackendError('bad-request', 'the Langfuse filter must be JSON: an array of {type, column, operator, value}');
    }
  }
  if (q.errorsOnly) list.push({ type: 'number', column: 'errorCount', operator: '>', value: 0 });
  return list.length ? JSON.stringify(list) : undefined;
}

function countLongMetadata(records: readonly unknown[]): number {
  let n = 0;
  for (const r of records as Json[]) {
    const m = r?.metadata;
    if (m && typeof m === 'object') for (const v of Object.values(m as Json)) if (typeof v === 'string' && v.length >= METADATA_TRUNCATION) n++;
  }
  return n;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function isoMs(v: unknown): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : 0;
}
