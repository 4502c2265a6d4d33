import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * Keeps the result of a pure whole-trace analysis per agent view (there is one view per trace
 * and price setting, and the view holds its trace), so the timeline, the cost panel, the plan
 * graph, the Claims panel and the CLI share one computation instead of each paying for it
 * (seconds at 100k spans). The result is shared: callers must not mutate it.
 */
export function perAgentView<T>(compute: (trace: Trace, view: AgentView) => T): (trace: Trace, view: AgentView) => T {
  const memo = new WeakMap<AgentView, T>();
  return (trace, view) => {
    if (memo.has(view)) return memo.get(view) as T;
    const result = compute(trace, view);
    memo.set(view, result);
    return result;
  };
}
