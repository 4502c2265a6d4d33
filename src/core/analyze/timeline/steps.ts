import type { Trace } from '../../model/trace';
import type { AgentRun, AgentView, Iteration } from '../../semantics/types';

/** One iteration placed in the trace: its run, nesting depth (0 = top-level run) and order. */
export interface PlacedIteration {
  readonly iteration: Iteration;
  readonly run: AgentRun;
  /** Sub-agent nesting: 0 for a top-level run, 1 for its sub-agents, … */
  readonly depth: number;
}

/**
 * Every iteration of every run (sub-agents included), ordered by the start of its LLM call
 * (ties by span index), which interleaves sub-agent steps where they happened. No recursion.
 */
export function placedIterations(trace: Trace, view: AgentView): PlacedIteration[] {
  const out: PlacedIteration[] = [];
  const stack: { run: AgentRun; depth: number }[] = view.runs.map((run) => ({ run, depth: 0 }));
  while (stack.length) {
    const { run, depth } = stack.pop()!;
    for (const iteration of run.iterations) out.push({ iteration, run, depth });
    for (const sub of run.subAgents) stack.push({ run: sub, depth: depth + 1 });
  }
  out.sort((a, b) => {
    const x = a.iteration.llmCall.spanIndex,
      y = b.iteration.llmCall.spanIndex;
    const sx = trace.spans[x].startNs,
      sy = trace.spans[y].startNs;
    return sx < sy ? -1 : sx > sy ? 1 : x - y;
  });
  return out;
}
