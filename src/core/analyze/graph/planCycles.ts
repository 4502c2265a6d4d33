import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';
import { statedPlans, type StatedPlan } from './planSteps';
import { stepCycles } from './stepCycles';
import type { PlanCycleFinding } from './types';

/**
 * Dependency cycles in the plans the agent stated (see `statedPlans`). A plan repeated in
 * several spans (requested by the model, then executed) gives one finding per distinct cycle,
 * with every span that stated it.
 */
export function findPlanCycles(trace: Trace, view: AgentView, plans: readonly StatedPlan[] = statedPlans(trace, view)): PlanCycleFinding[] {
  const byKey = new Map<string, { cycle: string[]; texts: Map<string, string>; spans: number[] }>();
  for (const plan of plans) {
    for (const cycle of stepCycles(plan.steps)) {
      const key = [...new Set(cycle)].sort().join('\u0000');
      const known = byKey.get(key);
      if (known) {
        if (!known.spans.includes(plan.spanIndex)) known.spans.push(plan.spanIndex);
        continue;
      }
      const texts = new Map(plan.steps.map((s) => [s.id, s.text]));
      byKey.set(key, { cycle, texts, spans: [plan.spanIndex] });
    }
  }
  const out: PlanCycleFinding[] = [];
  for (const { cycle, texts, spans } of byKey.values()) {
    const named = cycle.map((id) => (texts.get(id) ? `${id} (${clip(texts.get(id)!)})` : id));
    const message = cycle.length === 2 ? `Plan step ${named[0]} depends on itself` : `Plan steps depend on each other in a cycle: ${named.join(' → ')}`;
    out.push({ kind: 'plan-cycle', severity: 'error', message, spanIds: spans.map((i) => trace.spans[i].spanId), cycle });
  }
  return out;
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}
