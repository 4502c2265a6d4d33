/**
 * Jaeger over api_v3 HTTP (docs/trace-backends.md §2; v1 search was removed after v2.20).
 *
 * - Probe: `GET /api/v3/services` → `{"services":[…]}`.
 * - Search: `GET /api/v3/trace-summaries` (v2.19+) and, when the server lacks it (404 without
 *   the "No traces found" error body, or the UI's index.html), `GET /api/v3/traces` with the same params, whose merged
 *   TracesData is summarised here. Params in snake_case (accepted by v1.25 … HEAD):
 *   `query.service_name`, `query.operation_name`, `query.start_time_min/max` (required,
 *   RFC 3339), `query.duration_min` (Go duration), `query.search_depth` (= limit),
 *   `query.attributes` (SearchQuery.query: a JSON map of attributes, v2.19+). A 404 is Jaeger's
 *   answer to "zero traces matched". `errorsOnly` is applied to the rows (Jaeger has no filter).
 *   Paging: none in Jaeger; `nextCursor` narrows the window to before the oldest trace listed.
 * - Fetch: `GET /api/v3/traces/{id}` → `{"result": TracesData}`, one object (v1.53+) or
 *   newline-delimited chunks with base64 ids (v1.25–1.52); the OTLP importer reads both.
 * - Errors: `{"error":{"httpCode","message"}}` sent as text/plain (http.ts reads either).
 */
import { decodeUtf8, type HttpContext } from '../http';
import { finishFetch, importAnswer, summarizeTraces, DEFAULT_MAX_SPANS } from '../traceSets';
import { hexTraceId, checkTraceId } from '../traceIds';
import { windowCursor, windowEnd } from '../windowCursor';
import { BackendError, type BackendClient, type FetchOptions, type HttpResponse, type SearchPage, type SearchQuery, type TraceSummary } from '../types';
import { segment } from '../url';

export function jaegerClient(http: HttpContext): BackendClient {
  let summariesMissing = false;
  return {
    kind: 'jaeger',
    async probe(signal) {
      const url = http.url('/api/v3/services');
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the service list');
      const body = http.json(res, url) as { services?: unknown };
      if (!body || typeof body !== 'object' || !('services' in body)) throw http.malformed(url, 'a Jaeger api_v3 service list');
      return { ok: true, api: 'api_v3' };
    },
    async search(query, signal) {
      const params = searchParams(query);
      if (!summariesMissing) {
        const url = http.url('/api/v3/trace-summaries', params);
        const res = await http.get(url, signal);
        // Before v2.19 the route is missing: a 404 without Jaeger's "No traces found" body, or
        // (v2.0–2.18) the UI's index.html, which the UI serves for every unknown path.
        if ((res.status === 404 && !isNoTracesFound(res.body)) || (res.status === 200 && isHtml(res))) summariesMissing = true;
        else
          return page(
            query,
            noTracesOr(res, url, () => readSummaries(http.json(res, url), url)),
          );
      }
      const url = http.url('/api/v3/traces', params);
      const res = await http.get(url, signal);
      return page(
        query,
        noTracesOr(res, url, () => summarizeTraces(importAnswer(res.body, 'the search answer'))),
      );
    },
    async fetchTrace(traceId, signal, options: FetchOptions = {}) {
      const id = checkTraceId('jaeger', traceId);
      const url = http.url(`/api/v3/traces/${segment(id)}`);
      const res = await http.get(url, signal, options.maxBytes);
      http.expectOk(res, url, `trace ${id}`);
      return finishFetch(importAnswer(res.body, `trace ${id}`), `trace ${id}`, [], options.maxSpans ?? DEFAULT_MAX_SPANS, this.webUrl(id));
    },
    webUrl: (traceId) => `${http.baseUrl}/trace/${segment(traceId)}`,
  };

  function noTracesOr(res: HttpResponse, url: string, read: () => TraceSummary[]): TraceSummary[] {
    if (res.status === 404) return []; // Jaeger: 404 when zero traces match
    http.expectOk(res, url, 'the search');
    return read();
  }
}

function page(query: SearchQuery, rows: TraceSummary[]): SearchPage {
  const kept = (query.errorsOnly ? rows.filter((r) => (r.errorCount ?? 0) > 0) : rows).sort((a, b) => b.startTime - a.startTime);
  const next = rows.length >= query.limit ? windowCursor(rows) : undefined;
  return { traces: kept, ...(next ? { nextCursor: next } : {}) };
}

function searchParams(q: SearchQuery) {
  const to = windowEnd(q);
  return {
    'query.service_name': q.service || undefined,
    'query.operation_name': q.name || undefined,
    'query.start_time_min': new Date(q.fromMs).toISOString(),
    'query.start_time_max': new Date(to).toISOString(),
    'query.duration_min': q.minDurationMs ? `${q.minDurationMs}ms` : undefined,
    'query.search_depth': q.limit,
    'query.attributes': q.query || undefined,
  };
}

/** Jaeger's body for "zero traces matched" (vs a 404 from a server without the route). */
function isNoTracesFound(body: Uint8Array): boolean {
  return /no traces found/i.test(decodeUtf8(body.subarray(0, 512)));
}

function isHtml(res: HttpResponse): boolean {
  return /html/i.test(res.headers['content-type'] ?? '') || /^\s*</.test(decodeUtf8(res.body.subarray(0, 64)));
}

function readSummaries(body: unknown, url: string): TraceSummary[] {
  const list = (body as { summaries?: unknown } | null)?.summaries;
  if (!Array.isArray(list)) throw new BackendError('malformed', `the Jaeger trace-summaries answer from ${url} has no summaries list`);
  const out: TraceSummary[] = [];
  for (const s of list as Record<string, unknown>[]) {
    const id = typeof s.traceId === 'string' ? hexTraceId(s.traceId) : undefined;
    if (!id) continue;
    const start = nanosToMs(s.minStartTimeUnixNano);
    const end = nanosToMs(s.maxEndTimeUnixNano);
    out.push({
      traceId: id,
      rootName: typeof s.rootOperationName === 'string' ? s.rootOperationName : '',
      service: typeof s.rootServiceName === 'string' ? s.rootServiceName : '',
      startTime: start,
      durationMs: Math.max(0, end - start),
      ...(typeof s.spanCount === 'number' ? { spanCount: s.spanCount } : {}),
      ...(typeof s.errorSpanCount === 'number' ? { errorCount: s.errorSpanCount } : {}),
    });
  }
  return out;
}

function nanosToMs(v: unknown): number {
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(BigInt(v) / 1000n) / 1000;
  if (typeof v === 'number') return v / 1e6;
  return 0;
}
