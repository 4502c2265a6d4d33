import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace } from './buildTrace';

/**
 * Producer variants of messages and tool fields (issue 11 defects 5–7).
 *
 * pydantic-ai's message events, as its InstrumentedModel writes them (issue 11 defect 5): as an
 * `events` JSON attribute (event_mode='attributes') and as span events whose `gen_ai.choice`
 * body is `{index, message: {role, content}}`. The expected messages are the bodies' own text.
 */
describe('pydantic-ai message events', () => {
  const events = [
    { 'event.name': 'gen_ai.system.message', content: 'Be concise, reply with one sentence.', role: 'system', 'gen_ai.system': 'openai' },
    { 'event.name': 'gen_ai.user.message', content: 'Where does "hello world" come from?', role: 'user', 'gen_ai.system': 'openai' },
    {
      'event.name': 'gen_ai.choice',
      index: 0,
      message: { role: 'assistant', content: 'It first appeared in a 1974 Bell Labs memo by Brian Kernighan.' },
      'gen_ai.system': 'openai',
    },
  ];
  const chat = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.system': 'openai',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.usage.input_tokens': 57,
    'gen_ai.usage.output_tokens': 18,
  };

  it('reads the `events` attribute: input from the message events, output unwrapped from the choice', () => {
    const view = deriveAgentView(buildTrace([{ id: 1, name: 'chat gpt-4o', start: 0, end: 1, attrs: { ...chat, events: JSON.stringify(events) } }]));
    const call = view.llmCalls[0];
    expect(call.input.map((m) => [m.role, m.text])).toEqual([
      ['system', 'Be concise, reply with one sentence.'],
      ['user', 'Where does "hello world" come from?'],
    ]);
    expect(call.output.map((m) => [m.role, m.text])).toEqual([['assistant', 'It first appeared in a 1974 Bell Labs memo by Brian Kernighan.']]);
    expect(view.spans[0].fields.find((f) => f.field === 'output')?.from).toContain('events');
  });

  it('unwraps a gen_ai.choice span event whose body is {index, message}', () => {
    const body = JSON.stringify({ index: 0, message: { role: 'assistant', content: 'Kernighan, 1974.' } });
    const view = deriveAgentView(
      buildTrace([{ id: 1, name: 'chat gpt-4o', start: 0, end: 1, attrs: chat, events: [{ name: 'gen_ai.choice', attrs: { 'event.body': body } }] }]),
    );
    expect(view.llmCalls[0].output.map((m) => [m.role, m.text])).toEqual([['assistant', 'Kernighan, 1974.']]);
  });
});

describe('a lone choice object in an output attribute', () => {
  it('is unwrapped, not shown as its JSON', () => {
    const out = JSON.stringify([{ index: 0, message: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' }]);
    const view = deriveAgentView(
      buildTrace([
        { id: 1, name: 'chat m', start: 0, end: 1, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.output.messages': out } },
      ]),
    );
    expect(view.llmCalls[0].output.map((m) => [m.role, m.text, m.finishReason])).toEqual([['assistant', 'Done.', 'stop']]);
  });
});

describe('tool definitions sent as messages (Langfuse LangChain callback)', () => {
  it('are listed as the tools offered, not as tool results', () => {
    const input = JSON.stringify([
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'tool', content: { type: 'function', function: { name: 'get_weather', description: 'Get the weather for a city', parameters: {} } } },
      { role: 'tool', content: { type: 'function', function: { name: 'book_table', parameters: {} } } },
      { role: 'user', content: 'Weather in Paris?' },
    ]);
    const view = deriveAgentView(
      buildTrace([
        { id: 1, name: 'chat m', start: 0, end: 1, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.input.messages': input } },
      ]),
    );
    const msgs = view.llmCalls[0].input;
    expect(msgs.map((m) => m.role)).toEqual(['system', 'tools', 'user']);
    expect(msgs[1].text).toBe('Tools offered:\nget_weather — Get the weather for a city\nbook_table');
    expect(msgs.some((m) => m.role === 'tool')).toBe(false);
  });
});

describe('tool arguments and results under non-semconv keys', () => {
  it.each([
    ['gen_ai.tool.input', 'gen_ai.tool.output'],
    ['gcp.vertex.agent.tool_call_args', 'gcp.vertex.agent.tool_response'],
    ['tool.input', 'tool.output'],
  ])('reads %s / %s', (inKey, outKey) => {
    const view = deriveAgentView(
      buildTrace([
        {
          id: 1,
          name: 'execute_tool get_weather',
          start: 0,
          end: 1,
          attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather', [inKey]: '{"city":"Paris"}', [outKey]: '{"temp_c":21}' },
        },
      ]),
    );
    expect(view.toolExecutions[0]).toMatchObject({ name: 'get_weather', arguments: { city: 'Paris' }, result: { temp_c: 21 } });
  });
});

describe('thinking tokens counted only in the total', () => {
  const chat = (extra: Record<string, number>) => ({
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': 'gemini-2.5-flash',
    'gen_ai.usage.input_tokens': 100,
    'gen_ai.usage.output_tokens': 20,
    ...extra,
  });

  it('become reasoning tokens, part of the output, with the source in the mapping report', () => {
    // total 250 = 100 in + 20 out + 130 thinking
    const view = deriveAgentView(buildTrace([{ id: 1, name: 'chat', start: 0, end: 1, attrs: chat({ 'gen_ai.usage.total_tokens': 250 }) }]));
    expect(view.llmCalls[0].usage).toMatchObject({ input: 100, output: 150, reasoning: 130, total: 250 });
    expect(view.spans[0].fields.find((f) => f.field === 'usage.reasoning')?.from).toContain('thinking tokens counted only in the total');
  });

  it('are not invented when the total adds up, or a cache count explains the gap', () => {
    const exact = deriveAgentView(buildTrace([{ id: 1, name: 'chat', start: 0, end: 1, attrs: chat({ 'gen_ai.usage.total_tokens': 120 }) }]));
    expect(exact.llmCalls[0].usage.reasoning).toBeUndefined();
    const cached = deriveAgentView(
      buildTrace([{ id: 1, name: 'chat', start: 0, end: 1, attrs: chat({ 'gen_ai.usage.total_tokens': 250, 'gen_ai.usage.cache_read.input_tokens': 130 }) }]),
    );
    expect(cached.llmCalls[0].usage.reasoning).toBeUndefined();
    expect(cached.llmCalls[0].usage.output).toBe(20);
  });
});

describe('older any-agent output shapes (genai.output)', () => {
  const call = (out: string) =>
    deriveAgentView(
      buildTrace([
        {
          id: 1,
          name: 'call_llm gpt-4.1-mini',
          start: 0,
          end: 1,
          attrs: { 'gen_ai.operation.name': 'call_llm', 'gen_ai.request.model': 'gpt-4.1-mini', 'genai.output': out },
        },
      ]),
    ).llmCalls[0];

  it('reads [{name, arguments}] as tool requests (TinyAgent)', () => {
    const c = call('[{"name": "write_file", "arguments": "{\\"text\\":\\"2025\\"}"}]');
    expect(c.output.flatMap((m) => m.toolCalls).map((t) => [t.name, t.arguments])).toEqual([['write_file', { text: '2025' }]]);
    expect(c.output.map((m) => m.text).join('')).toBe('');
  });

  it('reads a bare chat-completions tool_calls list (agno)', () => {
    const c = call('[{"id": "call_1", "type": "function", "function": {"name": "get_time", "arguments": "{}"}}]');
    expect(c.output.flatMap((m) => m.toolCalls).map((t) => [t.id, t.name])).toEqual([['call_1', 'get_time']]);
  });

  it('reads a LlamaIndex ChatMessage with text blocks', () => {
    const c = call('{"role":"assistant","additional_kwargs":{},"blocks":[{"block_type":"text","text":"It is 2025."}]}');
    expect(c.output.map((m) => [m.role, m.text])).toEqual([['assistant', 'It is 2025.']]);
  });
});

describe('nested LLM observations (a wrapper generation around the leaf call, agno in Langfuse)', () => {
  const agent = { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weather' };
  const wrapper = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.input.messages': JSON.stringify([{ role: 'user', content: 'Weather in Paris?' }]),
    'gen_ai.output.messages': JSON.stringify([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_w', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    ]),
  };
  const leaf = (output: string) => ({
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.usage.input_tokens': 40,
    'gen_ai.usage.output_tokens': 9,
    'gen_ai.completion': output,
  });
  const view = (output: string) =>
    deriveAgentView(
      buildTrace([
        { id: 1, name: 'invoke_agent weather', start: 0, end: 10, attrs: agent },
        { id: 2, parent: 1, name: 'chat gpt-4o', start: 1, end: 5, attrs: wrapper },
        { id: 3, parent: 2, name: 'chat gpt-4o', start: 2, end: 4, attrs: leaf(output) },
        {
          id: 4,
          parent: 1,
          name: 'execute_tool get_weather',
          start: 6,
          end: 7,
          attrs: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather', 'gen_ai.tool.call.id': 'call_w' },
        },
      ]),
    );

  it('counts the leaf once, with its tokens, and takes the messages the wrapper holds structured', () => {
    const v = view('None');
    expect(v.llmCalls.length).toBe(1);
    expect(v.tokens).toMatchObject({ input: 40, output: 9 });
    const call = v.llmCalls[0];
    expect(call.input.map((m) => [m.role, m.text])).toEqual([['user', 'Weather in Paris?']]);
    expect(call.output.flatMap((m) => m.toolCalls).map((t) => [t.id, t.name])).toEqual([['call_w', 'get_weather']]);
    expect(call.output.some((m) => m.text === 'None')).toBe(false);
    // the wrapper's tool call is linked to its execution
    expect(v.toolExecutions[0].requestedBy).toBe(call.spanIndex);
  });

  it("keeps the leaf's own text and adds the tool call only the wrapper has", () => {
    const call = view('Let me look that up.').llmCalls[0];
    expect(call.output.map((m) => m.text)).toContain('Let me look that up.');
    expect(call.output.flatMap((m) => m.toolCalls).map((t) => t.name)).toEqual(['get_weather']);
  });
});

describe('placeholder answers', () => {
  it('are never the final answer', () => {
    const v = deriveAgentView(
      buildTrace([
        { id: 1, name: 'invoke_agent a', start: 0, end: 10, attrs: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'a' } },
        {
          id: 2,
          parent: 1,
          name: 'chat m',
          start: 1,
          end: 2,
          attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.completion': 'It is sunny.' },
        },
        {
          id: 3,
          parent: 1,
          name: 'chat m',
          start: 3,
          end: 4,
          attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.completion': 'None' },
        },
      ]),
    );
    expect(v.finalAnswer).toBe('It is sunny.');
  });
});
