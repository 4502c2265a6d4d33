import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from './buildTrace';

const common = { 'ai.model.id': 'gpt-4o', 'ai.model.provider': 'openai.chat', 'ai.telemetry.functionId': 'weather-bot' };

// AI SDK v5 legacy telemetry for a two-step generateText with one tool:
// span-1 ai.generateText            (sums its steps: 150 in / 30 out, must not be added again)
// ├─ span-2 ai.generateText.doGenerate  step 1: asks for getWeather (id c-1)
// ├─ span-3 ai.toolCall getWeather
// └─ span-4 ai.generateText.doGenerate  step 2: answers
describe('Vercel AI SDK', () => {
  const trace = buildTrace([
    {
      id: 1,
      name: 'ai.generateText',
      start: 0,
      end: 100,
      attrs: {
        ...common,
        'ai.operationId': 'ai.generateText',
        'ai.prompt': '{"system":"Be brief.","prompt":"Weather in SF?"}',
        'ai.response.text': 'Sunny, 18°C.',
        'ai.usage.promptTokens': 150,
        'ai.usage.completionTokens': 30,
      },
    },
    {
      id: 2,
      parent: 1,
      name: 'ai.generateText.doGenerate',
      start: 1,
      end: 10,
      attrs: {
        ...common,
        'ai.operationId': 'ai.generateText.doGenerate',
        'ai.prompt.messages': '[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"Weather in SF?"}]}]',
        'ai.response.toolCalls': '[{"toolCallType":"function","toolCallId":"c-1","toolName":"getWeather","args":"{\\"city\\":\\"SF\\"}"}]',
        'ai.response.finishReason': 'tool-calls',
        'ai.usage.promptTokens': 60,
        'ai.usage.completionTokens': 10,
        'gen_ai.usage.input_tokens': 60,
        'gen_ai.usage.output_tokens': 10,
        'gen_ai.request.model': 'gpt-4o',
      },
    },
    {
      id: 3,
      parent: 1,
      name: 'ai.toolCall',
      start: 11,
      end: 12,
      attrs: {
        'ai.operationId': 'ai.toolCall',
        'ai.toolCall.name': 'getWeather',
        'ai.toolCall.id': 'c-1',
        'ai.toolCall.args': '{"city":"SF"}',
        'ai.toolCall.result': '{"temp":18}',
      },
    },
    {
      id: 4,
      parent: 1,
      name: 'ai.generateText.doGenerate',
      start: 13,
      end: 20,
      attrs: {
        ...common,
        'ai.operationId': 'ai.generateText.doGenerate',
        'ai.prompt.messages':
          '[{"role":"assistant","content":[{"type":"tool-call","toolCallId":"c-1","toolName":"getWeather","input":{"city":"SF"}}]},{"role":"tool","content":[{"type":"tool-result","toolCallId":"c-1","toolName":"getWeather","output":{"type":"json","value":{"temp":18}}}]}]',
        'ai.response.text': 'Sunny, 18°C.',
        'ai.response.model': 'gpt-4o-2024-08-06',
        'ai.usage.inputTokens': 90,
        'ai.usage.outputTokens': 20,
        'ai.usage.cachedInputTokens': 0,
      },
    },
  ]);
  const view = deriveAgentView(trace);

  it('treats ai.generateText as the agent run and each doGenerate step as one LLM call', () => {
    expect(view.spans.map((s) => s.category)).toEqual(['agent', 'llm', 'tool', 'llm']);
    expect(view.runs).toHaveLength(1);
    expect(view.runs[0]).toMatchObject({ spanIndex: 0, name: 'weather-bot' });
    expect(view.iterationCount).toBe(2);
  });

  it("counts the steps' tokens only, not the wrapper's repeated sum", () => {
    expect(view.tokens).toMatchObject({ input: 60 + 90, output: 10 + 20 });
  });

  it('reads prompts, responses and tool calls (v4 args and v5 input spellings)', () => {
    const [first, second] = view.llmCalls;
    expect(first.input).toEqual([
      { role: 'system', text: 'Be brief.', toolCalls: [] },
      { role: 'user', text: 'Weather in SF?', toolCalls: [] },
    ]);
    expect(first.output).toEqual([
      { role: 'assistant', text: '', toolCalls: [{ id: 'c-1', name: 'getWeather', arguments: { city: 'SF' } }], finishReason: 'tool-calls' },
    ]);
    expect(second.input).toEqual([
      { role: 'assistant', text: '', toolCalls: [{ id: 'c-1', name: 'getWeather', arguments: { city: 'SF' } }] },
      { role: 'tool', text: '{"type":"json","value":{"temp":18}}', toolCalls: [], toolCallId: 'c-1', name: 'getWeather' },
    ]);
    expect(second.model).toBe('gpt-4o-2024-08-06');
    expect(second.usage).toEqual({ input: 90, output: 20, cachedInput: 0 });
  });

  it('links the tool call by id and reads its arguments and result', () => {
    expect(view.toolExecutions[0]).toMatchObject({
      name: 'getWeather',
      callId: 'c-1',
      arguments: { city: 'SF' },
      result: { temp: 18 },
      requestedBy: indexOf(trace, 2),
    });
    expect(view.finalAnswer).toBe('Sunny, 18°C.');
  });

  it('prices both steps: gpt-4o ($2.50 / $10): (150 × 2.5 + 30 × 10) / 1e6', () => {
    expect(view.costUsd).toBeCloseTo((375 + 300) / 1e6, 12);
  });
});
