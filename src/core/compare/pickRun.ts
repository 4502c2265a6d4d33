import type { Trace, TraceSet } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * The trace of a file that stands for "the run" when two files are compared: the first trace
 * (by start time) with at least one iteration, else the first trace. Undefined for an empty set.
 */
export function pickRun(set: TraceSet, derive: (trace: Trace) => AgentView): { trace: Trace; view: AgentView } | undefined {
  let first: { trace: Trace; view: AgentView } | undefined;
  for (const trace of set.traces) {
    const view = derive(trace);
    if (view.iterationCount > 0) return { trace, view };
    first ??= { trace, view };
  }
  return first;
}
