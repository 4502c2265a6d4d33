/**
 * Arize Phoenix REST `/v1` (docs/trace-backends.md §5), hand-written shapes (Phoenix's own
 * fixtures are Elastic-2.0). `/v1/projects`, `/v1/projects/{p}/traces` (envelopes, newest
 * first, cursor), `/v1/projects/{p}/spans` (filters `trace_id` (repeatable), `parent_id=null`,
 * `name`, `status_code`; newest first, keyset cursor = a Span GlobalID; a bad cursor → 422
 * "Invalid cursor"). With `auth`, a missing or wrong Bearer key → 401 with `WWW-Authenticate`.
 * `legacy`: no `/traces` route (FastAPI's `{"detail":"Not Found"}`). `pageSize` caps pages.
 * The project is `default`, also reachable by its GlobalID `UHJvamVjdDox`.
 */
import { traceFacts, type StandinSpan, type StandinTrace } from './dataset';
import { json, type RouteRequest, type StandinAnswer } from './server';

export const PHOENIX_PROJECT_ID = Buffer.from('Project:1').toString('base64');

export interface PhoenixOptions {
  readonly legacy?: boolean;
  readonly pageSize?: number;
}

const SPAN_KINDS: Record<string, string> = { invoke_agent: 'AGENT', chat: 'LLM', execute_tool: 'TOOL' };

function iso(ns: bigint): string {
  const ms = Number(ns / 1_000_000n);
  const micros = String(Number((ns / 1000n) % 1000n)).padStart(3, '0');
  return new Date(ms).toISOString().replace(/Z$/, `${micros}+00:00`);
}

const globalId = (type: string, n: number) => Buffer.from(`${type}:${n}`).toString('base64');

export function phoenixRoute(traces: readonly StandinTrace[], opts: PhoenixOptions) {
  // Every span with a row number (its database id): newest first is highest id first.
  const rows = traces
    .flatMap((t) => t.spans)
    .slice()
    .sort((a, b) => Number(a.startNs - b.startNs))
    .map((s, i) => ({ s, n: i + 1 }));
  const render = ({ s, n }: { s: StandinSpan; n: number }) => {
    const op = String(s.attributes['gen_ai.operation.name'] ?? '');
    return {
      id: globalId('Span', n),
      name: s.name,
      context: { trace_id: s.traceId, span_id: s.spanId },
      span_kind: SPAN_KINDS[op] ?? 'CHAIN',
      parent_id: s.parentSpanId ?? null,
      start_time: iso(s.startNs),
      end_time: iso(s.endNs),
      status_code: s.error ? 'ERROR' : 'OK',
      status_message: s.error ?? '',
      attributes: { ...s.attributes, 'openinference.span.kind': SPAN_KINDS[op] ?? 'CHAIN' },
      events: [],
    };
  };
  return (req: RouteRequest): StandinAnswer => {
    if (req.path === '/v1/projects')
      return json(200, { data: [{ id: PHOENIX_PROJECT_ID, name: 'default', description: 'Default project' }], next_cursor: null });
    const m = /^\/v1\/projects\/([^/]+)\/(traces|spans)$/.exec(req.path);
    if (!m) return json(404, { detail: 'Not Found' });
    const project = decodeURIComponent(m[1]);
    if (project !== 'default' && project !== PHOENIX_PROJECT_ID) return json(404, { detail: `Project with identifier ${project} not found` });
    const q = req.query;
    const limit = Math.min(Number(q.get('limit') ?? 100), opts.pageSize ?? Infinity);
    if (Number(q.get('limit') ?? 100) > 1000)
      return json(422, { detail: [{ loc: ['query', 'limit'], msg: 'Input should be less than or equal to 1000', type: 'less_than_equal' }] });
    let cursorN = Infinity;
    const cursor = q.get('cursor');
    if (cursor) {
      const d = /^(Span|Trace):(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
      if (!d) return json(422, { detail: 'Invalid cursor' });
      cursorN = Number(d[2]);
    }
    const from = q.get('start_time') ? Date.parse(q.get('start_time')!) : -Infinity;
    const to = q.get('end_time') ? Date.parse(q.get('end_time')!) : Infinity;
    if (m[2] === 'traces') {
      if (opts.legacy) return json(404, { detail: 'Not Found' });
      // Trace rows numbered oldest first, so newest first is highest number first (the keyset order).
      const list = traces
        .map((t) => ({ t, f: traceFacts(t) }))
        .sort((a, b) => Number(a.f.startNs - b.f.startNs))
        .map((x, i) => ({ ...x, n: i + 1 }))
        .filter(({ f, n }) => n <= cursorN && Number(f.startNs / 1_000_000n) >= from && Number(f.startNs / 1_000_000n) < to)
        .sort((a, b) => b.n - a.n);
      const page = list.slice(0, limit);
      return json(200, {
        data: page.map(({ t, f, n }) => ({
          id: globalId('Trace', n),
          trace_id: t.traceId,
          project_id: PHOENIX_PROJECT_ID,
          start_time: iso(f.startNs),
          end_time: iso(f.endNs),
        })),
        next_cursor: list.length > limit ? globalId('Trace', list[limit].n) : null,
      });
    }
    const traceIds = q.getAll('trace_id');
    const parent = q.get('parent_id');
    const list = rows
      .filter(({ s, n }) => {
        const startMs = Number(s.startNs / 1_000_000n);
        return (
          n <= cursorN &&
          startMs >= from &&
          startMs < to &&
          (!traceIds.length || traceIds.includes(s.traceId)) &&
          (parent === null || (parent === 'null' ? !s.parentSpanId : s.parentSpanId === parent)) &&
          (!q.get('name') || s.name === q.get('name')) &&
          (!q.get('status_code') || (q.get('status_code') === 'ERROR') === !!s.error)
        );
      })
      .sort((a, b) => b.n - a.n);
    const page = list.slice(0, limit);
    return json(200, { data: page.map(render), next_cursor: list.length > limit ? globalId('Span', list[limit].n) : null });
  };
}
