import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from './buildTrace';

// OpenLLMetry ≤ 0.4x output (as in the corpus file ott-llmetry.json):
// span-1 "joke_agent.agent"   traceloop.span.kind=agent
// ├─ span-2 "openai.chat"     llm.request.type=chat, legacy flattened prompt/completion, legacy usage
// └─ span-3 "get_joke.tool"   traceloop.span.kind=tool, entity input/output
describe('OpenLLMetry / Traceloop', () => {
  const trace = buildTrace([
    {
      id: 1,
      name: 'joke_agent.agent',
      start: 0,
      end: 100,
      attrs: { 'traceloop.span.kind': 'agent', 'traceloop.entity.name': 'joke_agent', 'traceloop.entity.output': '{"outputs":"Why did the chicken…"}' },
    },
    {
      id: 2,
      parent: 1,
      name: 'openai.chat',
      start: 1,
      end: 10,
      attrs: {
        'llm.request.type': 'chat',
        'gen_ai.system': 'OpenAI',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.model': 'gpt-4o-mini-2024-07-18',
        'gen_ai.prompt.0.role': 'system',
        'gen_ai.prompt.0.content': 'Be funny.',
        'gen_ai.prompt.1.role': 'user',
        'gen_ai.prompt.1.content': '[{"type":"text","text":"A joke"}]',
        'gen_ai.completion.0.role': 'assistant',
        'gen_ai.completion.0.finish_reason': 'tool_calls',
        'gen_ai.completion.0.tool_calls.0.id': 'call_1',
        'gen_ai.completion.0.tool_calls.0.name': 'get_joke',
        'gen_ai.completion.0.tool_calls.0.arguments': '{"topic":"chickens"}',
        'gen_ai.usage.prompt_tokens': 30,
        'gen_ai.usage.completion_tokens': 12,
        'llm.usage.total_tokens': 42,
        'gen_ai.usage.cache_read_input_tokens': 0,
      },
    },
    {
      id: 3,
      parent: 1,
      name: 'get_joke.tool',
      start: 11,
      end: 12,
      attrs: {
        'traceloop.span.kind': 'tool',
        'traceloop.entity.name': 'get_joke',
        'traceloop.entity.input': '{"inputs":{},"kwargs":{"topic":"chickens"}}',
        'traceloop.entity.output': '"Why did the chicken…"',
      },
    },
  ]);
  const view = deriveAgentView(trace);

  it('classifies workflow, LLM and tool spans', () => {
    expect(view.spans.map((s) => [s.category, s.convention])).toEqual([
      ['agent', 'traceloop'],
      ['llm', 'traceloop'],
      ['tool', 'traceloop'],
    ]);
  });

  it('reads the legacy flattened content (parts as JSON text) and usage', () => {
    const c = view.llmCalls[0];
    expect(c.input).toEqual([
      { role: 'system', text: 'Be funny.', toolCalls: [] },
      { role: 'user', text: 'A joke', toolCalls: [] },
    ]);
    expect(c.output).toEqual([
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_1', name: 'get_joke', arguments: { topic: 'chickens' } }], finishReason: 'tool_calls' },
    ]);
    expect(c).toMatchObject({ model: 'gpt-4o-mini-2024-07-18', provider: 'OpenAI', usage: { input: 30, output: 12, total: 42, cachedInput: 0 } });
    const from = Object.fromEntries(view.spans[indexOf(trace, 2)].fields.map((f) => [f.field, f.from]));
    expect(from).toMatchObject({ input: 'gen_ai.prompt.<i>.*', output: 'gen_ai.completion.<i>.*', 'usage.input': 'gen_ai.usage.prompt_tokens' });
  });

  it('takes tool arguments from the entity input kwargs and links the tool by call id', () => {
    expect(view.toolExecutions[0]).toMatchObject({
      name: 'get_joke',
      arguments: { topic: 'chickens' },
      result: 'Why did the chicken…',
      requestedBy: indexOf(trace, 2),
    });
    expect(view.runs[0].iterations[0].unexecutedRequests).toEqual([]);
  });

  it('prices the legacy usage: gpt-4o-mini ($0.15 / $0.60): (30 × 0.15 + 12 × 0.60) / 1e6', () => {
    expect(view.costUsd).toBeCloseTo((4.5 + 7.2) / 1e6, 12);
  });
});
