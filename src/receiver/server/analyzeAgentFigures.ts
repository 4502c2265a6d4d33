import type { TraceSet } from '../../core/model/trace';
import type { AgentFigures } from '../../core/receiver/traceSummary';
import { deriveAgentView, type AgentViewOptions } from '../../core/semantics/agentView';

/**
 * The store's `analyze` hook built on the agent view: LLM calls, tool executions, tokens and
 * cost of one stored trace, for the side bar and the CLI. Pass the user's price overrides.
 */
export function agentFiguresAnalyzer(opts: AgentViewOptions = {}): (set: TraceSet, traceId: string) => Omit<AgentFigures, 'analyzedBytes'> | undefined {
  return (set, traceId) => {
    const trace = set.traces.find((t) => t.traceId === traceId);
    if (!trace) return undefined;
    const view = deriveAgentView(trace, opts);
    return {
      llmCalls: view.llmCalls.length,
      toolCalls: view.toolExecutions.length,
      inputTokens: view.tokens.input,
      outputTokens: view.tokens.output,
      costUsd: view.costUsd,
    };
  };
}
