import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../../src/core/analyze/graph/planSteps';
import { stepCycles } from '../../../src/core/analyze/graph/stepCycles';

const step = (id: string, ...dependsOn: string[]): PlanStep => ({ id, text: id, dependsOn });

describe('dependency cycles among plan steps', () => {
  it('follows dependencies around a three-step cycle', () => {
    // a waits for c, c for b, b for a.
    expect(stepCycles([step('a', 'c'), step('b', 'a'), step('c', 'b')])).toEqual([['a', 'c', 'b', 'a']]);
  });

  it('reports a step that depends on itself', () => {
    expect(stepCycles([step('x', 'x'), step('y', 'x')])).toEqual([['x', 'x']]);
  });

  it('finds nothing in a diamond, and ignores unknown ids', () => {
    expect(stepCycles([step('a'), step('b', 'a'), step('c', 'a'), step('d', 'b', 'c', 'zz')])).toEqual([]);
  });

  it('reports each separate cycle once', () => {
    const cycles = stepCycles([step('a', 'b'), step('b', 'a'), step('c', 'd'), step('d', 'c'), step('e', 'a')]);
    expect(cycles.map((c) => [...c].sort().join(''))).toEqual(expect.arrayContaining(['aab', 'ccd']));
    expect(cycles).toHaveLength(2);
  });

  it('handles a 10,000-step chain without recursion', () => {
    // Step k waits for k-1; step 0 waits for 9999: one cycle through all of them.
    const steps = Array.from({ length: 10_000 }, (_, k) => step(String(k), String(k === 0 ? 9999 : k - 1)));
    const [cycle] = stepCycles(steps);
    expect(cycle).toHaveLength(10_001);
    expect(cycle.slice(0, 3)).toEqual(['0', '9999', '9998']);
    expect(cycle[10_000]).toBe('0');
  });
});
