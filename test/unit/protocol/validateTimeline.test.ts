import { describe, expect, it } from 'vitest';
import { durationMs, offsetMs } from '../../../src/core/protocol/units';
import type { CardView, TimelineIndex } from '../../../src/core/protocol';
import { validateCardsFor, validateTimelineIndex } from '../../../src/core/protocol/validate/timeline';
import { errorOf, valueOf } from './checked';

/** Two cards over five spans: card 0 = LLM span 1 (+ tool span 2), card 1 = LLM span 3; span 0 is the run. */
function index(): TimelineIndex {
  return {
    llmSpan: Int32Array.from([1, 3]),
    runSpan: Int32Array.from([0, 0]),
    depth: Uint16Array.from([0, 0]),
    flags: Uint8Array.from([0, 3]),
    cardOfSpan: Int32Array.from([-1, 0, 0, 1, -1]),
  };
}

function card(n: number): CardView {
  return {
    card: n,
    llmSpanIndex: 1,
    runSpanIndex: 0,
    runName: 'agent',
    depth: 0,
    iteration: n,
    model: 'gpt-4o',
    startMs: offsetMs(1.5),
    durationMs: durationMs(20),
    inputSummary: { role: 'user', text: 'hi' },
    requestedToolCalls: [{ id: 'c1', name: 'search', arguments: '{"q":"x"}' }],
    toolExecutions: [{ spanIndex: 2, name: 'search', status: 'error', durationMs: durationMs(3), error: 'boom' }],
    unexecuted: [],
    tokens: { input: 10, output: 2, cached: 0, reasoning: 0 },
    costUsd: null,
    runningUsd: null,
    waste: 'failed',
    errors: [{ spanIndex: 2, message: 'boom' }],
    findings: [{ kind: 'loop', severity: 'warning', message: 'again' }],
  };
}

describe('validateTimelineIndex', () => {
  it('accepts a consistent index', () => {
    expect(valueOf(validateTimelineIndex(index()))).toEqual(index());
  });

  it('rejects a column of the wrong typed array type', () => {
    expect(errorOf(validateTimelineIndex({ ...index(), llmSpan: [1, 3] }))).toMatch(/llmSpan must be a Int32Array/);
    expect(errorOf(validateTimelineIndex({ ...index(), depth: Int32Array.from([0, 0]) }))).toMatch(/depth must be a Uint16Array/);
    expect(errorOf(validateTimelineIndex({ ...index(), flags: Uint16Array.from([0, 0]) }))).toMatch(/flags must be a Uint8Array/);
    expect(errorOf(validateTimelineIndex(null))).toMatch(/not an object/);
  });

  it('rejects columns whose lengths differ from the card count', () => {
    expect(errorOf(validateTimelineIndex({ ...index(), runSpan: Int32Array.from([0]) }))).toMatch(/runSpan has 1 entries for 2 cards/);
    expect(errorOf(validateTimelineIndex({ ...index(), flags: Uint8Array.from([0, 0, 0]) }))).toMatch(/flags has 3 entries/);
  });

  it('rejects spans and cards out of range, and a card whose LLM span maps elsewhere', () => {
    expect(errorOf(validateTimelineIndex({ ...index(), llmSpan: Int32Array.from([1, 5]) }))).toMatch(/llmSpan\[1\] is not a span/);
    expect(errorOf(validateTimelineIndex({ ...index(), cardOfSpan: Int32Array.from([-1, 0, 2, 1, -1]) }))).toMatch(/cardOfSpan\[2\] is not a card/);
    expect(errorOf(validateTimelineIndex({ ...index(), cardOfSpan: Int32Array.from([-1, 1, 0, 1, -1]) }))).toMatch(/card 0's LLM span/);
    expect(errorOf(validateTimelineIndex({ ...index(), runSpan: Int32Array.from([0, -2]) }))).toMatch(/runSpan\[1\]/);
    expect(errorOf(validateTimelineIndex({ ...index(), flags: Uint8Array.from([4, 0]) }))).toMatch(/unknown bits/);
  });
});

describe('validateCardsFor', () => {
  const check = validateCardsFor(4, 2);

  it('accepts cards numbered from the window start', () => {
    expect(valueOf(check([card(4), card(5)]))).toHaveLength(2);
    expect(valueOf(check([card(4)]))).toHaveLength(1); // fewer at the end of the timeline
  });

  it('rejects more cards than asked, or cards of another window', () => {
    expect(errorOf(check([card(4), card(5), card(6)]))).toMatch(/asked for 2 cards, got 3/);
    expect(errorOf(check([card(5)]))).toMatch(/cards\[0\]: card must be 4/);
  });

  it('names the field that is wrong', () => {
    const bad = (patch: Record<string, unknown>) => check([{ ...card(4), ...patch }]);
    expect(valueOf(bad({ costUsd: 0.5 }))).toEqual([{ ...card(4), costUsd: 0.5 }]);
    expect(errorOf(bad({ costUsd: -1 }))).toMatch(/costUsd/);
    expect(errorOf(bad({ runningUsd: '1' }))).toMatch(/runningUsd/);
    expect(errorOf(bad({ tokens: { input: 1, output: 2, cached: 0 } }))).toMatch(/tokens/);
    expect(errorOf(bad({ toolExecutions: [{ spanIndex: 2, name: 's', status: 'failed', durationMs: 1 }] }))).toMatch(/toolExecutions\[0\]: status/);
    expect(errorOf(bad({ toolExecutions: [{ spanIndex: -1, name: 's', status: 'ok', durationMs: 1 }] }))).toMatch(/toolExecutions\[0\]: spanIndex/);
    expect(errorOf(bad({ requestedToolCalls: [{ name: 's', arguments: {} }] }))).toMatch(/requestedToolCalls\[0\]/);
    expect(errorOf(bad({ unexecuted: [{ name: 1, arguments: '' }] }))).toMatch(/unexecuted\[0\]/);
    expect(errorOf(bad({ waste: 'lost' }))).toMatch(/waste/);
    expect(errorOf(bad({ findings: [{ kind: 'loop', severity: 'fatal', message: 'x' }] }))).toMatch(/findings\[0\]/);
    expect(errorOf(bad({ errors: [{ spanIndex: 1 }] }))).toMatch(/errors\[0\]/);
    expect(errorOf(bad({ inputSummary: { role: 'user' } }))).toMatch(/inputSummary/);
    expect(errorOf(bad({ runSpanIndex: -2 }))).toMatch(/runSpanIndex/);
    expect(errorOf(bad({ durationMs: -1 }))).toMatch(/durationMs/);
    expect(errorOf(bad({ model: 3 }))).toMatch(/model/);
    expect(errorOf(check('x'))).toMatch(/must be an array/);
  });
});
