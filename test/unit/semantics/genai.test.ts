import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../../../src/core/model/attributes';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { readGenAi } from '../../../src/core/semantics/genai';
import { buildTrace, factsOf, indexOf } from './buildTrace';

const mapPath = join(__dirname, '../../fixtures/corpus/attribute-maps/otel-genai-chat-span-tool-calls.json');
const genaiMap = JSON.parse(readFileSync(mapPath, 'utf8')) as Record<string, AttrValue>;

// The attribute map is one OTel GenAI chat span (Arize openinference-genai test fixture):
// a user question, an assistant turn that called get_weather (id 1234), the tool's answer,
// and the model's final text. Expected values are read off the JSON file.
describe('OTel GenAI chat span (attribute-map fixture)', () => {
  const trace = buildTrace([{ id: 1, name: 'chat gpt-4', start: 0, end: 900, attrs: genaiMap }]);
  const view = deriveAgentView(trace);
  const call = view.llmCalls[0];

  it('is one LLM call with model, provider and usage', () => {
    expect(view.spans[0]).toMatchObject({ category: 'llm', convention: 'genai' });
    expect(view.llmCalls).toHaveLength(1);
    expect(call.model).toBe('gpt-4-0613'); // gen_ai.response.model wins over gen_ai.request.model
    expect(call.provider).toBe('openai');
    expect(call.usage).toEqual({ input: 97, output: 52 });
  });

  it('parses the JSON input messages, tool call and tool response included', () => {
    expect(call.input).toEqual([
      { role: 'user', text: 'Weather in Paris?', toolCalls: [] },
      {
        role: 'assistant',
        text: 'Absolutely! Let me check the weather for you.',
        toolCalls: [{ id: '1234', name: 'get_weather', arguments: { location: 'Paris' } }],
      },
      { role: 'tool', text: 'rainy, 57°F', toolCalls: [], toolCallId: '1234' },
    ]);
  });

  it('parses the output message with its finish reason', () => {
    expect(call.output).toEqual([
      { role: 'assistant', text: 'The weather in Paris is currently rainy with a temperature of 57°F.', toolCalls: [], finishReason: 'stop' },
    ]);
    expect(view.finalAnswer).toBe('The weather in Paris is currently rainy with a temperature of 57°F.');
  });

  it('prices it from the table (gpt-4-0613 → gpt-4 at $30 / $60 per 1M)', () => {
    // (97 × 30 + 52 × 60) / 1e6 = (2910 + 3120) / 1e6 = 0.00603
    expect(call.cost).toMatchObject({ source: 'price-table', priceKey: 'gpt-4' });
    expect(call.cost.usd).toBeCloseTo(0.00603, 12);
    expect(view.costUsd).toBeCloseTo(0.00603, 12);
  });

  it('reports where each field came from', () => {
    const fields = Object.fromEntries(view.spans[0].fields.map((f) => [f.field, f.from ?? `MISSING: ${f.missing}`]));
    expect(fields).toMatchObject({
      category: 'gen_ai.operation.name = chat',
      model: 'gen_ai.response.model',
      provider: 'gen_ai.provider.name',
      'usage.input': 'gen_ai.usage.input_tokens',
      'usage.output': 'gen_ai.usage.output_tokens',
      input: 'gen_ai.input.messages',
      output: 'gen_ai.output.messages',
    });
    expect(fields.cost).toContain('built-in price table');
  });
});

describe('OTel GenAI variants', () => {
  it('adds gen_ai.system_instructions as a leading system message', () => {
    const f = factsOf({
      'gen_ai.operation.name': 'chat',
      'gen_ai.system_instructions': '[{"type":"text","content":"Be brief."}]',
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Hi"}]}]',
    });
    expect(readGenAi(f)!.input!.get()).toEqual([
      { role: 'system', text: 'Be brief.', toolCalls: [] },
      { role: 'user', text: 'Hi', toolCalls: [] },
    ]);
  });

  it('reads reasoning parts and tool_call_response `result` (the registry example spelling)', () => {
    const f = factsOf({
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': '[{"role":"tool","parts":[{"type":"tool_call_response","id":"c1","result":{"temp":12}}]}]',
      'gen_ai.output.messages':
        '[{"role":"assistant","finish_reason":"stop","parts":[{"type":"reasoning","content":"think"},{"type":"text","content":"It is 12."}]}]',
    });
    const r = readGenAi(f)!;
    expect(r.input!.get()).toEqual([{ role: 'tool', text: '{"temp":12}', toolCalls: [], toolCallId: 'c1' }]);
    expect(r.output!.get()).toEqual([{ role: 'assistant', text: 'It is 12.', reasoning: 'think', toolCalls: [], finishReason: 'stop' }]);
  });

  it('reads chat-completions style messages (as any-agent writes them)', () => {
    const f = factsOf({
      'gen_ai.operation.name': 'chat',
      'gen_ai.input.messages': JSON.stringify([
        { role: 'system', content: 'sys' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'x1', type: 'function', function: { name: 'lookup', arguments: '{"q":"a"}' } }] },
        { role: 'tool', tool_call_id: 'x1', content: 'found' },
      ]),
    });
    expect(readGenAi(f)!.input!.get()).toEqual([
      { role: 'system', text: 'sys', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ id: 'x1', name: 'lookup', arguments: { q: 'a' } }] },
      { role: 'tool', text: 'found', toolCalls: [], toolCallId: 'x1' },
    ]);
  });

  it('reads the older per-message span events', () => {
    const f = factsOf({ 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o-mini' }, 'chat gpt-4o-mini', [
      { name: 'gen_ai.system.message', attrs: { content: 'You are terse.' } },
      { name: 'gen_ai.user.message', attrs: { content: 'Weather?' } },
      { name: 'gen_ai.assistant.message', attrs: { tool_calls: '[{"id":"t1","type":"function","function":{"name":"weather","arguments":"{}"}}]' } },
      { name: 'gen_ai.tool.message', attrs: { id: 't1', content: 'sunny' } },
      { name: 'gen_ai.choice', attrs: { index: 0, finish_reason: 'stop', message: '{"role":"assistant","content":"Sunny."}' } },
    ]);
    const r = readGenAi(f)!;
    expect(r.weakCategory).toEqual({ value: 'llm', from: 'span name "chat gpt-4o-mini"' });
    expect(r.input!.from).toBe('gen_ai.system.message, gen_ai.user.message, gen_ai.assistant.message, gen_ai.tool.message events');
    expect(r.input!.get()).toEqual([
      { role: 'system', text: 'You are terse.', toolCalls: [] },
      { role: 'user', text: 'Weather?', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ id: 't1', name: 'weather', arguments: {} }] },
      { role: 'tool', text: 'sunny', toolCalls: [], toolCallId: 't1' },
    ]);
    expect(r.output!.get()).toEqual([{ role: 'assistant', text: 'Sunny.', toolCalls: [], finishReason: 'stop' }]);
  });

  it('reads the v1.37+ inference details event', () => {
    const f = factsOf({ 'gen_ai.operation.name': 'chat' }, 'chat m', [
      {
        name: 'gen_ai.client.inference.operation.details',
        attrs: {
          'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"Q"}]}]',
          'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"A"}],"finish_reason":"stop"}]',
        },
      },
    ]);
    const r = readGenAi(f)!;
    expect(r.input!.get()).toEqual([{ role: 'user', text: 'Q', toolCalls: [] }]);
    expect(r.output!.get()).toEqual([{ role: 'assistant', text: 'A', toolCalls: [], finishReason: 'stop' }]);
  });

  it('reads flattened gen_ai.prompt.<i> / gen_ai.completion.<i> attributes with tool calls', () => {
    const f = factsOf({
      'gen_ai.operation.name': 'chat',
      'gen_ai.prompt.0.role': 'user',
      'gen_ai.prompt.0.content': 'Book it',
      'gen_ai.completion.0.role': 'assistant',
      'gen_ai.completion.0.finish_reason': 'tool_calls',
      'gen_ai.completion.0.tool_calls.0.id': 'call_9',
      'gen_ai.completion.0.tool_calls.0.name': 'book',
      'gen_ai.completion.0.tool_calls.0.arguments': '{"room":2}',
    });
    const r = readGenAi(f)!;
    expect(r.input!.get()).toEqual([{ role: 'user', text: 'Book it', toolCalls: [] }]);
    expect(r.output!.get()).toEqual([
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_9', name: 'book', arguments: { room: 2 } }], finishReason: 'tool_calls' },
    ]);
  });

  it('reads deprecated usage names and gen_ai.system', () => {
    const t = buildTrace([
      {
        id: 1,
        name: 'chat',
        start: 0,
        attrs: {
          'gen_ai.operation.name': 'text_completion',
          'gen_ai.system': 'az.ai.openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.prompt_tokens': 10,
          'gen_ai.usage.completion_tokens': 5,
        },
      },
    ]);
    const c = deriveAgentView(t).llmCalls[0];
    expect(c).toMatchObject({ provider: 'az.ai.openai', model: 'gpt-4o', usage: { input: 10, output: 5 } });
  });

  it('reads cache and reasoning token counts', () => {
    const t = buildTrace([
      {
        id: 1,
        name: 'chat',
        start: 0,
        attrs: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.model': 'o3',
          'gen_ai.usage.input_tokens': 1000,
          'gen_ai.usage.output_tokens': 300,
          'gen_ai.usage.cache_read.input_tokens': 800,
          'gen_ai.usage.reasoning.output_tokens': 200,
        },
      },
    ]);
    const v = deriveAgentView(t);
    expect(v.llmCalls[0].usage).toEqual({ input: 1000, output: 300, cachedInput: 800, reasoning: 200 });
    // o3 ($2 in, $0.50 cached, $8 out): (200 × 2 + 800 × 0.5 + 300 × 8) / 1e6 = (400 + 400 + 2400) / 1e6
    expect(v.costUsd).toBeCloseTo(0.0032, 12);
    expect(v.tokens).toEqual({ input: 1000, output: 300, cachedInput: 800, reasoning: 200, total: 1300 });
  });

  it('classifies by span name when gen_ai.operation.name is missing, but not a bare "chat …" name', () => {
    const t = buildTrace([
      { id: 1, name: 'invoke_agent planner', start: 0, end: 10 },
      { id: 2, parent: 1, name: 'execute_tool get_weather', start: 1, attrs: { 'gen_ai.tool.call.id': 'c' } },
      { id: 3, parent: 1, name: 'chat room', start: 2 },
    ]);
    const v = deriveAgentView(t);
    expect(v.spans.map((s) => s.category)).toEqual(['agent', 'tool', 'other']);
    expect(v.toolExecutions[0]).toMatchObject({ name: 'get_weather', callId: 'c' });
  });

  it('treats unknown operation names as unclassified and says so', () => {
    const t = buildTrace([{ id: 1, name: 'x', start: 0, attrs: { 'gen_ai.operation.name': 'teleport' } }]);
    const v = deriveAgentView(t);
    expect(v.spans[0].category).toBe('other');
    expect(v.spans[0].fields[0].missing).toContain('teleport is not a known operation');
  });

  it('reads any-agent extras: gen_ai.output tool lists and text, gen_ai.tool.args, cost attributes', () => {
    const t = buildTrace([
      { id: 1, name: 'invoke_agent [a]', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'a' } },
      {
        id: 2,
        parent: 1,
        name: 'call_llm m',
        start: 1,
        end: 10,
        attrs: {
          'gen_ai.operation.name': 'call_llm',
          'gen_ai.request.model': 'mistral/mistral-small-latest',
          'gen_ai.output': '[{"tool.name": "lookup", "tool.args": {"q": "x"}}]',
          'gen_ai.output.type': 'json',
          'gen_ai.usage.input_tokens': 100,
          'gen_ai.usage.output_tokens': 10,
          'gen_ai.usage.input_cost': 0.001,
          'gen_ai.usage.output_cost': 0.0005,
        },
      },
      {
        id: 3,
        parent: 1,
        name: 'execute_tool lookup',
        start: 11,
        end: 12,
        attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup', 'gen_ai.tool.args': '{"q": "x"}', 'gen_ai.output': '{"hits": 3}' },
      },
      {
        id: 4,
        parent: 1,
        name: 'call_llm m',
        start: 13,
        end: 20,
        attrs: {
          'gen_ai.operation.name': 'call_llm',
          'gen_ai.request.model': 'mistral/mistral-small-latest',
          'gen_ai.output': '{"answer": 3}',
          'gen_ai.output.type': 'text',
        },
      },
    ]);
    const v = deriveAgentView(t);
    expect(v.llmCalls[0].output).toEqual([{ role: 'assistant', text: '', toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] }]);
    expect(v.llmCalls[0].cost).toEqual({ usd: 0.0015, source: 'vendor' });
    expect(v.toolExecutions[0]).toMatchObject({ name: 'lookup', arguments: { q: 'x' }, result: { hits: 3 }, requestedBy: indexOf(t, 2) });
    // JSON text that is not a message shape is the answer as written.
    expect(v.finalAnswer).toBe('{"answer": 3}');
  });

  it('marks a tool with error.type as failed, and keeps an OK tool with an error payload ok', () => {
    const t = buildTrace([
      { id: 1, name: 'execute_tool a', start: 0, attrs: { 'gen_ai.operation.name': 'execute_tool', 'error.type': 'TimeoutError' } },
      {
        id: 2,
        name: 'execute_tool b',
        start: 1,
        status: 'ok',
        attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.call.result': '{"error":"no such city"}' },
      },
      { id: 3, name: 'execute_tool c', start: 2, status: 'error', statusMessage: 'boom', attrs: { 'gen_ai.operation.name': 'execute_tool' } },
    ]);
    const tools = deriveAgentView(t).toolExecutions;
    expect(tools.map((x) => [x.name, x.status, x.error])).toEqual([
      ['a', 'error', 'TimeoutError'],
      ['b', 'ok', undefined],
      ['c', 'error', 'boom'],
    ]);
  });

  it('explains empty content: capture was probably off', () => {
    const t = buildTrace([{ id: 1, name: 'chat gpt-4o', start: 0, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } }]);
    const v = deriveAgentView(t);
    const input = v.spans[0].fields.find((f) => f.field === 'input')!;
    expect(input.missing).toContain('no gen_ai.input.messages');
    expect(input.missing).toContain('content capture was probably off');
    expect(v.spans[0].fields.find((f) => f.field === 'cost')).toEqual({ field: 'cost', missing: 'no token counts' });
  });
});
