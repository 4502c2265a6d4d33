import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from './buildTrace';

const L = 'langfuse.observation.';

describe('Langfuse observations (attributes as the Langfuse importer writes them)', () => {
  // span-1 SPAN "run" (trace root)
  // ├─ span-2 GENERATION, only Langfuse fields (LangChain-style output asking for get_weather)
  // ├─ span-3 TOOL get_weather, input wrapped as {"input": …}
  // └─ span-4 GENERATION wrapping span-5, an OTel chat span: only the inner one is a call
  //    └─ span-5 chat gpt-5-mini (gen_ai.*)
  const trace = buildTrace([
    { id: 1, name: 'run', start: 0, end: 100, attrs: { [L + 'type']: 'SPAN', 'langfuse.trace.output': '"It is sunny."' } },
    {
      id: 2,
      parent: 1,
      name: 'ChatOpenAI',
      start: 1,
      end: 10,
      attrs: {
        [L + 'type']: 'GENERATION',
        [L + 'model.name']: 'gpt-5-mini-2025-08-07',
        [L + 'usage_details.input']: 142,
        [L + 'usage_details.input_cache_read']: 100,
        [L + 'usage_details.output']: 35,
        [L + 'usage_details.output_reasoning']: 64,
        [L + 'usage_details.total']: 341,
        [L + 'cost_details.input']: 0.00001,
        [L + 'cost_details.total']: 0.0002,
        [L + 'input']: '[{"content":"Weather in SF?","role":"user"}]',
        [L + 'output']:
          '{"content":"","role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"SF\\"}"}}]}',
      },
    },
    {
      id: 3,
      parent: 1,
      name: 'get_weather',
      start: 11,
      end: 12,
      attrs: {
        [L + 'type']: 'TOOL',
        [L + 'input']: '{"input":{"city":"SF"}}',
        [L + 'output']: '"sunny"',
        [L + 'level']: 'ERROR',
        [L + 'status_message']: 'rate limited',
      },
    },
    {
      id: 4,
      parent: 1,
      name: 'generation',
      start: 13,
      end: 30,
      attrs: { [L + 'type']: 'GENERATION', [L + 'usage_details.input']: 50, [L + 'usage_details.output']: 5, [L + 'cost_details.total']: 0.001 },
    },
    {
      id: 5,
      parent: 4,
      name: 'chat gpt-5-mini',
      start: 14,
      end: 29,
      attrs: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-5-mini',
        'gen_ai.usage.input_tokens': 50,
        'gen_ai.usage.output_tokens': 5,
        [L + 'type']: 'GENERATION',
        [L + 'cost_details.total']: 0,
      },
    },
  ]);
  const view = deriveAgentView(trace);

  it('counts the innermost LLM span only when one wraps another', () => {
    expect(view.llmCalls.map((c) => c.spanIndex)).toEqual([indexOf(trace, 2), indexOf(trace, 5)]);
    expect(view.spans[indexOf(trace, 4)].category).toBe('llm');
    expect(view.spans[indexOf(trace, 4)].fields.find((f) => f.field === 'usage')?.missing).toContain('not counted');
    expect(view.tokens).toMatchObject({ input: 142 + 100 + 50, output: 35 + 64 + 5 });
  });

  it('sums usage detail keys the way Langfuse does (input*, output*) and keeps the cache and reasoning split', () => {
    expect(view.llmCalls[0].usage).toEqual({ input: 242, output: 99, cachedInput: 100, reasoning: 64, total: 341 });
    expect(view.llmCalls[0].model).toBe('gpt-5-mini-2025-08-07');
    expect(view.llmCalls[0].cost).toEqual({ usd: 0.0002, source: 'vendor' });
  });

  it('reads messages from the observation input and output', () => {
    expect(view.llmCalls[0].input).toEqual([{ role: 'user', text: 'Weather in SF?', toolCalls: [] }]);
    expect(view.llmCalls[0].output).toEqual([{ role: 'assistant', text: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'SF' } }] }]);
  });

  it('reads TOOL observations: name, unwrapped arguments, result, ERROR level', () => {
    expect(view.toolExecutions[0]).toMatchObject({
      name: 'get_weather',
      arguments: { city: 'SF' },
      result: 'sunny',
      status: 'error',
      error: 'rate limited',
      requestedBy: indexOf(trace, 2),
    });
  });

  it('ignores a Langfuse $0 next to real tokens and prices from the table instead', () => {
    // gpt-5-mini ($0.25 / $2): (50 × 0.25 + 5 × 2) / 1e6 = 22.5 / 1e6
    const c = view.llmCalls[1];
    expect(c.cost).toMatchObject({ source: 'price-table', priceKey: 'gpt-5-mini' });
    expect(c.cost.usd).toBeCloseTo(22.5e-6, 12);
    expect(view.costUsd).toBeCloseTo(0.0002 + 22.5e-6, 12);
  });

  it('runs the trace as one implicit run at the root', () => {
    expect(view.runs).toHaveLength(1);
    expect(view.runs[0]).toMatchObject({ spanIndex: 0, name: 'run' });
    expect(view.spans[0].fields).toContainEqual({ field: 'run', from: 'implicit run: LLM calls or tools below this root are outside every agent span' });
  });
});

describe('Langfuse type versus OTel conventions', () => {
  it('lets the Vercel operation id overrule a GENERATION type on an ai.generateText wrapper', () => {
    const trace = buildTrace([
      {
        id: 1,
        name: 'ai.generateText',
        start: 0,
        end: 10,
        attrs: { 'ai.operationId': 'ai.generateText', [L + 'type']: 'GENERATION', [L + 'usage_details.input']: 14, [L + 'usage_details.output']: 43 },
      },
      {
        id: 2,
        parent: 1,
        name: 'ai.generateText.doGenerate',
        start: 1,
        end: 9,
        attrs: {
          'ai.operationId': 'ai.generateText.doGenerate',
          'ai.model.id': 'gpt-5',
          [L + 'type']: 'GENERATION',
          [L + 'usage_details.input']: 62,
          [L + 'usage_details.output']: 85,
        },
      },
    ]);
    const view = deriveAgentView(trace);
    expect(view.spans.map((s) => [s.category, s.convention])).toEqual([
      ['agent', 'vercel-ai'],
      ['llm', 'vercel-ai'],
    ]);
    expect(view.tokens).toMatchObject({ input: 62, output: 85 });
  });

  it('does not make a create_agent span an agent run although Langfuse typed it AGENT (Koog)', () => {
    const trace = buildTrace([
      { id: 1, name: 'agent.x', start: 0, end: 10, attrs: { 'gen_ai.operation.name': 'create_agent', [L + 'type']: 'AGENT' } },
      { id: 2, parent: 1, name: 'run.y', start: 1, end: 9, attrs: { 'gen_ai.operation.name': 'invoke_agent', [L + 'type']: 'AGENT' } },
      { id: 3, parent: 2, name: 'llm.chat', start: 2, end: 8, attrs: { 'gen_ai.operation.name': 'chat', [L + 'type']: 'GENERATION' } },
    ]);
    const view = deriveAgentView(trace);
    expect(view.spans.map((s) => s.category)).toEqual(['other', 'agent', 'llm']);
    expect(view.runs.map((r) => r.spanIndex)).toEqual([1]);
  });
});
