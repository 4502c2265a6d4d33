import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costSteps } from '../../../src/core/analyze/timeline/costSteps';
import { criticalPath } from '../../../src/core/analyze/timeline/criticalPath';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTimelineModel } from '../../../src/core/view/timelineModel';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

const FILE = join(__dirname, '../../../demo/workspace/traces/travel-agent-run.otlp.json');

describe('demo trace: travel-agent-run', () => {
  const set = importTrace(new Uint8Array(readFileSync(FILE)));
  const trace = set.traces[0];
  const view = deriveAgentView(trace);
  const c = costSteps(trace, view);

  it('has three steps with the token counts written in the file', () => {
    expect(set.traces).toHaveLength(1);
    expect(c.steps.map((s) => [s.model, s.input, s.output, s.cached])).toEqual([
      ['gpt-4o-mini', 412, 58, 0],
      ['gpt-4o-mini', 655, 31, 384],
      ['gpt-4o-mini', 748, 44, 640],
    ]);
    expect(c.totals).toEqual({ input: 1815, output: 133, cached: 1024, reasoning: 0 });
  });

  it('prices each step at gpt-4o-mini rates (0.15 / 0.6 / cached 0.075 $ per M)', () => {
    // step 1: 412×0.15 + 58×0.6                     = 61.8 + 34.8        = 96.6  µ$
    // step 2: 271×0.15 + 384×0.075 + 31×0.6         = 40.65 + 28.8 + 18.6 = 88.05 µ$
    // step 3: 108×0.15 + 640×0.075 + 44×0.6         = 16.2 + 48 + 26.4   = 90.6  µ$
    // total 275.25 µ$
    expect(c.steps.map((s) => s.costUsd)).toEqual([expect.closeTo(96.6e-6, 12), expect.closeTo(88.05e-6, 12), expect.closeTo(90.6e-6, 12)]);
    expect(c.steps.map((s) => s.runningUsd)).toEqual([expect.closeTo(96.6e-6, 12), expect.closeTo(184.65e-6, 12), expect.closeTo(275.25e-6, 12)]);
    expect(c.totalUsd).toBeCloseTo(275.25e-6, 12);
    expect(c.unpricedSteps).toBe(0);
  });

  it('counts the step whose only tool (book_hotel) failed as waste', () => {
    // step 2: 655 + 31 = 686 of 1815 + 133 = 1948 tokens
    expect(c.steps.map((s) => s.waste)).toEqual([undefined, 'failed', undefined]);
    expect(c.wasteTokens).toBe(686);
    expect(c.wasteShare).toBeCloseTo(686 / 1948, 12);
    expect(c.cancellation).toBeUndefined();
  });

  it('builds cards with the tool calls, the failure and the final answer', () => {
    const cards = buildTimelineModel(new TraceAnalyses(trace, view)).cards(0, 100);
    expect(cards).toHaveLength(3);
    expect(cards[0].requestedToolCalls.map((r) => r.name)).toEqual(['get_weather', 'search_flights']);
    expect(cards[0].toolExecutions.map((t) => t.name)).toEqual(['get_weather', 'search_flights']);
    expect(cards[0].inputSummary?.role).toBe('user');
    expect(cards[1].toolExecutions.map((t) => [t.name, t.status])).toEqual([['book_hotel', 'error']]);
    expect(cards[1].errors.map((e) => e.message)).toEqual(['no rooms available in Lisbon for 3 nights']);
    expect(cards[2].answer?.startsWith('Your trip is set')).toBe(true);
    expect(cards[2].inputSummary?.role).toBe('tool');
  });

  it('has a critical path starting at the root and covering its whole duration', () => {
    const p = criticalPath(trace);
    expect(p.rootIndex).toBe(trace.rootIndices[0]);
    expect(p.spanIndices[0]).toBe(p.rootIndex);
    const total = p.criticalMs.reduce((a, b) => a + b, 0);
    const root = trace.spans[p.rootIndex];
    expect(total).toBeCloseTo(Number(root.endNs - root.startNs) / 1e6, 6);
  });
});
