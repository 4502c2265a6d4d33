import type { AgentRun, AgentView, LlmCall, ToolCallRequest, ToolExecution } from '../../semantics/types';

/**
 * The unit claims are checked in: one top-level agent run with everything nested in it
 * (sub-agents included, since a supervisor reports what its sub-agents did). Claims in any turn
 * are matched against executions anywhere in the run, not turn by turn.
 */
export interface RunScope {
  /** In span order. */
  readonly llmCalls: readonly LlmCall[];
  /** In span order. */
  readonly executions: readonly ToolExecution[];
  readonly unexecuted: readonly { readonly request: ToolCallRequest; readonly llmSpanIndex: number }[];
  readonly finalAnswer?: string;
  /** The run's agent span; undefined when the view has no runs. */
  readonly runSpanIndex?: number;
}

export function runScopes(view: AgentView): RunScope[] {
  if (view.runs.length === 0) {
    if (view.llmCalls.length === 0) return [];
    return [{ llmCalls: view.llmCalls, executions: view.toolExecutions, unexecuted: [], finalAnswer: view.finalAnswer }];
  }
  return view.runs.map((run) => {
    const calls = new Map<number, LlmCall>();
    const execs = new Map<number, ToolExecution>();
    const unexecuted: { request: ToolCallRequest; llmSpanIndex: number }[] = [];
    const walk = (r: AgentRun) => {
      for (const it of r.iterations) {
        calls.set(it.llmCall.spanIndex, it.llmCall);
        for (const e of it.toolExecutions) execs.set(e.spanIndex, e);
        for (const request of it.unexecutedRequests) unexecuted.push({ request, llmSpanIndex: it.llmCall.spanIndex });
      }
      for (const e of r.looseToolExecutions) execs.set(e.spanIndex, e);
      for (const s of r.subAgents) walk(s);
    };
    walk(run);
    const byIndex = <T extends { spanIndex: number }>(m: Map<number, T>) => [...m.values()].sort((a, b) => a.spanIndex - b.spanIndex);
    return {
      llmCalls: byIndex(calls),
      executions: byIndex(execs),
      unexecuted,
      finalAnswer: run.finalAnswer,
      runSpanIndex: run.spanIndex,
    };
  });
}

/**
 * The assistant text of one LLM call. Streamed outputs arrive as many fragment messages
 * ("Mont", "ju", "ïc"), which are joined without separators; whole messages are joined by
 * blank lines.
 */
export function assistantText(call: LlmCall): string {
  const texts = call.output
    .filter((m) => m.role === 'assistant' || m.role === 'model' || m.role === 'ai')
    .map((m) => m.text)
    .filter((t) => t !== '');
  if (texts.length > 3 && texts.every((t) => t.length < 40)) return texts.join('');
  return texts.join('\n\n');
}
