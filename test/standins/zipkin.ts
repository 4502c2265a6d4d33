/**
 * Zipkin v2 API (docs/trace-backends.md §6; openzipkin/zipkin-api zipkin2-api.yaml), hand-written
 * spans: `/api/v2/services`, `/api/v2/traces` (→ `[[span…]…]`, newest first; `endTs`/`lookback`
 * in ms, `minDuration` in µs, `annotationQuery` understands `error`), `/api/v2/trace/{id}`
 * (16 or 32 lower-case hex; 404 if unknown). A 64-bit id is served under its 16 hex digits.
 */
import { matches, traceFacts, type StandinSpan, type StandinTrace } from './dataset';
import { json, text, type RouteRequest, type StandinAnswer } from './server';

const KINDS = ['', '', 'SERVER', 'CLIENT'];

function zipkinSpan(s: StandinSpan) {
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.attributes)) tags[k] = String(v);
  if (s.error) tags.error = s.error;
  return {
    traceId: s.traceId,
    id: s.spanId,
    ...(s.parentSpanId ? { parentId: s.parentSpanId } : {}),
    name: s.name,
    ...(KINDS[s.kind] ? { kind: KINDS[s.kind] } : {}),
    timestamp: Number(s.startNs / 1000n),
    duration: Number((s.endNs - s.startNs) / 1000n),
    localEndpoint: { serviceName: s.service, ipv4: '10.0.0.7' },
    tags,
  };
}

export function zipkinRoute(traces: readonly StandinTrace[]) {
  return (req: RouteRequest): StandinAnswer => {
    if (req.path === '/api/v2/services') return json(200, [...new Set(traces.flatMap((t) => t.spans.map((s) => s.service)))].sort());
    const one = /^\/api\/v2\/trace\/([^/]+)$/.exec(req.path);
    if (one) {
      const id = one[1];
      if (!/^([0-9a-f]{16}|[0-9a-f]{32})$/.test(id)) return text(400, `${id} should be a 1 to 32 character lower-hex string with no prefix`);
      const t = traces.find((x) => x.traceId === id || x.traceId === id.padStart(32, '0'));
      return t ? json(200, t.spans.map(zipkinSpan)) : text(404, `Trace not found: ${id}`);
    }
    if (req.path === '/api/v2/traces') {
      const q = req.query;
      const endTs = Number(q.get('endTs') ?? Date.now());
      const lookback = Number(q.get('lookback') ?? 86_400_000);
      const minDuration = q.get('minDuration');
      const found = traces
        .filter((t) =>
          matches(t, {
            service: q.get('serviceName'),
            name: q.get('spanName'),
            fromNs: BigInt(endTs - lookback) * 1_000_000n,
            toNs: BigInt(endTs) * 1_000_000n,
            errorsOnly: /(^|\s)error(\s|$)/.test(q.get('annotationQuery') ?? ''),
            ...(minDuration ? { minDurationNs: BigInt(minDuration) * 1000n } : {}),
          }),
        )
        .sort((a, b) => Number(traceFacts(b).startNs - traceFacts(a).startNs))
        .slice(0, Number(q.get('limit') ?? 10));
      return json(
        200,
        found.map((t) => t.spans.map(zipkinSpan)),
      );
    }
    return text(404, 'Not Found');
  };
}
