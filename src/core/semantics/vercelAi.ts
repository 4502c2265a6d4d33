import { Has, str, type SpanFacts } from './facts';
import { decodeJsonLayers, isRecord, parseMaybeJson, textOf } from './json';
import { messagesFrom, request } from './messages';
import { firstAny, firstNum, firstStr, newReading, type Reading } from './reading';
import type { ChatMessage, SpanCategory, ToolCallRequest } from './types';

/**
 * Vercel AI SDK legacy telemetry (docs/trace-formats.md §6; AI SDK ≤ v6, and v7's
 * LegacyOpenTelemetry). `ai.generateText` / `ai.streamText` / `ai.generateObject` /
 * `ai.streamObject` wrap one call of the SDK and repeat the sum of their steps' usage, so they
 * are agent-like parents; each `…doGenerate` / `…doStream` step is one LLM call; `ai.toolCall`
 * is a tool execution. v7's GenAI-style output is read by the GenAI reader.
 */

function operationOf(f: SpanFacts): string | undefined {
  const id = str(f, 'ai.operationId');
  if (id !== undefined) return id;
  const name = f.span.name;
  return name.startsWith('ai.') ? name.split(' ', 1)[0] : undefined;
}

function categoryOf(op: string): SpanCategory {
  if (op.endsWith('.doGenerate') || op.endsWith('.doStream')) return 'llm';
  if (op === 'ai.toolCall') return 'tool';
  if (op.startsWith('ai.embed')) return 'embedding';
  if (/^ai\.(generate|stream)(Text|Object)$/.test(op)) return 'agent';
  return 'other';
}

/** What this reader looks for, per field (for the mapping report). */
const VERCEL_LOOKED: Reading['looked'] = Object.freeze({
  category: 'ai.operationId',
  model: 'ai.response.model, ai.model.id',
  provider: 'ai.model.provider',
  usage: 'ai.usage.promptTokens / completionTokens (v5+: inputTokens / outputTokens)',
  input: 'ai.prompt.messages, ai.prompt (recordInputs)',
  output: 'ai.response.text, ai.response.object, ai.response.toolCalls (recordOutputs)',
  'tool.name': 'ai.toolCall.name',
  'tool.callId': 'ai.toolCall.id',
  'tool.arguments': 'ai.toolCall.args',
  'tool.result': 'ai.toolCall.result',
  'agent.name': 'ai.telemetry.functionId',
});

export function readVercelAi(f: SpanFacts): Reading | undefined {
  if (!(f.flags & Has.vercel) && !f.span.name.startsWith('ai.')) return undefined;
  const op = operationOf(f);
  if (op === undefined) return undefined;
  const r = newReading('vercel-ai', VERCEL_LOOKED);
  const category = categoryOf(op);
  r.category = { value: category, from: str(f, 'ai.operationId') !== undefined ? `ai.operationId = ${op}` : 'span name' };

  r.model = firstStr(f, 'ai.response.model', 'ai.model.id');
  r.provider = firstStr(f, 'ai.model.provider');
  const usage = {
    input: firstNum(f, 'ai.usage.promptTokens', 'ai.usage.inputTokens', category === 'embedding' ? 'ai.usage.tokens' : undefined),
    output: firstNum(f, 'ai.usage.completionTokens', 'ai.usage.outputTokens'),
    cachedInput: firstNum(f, 'ai.usage.cachedInputTokens'),
    reasoning: firstNum(f, 'ai.usage.reasoningTokens'),
    total: firstNum(f, 'ai.usage.totalTokens'),
  };
  if (usage.input || usage.output || usage.total) r.usage = usage;

  if (f.get('ai.prompt.messages') !== undefined) r.input = { from: 'ai.prompt.messages', get: () => messagesFrom(f.get('ai.prompt.messages'), 'user') };
  else if (f.get('ai.prompt') !== undefined) r.input = { from: 'ai.prompt', get: () => messagesFrom(f.get('ai.prompt'), 'user') };
  const text = f.get('ai.response.text');
  const object = f.get('ai.response.object');
  const calls = f.get('ai.response.toolCalls');
  if (text !== undefined || object !== undefined || calls !== undefined) {
    r.output = {
      from: [text !== undefined && 'ai.response.text', object !== undefined && 'ai.response.object', calls !== undefined && 'ai.response.toolCalls']
        .filter(Boolean)
        .join(' + '),
      get: () => responseMessages(text ?? object, calls, str(f, 'ai.response.finishReason')),
      raw: calls ?? '',
    };
  }
  if (category === 'agent' && (text !== undefined || object !== undefined)) {
    const answer = text ?? object;
    r.answer = {
      from: text !== undefined ? 'ai.response.text' : 'ai.response.object',
      get: () => (typeof answer === 'string' && answer !== '' ? answer : undefined),
    };
  }

  if (category === 'tool') {
    r.toolName = firstStr(f, 'ai.toolCall.name');
    r.toolCallId = firstStr(f, 'ai.toolCall.id');
    const args = firstAny(f, 'ai.toolCall.args', 'ai.toolCall.input');
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, 'ai.toolCall.result', 'ai.toolCall.output');
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.agentName = firstStr(f, 'ai.telemetry.functionId', 'resource.name');
  return r;
}

function responseMessages(text: unknown, calls: unknown, finishReason: string | undefined): ChatMessage[] {
  const toolCalls: ToolCallRequest[] = [];
  const list = decodeJsonLayers(calls);
  if (Array.isArray(list)) {
    for (const c of list) {
      const call = decodeJsonLayers(c);
      if (isRecord(call) && typeof call.toolName === 'string')
        toolCalls.push(request(typeof call.toolCallId === 'string' ? call.toolCallId : undefined, call.toolName, call.input ?? call.args));
    }
  }
  const msg: { -readonly [K in keyof ChatMessage]: ChatMessage[K] } = { role: 'assistant', text: text === undefined ? '' : textOf(text), toolCalls };
  if (finishReason !== undefined) msg.finishReason = finishReason;
  return [msg];
}
