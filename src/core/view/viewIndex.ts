import type { Diagnostic } from '../model/diagnostics';
import type { Trace } from '../model/trace';
import type { AgentView, LlmCall, ToolExecution } from '../semantics/types';

/** Lookups by span index into an AgentView and a Trace, built once per view and trace. */
export interface ViewIndex {
  readonly llmBySpan: ReadonlyMap<number, LlmCall>;
  readonly toolBySpan: ReadonlyMap<number, ToolExecution>;
  /** Diagnostics of the trace by span id. */
  readonly diagnosticsBySpan: ReadonlyMap<string, readonly Diagnostic[]>;
}

const cache = new WeakMap<AgentView, WeakMap<Trace, ViewIndex>>();

/** Memoized on the (view, trace) pair: rows and details are asked for many times per trace. */
export function indexView(trace: Trace, view: AgentView): ViewIndex {
  let byTrace = cache.get(view);
  if (!byTrace) cache.set(view, (byTrace = new WeakMap()));
  let idx = byTrace.get(trace);
  if (!idx) byTrace.set(trace, (idx = buildIndex(trace, view)));
  return idx;
}

function buildIndex(trace: Trace, view: AgentView): ViewIndex {
  const llmBySpan = new Map<number, LlmCall>();
  for (const c of view.llmCalls) if (!llmBySpan.has(c.spanIndex)) llmBySpan.set(c.spanIndex, c);
  const toolBySpan = new Map<number, ToolExecution>();
  for (const t of view.toolExecutions) if (!toolBySpan.has(t.spanIndex)) toolBySpan.set(t.spanIndex, t);
  const diagnosticsBySpan = new Map<string, Diagnostic[]>();
  for (const d of trace.diagnostics) {
    if (d.spanId === undefined) continue;
    let list = diagnosticsBySpan.get(d.spanId);
    if (!list) diagnosticsBySpan.set(d.spanId, (list = []));
    list.push(d);
  }
  return { llmBySpan, toolBySpan, diagnosticsBySpan };
}
