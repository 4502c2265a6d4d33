import type { AgentRun } from '../../semantics/types';

/** Every run of a view, sub-agents included, parents before children (iterative walk). */
export function allRuns(runs: readonly AgentRun[]): AgentRun[] {
  const out: AgentRun[] = [];
  const stack = [...runs].reverse();
  while (stack.length > 0) {
    const r = stack.pop()!;
    out.push(r);
    for (let i = r.subAgents.length - 1; i >= 0; i--) stack.push(r.subAgents[i]);
  }
  return out;
}
