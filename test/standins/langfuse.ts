/**
 * Langfuse public API (docs/trace-backends.md §4). Basic auth (public : secret key); wrong keys →
 * 401 `{"message","error"}`. Serves the generated traces as observations plus the real
 * openai-agents trace downloaded from the Langfuse UI (test/fixtures/backends).
 *
 * v4 (default): `/api/public/v2/observations` — cursor pages (`meta.cursor`, base64; bad → 400),
 * `limit` ≤ 1000 (default 50), filters traceId, isRootObservation, name, level, from/toStartTime;
 * IO as raw strings; metadata values cut to 200 characters (the real API's truncation).
 * `legacy` (self-hosted v3): no v2 route (404), `/api/public/traces` page/limit list and
 * `/api/public/traces/{id}` with embedded observations, with the `_deprecation` block.
 * `/api/public/health` needs no key. `pageSize` caps v2 pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { traceFacts, type StandinTrace } from './dataset';
import { fixturesDir } from './fixtures';
import { json, type RouteRequest, type StandinAnswer } from './server';

export const LANGFUSE_FIXTURE_TRACE_ID = 'fee618f96dc31e0ca38b2f7b26eb8b29';
export const LANGFUSE_PROJECT_ID = 'cloramnkj0002jz088vzn1ja4';

export interface LangfuseOptions {
  readonly legacy?: boolean;
  readonly pageSize?: number;
}

type Obs = Record<string, unknown>;
const TYPES: Record<string, string> = { invoke_agent: 'AGENT', chat: 'GENERATION', execute_tool: 'TOOL' };
const iso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();

function observationsOf(traces: readonly StandinTrace[]): Obs[] {
  const out: Obs[] = [];
  for (const t of traces)
    for (const s of t.spans) {
      const op = String(s.attributes['gen_ai.operation.name'] ?? '');
      out.push({
        id: s.spanId,
        traceId: t.traceId,
        projectId: LANGFUSE_PROJECT_ID,
        type: TYPES[op] ?? 'SPAN',
        name: s.name,
        startTime: iso(s.startNs),
        endTime: iso(s.endNs),
        parentObservationId: s.parentSpanId ?? null,
        isRootObservation: !s.parentSpanId,
        level: s.error ? 'ERROR' : 'DEFAULT',
        statusMessage: s.error ?? null,
        environment: 'production',
        input: op === 'chat' ? [{ role: 'user', content: 'What is the weather in Paris?' }] : null,
        output: op === 'chat' ? { role: 'assistant', content: 'Sunny, 21 °C.' } : null,
        metadata: { attributes: s.attributes, resourceAttributes: { 'service.name': s.service } },
        providedModelName: typeof s.attributes['gen_ai.request.model'] === 'string' ? s.attributes['gen_ai.request.model'] : null,
        traceName: t.spans.find((x) => !x.parentSpanId)?.name ?? null,
      });
    }
  return out;
}

/** The v2 wire form: IO as raw strings, metadata values as strings cut to 200 characters. */
function toV2(o: Obs): Obs {
  const raw = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  const meta: Record<string, string> = {};
  if (o.metadata && typeof o.metadata === 'object')
    for (const [k, v] of Object.entries(o.metadata)) meta[k] = (typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 200);
  return { ...o, input: raw(o.input), output: raw(o.output), metadata: meta, modelId: null, inputPrice: null, outputPrice: null, totalPrice: null };
}

export function langfuseRoute(traces: readonly StandinTrace[], opts: LangfuseOptions) {
  const fixture = JSON.parse(readFileSync(join(fixturesDir(), 'langfuse-openai-agents-2025-09-30.json'), 'utf8')) as {
    trace: Obs & { id: string; name: string; timestamp: string };
    observations: Obs[];
  };
  const fixtureObs: Obs[] = fixture.observations.map((o) => ({
    ...o,
    providedModelName: o.model ?? null,
    isRootObservation: !o.parentObservationId,
    traceName: fixture.trace.name,
  }));
  const all = [...observationsOf(traces), ...fixtureObs];
  const deprecation = { message: 'On Langfuse Cloud, Langfuse v3 is deprecated', replacement: 'GET /api/public/v2/observations', sunsetAt: '2026-11-16' };
  return (req: RouteRequest): StandinAnswer => {
    const q = req.query;
    if (req.path === '/api/public/v2/observations' && !opts.legacy) {
      const limit = Number(q.get('limit') ?? 50);
      if (!(limit >= 1 && limit <= 1000))
        return json(400, { message: 'Invalid request data', error: [{ path: ['limit'], message: 'Number must be less than or equal to 1000' }] });
      if (q.get('parseIoAsJson') === 'true')
        return json(400, { message: 'parseIoAsJson=true is no longer supported on the v2 observations endpoint.', error: 'InvalidRequestError' });
      let offset = 0;
      const cursor = q.get('cursor');
      if (cursor) {
        try {
          offset = (JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as { offset: number }).offset;
          if (!Number.isInteger(offset)) throw new Error('bad');
        } catch {
          return json(400, { message: 'Invalid request data', error: [{ path: ['cursor'], message: 'Invalid cursor' }] });
        }
      }
      const from = q.get('fromStartTime') ? Date.parse(q.get('fromStartTime')!) : -Infinity;
      const to = q.get('toStartTime') ? Date.parse(q.get('toStartTime')!) : Infinity;
      const list = all
        .filter(
          (o) =>
            (!q.get('traceId') || o.traceId === q.get('traceId')) &&
            (q.get('isRootObservation') !== 'true' || o.isRootObservation === true) &&
            (!q.get('name') || o.name === q.get('name')) &&
            (!q.get('level') || o.level === q.get('level')) &&
            Date.parse(String(o.startTime)) >= from &&
            Date.parse(String(o.startTime)) <= to,
        )
        .sort((a, b) => Date.parse(String(b.startTime)) - Date.parse(String(a.startTime)));
      const size = Math.min(limit, opts.pageSize ?? Infinity);
      const page = list.slice(offset, offset + size);
      const more = offset + size < list.length;
      return json(200, { data: page.map(toV2), meta: more ? { cursor: Buffer.from(JSON.stringify({ offset: offset + size })).toString('base64') } : {} });
    }
    if (req.path === '/api/public/traces' && opts.legacy) {
      const page = Number(q.get('page') ?? 1);
      const limit = Number(q.get('limit') ?? 50);
      const from = q.get('fromTimestamp') ? Date.parse(q.get('fromTimestamp')!) : -Infinity;
      const to = q.get('toTimestamp') ? Date.parse(q.get('toTimestamp')!) : Infinity;
      const rows = [
        ...traces.map((t) => {
          const f = traceFacts(t);
          return {
            id: t.traceId,
            name: f.root.name,
            timestamp: iso(f.startNs),
            latency: Number(f.endNs - f.startNs) / 1e9,
            observations: t.spans.map((s) => s.spanId),
            environment: 'production',
          };
        }),
        {
          id: fixture.trace.id,
          name: fixture.trace.name,
          timestamp: fixture.trace.timestamp,
          latency: 7.5,
          observations: fixture.observations.map((o) => o.id),
          environment: 'default',
        },
      ]
        .filter((r) => (!q.get('name') || r.name === q.get('name')) && Date.parse(r.timestamp) >= from && Date.parse(r.timestamp) <= to)
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
      return json(200, {
        data: rows.slice((page - 1) * limit, page * limit),
        meta: { page, limit, totalItems: rows.length, totalPages: Math.ceil(rows.length / limit) },
        _deprecation: deprecation,
      });
    }
    const one = /^\/api\/public\/traces\/([^/]+)$/.exec(req.path);
    if (one && opts.legacy) {
      const id = decodeURIComponent(one[1]);
      if (id === LANGFUSE_FIXTURE_TRACE_ID) return json(200, { ...fixture.trace, observations: fixture.observations, scores: [], _deprecation: deprecation });
      const t = traces.find((x) => x.traceId === id);
      if (!t) return json(404, { message: 'Trace not found within authorized project', error: 'LangfuseNotFoundError' });
      const f = traceFacts(t);
      return json(200, {
        id,
        name: f.root.name,
        timestamp: iso(f.startNs),
        observations: observationsOf([t]),
        scores: [],
        tags: [],
        public: false,
        _deprecation: deprecation,
      });
    }
    // Next.js answers unknown API routes with its HTML 404 page.
    return {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<!DOCTYPE html><html><body><h1>404</h1>This page could not be found.</body></html>',
    };
  };
}
