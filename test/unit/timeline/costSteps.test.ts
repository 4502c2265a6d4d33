import { describe, expect, it } from 'vitest';
import { costSteps } from '../../../src/core/analyze/timeline/costSteps';
import { findCancellation } from '../../../src/core/analyze/timeline/cancellation';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { PRICE_TABLE } from '../../../src/core/semantics/prices';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from './fixtures';

describe('cost steps', () => {
  // 1 invoke_agent main [0,100]
  // ├─ 2 chat gpt-4o [1,10]    in 1000 (200 cached) out 100 (30 reasoning); asks search{q:x}, fetch{u:1}
  // ├─ 3 execute_tool search [11,15]  error
  // ├─ 4 execute_tool fetch  [11,14]  ok
  // ├─ 5 chat gpt-4o [21,30]   in 1200 out 80; asks the same search{q:x}, fetch{u:1} again
  // ├─ 6 execute_tool search [31,35]  ok
  // ├─ 7 execute_tool fetch  [31,34]  ok
  // ├─ 8 chat acme-private-1 [41,50]  in 300 out 20; LLM span status error (unpriced model)
  // └─ 9 chat gpt-4o [51,60]   in 500 out 50; answers
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
    {
      id: 2,
      parent: 1,
      name: 'chat gpt-4o',
      start: 1,
      end: 10,
      attrs: chat({
        model: 'gpt-4o',
        input: 1000,
        cached: 200,
        output: 100,
        reasoning: 30,
        calls: [
          ['search', 's1', { q: 'x' }],
          ['fetch', 'f1', { u: 1 }],
        ],
      }),
    },
    { id: 3, parent: 1, name: 'execute_tool search', start: 11, end: 15, attrs: tool('search', 's1', { q: 'x' }), status: 'error', statusMessage: 'timeout' },
    { id: 4, parent: 1, name: 'execute_tool fetch', start: 11, end: 14, attrs: tool('fetch', 'f1', { u: 1 }) },
    {
      id: 5,
      parent: 1,
      name: 'chat gpt-4o',
      start: 21,
      end: 30,
      attrs: chat({
        model: 'gpt-4o',
        input: 1200,
        output: 80,
        calls: [
          ['search', 's2', { q: 'x' }],
          ['fetch', 'f2', { u: 1 }],
        ],
      }),
    },
    { id: 6, parent: 1, name: 'execute_tool search', start: 31, end: 35, attrs: tool('search', 's2', { q: 'x' }) },
    { id: 7, parent: 1, name: 'execute_tool fetch', start: 31, end: 34, attrs: tool('fetch', 'f2', { u: 1 }) },
    {
      id: 8,
      parent: 1,
      name: 'chat acme-private-1',
      start: 41,
      end: 50,
      attrs: chat({ model: 'acme-private-1', input: 300, output: 20, text: 'oops' }),
      status: 'error',
      statusMessage: 'rate limited',
    },
    { id: 9, parent: 1, name: 'chat gpt-4o', start: 51, end: 60, attrs: chat({ model: 'gpt-4o', input: 500, output: 50, text: 'done' }) },
  ]);
  const view = deriveAgentView(trace);
  const c = costSteps(trace, view);

  it('uses the gpt-4o list price the hand arithmetic assumes', () => {
    expect(PRICE_TABLE['gpt-4o']).toEqual({ input: 2.5, output: 10, cachedInput: 1.25 });
  });

  it('gives one row per iteration with tokens and cost', () => {
    expect(c.steps.map((s) => s.llmSpanIndex)).toEqual([2, 5, 8, 9].map((id) => indexOf(trace, id)));
    expect(c.steps.map((s) => [s.input, s.output, s.cached, s.reasoning])).toEqual([
      [1000, 100, 200, 30],
      [1200, 80, 0, 0],
      [300, 20, 0, 0],
      [500, 50, 0, 0],
    ]);
    // gpt-4o $/M: input 2.5, cached 1.25, output 10
    // step 0: 800×2.5 + 200×1.25 + 100×10 = 2000 + 250 + 1000 = 3250 µ$
    // step 1: 1200×2.5 + 80×10 = 3000 + 800 = 3800 µ$
    // step 2: unpriced model → null (not 0)
    // step 3: 500×2.5 + 50×10 = 1250 + 500 = 1750 µ$
    const usd = c.steps.map((s) => s.costUsd);
    expect(usd[0]).toBeCloseTo(0.00325, 12);
    expect(usd[1]).toBeCloseTo(0.0038, 12);
    expect(usd[2]).toBeNull();
    expect(usd[3]).toBeCloseTo(0.00175, 12);
  });

  it('running total turns null at the unpriced step; the priced-only total keeps going', () => {
    expect(c.steps[0].runningUsd).toBeCloseTo(0.00325, 12);
    expect(c.steps[1].runningUsd).toBeCloseTo(0.00705, 12);
    expect(c.steps[2].runningUsd).toBeNull();
    expect(c.steps[3].runningUsd).toBeNull();
    expect(c.steps.map((s) => s.runningPricedUsd)).toEqual([
      expect.closeTo(0.00325, 12),
      expect.closeTo(0.00705, 12),
      expect.closeTo(0.00705, 12),
      expect.closeTo(0.0088, 12),
    ]);
    expect(c.totalUsd).toBeNull();
    expect(c.pricedUsd).toBeCloseTo(0.0088, 12);
    expect(c.unpricedSteps).toBe(1);
    expect(c.totals).toEqual({ input: 3000, output: 250, cached: 200, reasoning: 30 });
  });

  it('counts retried and failed steps as waste', () => {
    // step 0 had a failed tool and step 1 repeats exactly its calls → retried (1000 + 100)
    // step 2's LLM span failed → failed (300 + 20). Share: 1420 / (3000 + 250) = 1420 / 3250.
    expect(c.steps.map((s) => s.waste)).toEqual(['retried', undefined, 'failed', undefined]);
    expect(c.wasteTokens).toBe(1420);
    expect(c.wasteShare).toBeCloseTo(1420 / 3250, 12);
  });

  it('has no cancellation here', () => {
    expect(c.cancellation).toBeUndefined();
    expect(c.tokensAfterCancel).toBe(0);
  });
});

describe('tokens after a cancellation', () => {
  // 1 invoke_agent [0,100]
  // ├─ 2 chat [0,10]    out 40        ends before the cancel
  // ├─ 3 execute_tool slow [10,30]    status "Cancelled by user" → cancel at 30
  // ├─ 5 chat [25,35]   out 7         ends after 30
  // └─ 4 chat [31,40]   out 25        ends after 30
  // → 7 + 25 = 32 output tokens after the cancellation.
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent a', start: 0, end: 100, attrs: agent('a') },
    { id: 2, parent: 1, name: 'chat', start: 0, end: 10, attrs: chat({ model: 'gpt-4o', input: 10, output: 40, calls: [['slow', 'c1', {}]] }) },
    { id: 3, parent: 1, name: 'execute_tool slow', start: 10, end: 30, attrs: tool('slow', 'c1', {}), status: 'error', statusMessage: 'Cancelled by user' },
    { id: 5, parent: 1, name: 'chat', start: 25, end: 35, attrs: chat({ model: 'gpt-4o', input: 10, output: 7 }) },
    { id: 4, parent: 1, name: 'chat', start: 31, end: 40, attrs: chat({ model: 'gpt-4o', input: 10, output: 25 }) },
  ]);
  const c = costSteps(trace, deriveAgentView(trace));

  it('sums output tokens of LLM calls that ended after the cancel point', () => {
    expect(c.cancellation).toMatchObject({ spanIndex: indexOf(trace, 3), via: 'status' });
    expect(c.tokensAfterCancel).toBe(32);
    expect([...c.llmSpansAfterCancel].sort()).toEqual([indexOf(trace, 4), indexOf(trace, 5)].sort());
  });

  it('also recognises error.type and cancellation events (earliest wins)', () => {
    const t = buildTrace([
      { id: 1, name: 'root', start: 0, end: 50, attrs: { 'error.type': 'AbortError' } },
      { id: 2, parent: 1, name: 'x', start: 20, end: 30, events: [{ name: 'run.cancelled', attrs: {} }] },
    ]);
    // The event is stamped at its span's start (20) by the test builder; the root ends at 50.
    expect(findCancellation(t)).toMatchObject({ spanIndex: indexOf(t, 2), via: 'event' });
    expect(findCancellation(buildTrace([{ id: 1, name: 'r', start: 0, end: 5 }]))).toBeUndefined();
  });
});

describe('cost steps with a call that recorded no usage', () => {
  // 1 invoke_agent main; 2 chat gpt-4o (priced, tokens); 3 chat gpt-4o with no usage attributes.
  const noUsage = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' };
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
    { id: 2, parent: 1, name: 'chat gpt-4o', start: 1, end: 10, attrs: chat({ model: 'gpt-4o', input: 1000, output: 100, text: 'one' }) },
    { id: 3, parent: 1, name: 'chat gpt-4o', start: 11, end: 20, attrs: noUsage },
  ]);
  const c = costSteps(trace, deriveAgentView(trace));

  it('makes the running total and the total unknown, not $0 for that step', () => {
    expect(c.steps.map((s) => s.costUsd === null)).toEqual([false, true]);
    expect(c.steps[1].runningUsd).toBeNull();
    expect(c.totalUsd).toBeNull();
    expect(c.noUsageSteps).toBe(1);
    expect(c.unpricedSteps).toBe(0);
  });
});
