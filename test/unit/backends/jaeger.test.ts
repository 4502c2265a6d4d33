import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import { BackendError } from '../../../src/core/backends/types';
import { AGENT_TRACE_ID, BILLING_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { JAEGER_FIXTURE_TRACE_ID } from '../../standins/jaeger';
import { clientFor, lastHour, spanCount } from './connect';

let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Jaeger api_v3 client', () => {
  it('probes /api/v3/services', async () => {
    s = await startStandin('jaeger');
    expect(await clientFor('jaeger', s.url).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'api_v3' });
    expect(s.requests.map((r) => r.url)).toEqual(['/api/v3/services']);
  });

  it('lists the last hour from trace-summaries with snake_case params', async () => {
    s = await startStandin('jaeger');
    const page = await clientFor('jaeger', s.url).search({ ...lastHour(), service: 'weather-agent' }, NEVER_CANCELLED);
    // Only the agent trace (10 min ago) is in the last hour and in that service; the billing trace is 2 h old.
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
    const url = new URL(s.requests[0].url, s.url);
    expect(url.pathname).toBe('/api/v3/trace-summaries');
    expect(url.searchParams.get('query.service_name')).toBe('weather-agent');
    expect(url.searchParams.get('query.start_time_min')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('treats the 404 "No traces found" of an empty search as no traces', async () => {
    s = await startStandin('jaeger');
    const page = await clientFor('jaeger', s.url).search({ ...lastHour(), service: 'nobody' }, NEVER_CANCELLED);
    expect(page.traces).toEqual([]);
    expect(s.requests).toHaveLength(1); // not mistaken for a missing route
  });

  it('falls back to /api/v3/traces on a server without trace-summaries (1.25–1.52: NDJSON chunks, base64 ids)', async () => {
    s = await startStandin('jaeger', { legacy: true });
    const now = Date.now();
    const page = await clientFor('jaeger', s.url).search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 20 }, NEVER_CANCELLED);
    expect(page.traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID, BILLING_TRACE_ID]); // newest first
    expect(page.traces[0]).toMatchObject({ rootName: 'invoke_agent weather', service: 'weather-agent', spanCount: 4, errorCount: 1, durationMs: 3000 });
    expect(page.traces[1]).toMatchObject({ rootName: 'POST /invoice', service: 'billing', spanCount: 3, errorCount: 0, durationMs: 400 });
    expect(s.requests.map((r) => new URL(r.url, s!.url).pathname)).toEqual(['/api/v3/trace-summaries', '/api/v3/traces']);
  });

  it('fetches one trace from NDJSON chunks with base64 ids (one chunk per service)', async () => {
    s = await startStandin('jaeger', { legacy: true });
    const r = await clientFor('jaeger', s.url).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    expect(r.set.traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID]);
    expect(spanCount(r.set)).toBe(4);
    expect(r.set.traces[0].spans[0].name).toBe('invoke_agent weather');
    expect(r.webUrl).toBe(`${s.url}/trace/${AGENT_TRACE_ID}`);
    expect(r.notes).toEqual([]);
  });

  it('fetches the real GetTrace snapshot ({"result": …}, hex ids, int kind)', async () => {
    s = await startStandin('jaeger');
    const r = await clientFor('jaeger', s.url).fetchTrace('1', NEVER_CANCELLED); // a short id is left-padded
    expect(r.set.traces[0].traceId).toBe(JAEGER_FIXTURE_TRACE_ID);
    // The snapshot's one span has no timestamps: the importer keeps it aside with the reason.
    expect(r.set.traces[0].inputSpanCount).toBe(1);
    expect(r.set.traces[0].quarantined.map((q) => [q.raw.name, q.raw.spanId, q.raw.kind, q.raw.status?.code])).toEqual([['foobar', '0000000000000002', 2, 2]]);
    expect(r.set.traces[0].quarantined[0].reason).toContain('no start time');
  });

  it('reports an unknown trace as not-found with the server’s text/plain message', async () => {
    s = await startStandin('jaeger');
    const err = await clientFor('jaeger', s.url)
      .fetchTrace('deadbeefdeadbeefdeadbeefdeadbeef', NEVER_CANCELLED)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackendError);
    expect((err as BackendError).kind).toBe('not-found');
    expect((err as BackendError).message).toContain('No traces found');
  });

  it('caps a large trace and says what was cut', async () => {
    s = await startStandin('jaeger', { bigTraceSpans: 250 });
    const r = await clientFor('jaeger', s.url).fetchTrace('b16b16b16b16b16b16b16b16b16b16b1', NEVER_CANCELLED, { maxSpans: 100 });
    expect(spanCount(r.set)).toBe(100);
    expect(r.notes).toEqual(['showing 100 of 250 spans (the span cap is 100)']);
    expect(r.set.traces[0].spans[0].name).toBe('invoke_agent bulk'); // the root is kept
  });

  it('takes a web page answer as a wrong base URL, not as a trace', async () => {
    s = await startStandin('jaeger');
    const err = (await clientFor('jaeger', s.url + '/ui')
      .probe(NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('wrong-backend');
    expect(err.message).toContain('web page');
  });
});
