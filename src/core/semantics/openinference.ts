import type { AttrValue } from '../model/attributes';
import { Has, num, str, type SpanFacts } from './facts';
import { groupByIndex } from './flattened';
import { parseMaybeJson } from './json';
import { lastAssistantText, messagesFrom } from './messages';
import { firstAny, firstNum, firstStr, newReading, type Reading, type UsageReading } from './reading';
import type { ChatMessage, SpanCategory } from './types';

/**
 * Arize OpenInference (docs/trace-formats.md §3): `openinference.span.kind`, flattened
 * `llm.input_messages.<i>.message.*` / `llm.output_messages.<i>.message.*`, `llm.token_count.*`,
 * `llm.cost.*`, `tool.*`, and the generic `input.value` / `output.value`.
 */

const KIND_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  LLM: 'llm',
  EMBEDDING: 'embedding',
  CHAIN: 'chain',
  RETRIEVER: 'retriever',
  RERANKER: 'retriever',
  TOOL: 'tool',
  AGENT: 'agent',
  GUARDRAIL: 'other',
  EVALUATOR: 'other',
  PROMPT: 'other',
};

/** What this reader looks for, per field (for the mapping report). */
const OPENINFERENCE_LOOKED: Reading['looked'] = Object.freeze({
  category: 'openinference.span.kind',
  model: 'llm.model_name',
  provider: 'llm.provider, llm.system',
  usage: 'llm.token_count.prompt / completion',
  cost: 'llm.cost.total',
  input: 'llm.input_messages.<i>.message.*, input.value',
  output: 'llm.output_messages.<i>.message.*, output.value',
  'tool.name': 'tool.name',
  'tool.callId': 'tool.id',
  'tool.arguments': 'input.value, tool.parameters',
  'tool.result': 'output.value',
  'agent.name': 'agent.name',
});

export function readOpenInference(f: SpanFacts): Reading | undefined {
  if (!(f.flags & (Has.openinference | Has.llm))) return undefined;
  const kind = str(f, 'openinference.span.kind')?.toUpperCase();
  const hasMessages = (f.flags & (Has.oiInputMessages | Has.oiOutputMessages)) !== 0;
  const hasTokens = (f.flags & Has.oiTokens) !== 0;
  if (kind === undefined && !hasMessages && !hasTokens && str(f, 'llm.model_name') === undefined && str(f, 'tool.name') === undefined) return undefined;
  const r = newReading('openinference', OPENINFERENCE_LOOKED);
  const category = kind !== undefined && Object.prototype.hasOwnProperty.call(KIND_CATEGORY, kind) ? KIND_CATEGORY[kind] : undefined;
  if (category) r.category = { value: category, from: `openinference.span.kind = ${kind}` };
  else if (hasMessages || hasTokens) r.weakCategory = { value: 'llm', from: hasMessages ? 'llm.*_messages' : 'llm.token_count.*' };

  r.model = firstStr(f, 'llm.response.model_name', 'llm.model_name', 'llm.request.model_name', 'embedding.model_name');
  r.provider = firstStr(f, 'llm.provider', 'llm.system');
  if (hasTokens) {
    const u: UsageReading = {
      input: firstNum(f, 'llm.token_count.prompt'),
      output: firstNum(f, 'llm.token_count.completion'),
      cachedInput: firstNum(f, 'llm.token_count.prompt_details.cache_read'),
      reasoning: firstNum(f, 'llm.token_count.completion_details.reasoning'),
      total: firstNum(f, 'llm.token_count.total'),
    };
    r.usage = u;
  }
  const total = num(f, 'llm.cost.total');
  const prompt = num(f, 'llm.cost.prompt');
  const completion = num(f, 'llm.cost.completion');
  if (total !== undefined) r.costUsd = { value: total, from: 'llm.cost.total' };
  else if (prompt !== undefined || completion !== undefined)
    r.costUsd = { value: (prompt ?? 0) + (completion ?? 0), from: 'llm.cost.prompt + llm.cost.completion' };

  const isLlm = (r.category ?? r.weakCategory)?.value === 'llm';
  if (f.flags & Has.oiInputMessages) r.input = { from: 'llm.input_messages.<i>.message.*', get: () => flattenedMessages(f, 'llm.input_messages.', 'user') };
  else if (isLlm && f.get('input.value') !== undefined) r.input = { from: 'input.value', get: () => messagesFrom(f.get('input.value'), 'user') };
  if (f.flags & Has.oiOutputMessages)
    r.output = { from: 'llm.output_messages.<i>.message.*', get: () => flattenedMessages(f, 'llm.output_messages.', 'assistant') };
  else if (isLlm && f.get('output.value') !== undefined)
    r.output = { from: 'output.value', get: () => messagesFrom(f.get('output.value'), 'assistant'), raw: f.get('output.value') };

  r.toolName = firstStr(f, 'tool.name');
  r.toolCallId = firstStr(f, 'tool.id', 'tool_call.id');
  if (!isLlm) {
    const args = firstAny(f, 'input.value', 'tool.parameters');
    if (args && args.value !== 'null') r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, 'output.value');
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.agentName = firstStr(f, 'agent.name', 'graph.node.name');
  const out = f.get('output.value');
  if (!isLlm && out !== undefined) r.answer = { from: 'output.value', get: () => answerText(out) };
  return r;
}

/** An agent's `output.value`: the assistant text of a message-shaped value, else the text itself. */
function answerText(v: AttrValue): string | undefined {
  return lastAssistantText(messagesFrom(v, 'assistant')) ?? (typeof v === 'string' && v !== '' ? v : undefined);
}

/**
 * `<prefix><i>.message.{role,content,name,tool_call_id}`, multimodal
 * `…message.contents.<j>.message_content.{type,text}` and
 * `…message.tool_calls.<k>.tool_call.{id,function.name,function.arguments}`.
 */
function flattenedMessages(f: SpanFacts, prefix: string, defaultRole: 'user' | 'assistant'): ChatMessage[] {
  const records = groupByIndex(f.withPrefix(prefix), prefix).map((g) => {
    const m: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    m.role = g['message.role'];
    const content = g['message.content'];
    if (content !== undefined) m.content = content;
    else {
      const parts = groupByIndex(Object.entries(g), 'message.contents.').map((c) => ({ type: c['message_content.type'], text: c['message_content.text'] }));
      if (parts.length) m.content = parts;
    }
    if (g['message.name'] !== undefined) m.name = g['message.name'];
    if (g['message.tool_call_id'] !== undefined) m.tool_call_id = g['message.tool_call_id'];
    const calls = groupByIndex(Object.entries(g), 'message.tool_calls.');
    if (calls.length) {
      m.tool_calls = calls.map((c) => ({
        id: c['tool_call.id'],
        function: { name: c['tool_call.function.name'], arguments: c['tool_call.function.arguments'] },
      }));
    }
    return m;
  });
  return messagesFrom(records, defaultRole);
}
