import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { PRICE_TABLE, PRICES_AS_OF } from '../../../src/core/semantics/prices';
import { formatCost } from '../../../src/core/view/format';
import { buildCostView } from '../../../src/core/view/costView';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

const FILE = join(__dirname, '../../../demo/workspace/traces/travel-agent-run.otlp.json');

/** The number the e2e test (test/e2e/cost.e2e.test.ts) expects in the Cost tab, worked out here. */
describe('demo trace cost', () => {
  const trace = importTrace(new Uint8Array(readFileSync(FILE))).traces[0];
  const v = buildCostView(new TraceAnalyses(trace, deriveAgentView(trace)));

  it('prices the three gpt-4o-mini calls with the built-in table', () => {
    expect(PRICE_TABLE['gpt-4o-mini']).toEqual({ input: 0.15, output: 0.6, cachedInput: 0.075 });
    // $/M: input 0.15, cached 0.075, output 0.6 (tokens from the file's ai.usage.* attributes)
    // step 1: 412 in (0 cached), 58 out:   412×0.15 + 58×0.6             = 61.8 + 34.8        = 96.6 µ$
    // step 2: 655 in (384 cached), 31 out: 271×0.15 + 384×0.075 + 31×0.6 = 40.65 + 28.8 + 18.6 = 88.05 µ$
    // step 3: 748 in (640 cached), 44 out: 108×0.15 + 640×0.075 + 44×0.6 = 16.2 + 48 + 26.4   = 90.6 µ$
    // total 96.6 + 88.05 + 90.6 = 275.25 µ$ = $0.00027525 → shown "$0.000275"
    expect([...v.steps.costUsd].map((x) => x * 1e6)).toEqual([expect.closeTo(96.6, 9), expect.closeTo(88.05, 9), expect.closeTo(90.6, 9)]);
    expect(v.totalUsd).toBeCloseTo(0.00027525, 12);
    expect(formatCost(v.totalUsd)).toBe('$0.000275');
    expect(v.prices).toEqual([
      expect.objectContaining({
        model: 'gpt-4o-mini',
        source: 'built-in',
        matchedKey: 'gpt-4o-mini',
        asOf: PRICES_AS_OF,
        steps: 3,
        input: 1815,
        output: 133,
        cached: 1024,
      }),
    ]);
  });
});
