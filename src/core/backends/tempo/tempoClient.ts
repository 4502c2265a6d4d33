/**
 * Grafana Tempo (docs/trace-backends.md §3). `X-Scope-OrgID` from ConnectionConfig.tenant on
 * every request (http.ts); Grafana Cloud's Basic auth from Credentials.
 *
 * - Probe: `GET /api/echo` (200 "echo", meant for exactly this) then `GET /api/status/buildinfo`
 *   for the version (optional: older or proxied servers may lack it).
 * - Search: `GET /api/search?q=<TraceQL>&start=&end=&limit=&spss=1` (seconds). Without a free
 *   query the TraceQL is built from the filters: `{ resource.service.name = "…" && name = "…"
 *   && status = error && duration >= 100ms }`; with one (SearchQuery.query) it is sent as
 *   written and the other filters are ignored. Tempo lists "the first N found", not the newest,
 *   and has no paging, so there is no nextCursor; rows are sorted newest first here.
 * - Fetch: `GET /api/v2/traces/{id}` → `{trace, status: COMPLETE|PARTIAL, message}` in
 *   protobuf-JSON (base64 ids, enum names: the OTLP importer reads them). A server without the
 *   v2 route (Go's "404 page not found") is asked `GET /api/traces/{id}` (v1 `{batches}`), whose
 *   422 means the trace is over `max_bytes_per_trace`.
 */
import { decodeUtf8, type HttpContext } from '../http';
import { checkTraceId, hexTraceId } from '../traceIds';
import { DEFAULT_MAX_SPANS, finishFetch, importAnswer } from '../traceSets';
import { BackendError, type BackendClient, type FetchOptions, type SearchQuery, type TraceSummary } from '../types';
import { segment } from '../url';

export function tempoClient(http: HttpContext): BackendClient {
  return {
    kind: 'tempo',
    async probe(signal) {
      const url = http.url('/api/echo');
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the echo endpoint');
      if (decodeUtf8(res.body).trim() !== 'echo')
        throw new BackendError('wrong-backend', `${url} did not answer "echo": is this a Tempo query-frontend (port 3200)?`);
      const info = await http.get(http.url('/api/status/buildinfo'), signal);
      let version: string | undefined;
      if (info.status === 200) {
        try {
          const v = (JSON.parse(decodeUtf8(info.body)) as { version?: unknown }).version;
          if (typeof v === 'string') version = v;
        } catch {
          // version is optional
        }
      }
      return { ok: true, api: 'api/v2', ...(version ? { version } : {}) };
    },
    async search(query, signal) {
      const url = http.url('/api/search', {
        q: query.query?.trim() || traceQl(query),
        start: Math.floor(query.fromMs / 1000),
        end: Math.ceil(query.toMs / 1000),
        limit: query.limit,
        spss: 1,
      });
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the search');
      const body = http.json(res, url) as { traces?: unknown };
      if (!body || typeof body !== 'object' || !('traces' in body || 'metrics' in body)) throw http.malformed(url, 'a Tempo search answer');
      const rows = Array.isArray(body.traces) ? readSearchRows(body.traces) : [];
      return { traces: rows.sort((a, b) => b.startTime - a.startTime) };
    },
    async fetchTrace(traceId, signal, options: FetchOptions = {}) {
      const id = checkTraceId('tempo', traceId);
      const what = `trace ${id}`;
      const maxSpans = options.maxSpans ?? DEFAULT_MAX_SPANS;
      const url = http.url(`/api/v2/traces/${segment(id)}`);
      const res = await http.get(url, signal, options.maxBytes);
      if (res.status === 404 && /404 page not found/i.test(decodeUtf8(res.body.subarray(0, 64)))) {
        const v1 = http.url(`/api/traces/${segment(id)}`);
        const old = await http.get(v1, signal, options.maxBytes);
        if (old.status === 422)
          throw new BackendError('too-large', `${what} is larger than this Tempo's max_bytes_per_trace (HTTP 422): Tempo will not return it over the v1 API`, {
            status: 422,
          });
        http.expectOk(old, v1, what);
        return finishFetch(importAnswer(old.body, what), what, [], maxSpans, undefined);
      }
      http.expectOk(res, url, what);
      const notes: string[] = [];
      const head = partialStatus(res.body);
      if (head) notes.push(`Tempo returned a partial trace (status PARTIAL${head.message ? `: ${head.message}` : ''}): some spans are missing`);
      return finishFetch(importAnswer(res.body, what), what, notes, maxSpans, undefined);
    },
    webUrl: () => undefined,
  };
}

/** TraceQL from the simple filters; `{}` matches every trace. */
export function traceQl(q: SearchQuery): string {
  const parts: string[] = [];
  if (q.service) parts.push(`resource.service.name = ${quote(q.service)}`);
  if (q.name) parts.push(`name = ${quote(q.name)}`);
  if (q.errorsOnly) parts.push('status = error');
  if (q.minDurationMs) parts.push(`duration >= ${Math.round(q.minDurationMs)}ms`);
  return parts.length ? `{ ${parts.join(' && ')} }` : '{}';
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function readSearchRows(list: unknown[]): TraceSummary[] {
  const out: TraceSummary[] = [];
  for (const t of list as Record<string, unknown>[]) {
    const id = typeof t?.traceID === 'string' ? hexTraceId(t.traceID) : undefined;
    if (!id) continue;
    let spans: number | undefined;
    let errors: number | undefined;
    const stats = t.serviceStats;
    if (stats && typeof stats === 'object') {
      spans = 0;
      errors = 0;
      for (const s of Object.values(stats as Record<string, { spanCount?: unknown; errorCount?: unknown }>)) {
        if (typeof s?.spanCount === 'number') spans += s.spanCount;
        if (typeof s?.errorCount === 'number') errors += s.errorCount;
      }
    }
    const startNs = typeof t.startTimeUnixNano === 'string' && /^\d+$/.test(t.startTimeUnixNano) ? BigInt(t.startTimeUnixNano) : 0n;
    out.push({
      traceId: id,
      rootName: typeof t.rootTraceName === 'string' ? t.rootTraceName : '',
      service: typeof t.rootServiceName === 'string' ? t.rootServiceName : '',
      startTime: Number(startNs / 1000n) / 1000,
      durationMs: typeof t.durationMs === 'number' ? t.durationMs : 0,
      ...(spans !== undefined ? { spanCount: spans } : {}),
      ...(errors !== undefined ? { errorCount: errors } : {}),
    });
  }
  return out;
}

/** `status` and `message` of a v2 answer when it says PARTIAL (read from the top-level keys only). */
function partialStatus(body: Uint8Array): { message?: string } | undefined {
  // The body can be large: parse it only when the word is there at all.
  const text = decodeUtf8(body);
  if (!text.includes('"PARTIAL"')) return undefined;
  try {
    const v = JSON.parse(text) as { status?: unknown; message?: unknown };
    if (v.status !== 'PARTIAL') return undefined;
    return typeof v.message === 'string' && v.message ? { message: v.message.slice(0, 200) } : {};
  } catch {
    return undefined;
  }
}
