import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLoops } from '../../../src/core/analyze/graph/loops';
import { findPlanCycles } from '../../../src/core/analyze/graph/planCycles';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

/**
 * Real agent traces (see test/fixtures/corpus/SOURCES.md) and the demo run: healthy runs that
 * must raise no loop and no plan-cycle finding.
 */
const CORPUS = 'test/fixtures/corpus';
const files = [
  ...readdirSync(join(CORPUS, 'any-agent'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(CORPUS, 'any-agent', f)),
  ...readdirSync(join(CORPUS, 'langfuse'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(CORPUS, 'langfuse', f)),
  join(CORPUS, 'jaeger', 'genai-agent-loop.json'),
  'demo/workspace/traces/travel-agent-run.otlp.json',
];

describe('no false alarms on real agent traces', () => {
  it('covers the whole set', () => {
    expect(files).toHaveLength(4 + 11 + 2);
  });
  for (const file of files) {
    it(file, () => {
      const set = importTrace(new Uint8Array(readFileSync(file)));
      expect(set.traces.length).toBeGreaterThan(0);
      for (const trace of set.traces) {
        const view = deriveAgentView(trace);
        expect(findLoops(trace, view)).toEqual([]);
        expect(findPlanCycles(trace, view)).toEqual([]);
      }
    });
  }
});
