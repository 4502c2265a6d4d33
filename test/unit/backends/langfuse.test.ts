import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import type { BackendError } from '../../../src/core/backends/types';
import { AGENT_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { LANGFUSE_FIXTURE_TRACE_ID, LANGFUSE_PROJECT_ID } from '../../standins/langfuse';
import { clientFor, lastHour, spanCount } from './connect';

const KEYS = { basic: { username: 'pk-lf-test', password: 'sk-lf-secret-42' } };
let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Langfuse client', () => {
  it('probes health (version) and an authed v2 observations page, with Basic auth', async () => {
    s = await startStandin('langfuse', { auth: KEYS });
    expect(await clientFor('langfuse', s.url, KEYS).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'v2 observations', version: '4.2.1' });
    expect(s.requests[1].headers.authorization).toBe('Basic ' + Buffer.from('pk-lf-test:sk-lf-secret-42').toString('base64'));
  });

  it('says the keys were refused, without the keys', async () => {
    s = await startStandin('langfuse', { auth: KEYS });
    const err = (await clientFor('langfuse', s.url, { basic: { username: 'pk-lf-test', password: 'sk-lf-wrong-key' } })
      .probe(NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('the Langfuse keys were refused');
    expect(err.message).not.toContain('sk-lf-wrong-key');
    expect(err.message).not.toContain(Buffer.from('pk-lf-test:sk-lf-wrong-key').toString('base64'));
  });

  it('lists root observations as traces, paging by meta.cursor', async () => {
    s = await startStandin('langfuse', { auth: KEYS });
    const c = clientFor('langfuse', s.url, KEYS);
    const page = await c.search({ ...lastHour(), limit: 5 }, NEVER_CANCELLED);
    expect(page.traces).toEqual([
      { traceId: AGENT_TRACE_ID, rootName: 'invoke_agent weather', service: 'production', startTime: expect.any(Number), durationMs: 3000 },
    ]);
    const q = new URL(s.requests[0].url, s.url).searchParams;
    expect([q.get('isRootObservation'), q.get('limit')]).toEqual(['true', '5']);
    expect(page.nextCursor).toBeUndefined();
  });

  it('fetches a trace over several cursor pages, IO as raw strings, and notes the 200-character metadata cut', async () => {
    s = await startStandin('langfuse', { auth: KEYS, pageSize: 3 });
    const r = await clientFor('langfuse', s.url, KEYS).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    expect(spanCount(r.set)).toBe(4);
    // One cheap page (limit=1) to learn the API generation, then 4 observations in pages of 3:
    // two pages, the second with the first page's cursor.
    expect(s.requests.map((x) => [...new URL(x.url, s!.url).searchParams.keys()].filter((k) => ['traceId', 'cursor', 'limit'].includes(k)).join(','))).toEqual([
      'limit',
      'traceId,limit',
      'traceId,limit,cursor',
    ]);
    const chat = r.set.traces[0].spans.find((x) => x.name === 'chat gpt-4o');
    expect(chat?.attributes.get('langfuse.observation.input')).toBe('[{"role":"user","content":"What is the weather in Paris?"}]');
    // The last chat's attributes JSON (with a 500-character note) is over 200 characters and was cut.
    expect(r.notes).toEqual(["1 metadata value is 200 characters or longer: Langfuse's v2 API truncates metadata values at 200 characters, so it may be cut"]);
    expect(r.webUrl).toBe(`${s.url}/project/${LANGFUSE_PROJECT_ID}/traces/${AGENT_TRACE_ID}`);
  });

  it('reads the real openai-agents trace (downloaded from the Langfuse UI) through v2', async () => {
    s = await startStandin('langfuse', { auth: KEYS });
    const r = await clientFor('langfuse', s.url, KEYS).fetchTrace(LANGFUSE_FIXTURE_TRACE_ID, NEVER_CANCELLED);
    expect(r.set.inputSpanCount).toBe(5);
  });

  it('falls back to the v3 traces API on a self-hosted v3 server', async () => {
    s = await startStandin('langfuse', { auth: KEYS, legacy: true });
    const c = clientFor('langfuse', s.url, KEYS, { project: 'proj-1' });
    expect(await c.probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'v3 traces (legacy)', version: '3.95.0' });
    const now = Date.now();
    const page = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 1 }, NEVER_CANCELLED);
    expect(page.traces.map((t) => [t.traceId, t.rootName, t.spanCount, t.durationMs])).toEqual([[AGENT_TRACE_ID, 'invoke_agent weather', 4, 3000]]);
    expect(page.nextCursor).toBe('v3:2');
    const r = await c.fetchTrace(LANGFUSE_FIXTURE_TRACE_ID, NEVER_CANCELLED);
    expect(r.set.inputSpanCount).toBe(5);
    expect(r.notes).toEqual(['read through the legacy v3 traces API (this Langfuse has no v2 observations API)']);
    expect(r.webUrl).toBe(`${s.url}/project/proj-1/traces/${LANGFUSE_FIXTURE_TRACE_ID}`);
  });

  it('retries a 429 after its Retry-After', async () => {
    s = await startStandin('langfuse', { auth: KEYS, rateLimitOnce: { retryAfterS: 1 } });
    const t0 = Date.now();
    const r = await clientFor('langfuse', s.url, KEYS).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(spanCount(r.set)).toBe(4);
  });

  it('reports an unknown trace as not-found', async () => {
    s = await startStandin('langfuse', { auth: KEYS });
    const err = (await clientFor('langfuse', s.url, KEYS)
      .fetchTrace('no-such-trace', NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('not-found');
  });
});
