import type { Trace } from '../model/trace';
import type { PlanGraphView } from '../protocol';
import type { AgentView } from '../semantics/types';

/** The plan graph, stated plans with their executed-step overlay, and loop/plan-cycle findings. */
export function buildPlanGraphView(_trace: Trace, _view: AgentView, _expanded: ReadonlySet<string>): PlanGraphView {
  throw new Error('the plan graph view is not built yet');
}
