import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import type { BackendError } from '../../../src/core/backends/types';
import { AGENT_TRACE_ID, BILLING_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { clientFor, spanCount } from './connect';

let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Zipkin v2 client', () => {
  it('probes /api/v2/services', async () => {
    s = await startStandin('zipkin');
    expect(await clientFor('zipkin', s.url).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'api/v2' });
  });

  it('searches with ms endTs/lookback and µs minDuration, and pages by narrowing the window', async () => {
    const now = Date.now();
    s = await startStandin('zipkin', { nowMs: now });
    const c = clientFor('zipkin', s.url);
    const first = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 1, minDurationMs: 0.5 }, NEVER_CANCELLED);
    const q = new URL(s.requests[0].url, s.url).searchParams;
    expect([q.get('endTs'), q.get('lookback'), q.get('minDuration'), q.get('limit')]).toEqual([String(now), String(3 * 3600_000), '500', '1']);
    expect(first.traces.map((t) => [t.traceId, t.rootName, t.service, t.spanCount, t.errorCount, t.durationMs])).toEqual([
      [AGENT_TRACE_ID, 'invoke_agent weather', 'weather-agent', 4, 1, 3000],
    ]);
    // The next page ends 1 ms before the agent trace started (10 min before now).
    expect(first.nextCursor).toBe(String(now - 10 * 60_000 - 1));
    const second = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 1, cursor: first.nextCursor }, NEVER_CANCELLED);
    expect(second.traces.map((t) => t.traceId)).toEqual([BILLING_TRACE_ID]);
  });

  it('asks for errors through annotationQuery, joined to a free query with "and"', async () => {
    s = await startStandin('zipkin');
    const now = Date.now();
    const c = clientFor('zipkin', s.url);
    const page = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 10, errorsOnly: true }, NEVER_CANCELLED);
    expect(page.traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID]); // the billing trace has no error
    await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 10, errorsOnly: true, query: 'http.route=/x' }, NEVER_CANCELLED);
    expect(s.requests.map((r) => new URL(r.url, s!.url).searchParams.get('annotationQuery'))).toEqual(['error', 'http.route=/x and error']);
  });

  it('fetches /api/v2/trace/{id}', async () => {
    s = await startStandin('zipkin');
    const r = await clientFor('zipkin', s.url).fetchTrace(BILLING_TRACE_ID, NEVER_CANCELLED);
    expect(spanCount(r.set)).toBe(3);
    expect(r.set.traces[0].spans.map((x) => x.name)).toEqual(['POST /invoice', 'SELECT invoices', 'render pdf']);
    expect(r.webUrl).toBe(`${s.url}/zipkin/traces/${BILLING_TRACE_ID}`);
  });

  it('sends a padded 64-bit id as 16 hex digits, and maps 404', async () => {
    s = await startStandin('zipkin');
    const err = (await clientFor('zipkin', s.url)
      .fetchTrace('00000000000000001234567890abcdef', NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(s.requests[0].url).toBe('/api/v2/trace/1234567890abcdef');
    expect(err.kind).toBe('not-found');
  });
});
