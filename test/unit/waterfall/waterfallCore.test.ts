import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildCriticalPathView, searchSpans } from '../../../src/core/view/waterfallQueries';
import type { SpanFilter } from '../../../src/core/protocol';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from '../timeline/fixtures';

describe('buildCriticalPathView', () => {
  // Times in ms.
  // R [0,100]
  // ├─ P [10,50]      ends first; Q overlaps it, so the walk skips P after taking Q
  // │  └─ P1 [20,30]
  // └─ Q [40,80]
  //    └─ Q1 [45,60]
  //
  // Walk back from 100: R's last-ending child is Q (80) → R 80..100 (20). In Q from 80: Q1 ends
  // at 60 → Q 60..80 (20); Q1 has no children → Q1 45..60 (15); back in Q at 45: nothing ends
  // before 45 → Q 40..45 (5). Back in R at 40: P ends at 50 > 40, skipped → R 0..40 (40).
  // Critical: R 60, Q 25, Q1 15, P 0, P1 0 (sum 100).
  // Self: R 100 - |[10,80]| = 30; P 40 - 10 = 30; Q 40 - 15 = 25; P1 10; Q1 15.
  const trace = buildTrace([
    { id: 1, name: 'R', start: 0, end: 100 },
    { id: 2, parent: 1, name: 'P', start: 10, end: 50 },
    { id: 3, parent: 2, name: 'P1', start: 20, end: 30 },
    { id: 4, parent: 1, name: 'Q', start: 40, end: 80 },
    { id: 5, parent: 4, name: 'Q1', start: 45, end: 60 },
  ]);
  const [R, P, P1, Q, Q1] = [1, 2, 3, 4, 5].map((id) => indexOf(trace, id));
  const v = buildCriticalPathView(trace);

  it('has typed per-span columns parallel to the spans', () => {
    expect(v.onPath).toBeInstanceOf(Uint8Array);
    expect(v.selfMs).toBeInstanceOf(Float64Array);
    expect(v.criticalMs).toBeInstanceOf(Float64Array);
    expect(v.onPath.length).toBe(5);
    expect(v.selfMs.length).toBe(5);
  });

  it('sections are latest first and bound the end-to-end latency', () => {
    expect([...v.sectionSpan]).toEqual([R, Q, Q1, Q, R]);
    expect([...v.sectionStartMs]).toEqual([80, 60, 45, 40, 0]);
    expect([...v.sectionEndMs]).toEqual([100, 80, 60, 45, 40]);
  });

  it('critical and self times per span, worked out by hand', () => {
    expect([v.criticalMs[R], v.criticalMs[Q], v.criticalMs[Q1], v.criticalMs[P], v.criticalMs[P1]]).toEqual([60, 25, 15, 0, 0]);
    expect([v.onPath[R], v.onPath[Q], v.onPath[Q1], v.onPath[P], v.onPath[P1]]).toEqual([1, 1, 1, 0, 0]);
    expect([v.selfMs[R], v.selfMs[P], v.selfMs[Q], v.selfMs[P1], v.selfMs[Q1]]).toEqual([30, 30, 25, 10, 15]);
  });
});

describe('searchSpans', () => {
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent travel', start: 0, end: 100, attrs: agent('travel') },
    { id: 2, parent: 1, name: 'chat', start: 1, end: 20, attrs: { ...chat({ model: 'gpt-4o-mini', input: 10, output: 5 }), 'app.region': 'eu-west' } },
    { id: 3, parent: 1, name: 'execute_tool', start: 21, end: 30, attrs: tool('search_flights', 'c1', { to: 'PAR' }), status: 'ok' },
    {
      id: 4,
      parent: 1,
      name: 'execute_tool',
      start: 31,
      end: 40,
      attrs: { ...tool('book_hotel', 'c2', { city: 'Paris' }), 'app.region': 'us-east' },
      status: 'error',
    },
    { id: 5, parent: 1, name: 'Format Answer', start: 41, end: 50, attrs: { 'app.retries': 3 } },
  ]);
  const view = deriveAgentView(trace);
  const [ROOT, CHAT, FLIGHTS, HOTEL, FORMAT] = [1, 2, 3, 4, 5].map((id) => indexOf(trace, id));
  const run = (f: Partial<SpanFilter>) => [...searchSpans(trace, view, { text: '', category: 'any', status: 'any', ...f }).matches];

  it('returns an Int32Array of ascending indices; an empty filter matches every span', () => {
    const r = searchSpans(trace, view, { text: '', category: 'any', status: 'any' });
    expect(r.matches).toBeInstanceOf(Int32Array);
    expect([...r.matches]).toEqual([0, 1, 2, 3, 4]);
  });

  it('text matches the name case-insensitively, the tool name and the model', () => {
    expect(run({ text: 'format' })).toEqual([FORMAT]);
    expect(run({ text: 'HOTEL' })).toEqual([HOTEL]);
    expect(run({ text: '4o-MINI' })).toEqual([CHAT]);
    expect(run({ text: 'execute' })).toEqual([FLIGHTS, HOTEL]);
  });

  it('category and status', () => {
    expect(run({ category: 'tool' })).toEqual([FLIGHTS, HOTEL]);
    expect(run({ category: 'llm' })).toEqual([CHAT]);
    expect(run({ category: 'agent' })).toEqual([ROOT]);
    expect(run({ status: 'error' })).toEqual([HOTEL]);
    expect(run({ status: 'ok' })).toEqual([FLIGHTS]);
    expect(run({ status: 'unset' })).toEqual([ROOT, CHAT, FORMAT]);
  });

  it('attribute by key, and key=value as a case-insensitive substring of the value text', () => {
    expect(run({ attribute: { key: 'app.region' } })).toEqual([CHAT, HOTEL]);
    expect(run({ attribute: { key: 'app.region', value: 'EU' } })).toEqual([CHAT]);
    expect(run({ attribute: { key: 'app.retries', value: '3' } })).toEqual([FORMAT]);
    expect(run({ attribute: { key: 'app.retries', value: '4' } })).toEqual([]);
  });

  it('all given parts must match', () => {
    expect(run({ category: 'tool', status: 'error' })).toEqual([HOTEL]);
    expect(run({ text: 'execute', attribute: { key: 'app.region' } })).toEqual([HOTEL]);
    expect(run({ category: 'llm', status: 'error' })).toEqual([]);
  });

  it('no match gives an empty result', () => {
    expect(run({ text: 'no such span' })).toEqual([]);
    expect(run({ attribute: { key: 'missing.key' } })).toEqual([]);
  });
});
