import { describe, expect, it } from 'vitest';
import { PRICE_TABLE, PRICES_AS_OF, costOf, findPrice, modelNameCandidates, priceUsage } from '../../../src/core/semantics/prices';

// All expected dollar figures below are worked out by hand from the per-million prices in
// PRICE_TABLE (written next to each case); several equal the cost the vendor itself recorded
// in a corpus trace, which checks the table against an independent source.

describe('model name normalisation', () => {
  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['openai/gpt-4o-2024-08-06', 'gpt-4o'],
    ['GPT-4o-Mini-2024-07-18', 'gpt-4o-mini'],
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'], // the launch snapshot keeps its own (higher) price
    ['models/gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['gemini-2.5-flash-preview-05-20', 'gemini-2.5-flash'],
    ['claude-3-5-sonnet@20240620', 'claude-3-5-sonnet'],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-3-5-sonnet'],
    ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'claude-3-7-sonnet'],
    ['anthropic/claude-3.7-sonnet', 'claude-3-7-sonnet'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4'],
    ['mistral/mistral-small-latest', 'mistral-small'],
    ['mistral-large-2411', 'mistral-large'],
    ['gpt-5-mini-2025-08-07', 'gpt-5-mini'],
    ['o4-mini-2025-04-16', 'o4-mini'],
  ])('%s is priced as %s', (model, key) => {
    expect(findPrice(model)?.key).toBe(key);
  });

  it('keeps single-digit version segments, so an unknown newer model is not priced as an older one', () => {
    expect(modelNameCandidates('claude-sonnet-4-6')).toEqual(['claude-sonnet-4-6']);
    expect(findPrice('claude-sonnet-4-6')).toBeUndefined();
    expect(findPrice('model-a')).toBeUndefined();
  });

  it('drops trailing version segments one at a time', () => {
    expect(modelNameCandidates('openai/gpt-4o-2024-08-06')).toEqual([
      'openai/gpt-4o-2024-08-06',
      'gpt-4o-2024-08-06',
      'gpt-4o-2024-08',
      'gpt-4o-2024',
      'gpt-4o',
    ]);
  });

  it('dates the table', () => {
    expect(PRICES_AS_OF).toBe('2026-11-01');
    expect(findPrice('gpt-4o')?.date).toBe(PRICES_AS_OF);
  });
});

describe('price arithmetic', () => {
  it('prices uncached input, cached input and output separately', () => {
    // gpt-4o: $2.50 in, $1.25 cached in, $10 out per 1M.
    // (600 × 2.50 + 400 × 1.25 + 200 × 10) / 1e6 = (1500 + 500 + 2000) / 1e6 = 0.004
    expect(priceUsage({ input: 1000, cachedInput: 400, output: 200 }, PRICE_TABLE['gpt-4o'])).toBeCloseTo(0.004, 12);
  });

  it('matches vendor-recorded costs from the corpus', () => {
    // claude-sonnet-4-5 ($3 / $15): 19 in, 29 out = (57 + 435) / 1e6 (Langfuse recorded 0.000492)
    expect(costOf({ input: 19, output: 29 }, 'claude-sonnet-4-5-20250929', undefined).usd).toBeCloseTo(0.000492, 12);
    // mistral-small ($0.10 / $0.30): 672 in, 16 out = (67.2 + 4.8) / 1e6 (any-agent recorded 6.72e-5 + 4.8e-6)
    expect(costOf({ input: 672, output: 16 }, 'mistral/mistral-small-latest', undefined).usd).toBeCloseTo(0.000072, 12);
    // gemini-2.5-flash ($0.30 / $2.50): 2546 in, 47 out = (763.8 + 117.5) / 1e6 (Langfuse recorded 0.0008813)
    expect(costOf({ input: 2546, output: 47 }, 'gemini-2.5-flash', undefined).usd).toBeCloseTo(0.0008813, 12);
    // gpt-5-mini ($0.25 / $2): 179 in, 99 out incl. 64 reasoning = (44.75 + 198) / 1e6 (Langfuse 0.00024275)
    expect(costOf({ input: 179, output: 99, reasoning: 64 }, 'gpt-5-mini-2025-08-07', undefined).usd).toBeCloseTo(0.00024275, 12);
  });

  it('infers input from total minus output when only those are known', () => {
    // gpt-4o: (60 × 2.50 + 40 × 10) / 1e6 = 0.00055
    expect(priceUsage({ total: 100, output: 40 }, PRICE_TABLE['gpt-4o'])).toBeCloseTo(0.00055, 12);
  });

  it('never counts more cached tokens than input tokens', () => {
    // gpt-4o: all 1000 input tokens at the cached price: 1000 × 1.25 / 1e6
    expect(priceUsage({ input: 1000, cachedInput: 5000 }, PRICE_TABLE['gpt-4o'])).toBeCloseTo(0.00125, 12);
  });

  it('uses the input price for cached tokens when the model has no cached price', () => {
    // mistral-small: 1000 × 0.10 / 1e6 whatever the cache split
    expect(priceUsage({ input: 1000, cachedInput: 600 }, PRICE_TABLE['mistral-small'])).toBeCloseTo(0.0001, 12);
  });
});

describe('cost of one call', () => {
  it('takes the vendor figure first', () => {
    expect(costOf({ input: 10, output: 10 }, 'gpt-4o', 0.5)).toEqual({ usd: 0.5, source: 'vendor' });
  });

  it('distrusts a vendor $0 next to real tokens and falls back to the table', () => {
    const c = costOf({ input: 1_000_000, output: 0 }, 'gpt-4o', 0);
    expect(c).toEqual({ usd: 2.5, source: 'price-table', priceKey: 'gpt-4o', priceDate: PRICES_AS_OF });
  });

  it('reports an unknown model as unpriced, never $0', () => {
    expect(costOf({ input: 100, output: 10 }, 'model-a', undefined)).toEqual({ usd: null, source: 'unpriced' });
    expect(costOf({ input: 100, output: 10 }, undefined, undefined)).toEqual({ usd: null, source: 'unpriced' });
  });

  it('says when there were no tokens', () => {
    expect(costOf({}, 'gpt-4o', undefined)).toEqual({ usd: null, source: 'no-usage' });
  });

  it('lets settings override and extend the table', () => {
    const overrides = { 'my-model': { input: 1, output: 2 }, 'GPT-4o': { input: 5, output: 5 } };
    // (1000 × 1 + 500 × 2) / 1e6 = 0.002
    expect(costOf({ input: 1000, output: 500 }, 'my-org/my-model-2025-01-01', undefined, overrides)).toEqual({
      usd: 0.002,
      source: 'price-table',
      priceKey: 'my-model',
      priceDate: 'settings',
    });
    // (1000 × 5 + 500 × 5) / 1e6 = 0.0075: the override wins over the built-in gpt-4o price
    expect(costOf({ input: 1000, output: 500 }, 'gpt-4o', undefined, overrides).usd).toBeCloseTo(0.0075, 12);
  });
});
