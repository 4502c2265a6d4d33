import { describe, expect, it } from 'vitest';
import { TraceBrowser, type SearchFn } from '../../../src/connections/traceBrowser';
import { searchQueryOf, parseDuration, parseDateTime, describeFilter } from '../../../src/connections/traceFilter';
import { BackendError, type SearchQuery, type TraceSummary } from '../../../src/core/backends/types';

const trace = (id: string, startTime: number): TraceSummary => ({ traceId: id, rootName: `run ${id}`, service: 'agent', startTime, durationMs: 5 });
const NOW = 1_800_000_000_000;

describe('the trace list of a connection', () => {
  it('lists the first page newest first, pages on with the same time window, and stops at the last page', async () => {
    const asked: SearchQuery[] = [];
    const search: SearchFn = (_id, q) => {
      asked.push(q);
      return Promise.resolve(
        q.cursor ? { traces: [trace('c', NOW - 9000), trace('a', NOW - 1000)] } : { traces: [trace('a', NOW - 1000), trace('b', NOW - 500)], nextCursor: 'p2' },
      );
    };
    let now = NOW;
    const browser = new TraceBrowser(
      search,
      () => {},
      () => now,
    );
    await browser.refresh('x');
    expect(browser.state('x').traces.map((t) => t.traceId)).toEqual(['b', 'a']);
    now += 60_000;
    await browser.loadMore('x');
    // 'a' came again on page 2: listed once.
    expect(browser.state('x').traces.map((t) => t.traceId)).toEqual(['b', 'a', 'c']);
    expect(browser.state('x').nextCursor).toBeUndefined();
    expect(asked[1]).toEqual({ ...asked[0], cursor: 'p2' });
    expect(asked[0].toMs - asked[0].fromMs).toBe(24 * 3600_000);
    await browser.loadMore('x');
    expect(asked).toHaveLength(2);
  });

  it('keeps the failure for the tree and clears it on the next success', async () => {
    let fail = true;
    const browser = new TraceBrowser(
      () => (fail ? Promise.reject(new BackendError('auth', 'HTTP 401')) : Promise.resolve({ traces: [] })),
      () => {},
    );
    await browser.refresh('x');
    expect(browser.state('x')).toMatchObject({ loaded: true, loading: false, traces: [] });
    expect((browser.state('x').error as BackendError).kind).toBe('auth');
    fail = false;
    await browser.refresh('x');
    expect(browser.state('x').error).toBeUndefined();
  });

  it('drops an answer that a newer filter overtook', async () => {
    const pending: ((v: { traces: TraceSummary[] }) => void)[] = [];
    const browser = new TraceBrowser(
      () => new Promise((r) => pending.push(r)),
      () => {},
    );
    const first = browser.refresh('x');
    const second = browser.setFilter('x', { range: { kind: 'last', ms: 900_000 }, errorsOnly: true });
    pending[1]({ traces: [trace('new', NOW)] });
    pending[0]({ traces: [trace('old', NOW)] });
    await Promise.all([first, second]);
    expect(browser.state('x').traces.map((t) => t.traceId)).toEqual(['new']);
  });

  it('cancels the request a newer load overtook, and the one of a collapsed or removed connection', async () => {
    const signals: { cancelled: boolean }[] = [];
    const pending: ((v: { traces: TraceSummary[] }) => void)[] = [];
    const browser = new TraceBrowser(
      (_id, _q, signal) => {
        signals.push(signal);
        return new Promise((r) => pending.push(r));
      },
      () => {},
    );
    const first = browser.refresh('x');
    const second = browser.refresh('x'); // Refresh while loading: the first request is cancelled
    expect(signals.map((s) => s.cancelled)).toEqual([true, false]);
    browser.cancel('x'); // collapsed
    expect(signals[1].cancelled).toBe(true);
    expect(browser.state('x').loading).toBe(false);
    pending[1]({ traces: [trace('late', NOW)] });
    pending[0]({ traces: [trace('older', NOW)] });
    await Promise.all([first, second]);
    expect(browser.state('x').traces).toEqual([]); // both answers came too late to be shown
    const third = browser.refresh('y');
    browser.forget('y'); // removed
    expect(signals[2].cancelled).toBe(true);
    pending[2]({ traces: [] });
    await third;
  });

  it('auto-refresh puts only the traces not listed yet on top', async () => {
    let page = [trace('a', NOW - 2000)];
    const browser = new TraceBrowser(
      () => Promise.resolve({ traces: page }),
      () => {},
    );
    await browser.refresh('x');
    page = [trace('b', NOW - 100), trace('a', NOW - 2000), trace('c', NOW - 50)];
    expect(await browser.pollNew('x')).toBe(2);
    expect(browser.state('x').traces.map((t) => t.traceId)).toEqual(['c', 'b', 'a']);
    expect(await browser.pollNew('x')).toBe(0);
  });
});

describe('the filter', () => {
  it('becomes the search query of its time window', () => {
    const q = searchQueryOf(
      { range: { kind: 'last', ms: 15 * 60_000 }, service: 'api', errorsOnly: true, minDurationMs: 250, query: '{ status = error }' },
      NOW,
      10,
    );
    expect(q).toEqual({ fromMs: NOW - 900_000, toMs: NOW, limit: 10, service: 'api', errorsOnly: true, minDurationMs: 250, query: '{ status = error }' });
    expect(searchQueryOf({ range: { kind: 'between', fromMs: 5, toMs: 9 } }, NOW)).toMatchObject({ fromMs: 5, toMs: 9 });
    expect(describeFilter({ range: { kind: 'last', ms: 3600_000 }, service: 'api', minDurationMs: 2000 })).toBe('last hour · service api · ≥ 2 s');
  });

  it('reads durations and date-times as typed', () => {
    expect([parseDuration('250ms'), parseDuration('1.5s'), parseDuration('2m'), parseDuration('300'), parseDuration('fast')]).toEqual([
      250,
      1500,
      120_000,
      300,
      undefined,
    ]);
    expect(parseDateTime('2026-12-01T09:30Z')).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect(parseDateTime('yesterday')).toBeUndefined();
  });
});
