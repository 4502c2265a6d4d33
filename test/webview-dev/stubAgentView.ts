/**
 * Used by the dev harness only while src/core/semantics/agentView.ts does not exist yet: a
 * minimal agent view (categories from a few well-known attributes, no messages) so corpus traces
 * render. build.mjs picks the real module as soon as it is there.
 */
import type { Trace } from '../../src/core/model/trace';
import type { AgentView, SpanCategory } from '../../src/core/semantics/types';

export function deriveAgentView(trace: Trace): AgentView {
  const spans = trace.spans.map((s) => {
    const op = s.attributes.getString('gen_ai.operation.name') ?? '';
    const oi = (s.attributes.getString('openinference.span.kind') ?? '').toLowerCase();
    const category: SpanCategory =
      op === 'chat' || op === 'text_completion' || op === 'generate_content' || oi === 'llm' ? 'llm'
      : op === 'execute_tool' || oi === 'tool' ? 'tool'
      : op === 'invoke_agent' || op === 'create_agent' || oi === 'agent' ? 'agent'
      : oi === 'retriever' ? 'retriever'
      : oi === 'embedding' ? 'embedding'
      : oi === 'chain' ? 'chain'
      : 'other';
    return { category, convention: 'none' as const, fields: [] };
  });
  return { spans, llmCalls: [], toolExecutions: [], runs: [], iterationCount: 0, tokens: { input: 0, output: 0 }, costUsd: null, unpricedModels: [] };
}
