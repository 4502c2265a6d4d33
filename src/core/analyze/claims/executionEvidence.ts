import type { Trace } from '../../model/trace';
import type { ToolCallRequest, ToolExecution } from '../../semantics/types';
import type { RunScope } from './runScope';
import { splitIdentifier } from './verbs';

/**
 * Tool requests of a run that have no execution span but other proof that they ran:
 * - their result is in a later LLM call's input: a `role: tool` message (or an Anthropic
 *   `tool_result` block, which the semantics reads as one) carrying the request's call id. Such a
 *   request counts as executed, with the result the model was shown ("no span; result seen in
 *   the next call"), so claims can be checked against it;
 * - a sub-agent run answered it (agents as tools, hand-offs): an agent span inside the
 *   requesting LLM call's span, or one whose name shares a word with the tool's name, or the
 *   first agent span that starts after the call and before the run's next LLM call outside it.
 * The rest are really requested-not-executed.
 */
export interface ExecutionEvidence {
  /** Executions read from later inputs, one per request, at the requesting LLM call's span. */
  readonly seenInInput: readonly ToolExecution[];
  /** The requests with neither an execution span nor any of the proofs above. */
  readonly unexecuted: RunScope['unexecuted'];
}

/** Words too generic to tie a tool call to a sub-agent by name. */
const GENERIC = new Set(['agent', 'assistant', 'sub', 'subagent', 'run', 'call', 'tool', 'transfer', 'to', 'handoff', 'ask', 'invoke']);

export function executionEvidence(trace: Trace, scope: RunScope): ExecutionEvidence {
  if (scope.unexecuted.length === 0) return { seenInInput: [], unexecuted: [] };
  const results = new Map<string, { text: string; llmSpanIndex: number }>();
  for (const c of scope.llmCalls)
    for (const m of c.input)
      if (m.role === 'tool' && m.toolCallId !== undefined && !results.has(m.toolCallId)) results.set(m.toolCallId, { text: m.text, llmSpanIndex: c.spanIndex });
  const seenInInput: ToolExecution[] = [];
  const unexecuted: { request: ToolCallRequest; llmSpanIndex: number }[] = [];
  const usedAgents = new Set<number>();
  for (const u of scope.unexecuted) {
    const seen = u.request.id === undefined ? undefined : results.get(u.request.id);
    if (seen !== undefined && seen.llmSpanIndex !== u.llmSpanIndex) {
      const exec: ToolExecution = {
        spanIndex: u.llmSpanIndex,
        name: u.request.name,
        status: 'unset',
        requestedBy: u.llmSpanIndex,
        callId: u.request.id,
        result: seen.text,
      };
      seenInInput.push(u.request.arguments === undefined ? exec : { ...exec, arguments: u.request.arguments });
      continue;
    }
    const agent = answeringAgent(trace, scope, u, usedAgents);
    if (agent !== undefined) {
      usedAgents.add(agent);
      continue;
    }
    unexecuted.push(u);
  }
  return { seenInInput, unexecuted };
}

function answeringAgent(trace: Trace, scope: RunScope, u: RunScope['unexecuted'][number], used: ReadonlySet<number>): number | undefined {
  const call = trace.spans[u.llmSpanIndex];
  const toolWords = splitIdentifier(u.request.name).filter((w) => !GENERIC.has(w));
  const after = scope.subAgents.filter((a) => !used.has(a.spanIndex) && trace.spans[a.spanIndex].startNs >= call.startNs);
  const inside = after.find((a) => a.spanIndex > call.index && a.spanIndex < call.subtreeEnd);
  if (inside) return inside.spanIndex;
  const named = after.find((a) => splitIdentifier(a.name).some((w) => toolWords.includes(w)));
  if (named) return named.spanIndex;
  const first = after[0];
  if (first === undefined) return undefined;
  const agentSpan = trace.spans[first.spanIndex];
  // Right after: no LLM call of the run outside that agent starts between the request and it.
  const between = scope.llmCalls.some((c) => {
    const s = trace.spans[c.spanIndex];
    const inAgent = c.spanIndex > agentSpan.index && c.spanIndex < agentSpan.subtreeEnd;
    return !inAgent && c.spanIndex !== u.llmSpanIndex && s.startNs > call.startNs && s.startNs < agentSpan.startNs;
  });
  return between ? undefined : first.spanIndex;
}
