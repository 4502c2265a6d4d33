import type { FindingsDelta } from './compareFindings';
import type { RunComparison, StepPair } from './compareRuns';
import type { RunFacts } from './runFacts';

/**
 * `agent-trace diff --json`: a contract other tools read. Add fields, never rename or remove.
 *
 * - `a`, `b`: the runs' figures (`RunFacts`; `costUsd` null when unknown).
 * - `delta`: b − a for each figure; null where either side is unknown.
 * - `steps`: the aligned pairs; `a`/`b` are step (iteration) indices in time order over all
 *   runs of each trace, null on the side a step is missing from; `changes` per `StepChange`.
 * - `findings`: fixed (A only), new (B only), unchanged.
 * - `regression`, `reasons`: the verdict (see regression.ts); `notes`: checks that could not be made.
 */
export interface DiffReport {
  readonly a: RunFacts;
  readonly b: RunFacts;
  readonly delta: {
    readonly iterations: number;
    readonly tokens: { readonly input: number; readonly output: number };
    readonly costUsd: number | null;
    readonly durationMs: number;
    readonly errors: number;
  };
  readonly steps: readonly StepPair[];
  readonly findings: FindingsDelta;
  readonly regression: boolean;
  readonly reasons: readonly string[];
  readonly notes: readonly string[];
}

export function buildDiffReport(c: RunComparison): DiffReport {
  const { a, b } = c;
  return {
    a,
    b,
    delta: {
      iterations: b.iterations - a.iterations,
      tokens: { input: b.tokens.input - a.tokens.input, output: b.tokens.output - a.tokens.output },
      costUsd: a.costUsd === null || b.costUsd === null ? null : b.costUsd - a.costUsd,
      durationMs: b.durationMs - a.durationMs,
      errors: b.errors - a.errors,
    },
    steps: c.pairs,
    findings: c.findings,
    regression: c.verdict.regression,
    reasons: c.verdict.reasons,
    notes: c.verdict.notes,
  };
}
