/**
 * Stand-in servers for the five trace backends, on 127.0.0.1 with a random port, following each
 * backend's documented HTTP behaviour (docs/trace-backends.md) including the awkward parts. For
 * the contract tests, the CLI tests, the bench and the VS Code e2e tests. See README.md.
 *
 *   const s = await startStandin('langfuse', { auth: { basic: { username: 'pk-lf-1', password: 'sk-lf-1' } } });
 *   … s.url …  s.requests …
 *   await s.close();
 */
import { agentTrace, billingTrace, bigTrace, type StandinTrace } from './dataset';
import { jaegerRoute, type JaegerOptions } from './jaeger';
import { langfuseRoute, type LangfuseOptions } from './langfuse';
import { phoenixRoute, type PhoenixOptions } from './phoenix';
import { authorized, json, serve, text, type CommonOptions, type RouteRequest, type RunningStandin, type StandinAnswer } from './server';
import { tempoRoute, type TempoOptions } from './tempo';
import { zipkinRoute } from './zipkin';

export type StandinKind = 'jaeger' | 'tempo' | 'langfuse' | 'phoenix' | 'zipkin';

export interface StandinOptions extends CommonOptions, JaegerOptions, TempoOptions, LangfuseOptions, PhoenixOptions {
  /** The traces served; default the agent trace (10 min ago) and the billing trace (2 h ago) of dataset.ts. */
  readonly traces?: readonly StandinTrace[];
  /** Adds bigTrace(n) (BIG_TRACE_ID, 30 min ago). */
  readonly bigTraceSpans?: number;
  /** "Now" for the generated traces' times (Unix ms); default Date.now(). */
  readonly nowMs?: number;
}

export type { RunningStandin } from './server';

export function startStandin(kind: StandinKind, options: StandinOptions = {}): Promise<RunningStandin> {
  const now = options.nowMs ?? Date.now();
  const traces = [...(options.traces ?? [agentTrace(now), billingTrace(now)]), ...(options.bigTraceSpans ? [bigTrace(now, options.bigTraceSpans)] : [])];
  const route = ROUTES[kind](traces, options);
  return serve(route, options, (req) => (authorized(options.auth, req.headers) ? undefined : refuse(kind, req)));
}

const ROUTES: Record<StandinKind, (traces: readonly StandinTrace[], o: StandinOptions) => (req: RouteRequest) => StandinAnswer> = {
  jaeger: jaegerRoute,
  tempo: tempoRoute,
  langfuse: (traces, o) => {
    const inner = langfuseRoute(traces, o);
    return (req) => (req.path === '/api/public/health' ? json(200, { status: 'OK', version: o.legacy ? '3.95.0' : '4.2.1' }) : inner(req));
  },
  phoenix: phoenixRoute,
  zipkin: (traces) => zipkinRoute(traces),
};

/** Each backend's own answer to missing or wrong credentials. */
function refuse(kind: StandinKind, req: RouteRequest): StandinAnswer | undefined {
  switch (kind) {
    case 'langfuse':
      if (req.path === '/api/public/health') return undefined; // needs no key
      return json(401, { message: "Invalid credentials. Confirm that you've configured the correct host.", error: 'UnauthorizedError' });
    case 'phoenix':
      return json(401, { detail: 'Invalid token' }, { 'www-authenticate': 'Bearer' });
    default:
      return text(401, 'Unauthorized');
  }
}
