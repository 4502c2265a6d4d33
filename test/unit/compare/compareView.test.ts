import { describe, expect, it } from 'vitest';
import { agentIdentity, sameAgent } from '../../../src/core/compare/agentIdentity';
import { compareRuns } from '../../../src/core/compare/compareRuns';
import { parseCompareHostMessage, parseCompareWebviewMessage } from '../../../src/core/protocol/validate/compare';
import { buildCompareView } from '../../../src/core/view/compareView';
import { buildRun, type StepSpec } from './genaiRun';

const before: StepSpec[] = [
  { tools: [{ name: 'book_hotel', args: { city: 'Lisbon' }, error: 'no rooms' }], input: 100, output: 20 },
  { text: 'I have booked your hotel.', input: 150, output: 20 },
];
const after: StepSpec[] = [
  before[0],
  { tools: [{ name: 'book_hotel', args: { city: 'Lisbon' } }], input: 120, output: 20 },
  { text: 'I have now booked your hotel.', input: 150, output: 20 },
];

describe('the compare view shape', () => {
  const view = buildCompareView(compareRuns(buildRun(before), buildRun(after, { seed: 2 })), 'before.json', 'after.json');

  it('pairs, word diff, totals with deltas (hand-worked: 290 → 430 tokens, +140, +48.3 %)', () => {
    expect(view.pairs.map((p) => p.status)).toEqual(['same', 'added', 'changed']);
    expect(view.pairs[2].changes).toEqual(['text']);
    expect(view.pairs[2].words).toEqual([
      { op: 'same', text: 'I have ' },
      { op: 'added', text: 'now ' },
      { op: 'same', text: 'booked your hotel.' },
    ]);
    expect(view.pairs[1].a).toBeNull();
    expect(view.pairs[1].b).toMatchObject({ index: 1, tokens: 140, tools: [{ name: 'book_hotel', args: '{"city":"Lisbon"}', status: 'ok' }] });
    expect(view.totals.find((r) => r.label === 'Tokens')).toEqual({ label: 'Tokens', a: '290', b: '430', delta: '+140 (+48.3 %)', tone: 'worse' });
    expect(view.totals.find((r) => r.label === 'Iterations')).toMatchObject({ a: '2', b: '3', delta: '+1' });
  });

  it('passes the page validator; broken messages are refused with the field named', () => {
    expect(parseCompareHostMessage({ type: 'compareView', view }).ok).toBe(true);
    const bad = { ...view, pairs: [{ ...view.pairs[0], status: 'moved' }] };
    expect(parseCompareHostMessage({ type: 'compareView', view: bad })).toEqual({
      ok: false,
      error: 'pairs[0]: status is not one of same, changed, added, removed',
    });
    expect(parseCompareHostMessage({ type: 'compareView', view: { ...view, titleA: 3 } }).ok).toBe(false);
    expect(parseCompareHostMessage({ type: 'run', command: 'x' }).ok).toBe(false);
  });

  it('the host refuses pair indices outside the view and unknown messages', () => {
    expect(parseCompareWebviewMessage({ type: 'pairSelected', pair: 2 }, 3)).toEqual({ ok: true, value: { type: 'pairSelected', pair: 2 } });
    expect(parseCompareWebviewMessage({ type: 'pairSelected', pair: 3 }, 3).ok).toBe(false);
    expect(parseCompareWebviewMessage({ type: 'openSide', side: 'c' }, 3).ok).toBe(false);
    expect(parseCompareWebviewMessage({ type: 'executeCommand', command: 'workbench.action.terminal.new' }, 3).ok).toBe(false);
  });
});

describe('agentIdentity (follow latest run)', () => {
  it('two runs of one agent match; another service does not', () => {
    const a = buildRun(before);
    const b = buildRun(after, { seed: 2 });
    const ia = agentIdentity(a.trace, a.view);
    expect(ia).toEqual({ service: 'compare-test', rootName: 'invoke_agent assistant', agentName: 'assistant' });
    expect(sameAgent(ia, agentIdentity(b.trace, b.view))).toBe(true);
    expect(sameAgent(ia, { ...ia, service: 'other' })).toBe(false);
    expect(sameAgent(ia, { ...ia, rootName: 'invoke_agent planner' })).toBe(true); // same agent name
    expect(sameAgent(ia, { service: ia.service, rootName: 'x', agentName: 'y' })).toBe(false);
  });
});
