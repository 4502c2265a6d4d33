import { describe, expect, it } from 'vitest';
import { messagesFrom } from '../../../src/core/semantics/messages';

// Shapes copied from the corpus files named in each case (Langfuse observation input/output).
describe('messagesFrom', () => {
  it('reads Anthropic content blocks, splitting tool results out of a user turn (claude-agent)', () => {
    expect(
      messagesFrom(
        '{"content":[{"type":"thinking","thinking":"hmm"},{"type":"text","text":"Checking."},{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Berlin"}}],"role":"assistant"}',
        'assistant',
      ),
    ).toEqual([{ role: 'assistant', text: 'Checking.', reasoning: 'hmm', toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: { city: 'Berlin' } }] }]);
    expect(
      messagesFrom([{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'Cloudy' }] }] }], 'user'),
    ).toEqual([{ role: 'tool', text: 'Cloudy', toolCalls: [], toolCallId: 'toolu_1' }]);
  });

  it('reads Gemini / Google ADK requests and responses (google-adk)', () => {
    const request = {
      model: 'gemini-2.0-flash',
      config: { system_instruction: 'Greet.' },
      contents: [
        { parts: [{ text: 'hi' }], role: 'user' },
        { parts: [{ function_call: { args: {}, name: 'say_hello' } }], role: 'model' },
        { parts: [{ function_response: { name: 'say_hello', response: { greeting: 'Hello' } } }], role: 'user' },
      ],
    };
    expect(messagesFrom(JSON.stringify(request), 'user')).toEqual([
      { role: 'system', text: 'Greet.', toolCalls: [] },
      { role: 'user', text: 'hi', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ name: 'say_hello', arguments: {} }] },
      { role: 'tool', text: '{"greeting":"Hello"}', toolCalls: [], name: 'say_hello' },
    ]);
    expect(messagesFrom('{"content":{"parts":[{"text":"Hello Langfuse!"}],"role":"model"},"finish_reason":"STOP","usage_metadata":{}}', 'assistant')).toEqual([
      { role: 'assistant', text: 'Hello Langfuse!', toolCalls: [], finishReason: 'STOP' },
    ]);
  });

  it('reads OpenAI Responses API items and response objects (openai-agents)', () => {
    expect(
      messagesFrom(
        [
          { content: 'Weather in Tokyo?', role: 'user' },
          { arguments: '{"city":"Tokyo"}', call_id: 'call_K', name: 'get_weather', type: 'function_call', id: 'fc_1' },
          { call_id: 'call_K', output: 'Sunny.', type: 'function_call_output' },
        ],
        'user',
      ),
    ).toEqual([
      { role: 'user', text: 'Weather in Tokyo?', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_K', name: 'get_weather', arguments: { city: 'Tokyo' } }] },
      { role: 'tool', text: 'Sunny.', toolCalls: [], toolCallId: 'call_K' },
    ]);
    const response = {
      id: 'resp_1',
      object: 'response',
      output: [
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'plan' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'It is sunny.', annotations: [] }] },
      ],
    };
    expect(messagesFrom(JSON.stringify(response), 'assistant')).toEqual([
      { role: 'assistant', text: '', reasoning: 'plan', toolCalls: [] },
      { role: 'assistant', text: 'It is sunny.', toolCalls: [] },
    ]);
  });

  it('reads LangChain serialised messages and role aliases (langgraph-js)', () => {
    const msgs = {
      messages: [
        { lc: 1, type: 'constructor', id: ['langchain_core', 'messages', 'HumanMessage'], kwargs: { content: 'Weather?' } },
        {
          lc: 1,
          type: 'constructor',
          id: ['langchain_core', 'messages', 'AIMessage'],
          kwargs: { content: '', tool_calls: [{ name: 'get_weather', args: { city: 'SF' }, id: 'call_V' }] },
        },
        {
          lc: 1,
          type: 'constructor',
          id: ['langchain_core', 'messages', 'ToolMessage'],
          kwargs: { content: 'Sunny', tool_call_id: 'call_V', name: 'get_weather' },
        },
      ],
    };
    expect(messagesFrom(msgs, 'user')).toEqual([
      { role: 'user', text: 'Weather?', toolCalls: [] },
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_V', name: 'get_weather', arguments: { city: 'SF' } }] },
      { role: 'tool', text: 'Sunny', toolCalls: [], toolCallId: 'call_V', name: 'get_weather' },
    ]);
  });

  it("reads Koog's tool calls written as JSON text in the content (koog)", () => {
    expect(
      messagesFrom(
        [
          {
            content: '[{"function":{"name":"HelloTool","arguments":"{\\"name\\": \\"Bob\\"}"},"id":"call_n2","type":"function"}]',
            role: 'assistant',
            finish_reason: 'tool_calls',
          },
        ],
        'assistant',
      ),
    ).toEqual([{ role: 'assistant', text: '', toolCalls: [{ id: 'call_n2', name: 'HelloTool', arguments: { name: 'Bob' } }], finishReason: 'tool_calls' }]);
  });

  it('reads bare tool request lists (Vercel toolCalls, any-agent) and double-encoded JSON', () => {
    expect(messagesFrom('[{"toolCallId":"call_D","toolName":"getWeather","input":"{\\"location\\":\\"SF\\"}"}]', 'assistant')).toEqual([
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_D', name: 'getWeather', arguments: { location: 'SF' } }] },
    ]);
    expect(messagesFrom(JSON.stringify(JSON.stringify([{ role: 'user', content: 'hi' }])), 'user')).toEqual([{ role: 'user', text: 'hi', toolCalls: [] }]);
  });

  it('reads wrappers: {prompt}, {system, messages}, chat completion responses', () => {
    expect(messagesFrom('{"prompt":"Write a haiku."}', 'user')).toEqual([{ role: 'user', text: 'Write a haiku.', toolCalls: [] }]);
    expect(messagesFrom({ system: 'S', messages: [{ role: 'user', content: 'U' }] }, 'user')).toEqual([
      { role: 'system', text: 'S', toolCalls: [] },
      { role: 'user', text: 'U', toolCalls: [] },
    ]);
    expect(messagesFrom({ choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: 'A' } }] }, 'assistant')).toEqual([
      { role: 'assistant', text: 'A', toolCalls: [], finishReason: 'stop' },
    ]);
  });

  it('keeps text that is not a message shape as the text it is', () => {
    expect(messagesFrom('plain words', 'assistant')).toEqual([{ role: 'assistant', text: 'plain words', toolCalls: [] }]);
    expect(messagesFrom('{"steps":[1,2]}', 'assistant')).toEqual([{ role: 'assistant', text: '{"steps":[1,2]}', toolCalls: [] }]);
    expect(messagesFrom({ steps: [1, 2] }, 'assistant')).toEqual([]);
    expect(messagesFrom(undefined, 'user')).toEqual([]);
  });

  it('does not let trace keys reach Object.prototype', () => {
    const msgs = messagesFrom('[{"role":"__proto__","content":"x","__proto__":{"polluted":true}}]', 'user');
    expect(msgs[0].role).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
