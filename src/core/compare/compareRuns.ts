import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { alignSteps } from './alignSteps';
import { compareFindings, type FindingsDelta } from './compareFindings';
import { judgeRegression, type RegressionLimits, type RegressionVerdict } from './regression';
import { runFacts, type RunFacts } from './runFacts';
import { stepChanges, stepFingerprint, type StepChange } from './stepChanges';
import { stepFacts, type StepFacts } from './stepFacts';

export type PairStatus = 'same' | 'changed' | 'added' | 'removed';

/** One aligned pair of steps: `a`/`b` are step indices (time order over all runs); null on the side it is missing from. */
export interface StepPair {
  readonly a: number | null;
  readonly b: number | null;
  readonly status: PairStatus;
  /** Empty unless `changed`. */
  readonly changes: readonly StepChange[];
}

/** Run B compared with the baseline run A: the facts the CLI, the compare view and the follow mode share. */
export interface RunComparison {
  readonly a: RunFacts;
  readonly b: RunFacts;
  readonly stepsA: readonly StepFacts[];
  readonly stepsB: readonly StepFacts[];
  readonly pairs: readonly StepPair[];
  readonly findings: FindingsDelta;
  readonly verdict: RegressionVerdict;
}

export function compareRuns(a: TraceAnalyses, b: TraceAnalyses, limits: RegressionLimits = {}): RunComparison {
  const stepsA = stepFacts(a),
    stepsB = stepFacts(b);
  const key = (s: StepFacts) => ({ signature: s.signature, shape: s.shape, fingerprint: stepFingerprint(s) });
  const pairs = alignSteps(stepsA.map(key), stepsB.map(key)).map(({ a: i, b: j }): StepPair => {
    if (i === null) return { a: null, b: j, status: 'added', changes: [] };
    if (j === null) return { a: i, b: null, status: 'removed', changes: [] };
    const changes = stepChanges(stepsA[i], stepsB[j]);
    return { a: i, b: j, status: changes.length === 0 ? 'same' : 'changed', changes };
  });
  const factsA = runFacts(a),
    factsB = runFacts(b);
  const findings = compareFindings(a.findings(), b.findings());
  return { a: factsA, b: factsB, stepsA, stepsB, pairs, findings, verdict: judgeRegression(factsA, factsB, findings, limits) };
}
