import { analyzeClaims } from './claims/analyzeClaims';
import type { Finding } from './claims/types';
import { findLoops } from './graph/loops';
import { findPlanCycles } from './graph/planCycles';
import { statedPlans, type StatedPlan } from './graph/planSteps';
import type { LoopFinding, PlanCycleFinding } from './graph/types';
import { costSteps, type CostSteps } from './timeline/costSteps';
import { placedIterations, type PlacedIteration } from './timeline/steps';
import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * Every finding of a trace, as `inspect --json` and `agent-trace check` report them: the
 * claimed-vs-executed findings first (their own order), then execution loops, then dependency
 * cycles in stated plans. All share `kind`, `severity`, `message` and `spanIds`; the other
 * fields depend on the kind (`claim`; `pattern`, `wastedTokens`, `wastedCostUsd`; `cycle`).
 */
export type TraceFinding = Finding | LoopFinding | PlanCycleFinding;

/**
 * The whole-trace analyses of one trace as one agent view reads it, each computed on first use
 * and kept: the one place such results are memoised. The timeline, the cost panel, the plan
 * graph and the Claims panel ask for the same claims, loops and cost rows (seconds at 100k
 * spans), so the host keeps one of these per shown trace (`LoadedTrace`) and the CLI one per
 * trace it reports. Results are shared: callers must not mutate them (findings are frozen).
 * A new agent view (other price settings) needs a new `TraceAnalyses`.
 */
export class TraceAnalyses {
  #placed?: readonly PlacedIteration[];
  #cost?: CostSteps;
  #claims?: readonly Finding[];
  #loops?: readonly LoopFinding[];
  #plans?: readonly StatedPlan[];
  #cycles?: readonly PlanCycleFinding[];

  constructor(
    readonly trace: Trace,
    readonly view: AgentView,
  ) {}

  /** Every iteration in time order (see `placedIterations`). */
  placed(): readonly PlacedIteration[] {
    return (this.#placed ??= placedIterations(this.trace, this.view));
  }

  /** Token and cost facts per iteration, with totals and waste (see `costSteps`). */
  cost(): CostSteps {
    return (this.#cost ??= costSteps(this.trace, this.view));
  }

  /** Claimed-vs-executed findings (see `analyzeClaims`). */
  claims(): readonly Finding[] {
    return (this.#claims ??= analyzeClaims(this.trace, this.view).map((f) => Object.freeze(f)));
  }

  /** Execution loops: repeats, oscillations, retries (see `findLoops`). */
  loops(): readonly LoopFinding[] {
    return (this.#loops ??= findLoops(this.trace, this.view).map((f) => Object.freeze(f)));
  }

  /** Plans the run stated (numbered text, plan/todo tools, plan spans). */
  plans(): readonly StatedPlan[] {
    return (this.#plans ??= statedPlans(this.trace, this.view));
  }

  /** Dependency cycles in the stated plans. */
  planCycles(): readonly PlanCycleFinding[] {
    return (this.#cycles ??= findPlanCycles(this.trace, this.view, this.plans()).map((f) => Object.freeze(f)));
  }

  /** All findings in report order: claims, loops, plan cycles. */
  findings(): TraceFinding[] {
    return [...this.claims(), ...this.loops(), ...this.planCycles()];
  }
}
