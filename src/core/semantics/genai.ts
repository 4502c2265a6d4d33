import { Has, num, str, type SpanFacts } from './facts';
import { flattenedGenAiMessages } from './flattened';
import { attributeEventMessages, contentEventSource, eventMessages, hasContentEvents, systemMessages } from './genaiEvents';
import { parseMaybeJson } from './json';
import { lastAssistantText, messagesFrom } from './messages';
import { firstNum, firstOf, firstStr, nameAfter, newReading, type Reading, type UsageReading } from './reading';
import type { ChatMessage, SpanCategory } from './types';

/**
 * OpenTelemetry GenAI semantic conventions (docs/trace-formats.md §2): the current JSON message
 * attributes, the older per-message span events and flattened `gen_ai.prompt.<i>.*` attributes,
 * deprecated usage names, and the vendor extras any-agent writes (`gen_ai.output`,
 * `gen_ai.tool.args`, `gen_ai.usage.input_cost|output_cost`).
 */

/** `gen_ai.operation.name` values (well-known and custom ones seen in real traces). */
const OPERATION_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  chat: 'llm',
  generate_content: 'llm',
  text_completion: 'llm',
  call_llm: 'llm', // any-agent
  completion: 'llm', // Latitude
  llm_request: 'llm', // OpenLLMetry
  embeddings: 'embedding',
  retrieval: 'retriever',
  search_memory: 'retriever',
  vector_db_retrieve: 'retriever', // OpenLLMetry
  execute_tool: 'tool',
  invoke_agent: 'agent',
  invoke_workflow: 'chain',
  plan: 'chain',
  chain: 'chain', // LangSmith
  execute_task: 'chain', // OpenLLMetry
  create_agent: 'other',
  create_memory_store: 'other',
  delete_memory_store: 'other',
  create_memory: 'other',
  update_memory: 'other',
  upsert_memory: 'other',
  delete_memory: 'other',
};

/** First words of GenAI span names, for spans that lack `gen_ai.operation.name`. */
const NAME_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  chat: 'llm',
  generate_content: 'llm',
  text_completion: 'llm',
  embeddings: 'embedding',
  retrieval: 'retriever',
  execute_tool: 'tool',
  invoke_agent: 'agent',
  invoke_workflow: 'chain',
};

/** What this reader looks for, per field (for the mapping report). */
const GENAI_LOOKED: Reading['looked'] = Object.freeze({
  category: 'gen_ai.operation.name, span name',
  model: 'gen_ai.response.model, gen_ai.request.model',
  provider: 'gen_ai.provider.name, gen_ai.system',
  usage: 'gen_ai.usage.input_tokens / output_tokens (or prompt_tokens / completion_tokens)',
  cost: 'gen_ai.usage.input_cost / output_cost',
  'tool.name': 'gen_ai.tool.name, span name "execute_tool <name>"',
  'tool.callId': 'gen_ai.tool.call.id',
  'tool.arguments': 'gen_ai.tool.call.arguments (opt-in), gen_ai.tool.input and similar',
  'tool.result': 'gen_ai.tool.call.result (opt-in), gen_ai.tool.output and similar',
  'agent.name': 'gen_ai.agent.name, span name "invoke_agent <name>"',
  input: 'gen_ai.input.messages, gen_ai.*.message events (or an `events` attribute) and gen_ai.prompt.<i>.*',
  output: 'gen_ai.output.messages, gen_ai.choice events (or an `events` attribute) and gen_ai.completion.<i>.*',
});

/**
 * Where tool spans keep their arguments and result: the semconv keys first, then the names other
 * producers use next to `gen_ai.tool.name` (any-agent's `gen_ai.tool.args`, `gen_ai.tool.input` /
 * `gen_ai.tool.output`, Google ADK's `gcp.vertex.agent.tool_call_args` / `tool_response`, plain
 * `tool.*` names), in that order.
 */
const TOOL_ARGUMENT_KEYS = [
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.args',
  'gen_ai.tool.input',
  'gen_ai.tool.arguments',
  'gcp.vertex.agent.tool_call_args',
  'tool.arguments',
  'tool.input',
  'tool_input',
] as const;
const TOOL_RESULT_KEYS = [
  'gen_ai.tool.call.result',
  'gen_ai.tool.output',
  'gen_ai.tool.result',
  'gcp.vertex.agent.tool_response',
  'tool.result',
  'tool.output',
  'tool_output',
  'gen_ai.output',
  'genai.output', // any-agent before 0.2x
] as const;

export function readGenAi(f: SpanFacts): Reading | undefined {
  const span = f.span;
  const events = span.events.length > 0 && hasContentEvents(span.events);
  const space = span.name.indexOf(' ');
  const firstWord = space < 0 ? span.name : span.name.slice(0, space);
  const byName = Object.prototype.hasOwnProperty.call(NAME_CATEGORY, firstWord) ? NAME_CATEGORY[firstWord] : undefined;
  // "chat …" alone is too common a span name to mean GenAI without any gen_ai.* attribute.
  if (!(f.flags & Has.genai) && !events && (byName === undefined || firstWord === 'chat')) return undefined;
  const r = newReading('genai', GENAI_LOOKED);

  const op = str(f, 'gen_ai.operation.name');
  const opCategory = op !== undefined && Object.prototype.hasOwnProperty.call(OPERATION_CATEGORY, op) ? OPERATION_CATEGORY[op] : undefined;
  if (opCategory) r.category = { value: opCategory, from: `gen_ai.operation.name = ${op}` };
  else if (op === undefined && byName) r.weakCategory = { value: byName, from: `span name "${span.name}"` };
  else if (op === undefined && (str(f, 'gen_ai.tool.name') || str(f, 'gen_ai.tool.call.id')))
    r.weakCategory = { value: 'tool', from: 'gen_ai.tool.name / gen_ai.tool.call.id' };
  else if (op === undefined && str(f, 'gen_ai.request.model')) r.weakCategory = { value: 'llm', from: 'gen_ai.request.model' };
  if (op !== undefined && !opCategory) r.categoryNote = `gen_ai.operation.name = ${op} is not a known operation`;

  // Only the fields the span's kind can use are read: most spans of a large trace are LLM or
  // tool spans and this runs for each of them.
  const cat = (r.category ?? r.weakCategory)?.value;
  const any = cat === undefined;
  if (any || cat === 'llm' || cat === 'embedding') {
    r.model = firstStr(f, 'gen_ai.response.model', 'gen_ai.request.model');
    r.provider = firstStr(f, 'gen_ai.provider.name', 'gen_ai.system');
    r.usage = readUsage(f);
    const inCost = num(f, 'gen_ai.usage.input_cost');
    const outCost = num(f, 'gen_ai.usage.output_cost');
    if (inCost !== undefined || outCost !== undefined)
      r.costUsd = { value: (inCost ?? 0) + (outCost ?? 0), from: 'gen_ai.usage.input_cost + gen_ai.usage.output_cost' };
    else r.costUsd = firstNum(f, 'gen_ai.usage.cost');
  }
  if (cat !== 'tool') readContent(f, r, events);
  if (any || cat === 'tool') {
    const toolName = firstStr(f, 'gen_ai.tool.name');
    const nameFromSpan = nameAfter(span.name, 'execute_tool');
    r.toolName = toolName ?? (nameFromSpan ? { value: nameFromSpan, from: 'span name' } : undefined);
    r.toolCallId = firstStr(f, 'gen_ai.tool.call.id');
    const args = firstOf(f, TOOL_ARGUMENT_KEYS);
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    // any-agent writes a tool's result as `gen_ai.output` (and an LLM call's output the same way).
    const result = firstOf(f, TOOL_RESULT_KEYS);
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  r.error = firstStr(f, 'error.type');
  if (any || cat === 'agent' || cat === 'chain' || cat === 'other') {
    const agentName = firstStr(f, 'gen_ai.agent.name');
    const agentFromSpan = nameAfter(span.name, 'invoke_agent');
    r.agentName = agentName ?? (agentFromSpan ? { value: agentFromSpan, from: 'span name' } : undefined);
    if (r.output) {
      const out = r.output;
      r.answer = { from: out.from, get: () => lastAssistantText(out.get()) };
    }
  }
  return r;
}

function readUsage(f: SpanFacts): UsageReading | undefined {
  if (!(f.flags & Has.genaiUsage)) return undefined;
  const u: UsageReading = {
    input: firstNum(f, 'gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'),
    output: firstNum(f, 'gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'),
    cachedInput: firstNum(f, 'gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens'),
    reasoning: firstNum(f, 'gen_ai.usage.reasoning.output_tokens', 'gen_ai.usage.reasoning_tokens'),
    total: firstNum(f, 'gen_ai.usage.total_tokens'),
  };
  return u;
}

function readContent(f: SpanFacts, r: ReturnType<typeof newReading>, events: boolean): void {
  const sys = f.get('gen_ai.system_instructions');
  const withSystem = (msgs: ChatMessage[]): ChatMessage[] => (sys === undefined ? msgs : [...systemMessages(sys), ...msgs]);
  // pydantic-ai's `events` attribute (rare: only its event_mode='attributes' writes one) is parsed
  // once, here, rather than once to test for messages and again to read them.
  const eventsAttr = f.get('events');
  const attrIn = eventsAttr === undefined ? undefined : attributeEventMessages(eventsAttr, 'input');
  const attrOut = eventsAttr === undefined ? undefined : attributeEventMessages(eventsAttr, 'output');
  const evIn = events ? contentEventSource(f.span.events, 'input') : '';
  const evOut = events ? contentEventSource(f.span.events, 'output') : '';

  if (f.get('gen_ai.input.messages') !== undefined) {
    r.input = { from: 'gen_ai.input.messages', get: () => withSystem(messagesFrom(f.get('gen_ai.input.messages'), 'user')) };
  } else if (evIn) {
    r.input = { from: evIn, get: () => withSystem(eventMessages(f.span.events, 'input')) };
  } else if (attrIn?.length) {
    r.input = { from: 'events (pydantic-ai event attributes)', get: () => withSystem(attrIn) };
  } else if (f.flags & Has.flatPrompt) {
    r.input = { from: 'gen_ai.prompt.<i>.*', get: () => withSystem(flattenedGenAiMessages(f, 'gen_ai.prompt.')) };
  } else if (f.get('gen_ai.prompt') !== undefined) {
    r.input = { from: 'gen_ai.prompt', get: () => withSystem(messagesFrom(f.get('gen_ai.prompt'), 'user')) };
  } else if (sys !== undefined) {
    r.input = { from: 'gen_ai.system_instructions', get: () => systemMessages(sys) };
  }

  const isLlm = (r.category ?? r.weakCategory)?.value === 'llm';
  if (f.get('gen_ai.output.messages') !== undefined) {
    r.output = { from: 'gen_ai.output.messages', get: () => messagesFrom(f.get('gen_ai.output.messages'), 'assistant'), raw: f.get('gen_ai.output.messages') };
  } else if (evOut) {
    r.output = { from: evOut, get: () => eventMessages(f.span.events, 'output') };
  } else if (attrOut?.length) {
    r.output = { from: 'events (pydantic-ai event attributes)', get: () => attrOut };
  } else if (f.flags & Has.flatCompletion) {
    r.output = { from: 'gen_ai.completion.<i>.*', get: () => flattenedGenAiMessages(f, 'gen_ai.completion.') };
  } else if (f.get('gen_ai.completion') !== undefined) {
    r.output = { from: 'gen_ai.completion', get: () => messagesFrom(f.get('gen_ai.completion'), 'assistant'), raw: f.get('gen_ai.completion') };
  } else if (isLlm && (f.get('gen_ai.output') ?? f.get('genai.output')) !== undefined) {
    // any-agent's own key; its older releases spelled it `genai.output`.
    const key = f.get('gen_ai.output') !== undefined ? 'gen_ai.output' : 'genai.output';
    r.output = { from: key, get: () => messagesFrom(f.get(key), 'assistant'), raw: f.get(key) };
  }
}
