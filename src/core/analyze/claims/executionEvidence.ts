import type { Trace } from '../../model/trace';
import type { AgentView, ToolCallRequest, ToolExecution } from '../../semantics/types';
import type { RunScope } from './runScope';
import { splitIdentifier } from './verbs';

/**
 * Tool requests of a run that have no execution span but other proof that they ran:
 * - their result is in a later LLM call's input: a `role: tool` message (or an Anthropic
 *   `tool_result` block, which the semantics reads as one) carrying the request's call id. Such a
 *   request counts as executed, with the result the model was shown ("no span; result seen in
 *   the next call"), so claims can be checked against it;
 * - a sub-agent answered it (agents as tools, hand-offs): an agent span of the run inside the
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

export function executionEvidence(trace: Trace, view: AgentView, scope: RunScope): ExecutionEvidence {
  if (scope.unexecuted.length === 0) return { seenInInput: [], unexecuted: [] };
  const agents = agentSpans(trace, view, scope);
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
    const agent = answeringAgent(trace, scope, agents, u, usedAgents);
    if (agent !== undefined) {
      usedAgents.add(agent);
      continue;
    }
    unexecuted.push(u);
  }
  return { seenInInput, unexecuted };
}

/** Agent spans nested in the run (not the run's own), in span order, with their names. */
function agentSpans(trace: Trace, view: AgentView, scope: RunScope): { name: string; spanIndex: number }[] {
  if (scope.runSpanIndex === undefined) return [];
  const run = trace.spans[scope.runSpanIndex];
  const out: { name: string; spanIndex: number }[] = [];
  for (let i = run.index + 1; i < run.subtreeEnd; i++) {
    if (view.spans[i].category !== 'agent') continue;
    const s = trace.spans[i];
    const name = s.attributes.getString('gen_ai.agent.name') ?? s.name.replace(/^invoke_agent\s+/, '');
    out.push({ name, spanIndex: i });
  }
  return out;
}

function answeringAgent(
  trace: Trace,
  scope: RunScope,
  agents: readonly { name: string; spanIndex: number }[],
  u: RunScope['unexecuted'][number],
  used: ReadonlySet<number>,
): number | undefined {
  const call = trace.spans[u.llmSpanIndex];
  const toolWords = splitIdentifier(u.request.name).filter((w) => !GENERIC.has(w));
  const after = agents.filter((a) => !used.has(a.spanIndex) && trace.spans[a.spanIndex].startNs >= call.startNs);
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
