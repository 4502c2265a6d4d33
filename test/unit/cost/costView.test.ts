import { describe, expect, it } from 'vitest';
import { WASTE_CODES } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { PRICE_TABLE, PRICES_AS_OF } from '../../../src/core/semantics/prices';
import type { PriceOverrides } from '../../../src/core/semantics/types';
import { buildCostView } from '../../../src/core/view/costView';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from '../timeline/fixtures';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

const waste = (code: (typeof WASTE_CODES)[number]) => WASTE_CODES.indexOf(code);

describe('cost view: built-in prices, an unpriced model, waste', () => {
  // 1 invoke_agent main [0,100]
  // ├─ 2 chat gpt-4o-2024-08-06 [1,10]  in 1000 (200 cached) out 100 (30 reasoning); asks search{q:x}, fetch{u:1}
  // ├─ 3 execute_tool search [11,15]   error → step 0 had a failure (not all its tools failed)
  // ├─ 4 execute_tool fetch  [11,14]   ok
  // ├─ 5 chat gpt-4o [21,30]           in 2000 out 200; asks search{q:x}, fetch{u:1} again → step 0 is "retried"
  // ├─ 6 execute_tool search [31,35]   ok
  // ├─ 7 execute_tool fetch  [31,34]   ok
  // ├─ 8 chat acme-private-1 [41,50]   in 300 out 20; span status error → "failed"; not in any table
  // └─ 9 chat gpt-4o [51,60]           in 500 out 50
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 1,
      end: 10,
      attrs: chat({
        model: 'gpt-4o-2024-08-06',
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
      name: 'chat',
      start: 21,
      end: 30,
      attrs: chat({
        model: 'gpt-4o',
        input: 2000,
        output: 200,
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
      name: 'chat',
      start: 41,
      end: 50,
      attrs: chat({ model: 'acme-private-1', input: 300, output: 20, text: 'oops' }),
      status: 'error',
      statusMessage: 'rate limited',
    },
    { id: 9, parent: 1, name: 'chat', start: 51, end: 60, attrs: chat({ model: 'gpt-4o', input: 500, output: 50, text: 'done' }) },
  ]);
  const v = buildCostView(new TraceAnalyses(trace, deriveAgentView(trace)));

  it('relies on the gpt-4o list price used below', () => {
    expect(PRICE_TABLE['gpt-4o']).toEqual({ input: 2.5, output: 10, cachedInput: 1.25 });
  });

  it('has one step per LLM call in time order, with tokens and model indices', () => {
    expect([...v.steps.llmSpan]).toEqual([2, 5, 8, 9].map((id) => indexOf(trace, id)));
    expect(v.models).toEqual(['gpt-4o-2024-08-06', 'gpt-4o', 'acme-private-1']);
    expect([...v.steps.model]).toEqual([0, 1, 2, 1]);
    expect([...v.steps.input]).toEqual([1000, 2000, 300, 500]);
    expect([...v.steps.output]).toEqual([100, 200, 20, 50]);
    expect([...v.steps.cached]).toEqual([200, 0, 0, 0]);
    expect([...v.steps.reasoning]).toEqual([30, 0, 0, 0]);
    expect(v.totals).toEqual({ input: 3800, output: 370, cached: 200, reasoning: 30 });
  });

  it('prices each step by hand-worked dollars; an unpriced step is NaN, not 0', () => {
    // gpt-4o $/M: input 2.5, cached input 1.25, output 10. The dated snapshot matches key gpt-4o.
    // step 0: (1000−200)×2.5 + 200×1.25 + 100×10 = 2000 + 250 + 1000 = 3250 µ$ = $0.00325
    // step 1: 2000×2.5 + 200×10 = 5000 + 2000 = 7000 µ$ = $0.007
    // step 2: acme-private-1 is in no table → unknown
    // step 3: 500×2.5 + 50×10 = 1250 + 500 = 1750 µ$ = $0.00175
    expect(v.steps.costUsd[0]).toBeCloseTo(0.00325, 12);
    expect(v.steps.costUsd[1]).toBeCloseTo(0.007, 12);
    expect(v.steps.costUsd[2]).toBeNaN();
    expect(v.steps.costUsd[3]).toBeCloseTo(0.00175, 12);
    // running: 0.00325, 0.01025, then unknown from the unpriced step on
    expect(v.steps.runningUsd[0]).toBeCloseTo(0.00325, 12);
    expect(v.steps.runningUsd[1]).toBeCloseTo(0.01025, 12);
    expect(v.steps.runningUsd[2]).toBeNaN();
    expect(v.steps.runningUsd[3]).toBeNaN();
    expect(v.totalUsd).toBeNull();
    // priced part: 0.00325 + 0.007 + 0.00175 = 0.012
    expect(v.pricedUsd).toBeCloseTo(0.012, 12);
    expect(v.unpricedSteps).toBe(1);
  });

  it('marks the retried and the failed step and computes the waste share', () => {
    expect([...v.steps.waste]).toEqual([waste('retried'), waste('none'), waste('failed'), waste('none')]);
    // waste: step 0 (1000 + 100) + step 2 (300 + 20) = 1420 of 3800 + 370 = 4170 tokens
    expect(v.wasteTokens).toBe(1420);
    expect(v.wasteShare).toBeCloseTo(1420 / 4170, 12);
  });

  it('lists one price row per model with its source', () => {
    expect(v.priceTableDate).toBe(PRICES_AS_OF);
    expect(v.prices).toHaveLength(3);
    expect(v.prices[0]).toMatchObject({
      model: 'gpt-4o-2024-08-06',
      source: 'built-in',
      matchedKey: 'gpt-4o',
      asOf: PRICES_AS_OF,
      inputPerMTok: 2.5,
      outputPerMTok: 10,
      cachedInputPerMTok: 1.25,
      steps: 1,
    });
    expect(v.prices[0].costUsd).toBeCloseTo(0.00325, 12);
    // gpt-4o: steps 1 and 3 → 0.007 + 0.00175 = 0.00875; 2500 in, 250 out
    expect(v.prices[1]).toMatchObject({ model: 'gpt-4o', source: 'built-in', steps: 2, input: 2500, output: 250, cached: 0 });
    expect(v.prices[1].costUsd).toBeCloseTo(0.00875, 12);
    // the unpriced model: tokens counted, cost null
    expect(v.prices[2]).toEqual({ model: 'acme-private-1', steps: 1, input: 300, output: 20, cached: 0, costUsd: null, source: 'unpriced' });
  });

  it('has no cancellation', () => {
    expect(v.cancellation).toBeUndefined();
    expect(v.tokensAfterCancel).toBe(0);
  });
});

describe('cost view: settings override the table and price unknown models', () => {
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
    { id: 2, parent: 1, name: 'chat', start: 1, end: 10, attrs: chat({ model: 'gpt-4o', input: 1000, cached: 400, output: 100, text: 'a' }) },
    { id: 3, parent: 1, name: 'chat', start: 11, end: 20, attrs: chat({ model: 'ACME-private-1', input: 2000, output: 500, text: 'b' }) },
  ]);
  // Settings: gpt-4o at $1/M in, $4/M out, $0.5/M cached (instead of 2.5/10/1.25); acme at 3/6 with no cached price.
  const prices: PriceOverrides = { 'gpt-4o': { input: 1, output: 4, cachedInput: 0.5 }, 'acme-private-1': { input: 3, output: 6 } };
  const v = buildCostView(new TraceAnalyses(trace, deriveAgentView(trace, { prices })), prices);

  it('prices with the overrides', () => {
    // gpt-4o: 600×1 + 400×0.5 + 100×4 = 600 + 200 + 400 = 1200 µ$ = $0.0012 (the table would give 3000 µ$)
    expect(v.steps.costUsd[0]).toBeCloseTo(0.0012, 12);
    // acme (case-insensitive match; cached defaults to input): 2000×3 + 500×6 = 6000 + 3000 = 9000 µ$
    expect(v.steps.costUsd[1]).toBeCloseTo(0.009, 12);
    expect(v.totalUsd).toBeCloseTo(0.0102, 12);
    expect(v.unpricedSteps).toBe(0);
  });

  it('names settings as the source in the price rows', () => {
    expect(v.prices[0]).toMatchObject({
      model: 'gpt-4o',
      source: 'settings',
      matchedKey: 'gpt-4o',
      inputPerMTok: 1,
      outputPerMTok: 4,
      cachedInputPerMTok: 0.5,
    });
    expect(v.prices[0].asOf).toBeUndefined();
    expect(v.prices[1]).toMatchObject({
      model: 'ACME-private-1',
      source: 'settings',
      matchedKey: 'acme-private-1',
      inputPerMTok: 3,
      outputPerMTok: 6,
      cachedInputPerMTok: 3,
    });
  });
});

describe('cost view: vendor cost and tokens after a cancellation', () => {
  // 1 invoke_agent [0,100]
  // ├─ 2 chat [0,10]   gpt-4o, in 1000 out 40, the trace says gen_ai.usage.cost = 0.5 → vendor
  // ├─ 3 execute_tool slow [10,30] "Cancelled by user" → the cancel point is its end, 30 ms
  // └─ 4 chat [31,40]  gpt-4o, in 100 out 25, ends after the cancel point
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent a', start: 0, end: 100, attrs: agent('a') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 0,
      end: 10,
      attrs: { ...chat({ model: 'mystery-model', input: 1000, output: 40, calls: [['slow', 'c1', {}]] }), 'gen_ai.usage.cost': 0.5 },
    },
    { id: 3, parent: 1, name: 'execute_tool slow', start: 10, end: 30, attrs: tool('slow', 'c1', {}), status: 'error', statusMessage: 'Cancelled by user' },
    { id: 4, parent: 1, name: 'chat', start: 31, end: 40, attrs: chat({ model: 'gpt-4o', input: 100, output: 25 }) },
  ]);
  const v = buildCostView(new TraceAnalyses(trace, deriveAgentView(trace)));

  it('takes the vendor figure and names it as the source', () => {
    expect(v.steps.costUsd[0]).toBe(0.5);
    expect(v.prices[0]).toEqual({ model: 'mystery-model', steps: 1, input: 1000, output: 40, cached: 0, costUsd: 0.5, source: 'vendor' });
    // gpt-4o: 100×2.5 + 25×10 = 250 + 250 = 500 µ$; total 0.5 + 0.0005 = 0.5005
    expect(v.steps.costUsd[1]).toBeCloseTo(0.0005, 12);
    expect(v.totalUsd).toBeCloseTo(0.5005, 12);
  });

  it('reports the cancellation in ms from the trace start and the output tokens after it', () => {
    expect(v.cancellation).toEqual({ spanIndex: indexOf(trace, 3), atMs: 30, via: 'status' });
    expect(v.tokensAfterCancel).toBe(25);
    expect(v.llmSpansAfterCancel).toEqual([indexOf(trace, 4)]);
  });
});
