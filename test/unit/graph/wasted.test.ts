import { describe, expect, it } from 'vitest';
import { wastedBy } from '../../../src/core/analyze/graph/wasted';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace } from '../semantics/buildTrace';
import { agent, chat, tool } from '../timeline/fixtures';

describe('wastedBy', () => {
  it('prices the requesting calls of the repeats (gpt-4o: 1000 in, 100 out)', () => {
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
      { id: 2, parent: 1, name: 'chat', start: 1, end: 5, attrs: chat({ model: 'gpt-4o', input: 1000, output: 100, calls: [['search', 'c1', { q: 1 }]] }) },
      { id: 3, parent: 1, name: 'execute_tool search', start: 6, end: 7, attrs: tool('search', 'c1', { q: 1 }) },
    ]);
    const view = deriveAgentView(trace);
    const w = wastedBy(view, [], view.toolExecutions);
    expect(w.tokens).toBe(1100);
    expect(w.costUsd).toBe(view.llmCalls[0].cost.usd);
    expect(w.costUsd).not.toBeNull();
  });

  it('is unknown, not $0, when no call is known to have requested the repeats', () => {
    // Tool spans with no LLM call at all: nothing says what the repeats cost.
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent main', start: 0, end: 100, attrs: agent('main') },
      { id: 2, parent: 1, name: 'execute_tool search', start: 1, end: 2, attrs: tool('search', 'c1', { q: 1 }) },
      { id: 3, parent: 1, name: 'execute_tool search', start: 3, end: 4, attrs: tool('search', 'c2', { q: 1 }) },
    ]);
    const view = deriveAgentView(trace);
    expect(view.toolExecutions.length).toBe(2);
    expect(wastedBy(view, [], view.toolExecutions)).toEqual({ tokens: 0, costUsd: null });
  });
});
