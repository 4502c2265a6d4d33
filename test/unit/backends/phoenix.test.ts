import { afterEach, describe, expect, it } from 'vitest';
import { NEVER_CANCELLED } from '../../../src/core/backends/cancel';
import type { BackendError } from '../../../src/core/backends/types';
import { AGENT_TRACE_ID, BILLING_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { PHOENIX_PROJECT_ID } from '../../standins/phoenix';
import { clientFor, spanCount } from './connect';

const KEY = { bearer: 'px-api-key-123' };
let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('Phoenix client', () => {
  it('probes /v1/projects with the Bearer key', async () => {
    s = await startStandin('phoenix', { auth: KEY });
    expect(await clientFor('phoenix', s.url, KEY).probe(NEVER_CANCELLED)).toEqual({ ok: true, api: 'v1' });
    expect(s.requests[0].headers.authorization).toBe('Bearer px-api-key-123');
  });

  it('maps 401 with WWW-Authenticate to an auth error that asks for a key', async () => {
    s = await startStandin('phoenix', { auth: KEY });
    const err = (await clientFor('phoenix', s.url)
      .probe(NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(err.kind).toBe('auth');
    expect(err.message).toContain('it needs an API key');
  });

  it('lists traces from /traces plus one request for root names, paging by next_cursor', async () => {
    s = await startStandin('phoenix', { auth: KEY });
    const c = clientFor('phoenix', s.url, KEY);
    const now = Date.now();
    const first = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 1 }, NEVER_CANCELLED);
    expect(first.traces).toEqual([
      { traceId: AGENT_TRACE_ID, rootName: 'invoke_agent weather', service: 'default', startTime: expect.any(Number), durationMs: 3000 },
    ]);
    expect(s.requests.map((r) => new URL(r.url, s!.url).pathname)).toEqual(['/v1/projects/default/traces', '/v1/projects/default/spans']);
    const second = await c.search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 1, cursor: first.nextCursor }, NEVER_CANCELLED);
    expect(second.traces.map((t) => [t.traceId, t.rootName])).toEqual([[BILLING_TRACE_ID, 'POST /invoice']]);
    expect(second.nextCursor).toBeUndefined();
    // The project's GlobalID learned from /traces makes the UI link.
    expect(c.webUrl(AGENT_TRACE_ID)).toBe(`${s.url}/projects/${PHOENIX_PROJECT_ID}/traces/${AGENT_TRACE_ID}`);
  });

  it('lists root spans when filtering by name or errors, and on a server without /traces', async () => {
    s = await startStandin('phoenix', { legacy: true });
    const now = Date.now();
    const page = await clientFor('phoenix', s.url).search({ fromMs: now - 3 * 3600_000, toMs: now, limit: 10 }, NEVER_CANCELLED);
    expect(page.traces.map((t) => t.rootName)).toEqual(['invoke_agent weather', 'POST /invoice']);
    expect(s.requests.map((r) => new URL(r.url, s!.url).pathname)).toEqual(['/v1/projects/default/traces', '/v1/projects/default/spans']);
    expect(new URL(s.requests[1].url, s.url).searchParams.get('parent_id')).toBe('null');
  });

  it('fetches a trace by paging spans filtered by trace_id until next_cursor is null', async () => {
    s = await startStandin('phoenix', { pageSize: 3 });
    const r = await clientFor('phoenix', s.url).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED);
    expect(spanCount(r.set)).toBe(4);
    expect(r.set.traces[0].spans[0].name).toBe('invoke_agent weather');
    expect(s.requests.map((x) => new URL(x.url, s!.url).searchParams.getAll('trace_id'))).toEqual([[AGENT_TRACE_ID], [AGENT_TRACE_ID]]);
  });

  it('stops at the span cap with pages left and says so', async () => {
    s = await startStandin('phoenix', { pageSize: 2 });
    const r = await clientFor('phoenix', s.url).fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED, { maxSpans: 2 });
    expect(s.requests).toHaveLength(1);
    expect(r.notes).toEqual(['showing 2 of more than 2 spans (the span cap is 2; the rest was not fetched)']);
  });

  it('maps 422 "Invalid cursor" and an unknown project', async () => {
    s = await startStandin('phoenix');
    const now = Date.now();
    const bad = (await clientFor('phoenix', s.url)
      .search({ fromMs: now - 3600_000, toMs: now, limit: 5, cursor: 't:!!' }, NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect([bad.kind, bad.details.status]).toEqual(['bad-request', 422]);
    expect(bad.message).toContain('Invalid cursor');
    const missing = (await clientFor('phoenix', s.url, {}, { project: 'nope' })
      .fetchTrace(AGENT_TRACE_ID, NEVER_CANCELLED)
      .catch((e: unknown) => e)) as BackendError;
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toContain('Project with identifier nope not found');
  });
});
