/**
 * Jaeger query service, api_v3 over HTTP (docs/trace-backends.md §2), as v2.19+ answers, or with
 * `legacy` as v1.25–1.52 did (grpc-gateway: newline-delimited `{"result": …}` chunks, one per
 * resource, base64 ids; no trace-summaries route). Awkward parts kept: 404 with
 * `{"error":{"httpCode":404,"message":"No traces found"}}` for an empty search, errors sent as
 * text/plain, 400 when the required time range is missing. Serves the real snapshot
 * GetTrace.json for its trace id 00…01 beside the generated traces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matches, resourceSpans, traceFacts, type StandinTrace } from './dataset';
import { fixturesDir } from './fixtures';
import { json, text, type RouteRequest, type StandinAnswer } from './server';

export const JAEGER_FIXTURE_TRACE_ID = '00000000000000000000000000000001';

export interface JaegerOptions {
  readonly legacy?: boolean;
}

function gatewayError(status: number, message: string): StandinAnswer {
  // http.Error(w, json, code): JSON body, text/plain content type.
  return text(status, JSON.stringify({ error: { httpCode: status, message } }));
}

export function jaegerRoute(traces: readonly StandinTrace[], opts: JaegerOptions) {
  const getTraceFixture = readFileSync(join(fixturesDir(), 'jaeger-v3-GetTrace.json'), 'utf8');
  const summariesFixture = JSON.parse(readFileSync(join(fixturesDir(), 'jaeger-v3-FindTraceSummaries.json'), 'utf8')) as { summaries: unknown[] };
  const render = (list: readonly StandinTrace[]): StandinAnswer => {
    const spans = list.flatMap((t) => t.spans);
    if (!opts.legacy) return json(200, { result: { resourceSpans: resourceSpans(spans, false) } });
    const chunks = resourceSpans(spans, true).map((rs) => JSON.stringify({ result: { resourceSpans: [rs] } }));
    return { status: 200, headers: { 'content-type': 'application/json' }, body: chunks.join('\n') + '\n' };
  };
  const rendered = new Map<string, StandinAnswer>();
  return (req: RouteRequest): StandinAnswer => {
    if (req.path === '/api/v3/services') return json(200, { services: [...new Set(traces.flatMap((t) => t.spans.map((s) => s.service)))] });
    const m = /^\/api\/v3\/traces\/([^/]+)$/.exec(req.path);
    if (m) {
      const id = decodeURIComponent(m[1]);
      if (!/^[0-9a-f]{32}$/.test(id)) return gatewayError(400, `malformed parameter trace_id: ${id}`);
      if (id === JAEGER_FIXTURE_TRACE_ID && !opts.legacy) return { status: 200, headers: { 'content-type': 'application/json' }, body: getTraceFixture };
      const t = traces.find((x) => x.traceId === id);
      if (!t) return gatewayError(404, 'No traces found');
      // Rendered once per trace, like a server whose data is ready (the bench times the client, not this).
      let answer = rendered.get(id);
      if (!answer) rendered.set(id, (answer = render([t])));
      return answer;
    }
    const isSummaries = req.path === '/api/v3/trace-summaries';
    if (req.path === '/api/v3/traces' || (isSummaries && !opts.legacy)) {
      const q = req.query;
      const min = q.get('query.start_time_min');
      const max = q.get('query.start_time_max');
      if (!min || !max) return gatewayError(400, 'query.start_time_min and query.start_time_max are required');
      const fromMs = Date.parse(min);
      const toMs = Date.parse(max);
      if (!(fromMs < toMs)) return gatewayError(400, 'query.start_time_min must be before query.start_time_max');
      const dur = q.get('query.duration_min');
      const found = traces
        .filter((t) =>
          matches(t, {
            service: q.get('query.service_name'),
            name: q.get('query.operation_name'),
            fromNs: BigInt(fromMs) * 1_000_000n,
            toNs: BigInt(toMs) * 1_000_000n,
            ...(dur ? { minDurationNs: BigInt(Math.round(parseFloat(dur))) * 1_000_000n } : {}),
          }),
        )
        .sort((a, b) => Number(traceFacts(b).startNs - traceFacts(a).startNs))
        .slice(0, Number(q.get('query.search_depth') ?? 100));
      if (!found.length) return gatewayError(404, 'No traces found');
      if (!isSummaries) return render(found);
      const summaries = found.map((t) => {
        const f = traceFacts(t);
        return {
          traceId: t.traceId,
          rootServiceName: f.root.service,
          rootOperationName: f.root.name,
          minStartTimeUnixNano: String(f.startNs),
          maxEndTimeUnixNano: String(f.endNs),
          spanCount: t.spans.length,
          errorSpanCount: f.errors,
          orphanSpanCount: 0,
          services: f.services.map((name) => ({ name, spanCount: t.spans.filter((s) => s.service === name).length, errorSpanCount: 0 })),
        };
      });
      // The real snapshot's row (trace 00…01, "HTTP GET /") is listed when the search is unfiltered.
      const extra = q.get('query.service_name') || q.get('query.operation_name') ? [] : summariesFixture.summaries;
      return json(200, { summaries: [...summaries, ...extra] });
    }
    // Jaeger's UI answers unknown paths with its index.html.
    return { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body>Jaeger UI</body></html>' };
  };
}
