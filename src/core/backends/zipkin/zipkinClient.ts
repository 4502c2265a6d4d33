/**
 * Zipkin v2 (docs/trace-backends.md §6). No auth of its own (headers from the connection pass
 * through, for a proxy).
 *
 * - Probe: `GET /api/v2/services` → a JSON array of names.
 * - Search: `GET /api/v2/traces?serviceName=&spanName=&annotationQuery=&minDuration=(µs)
 *   &endTs=(ms)&lookback=(ms)&limit=` → `[[span…]…]`, whole traces, summarised here.
 *   `errorsOnly` adds `error` to the annotationQuery (matches the `error` tag), joined with the
 *   free query by `and`. No paging: `nextCursor` narrows the window (windowCursor.ts).
 * - Fetch: `GET /api/v2/trace/{id}` → `[span…]`, 404 when unknown. A 64-bit id padded to 32
 *   hex is sent as its 16 hex digits (the form Zipkin stored it under).
 */
import type { HttpContext } from '../http';
import { checkTraceId } from '../traceIds';
import { DEFAULT_MAX_SPANS, finishFetch, importAnswer, summarizeTraces } from '../traceSets';
import type { BackendClient, FetchOptions } from '../types';
import { segment } from '../url';
import { windowCursor, windowEnd } from '../windowCursor';

export function zipkinClient(http: HttpContext): BackendClient {
  return {
    kind: 'zipkin',
    async probe(signal) {
      const url = http.url('/api/v2/services');
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the service list');
      if (!Array.isArray(http.json(res, url))) throw http.malformed(url, 'a Zipkin service list');
      return { ok: true, api: 'api/v2' };
    },
    async search(query, signal) {
      const end = windowEnd(query);
      const annotation = [query.query?.trim(), query.errorsOnly ? 'error' : undefined].filter(Boolean).join(' and ');
      const url = http.url('/api/v2/traces', {
        serviceName: query.service || undefined,
        spanName: query.name || undefined,
        annotationQuery: annotation || undefined,
        minDuration: query.minDurationMs ? Math.round(query.minDurationMs * 1000) : undefined,
        endTs: Math.floor(end),
        lookback: Math.max(1, Math.floor(end - query.fromMs)),
        limit: query.limit,
      });
      const res = await http.get(url, signal);
      http.expectOk(res, url, 'the search');
      const body = http.json(res, url);
      if (!Array.isArray(body)) throw http.malformed(url, 'a Zipkin trace list');
      if (body.length === 0) return { traces: [] };
      const rows = summarizeTraces(importAnswer(res.body, 'the search answer'));
      const next = body.length >= query.limit ? windowCursor(rows) : undefined;
      return { traces: rows, ...(next ? { nextCursor: next } : {}) };
    },
    async fetchTrace(traceId, signal, options: FetchOptions = {}) {
      const id = checkTraceId('zipkin', traceId);
      const wire = id.startsWith('0000000000000000') ? id.slice(16) : id;
      const url = http.url(`/api/v2/trace/${segment(wire)}`);
      const res = await http.get(url, signal, options.maxBytes);
      http.expectOk(res, url, `trace ${id}`);
      return finishFetch(importAnswer(res.body, `trace ${id}`), `trace ${id}`, [], options.maxSpans ?? DEFAULT_MAX_SPANS, this.webUrl(id));
    },
    webUrl: (traceId) => `${http.baseUrl}/zipkin/traces/${segment(traceId)}`,
  };
}
