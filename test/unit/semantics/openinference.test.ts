import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../../../src/core/model/attributes';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from './buildTrace';

const maps = join(__dirname, '../../fixtures/corpus/attribute-maps');
const oiMap = JSON.parse(readFileSync(join(maps, 'openinference-llm-span-tool-calls.json'), 'utf8')) as Record<string, AttrValue>;
const genaiMap = JSON.parse(readFileSync(join(maps, 'otel-genai-chat-span-tool-calls.json'), 'utf8')) as Record<string, AttrValue>;

// The attribute map is one OpenInference LLM span (Arize fixture) describing the same exchange
// as the GenAI map: user question, assistant turn calling get_weather (id 1234) with
// {"location":"Paris"}, the tool's answer, and the final text. Values are read off the file.
describe('OpenInference LLM span (attribute-map fixture)', () => {
  const view = deriveAgentView(buildTrace([{ id: 1, name: 'ChatCompletion', start: 0, attrs: oiMap }]));
  const call = view.llmCalls[0];

  it('is one LLM call with model, provider and token counts', () => {
    expect(view.spans[0]).toMatchObject({ category: 'llm', convention: 'openinference' });
    expect(call.model).toBe('gpt-4-0613');
    expect(call.provider).toBe('openai'); // llm.provider before llm.system
    expect(call.usage).toEqual({ input: 97, output: 52, total: 149 });
  });

  it('un-flattens input messages: contents parts, tool calls and the tool message', () => {
    expect(call.input).toEqual([
      { role: 'user', text: 'Weather in Paris?', toolCalls: [] },
      {
        role: 'assistant',
        text: 'Absolutely! Let me check the weather for you.',
        toolCalls: [{ id: '1234', name: 'get_weather', arguments: { location: 'Paris' } }],
      },
      { role: 'tool', text: 'rainy, 57°F', toolCalls: [], toolCallId: '1234' },
    ]);
    expect(call.output).toEqual([{ role: 'assistant', text: 'The weather in Paris is currently rainy with a temperature of 57°F.', toolCalls: [] }]);
  });

  it('reads the same conversation as the GenAI encoding of the same exchange', () => {
    const genai = deriveAgentView(buildTrace([{ id: 1, name: 'chat gpt-4', start: 0, attrs: genaiMap }])).llmCalls[0];
    expect(call.input).toEqual(genai.input);
    expect(call.output.map((m) => [m.role, m.text, m.toolCalls])).toEqual(genai.output.map((m) => [m.role, m.text, m.toolCalls]));
    expect(call.usage.input).toBe(genai.usage.input);
    expect(call.usage.output).toBe(genai.usage.output);
  });

  it('reports the flattened attributes as the source', () => {
    const from = Object.fromEntries(view.spans[0].fields.map((f) => [f.field, f.from]));
    expect(from).toMatchObject({
      category: 'openinference.span.kind = LLM',
      model: 'llm.model_name',
      input: 'llm.input_messages.<i>.message.*',
      output: 'llm.output_messages.<i>.message.*',
      'usage.input': 'llm.token_count.prompt',
    });
  });
});

describe('OpenInference spans', () => {
  // span-1 AGENT "triage" (output.value = final answer)
  // ├─ span-2 LLM (llm.cost.*, output asks for tool call t-1)
  // ├─ span-3 TOOL lookup (tool.id t-1, input.value / output.value)
  // └─ span-4 LLM (cache and reasoning details)
  const trace = buildTrace([
    { id: 1, name: 'triage', start: 0, end: 100, attrs: { 'openinference.span.kind': 'AGENT', 'agent.name': 'triage', 'output.value': 'All good.' } },
    {
      id: 2,
      parent: 1,
      name: 'llm',
      start: 1,
      end: 10,
      attrs: {
        'openinference.span.kind': 'LLM',
        'llm.model_name': 'claude-3-5-haiku-20241022',
        'llm.system': 'anthropic',
        'llm.token_count.prompt': 100,
        'llm.token_count.completion': 20,
        'llm.cost.prompt': 0.0001,
        'llm.cost.completion': 0.0002,
        'llm.output_messages.0.message.role': 'assistant',
        'llm.output_messages.0.message.tool_calls.0.tool_call.id': 't-1',
        'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'lookup',
        'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments': '{"id":7}',
      },
    },
    {
      id: 3,
      parent: 1,
      name: 'lookup',
      start: 11,
      end: 12,
      attrs: { 'openinference.span.kind': 'TOOL', 'tool.name': 'lookup', 'tool.id': 't-1', 'input.value': '{"id":7}', 'output.value': 'found 7' },
    },
    {
      id: 4,
      parent: 1,
      name: 'llm',
      start: 13,
      end: 20,
      attrs: {
        'openinference.span.kind': 'LLM',
        'llm.model_name': 'claude-3-5-haiku-20241022',
        'llm.token_count.prompt': 200,
        'llm.token_count.completion': 10,
        'llm.token_count.prompt_details.cache_read': 150,
        'llm.token_count.completion_details.reasoning': 4,
        'llm.cost.total': 0.00005,
      },
    },
  ]);
  const view = deriveAgentView(trace);

  it('makes an agent run with two iterations, the tool linked by tool.id', () => {
    expect(view.runs).toHaveLength(1);
    const run = view.runs[0];
    expect(run.name).toBe('triage');
    expect(run.iterations.map((it) => [it.llmCall.spanIndex, it.toolExecutions.map((t) => t.spanIndex)])).toEqual([
      [indexOf(trace, 2), [indexOf(trace, 3)]],
      [indexOf(trace, 4), []],
    ]);
    expect(view.toolExecutions[0]).toMatchObject({ name: 'lookup', callId: 't-1', arguments: { id: 7 }, result: 'found 7', requestedBy: indexOf(trace, 2) });
    expect(run.iterations[0].unexecutedRequests).toEqual([]);
  });

  it('takes llm.cost.* as the vendor cost (prompt + completion, or total)', () => {
    expect(view.llmCalls.map((c) => c.cost)).toEqual([
      { usd: 0.0001 + 0.0002, source: 'vendor' },
      { usd: 0.00005, source: 'vendor' },
    ]);
    expect(view.llmCalls[1].usage).toEqual({ input: 200, output: 10, cachedInput: 150, reasoning: 4 });
  });

  it("prefers the calls' text for the answer, and the agent's output.value when they have none", () => {
    // The last LLM call has no output text, the first only a tool call: output.value answers.
    expect(view.runs[0].finalAnswer).toBe('All good.');
  });
});
