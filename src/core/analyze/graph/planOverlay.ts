import type { AgentRun, ToolExecution } from '../../semantics/types';
import { isPlanTool, type PlanStep, type StatedPlan } from './planSteps';

/**
 * - done: a tool the step names ran after the plan was stated, in plan order;
 * - out-of-order: it ran, but before a step listed earlier had run;
 * - skipped: the step names a tool that never ran after the plan;
 * - unmatched: the step names no tool that the run knows, so nothing can be said.
 */
export type StepStatus = 'done' | 'skipped' | 'out-of-order' | 'unmatched';

export interface StepOverlay {
  readonly step: PlanStep;
  readonly status: StepStatus;
  /** The first execution of a named tool after the plan, when there was one. */
  readonly spanIndex?: number;
}

export interface PlanOverlay {
  readonly plan: StatedPlan;
  readonly steps: readonly StepOverlay[];
  /** Executions after the plan of tools that no step names (plan/todo tools themselves excluded). */
  readonly extra: readonly ToolExecution[];
}

/**
 * Lays the executed tools of `run` (its own, not sub-agents') over a stated plan. A step names a
 * tool when the tool's name appears in its text as a whole word (case-insensitive; `_` counts as
 * part of a word). The names looked for are those the run executed plus `knownTools` (e.g. the
 * tools offered to the model): a step naming a tool outside both is `unmatched`, not `skipped`.
 * "After the plan" means a larger span index than the span that stated it.
 */
export function overlayPlan(plan: StatedPlan, run: AgentRun, knownTools: readonly string[] = []): PlanOverlay {
  const execs = run.iterations
    .flatMap((it) => it.toolExecutions)
    .concat(run.looseToolExecutions)
    .sort((a, b) => a.spanIndex - b.spanIndex);
  const after = execs.filter((e) => e.spanIndex > plan.spanIndex);
  const names = [...new Set([...execs.map((e) => e.name), ...knownTools])];
  const named = plan.steps.map((s) => names.filter((n) => mentions(s.text, n)));
  const firstRun = named.map((ns) => after.find((e) => ns.includes(e.name)));
  const steps: StepOverlay[] = plan.steps.map((step, i) => {
    if (named[i].length === 0) return { step, status: 'unmatched' };
    const ex = firstRun[i];
    if (ex === undefined) return { step, status: 'skipped' };
    const earlierLater = firstRun.slice(0, i).some((e, j) => named[j].length > 0 && (e === undefined ? false : e.spanIndex > ex.spanIndex));
    return { step, status: earlierLater ? 'out-of-order' : 'done', spanIndex: ex.spanIndex };
  });
  const mentioned = new Set(named.flat());
  const extra = after.filter((e) => !mentioned.has(e.name) && !isPlanTool(e.name));
  return { plan, steps, extra };
}

function mentions(text: string, toolName: string): boolean {
  const esc = toolName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_])${esc}($|[^A-Za-z0-9_])`, 'i').test(text);
}
