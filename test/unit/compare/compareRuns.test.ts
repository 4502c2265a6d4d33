import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compareRuns';
import { buildDiffReport } from '../../../src/core/compare/diffReport';
import { wordDiff } from '../../../src/core/compare/wordDiff';
import { buildRun, type StepSpec } from './genaiRun';

const travel: StepSpec[] = [
  { tools: [{ name: 'search_flights', args: { from: 'BER', to: 'LIS' } }], input: 100, output: 20 },
  { tools: [{ name: 'book_hotel', args: { city: 'Lisbon', nights: 3 } }], input: 150, output: 25 },
  { text: 'Your flight and your hotel in Lisbon are booked.', input: 200, output: 30 },
];

describe('compareRuns', () => {
  it('two runs of the same steps with new ids and times compare as all same', () => {
    const c = compareRuns(buildRun(travel, { seed: 1 }), buildRun(travel, { seed: 2 }));
    expect(c.a.traceId).not.toBe(c.b.traceId);
    expect(c.pairs.map((p) => [p.a, p.b, p.status])).toEqual([
      [0, 0, 'same'],
      [1, 1, 'same'],
      [2, 2, 'same'],
    ]);
    expect(c.verdict).toEqual({ regression: false, reasons: [], notes: [] });
  });

  it('ids and timestamps inside arguments and text do not count as changes', () => {
    const step = (id: string, at: string): StepSpec[] => [
      { tools: [{ name: 'fetch', args: { requestId: id, at, q: 'weather' } }] },
      { text: `Done (request ${id} at ${at}).` },
    ];
    const c = compareRuns(
      buildRun(step('3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f', '2026-12-01T10:00:00Z'), { seed: 1 }),
      buildRun(step('9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', '2026-12-02T11:30:12.5Z'), { seed: 2 }),
    );
    expect(c.pairs.map((p) => p.status)).toEqual(['same', 'same']);
  });

  it('parallel calls of one step in another order are the same multiset', () => {
    const a = buildRun([
      {
        tools: [
          { name: 'get_weather', args: { city: 'Lisbon' } },
          { name: 'search_flights', args: { to: 'LIS' } },
        ],
      },
    ]);
    const b = buildRun(
      [
        {
          tools: [
            { name: 'search_flights', args: { to: 'LIS' } },
            { name: 'get_weather', args: { city: 'Lisbon' } },
          ],
        },
      ],
      { seed: 3 },
    );
    expect(compareRuns(a, b).pairs).toEqual([{ a: 0, b: 0, status: 'same', changes: [] }]);
  });

  it('names what changed: text, arguments, tool status, tools, model', () => {
    const b: StepSpec[] = [
      { model: 'gpt-4.1', tools: [{ name: 'search_flights', args: { from: 'BER', to: 'OPO' } }], input: 100, output: 20 },
      { tools: [{ name: 'book_hotel', args: { city: 'Lisbon', nights: 3 }, error: 'no rooms' }], input: 150, output: 25 },
      { text: 'Your flight is booked; the hotel is not.', input: 200, output: 30 },
    ];
    const c = compareRuns(buildRun(travel), buildRun(b, { seed: 2 }));
    expect(c.pairs.map((p) => p.status)).toEqual(['changed', 'changed', 'changed']);
    expect(c.pairs[0].changes).toEqual([
      { kind: 'model', a: 'gpt-4o', b: 'gpt-4.1' },
      { kind: 'arguments', tool: 'search_flights', a: { from: 'BER', to: 'LIS' }, b: { from: 'BER', to: 'OPO' } },
    ]);
    expect(c.pairs[1].changes).toEqual([{ kind: 'tool-status', tool: 'book_hotel', a: 'ok', b: 'error' }]);
    expect(c.pairs[2].changes).toEqual([{ kind: 'text' }]);
  });

  it('tokens within the tolerance (max of 10 tokens and 5 %) are the same; beyond it they change', () => {
    const run = (input: number, seed: number) => buildRun([{ text: 'hi', input, output: 20 }], { seed });
    // 120 → 130: Δ 10 ≤ max(10, 6.5)
    expect(compareRuns(run(100, 1), run(110, 2)).pairs[0].status).toBe('same');
    // 120 → 131: Δ 11 > 10
    expect(compareRuns(run(100, 1), run(111, 2)).pairs[0].changes).toEqual([{ kind: 'tokens', a: 120, b: 131 }]);
    // 1020 → 1070: Δ 50 ≤ 5 % of 1070 (53.5); 1020 → 1080: Δ 60 > 54
    expect(compareRuns(run(1000, 1), run(1050, 2)).pairs[0].status).toBe('same');
    expect(compareRuns(run(1000, 1), run(1060, 2)).pairs[0].status).toBe('changed');
  });

  it('an inserted retry is the added step; totals and deltas count it', () => {
    const retried: StepSpec[] = [
      travel[0],
      { tools: [{ name: 'book_hotel', args: { city: 'Lisbon', nights: 3 }, error: 'timeout' }], input: 150, output: 25 },
      travel[1],
      travel[2],
    ];
    const c = compareRuns(buildRun(travel), buildRun(retried, { seed: 2 }));
    expect(c.pairs.map((p) => [p.a, p.b, p.status])).toEqual([
      [0, 0, 'same'],
      [null, 1, 'added'],
      [1, 2, 'same'],
      [2, 3, 'same'],
    ]);
    const r = buildDiffReport(c);
    // The retry adds one step of 150 + 25 tokens.
    expect(r.delta).toMatchObject({ iterations: 1, tokens: { input: 150, output: 25 }, errors: 1 });
    // Recovered: the outcome stays ok, no regression.
    expect(r.b.status).toBe('ok');
    expect(r.regression).toBe(false);
  });
});

describe('wordDiff', () => {
  it('marks the words that changed', () => {
    expect(wordDiff('the hotel is booked', 'the hotel is not booked')).toEqual([
      { op: 'same', text: 'the hotel is ' },
      { op: 'added', text: 'not ' },
      { op: 'same', text: 'booked' },
    ]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'added', text: 'new' }]);
    expect(wordDiff('same', 'same')).toEqual([{ op: 'same', text: 'same' }]);
  });
});
