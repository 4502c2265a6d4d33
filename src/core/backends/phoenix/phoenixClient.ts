/**
 * Arize Phoenix REST (docs/trace-backends.md §5). Bearer API key when auth is on (401 with a
 * WWW-Authenticate challenge otherwise). Project from ConnectionConfig.project (name or
 * GlobalID), default `default`.
 *
 * - Probe: `GET /v1/projects?limit=1` → `{data, next_cursor}`.
 * - Search: `GET /v1/projects/{p}/traces?start_time=&end_time=&sort=start_time&order=desc&limit=&cursor=`
 *   (the trace envelopes: ids and times), then ONE `GET /v1/projects/{p}/spans?parent_id=null&trace_id=…`
 *   for the page's root names. With a name, errors-only or free filter (SearchQuery.query: one
 *   `attribute=key:value` per line or ` and `), or on a server without `/traces` (older than
 *   2026-03), the list is the root spans themselves: `/spans?parent_id=null&name=&status_code=ERROR&attribute=`.
 *   `service` is the project (Phoenix has no service filter); `minDurationMs` filters the rows.
 * - Fetch: Phoenix has no get-trace: `GET /v1/projects/{p}/spans?trace_id=<id>&limit=1000` paged
 *   by `next_cursor` until null (as `px trace` does). A page holding spans of other traces means
 *   the server ignores `trace_id` (older than 2026-03): the fetch stops with a plain error
 *   instead of paging the whole project.
 * - Errors: 404 project not found, 422 `{"detail":[…]}` (a bad cursor: "Invalid cursor"), 403 viewer.
 */
import type { HttpContext, QueryParams } from '../http';
import { phoenixImporter } from '../../import/phoenix';
import { importRecords, readPages } from '../readPages';
import { checkTraceId, hexTraceId } from '../traceIds';
import { DEFAULT_MAX_FETCH_BYTES, DEFAULT_MAX_SPANS, finishFetch } from '../traceSets';
import { BackendError, type BackendClient, type CancelSignal, type FetchOptions, type SearchPage, type SearchQuery, type TraceSummary } from '../types';
import { segment } from '../url';

type Json = Record<string, unknown>;

export function phoenixClient(http: HttpContext, project = 'default'): BackendClient {
  const base = `/v1/projects/${segment(project)}`;
  let tracesMissing = false;
  /** The project's GlobalID, learned from a /traces answer, for UI links. */
  let projectId = /^[A-Za-z0-9+/]+=*$/.test(project) && project.length % 4 === 0 && project !== 'default' ? project : undefined;

  const client: BackendClient = {
    kind: 'phoenix',
    async probe(signal) {
      const url = http.url('/v1/projects', { limit: 1 });
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the project list');
      const body = http.json(res, url) as Json;
      if (!body || !Array.isArray(body.data)) throw http.malformed(url, 'a Phoenix project list');
      return { ok: true, api: 'v1' };
    },
    async search(query, signal) {
      const page = await searchPage(query, signal);
      const rows = query.minDurationMs ? page.traces.filter((t) => t.durationMs >= query.minDurationMs!) : page.traces;
      return { ...page, traces: rows };
    },
    async fetchTrace(traceId, signal, options: FetchOptions = {}) {
      const id = checkTraceId('phoenix', traceId);
      const maxSpans = options.maxSpans ?? DEFAULT_MAX_SPANS;
      const paged = await readPages(
        http,
        signal,
        (cursor) => http.url(`${base}/spans`, { trace_id: id, limit: 1000, cursor }),
        (body, url) => {
          const page = spansPage(body, url);
          for (const s of page.records as Json[]) {
            const tid = (s.context as Json | undefined)?.trace_id;
            if (typeof tid === 'string' && hexTraceId(tid) !== id)
              throw new BackendError(
                'wrong-backend',
                `this Phoenix ignores the trace_id filter (it returned spans of other traces): fetching one trace needs a Phoenix from 2026-03 or later`,
              );
          }
          return page;
        },
        { maxSpans, maxBytes: options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES },
      );
      if (paged.records.length === 0)
        throw new BackendError('not-found', `trace ${id} not found in Phoenix project ${project}: wrong id or project, or deleted`);
      return finishFetch(importRecords(phoenixImporter, { data: paged.records }), `trace ${id}`, [], maxSpans, client.webUrl(id), paged.morePages);
    },
    webUrl: (traceId) => (projectId ? `${http.baseUrl}/projects/${segment(projectId)}/traces/${segment(traceId)}` : undefined),
  };
  return client;

  async function searchPage(q: SearchQuery, signal: CancelSignal): Promise<SearchPage> {
    const attrs = attributeFilters(q.query);
    const cursor = q.cursor ?? '';
    const useRoots = tracesMissing || !!q.name || !!q.errorsOnly || attrs.length > 0 || cursor.startsWith('s:');
    if (!useRoots) {
      const url = http.url(`${base}/traces`, {
        start_time: new Date(q.fromMs).toISOString(),
        end_time: new Date(q.toMs).toISOString(),
        sort: 'start_time',
        order: 'desc',
        limit: q.limit,
        cursor: cursor.startsWith('t:') ? cursor.slice(2) : undefined,
      });
      const res = await http.get(url, signal);
      if (res.status === 404 && isRouteMissing(res.body)) tracesMissing = true;
      else {
        http.expectOk(res, url, `Phoenix project ${project}`);
        return tracesPage(http.json(res, url), url, signal);
      }
    }
    const url = http.url(`${base}/spans`, rootParams(q, attrs, cursor.startsWith('s:') ? cursor.slice(2) : undefined));
    const res = await http.get(url, signal);
    http.expectOk(res, url, `Phoenix project ${project}`);
    const page = spansPage(http.json(res, url), url);
    const rows = (page.records as Json[]).map(rowFromRootSpan).filter((r): r is TraceSummary => r !== undefined);
    return { traces: rows, ...(page.nextCursor ? { nextCursor: `s:${page.nextCursor}` } : {}) };
  }

  async function tracesPage(body: unknown, url: string, signal: CancelSignal): Promise<SearchPage> {
    const o = body as Json;
    if (!o || !Array.isArray(o.data)) throw http.malformed(url, 'a Phoenix trace list');
    const rows: TraceSummary[] = [];
    for (const t of o.data as Json[]) {
      const id = typeof t.trace_id === 'string' ? hexTraceId(t.trace_id) : undefined;
      if (!id) continue;
      if (typeof t.project_id === 'string' && !projectId) projectId = t.project_id;
      const start = isoMs(t.start_time);
      rows.push({ traceId: id, rootName: '', service: project, startTime: start, durationMs: Math.max(0, isoMs(t.end_time) - start) });
    }
    if (rows.length) {
      // One request for the whole page's root names (never one fetch per listed trace).
      const rootsUrl = http.url(`${base}/spans`, { parent_id: 'null', trace_id: rows.map((r) => r.traceId), limit: Math.min(1000, rows.length * 2) });
      const res = await http.get(rootsUrl, signal);
      if (res.status === 200) {
        const names = new Map<string, Json>();
        for (const s of spansPage(http.json(res, rootsUrl), rootsUrl).records as Json[]) {
          const tid = (s.context as Json | undefined)?.trace_id;
          if (typeof tid === 'string') names.set(hexTraceId(tid) ?? tid, s);
        }
        for (let i = 0; i < rows.length; i++) {
          const root = names.get(rows[i].traceId);
          if (root && typeof root.name === 'string') rows[i] = { ...rows[i], rootName: root.name, ...(root.status_code === 'ERROR' ? { errorCount: 1 } : {}) };
        }
      }
    }
    const next = typeof o.next_cursor === 'string' && o.next_cursor ? `t:${o.next_cursor}` : undefined;
    return { traces: rows, ...(next ? { nextCursor: next } : {}) };
  }

  function rowFromRootSpan(s: Json): TraceSummary | undefined {
    const tid = (s.context as Json | undefined)?.trace_id;
    const id = typeof tid === 'string' ? hexTraceId(tid) : undefined;
    if (!id) return undefined;
    const start = isoMs(s.start_time);
    return {
      traceId: id,
      rootName: typeof s.name === 'string' ? s.name : '',
      service: project,
      startTime: start,
      durationMs: Math.max(0, isoMs(s.end_time) - start),
      ...(s.status_code === 'ERROR' ? { errorCount: 1 } : {}),
    };
  }

  function spansPage(body: unknown, url: string) {
    const o = body as Json;
    if (!o || typeof o !== 'object' || !Array.isArray(o.data)) throw http.malformed(url, 'a Phoenix span list');
    return { records: o.data as unknown[], ...(typeof o.next_cursor === 'string' && o.next_cursor ? { nextCursor: o.next_cursor } : {}) };
  }
}

function rootParams(q: SearchQuery, attrs: string[], cursor: string | undefined): QueryParams {
  return {
    parent_id: 'null',
    start_time: new Date(q.fromMs).toISOString(),
    end_time: new Date(q.toMs).toISOString(),
    name: q.name || undefined,
    status_code: q.errorsOnly ? 'ERROR' : undefined,
    attribute: attrs.length ? attrs : undefined,
    limit: q.limit,
    cursor,
  };
}

/** `key:value` filters from the free query: one per line or joined by ` and `. */
function attributeFilters(query: string | undefined): string[] {
  if (!query?.trim()) return [];
  return query
    .split(/\n| and /)
    .map((s) => s.trim().replace(/^attribute=/, ''))
    .filter(Boolean);
}

/** FastAPI's body for a route that does not exist (vs "project not found"). */
function isRouteMissing(body: Uint8Array): boolean {
  try {
    return (JSON.parse(new TextDecoder().decode(body)) as Json).detail === 'Not Found';
  } catch {
    return false;
  }
}

function isoMs(v: unknown): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(t) ? t : 0;
}
