import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import type { BackendError } from '../../../src/core/backends/types';
import { AGENT_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { TEMPO_FIXTURE_TRACE_ID } from '../../standins/tempo';
import { clientFor, lastHour, spanCount } from './connect';

let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Tempo client', () => {
  it('probes /api/echo and reads the version from buildinfo, with the tenant header on every request', async () => {
    s = await startStandin('tempo', { tenant: 'team-a' });
    expect(await clientFor('tempo', s.url, {}, { tenant: 'team-a' }).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'api/v2', version: '2.9.0' });
    expect(s.requests.map((r) => [r.url, r.headers['x-scope-orgid']])).toEqual([
      ['/api/echo', 'team-a'],
      ['/api/status/buildinfo', 'team-a'],
    ]);
  });

  it('reports a missing tenant as an auth failure', async () => {
    s = await startStandin('tempo', { tenant: 'team-a' });
    const err = (await clientFor('tempo', s.url)
      .probe(NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('no org id');
  });

  it('searches with TraceQL built from the filters and pads ids Tempo shortened', async () => {
    s = await startStandin('tempo');
    const page = await clientFor('tempo', s.url).search(
      { ...lastHour(Math.floor(Date.now() / 1000) * 1000), service: 'weather-agent', errorsOnly: true, minDurationMs: 100 },
      NEVER_CANCELLED,
    );
    const q = new URL(s.requests[0].url, s.url).searchParams;
    expect(q.get('q')).toBe('{ resource.service.name = "weather-agent" && status = error && duration >= 100ms }');
    expect(Number(q.get('end')) - Number(q.get('start'))).toBe(3660); // seconds
    expect(page.traces).toEqual([
      {
        traceId: AGENT_TRACE_ID,
        rootName: 'invoke_agent weather',
        service: 'weather-agent',
        startTime: expect.any(Number),
        durationMs: 3000,
        spanCount: 4,
        errorCount: 1,
      },
    ]);
    expect(page.nextCursor).toBeUndefined();
  });

  it('sends a free TraceQL query as written and escapes quotes in built ones', async () => {
    s = await startStandin('tempo');
    const c = clientFor('tempo', s.url);
    await c.search({ ...lastHour(), query: '{ span.gen_ai.tool.name = "get_weather" }' }, NEVER_CANCELLED);
    await c.search({ ...lastHour(), name: 'say "hi"\\' }, NEVER_CANCELLED);
    expect(s.requests.map((r) => new URL(r.url, s!.url).searchParams.get('q'))).toEqual([
      '{ span.gen_ai.tool.name = "get_weather" }',
      '{ name = "say \\"hi\\"\\\\" }',
    ]);
  });

  it('fetches {trace, status} with base64 ids and enum names', async () => {
    s = await startStandin('tempo');
    const r = await clientFor('tempo', s.url).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    const t = r.set.traces[0];
    expect(t.traceId).toBe(AGENT_TRACE_ID);
    expect(t.spans.map((x) => [x.spanId, x.kind])).toEqual([
      ['00f067aa0ba902b7', 2],
      ['1000000000000001', 3],
      ['1000000000000002', 1],
      ['1000000000000003', 3],
    ]);
    expect(t.spans[2].status).toEqual({ code: 2, message: 'city not found' });
    expect(r.notes).toEqual([]);
    expect(s.requests[0].url).toBe(`/api/v2/traces/${AGENT_TRACE_ID}`);
  });

  it('reports PARTIAL', async () => {
    s = await startStandin('tempo', { partial: true });
    const r = await clientFor('tempo', s.url).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    expect(spanCount(r.set)).toBe(1);
    expect(r.notes).toEqual(['Tempo returned a partial trace (status PARTIAL: trace exceeds max size (max bytes: 5000000)): some spans are missing']);
  });

  it('falls back to v1 {batches} on a server without the v2 route (the real tempopb testdata trace)', async () => {
    s = await startStandin('tempo', { legacy: true });
    const r = await clientFor('tempo', s.url).fetchTrace(TEMPO_FIXTURE_TRACE_ID.toUpperCase(), NEVER_CANCELLED);
    expect(r.set.traces[0].traceId).toBe(TEMPO_FIXTURE_TRACE_ID);
    expect(r.set.traces[0].inputSpanCount).toBe(1);
    expect(r.set.formatLabel).toBe('OTLP JSON (Tempo batches)');
    expect(s.requests.map((x) => x.url)).toEqual([`/api/v2/traces/${TEMPO_FIXTURE_TRACE_ID}`, `/api/traces/${TEMPO_FIXTURE_TRACE_ID}`]);
  });

  it('reports an unknown trace as not-found, without trying v1', async () => {
    s = await startStandin('tempo');
    const err = (await clientFor('tempo', s.url)
      .fetchTrace('ab', NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('not-found');
    expect(s.requests).toHaveLength(1);
  });
});
