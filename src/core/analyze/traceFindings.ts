import { analyzeClaims } from './claims/analyzeClaims';
import type { Finding } from './claims/types';
import { findLoops } from './graph/loops';
import { findPlanCycles } from './graph/planCycles';
import type { LoopFinding, PlanCycleFinding } from './graph/types';
import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * Every finding of a trace, as `inspect --json` and `agent-trace check` report them: the
 * claimed-vs-executed findings first (their own order), then execution loops, then dependency
 * cycles in stated plans. All share `kind`, `severity`, `message` and `spanIds`; the other
 * fields depend on the kind (`claim`; `pattern`, `wastedTokens`, `wastedCostUsd`; `cycle`).
 */
export type TraceFinding = Finding | LoopFinding | PlanCycleFinding;

export function traceFindings(trace: Trace, view: AgentView): TraceFinding[] {
  return [...analyzeClaims(trace, view), ...findLoops(trace, view), ...findPlanCycles(trace, view)];
}
