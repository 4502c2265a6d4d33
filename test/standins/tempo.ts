/**
 * Grafana Tempo query-frontend (docs/trace-backends.md §3), hand-written shapes (Tempo's
 * recorded responses are AGPL). `/api/v2/traces/{id}` → `{trace:{resourceSpans}, status}` in
 * protobuf-JSON (base64 ids, enum names, int64 strings); `/api/traces/{id}` → `{batches}` (the
 * real tempopb testdata trace for its id 5b8efff7…); `/api/search` with `q` (TraceQL: the
 * stand-in understands `resource.service.name = "…"`, `name = "…"`, `status = error`) or
 * `tags`; `/api/echo`; `/api/status/buildinfo`. With `tenant`, every request needs that
 * `X-Scope-OrgID` (else 401 "no org id"). `legacy`: no v2 route (Go's "404 page not found").
 * `partial`: v2 answers status PARTIAL with only the root span.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matches, resourceSpans, traceFacts, type StandinTrace } from './dataset';
import { fixturesDir } from './fixtures';
import { json, text, type RouteRequest, type StandinAnswer } from './server';

export const TEMPO_FIXTURE_TRACE_ID = '5b8efff798038103d269b633813fc60c';

export interface TempoOptions {
  readonly tenant?: string;
  readonly legacy?: boolean;
  readonly partial?: boolean;
}

export function tempoRoute(traces: readonly StandinTrace[], opts: TempoOptions) {
  const batchesFixture = readFileSync(join(fixturesDir(), 'tempo-v1-batches.json'), 'utf8');
  return (req: RouteRequest): StandinAnswer => {
    if (opts.tenant && req.headers['x-scope-orgid'] !== opts.tenant) return text(401, 'no org id');
    if (req.path === '/api/echo') return text(200, 'echo');
    if (req.path === '/api/status/buildinfo') return json(200, { version: '2.9.0', revision: 'standin', branch: 'HEAD', goVersion: 'go1.25' });
    const v2 = /^\/api\/v2\/traces\/([^/]+)$/.exec(req.path);
    if (v2 && !opts.legacy) {
      const t = traces.find((x) => x.traceId === v2[1]);
      if (!t) return text(404, 'trace not found');
      const spans = opts.partial ? t.spans.filter((s) => !s.parentSpanId) : t.spans;
      return json(200, {
        trace: { resourceSpans: resourceSpans(spans, true) },
        status: opts.partial ? 'PARTIAL' : 'COMPLETE',
        ...(opts.partial ? { message: 'trace exceeds max size (max bytes: 5000000)' } : {}),
        metrics: { inspectedBytes: '1024' },
      });
    }
    const v1 = /^\/api\/traces\/([^/]+)$/.exec(req.path);
    if (v1) {
      if (v1[1].toLowerCase() === TEMPO_FIXTURE_TRACE_ID) return { status: 200, headers: { 'content-type': 'application/json' }, body: batchesFixture };
      const t = traces.find((x) => x.traceId === v1[1]);
      return t ? json(200, { batches: resourceSpans(t.spans, true) }) : text(404, 'trace not found');
    }
    if (req.path === '/api/search') {
      const q = req.query.get('q') ?? '';
      const start = Number(req.query.get('start') ?? 0);
      const end = Number(req.query.get('end') ?? 0);
      if (start && end && end - start > 168 * 3600)
        return text(400, 'range specified by start and end exceeds 168h0m0s. received start=' + start + ' end=' + end);
      const service = /resource\.service\.name\s*=\s*"([^"]*)"/.exec(q)?.[1];
      const name = /(?:^|[^.\w])name\s*=\s*"([^"]*)"/.exec(q)?.[1];
      const found = traces
        .filter((t) =>
          matches(t, {
            service,
            name,
            errorsOnly: /status\s*=\s*error/.test(q),
            ...(start ? { fromNs: BigInt(start) * 1_000_000_000n } : {}),
            ...(end ? { toNs: BigInt(end) * 1_000_000_000n } : {}),
          }),
        )
        .slice(0, Number(req.query.get('limit') ?? 20));
      return json(200, {
        traces: found.map((t) => {
          const f = traceFacts(t);
          return {
            // Tempo search ids are hex and may drop leading zeros.
            traceID: t.traceId.replace(/^0+/, ''),
            rootServiceName: f.root.service,
            rootTraceName: f.root.name,
            startTimeUnixNano: String(f.startNs),
            durationMs: Number((f.endNs - f.startNs) / 1_000_000n),
            serviceStats: Object.fromEntries(
              f.services.map((svc) => [
                svc,
                { spanCount: t.spans.filter((s) => s.service === svc).length, errorCount: t.spans.filter((s) => s.service === svc && s.error).length },
              ]),
            ),
          };
        }),
        metrics: { inspectedTraces: traces.length, inspectedBytes: '4096', completedJobs: 1, totalJobs: 1 },
      });
    }
    return text(404, '404 page not found');
  };
}
