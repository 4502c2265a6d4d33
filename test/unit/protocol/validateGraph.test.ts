import { describe, expect, it } from 'vitest';
import { durationMs } from '../../../src/core/protocol/units';
import type { PlanGraphView } from '../../../src/core/protocol';
import { validatePlanGraph } from '../../../src/core/protocol/validate/graph';
import { errorOf, valueOf } from './checked';

const good: PlanGraphView = {
  nodes: [
    { id: 'span:0', kind: 'agent', label: 'agent', spanIndex: 0, spanIndices: [0], status: 'ok', durationMs: durationMs(10) },
    {
      id: 'group:0:1',
      kind: 'group',
      label: '3× fetch',
      spanIndex: 1,
      spanIndices: [1, 2, 3],
      status: 'error',
      durationMs: durationMs(5),
      count: 3,
      shape: ['fetch'],
      expanded: false,
    },
  ],
  edges: [{ from: 'span:0', to: 'group:0:1', kind: 'caused' }],
  plans: [
    { source: 'text', spanIndex: 1, steps: [{ id: '1', text: 'fetch', dependsOn: [], status: 'done', spanIndex: 2, inCycle: true }], extraSpanIndices: [3] },
  ],
  findings: [
    {
      key: 'loop:repeated-call:a,b',
      kind: 'loop',
      pattern: 'repeated-call',
      severity: 'warning',
      message: 'm',
      spanIndices: [2, 3],
      wastedTokens: 10,
      wastedCostUsd: null,
    },
  ],
};
const clone = (): any => JSON.parse(JSON.stringify(good));

describe('plan graph validator', () => {
  it('accepts a well-formed graph', () => {
    expect(valueOf(validatePlanGraph(clone(), 4))).toEqual(good);
  });

  it.each<[string, (g: any) => void, RegExp]>([
    ['an edge to an unknown node', (g) => (g.edges[0].to = 'span:9'), /edges\[0\]: to is not a node/],
    ['a repeated node id', (g) => (g.nodes[1].id = 'span:0'), /nodes\[1\]: id "span:0" is repeated/],
    ['an unknown node kind', (g) => (g.nodes[0].kind = 'x'), /nodes\[0\]: kind is unknown/],
    ['a span index past the trace', (g) => (g.nodes[1].spanIndices = [1, 4]), /nodes\[1\]: spanIndices/],
    ['a negative duration', (g) => (g.nodes[0].durationMs = -1), /durationMs/],
    ['a string count', (g) => (g.nodes[1].count = '3'), /count/],
    ['an unknown step status', (g) => (g.plans[0].steps[0].status = 'maybe'), /plan steps\[0\]: status is unknown/],
    ['an unknown finding pattern', (g) => (g.findings[0].pattern = 'spin'), /findings\[0\]: pattern is unknown/],
    ['a negative wasted cost', (g) => (g.findings[0].wastedCostUsd = -2), /wastedCostUsd/],
    ['a missing plans list', (g) => delete g.plans, /plans must be an array/],
  ])('rejects %s', (_name, spoil, message) => {
    const g = clone();
    spoil(g);
    const r = validatePlanGraph(g, 4);
    expect(r.ok).toBe(false);
    expect(errorOf(r)).toMatch(message);
  });
});
