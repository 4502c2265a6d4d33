import { Has, str, type SpanFacts } from './facts';
import { flattenedGenAiMessages } from './flattened';
import { decodeJsonLayers, isRecord, parseMaybeJson } from './json';
import { firstNum, firstStr, newReading, type Reading } from './reading';
import type { SpanCategory } from './types';

/**
 * OpenLLMetry / Traceloop (docs/trace-formats.md §4): `traceloop.span.kind` workflow spans with
 * `traceloop.entity.*`, LLM spans marked by `llm.request.type`, the legacy flattened
 * `gen_ai.prompt.<i>` / `gen_ai.completion.<i>` content (parsed by the helper shared with the
 * GenAI reader) and legacy usage names. Model, provider and current-style `gen_ai.*` content are
 * left to the GenAI reader, whose attributes they are.
 */

const SPAN_KIND_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  workflow: 'chain',
  task: 'chain',
  agent: 'agent',
  tool: 'tool',
  unknown: 'other',
};

const REQUEST_TYPE_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  chat: 'llm',
  completion: 'llm',
  embedding: 'embedding',
  rerank: 'retriever',
};

/** What this reader looks for, per field (for the mapping report). */
const TRACELOOP_LOOKED: Reading['looked'] = Object.freeze({
  category: 'traceloop.span.kind, llm.request.type',
  usage: 'gen_ai.usage.prompt_tokens / completion_tokens, llm.usage.total_tokens',
  input: 'gen_ai.prompt.<i>.*',
  output: 'gen_ai.completion.<i>.*',
  'tool.name': 'traceloop.entity.name',
  'tool.arguments': 'traceloop.entity.input',
  'tool.result': 'traceloop.entity.output',
});

export function readTraceloop(f: SpanFacts): Reading | undefined {
  if (!(f.flags & (Has.traceloop | Has.llm))) return undefined;
  const kind = str(f, 'traceloop.span.kind')?.toLowerCase();
  const requestType = str(f, 'llm.request.type')?.toLowerCase();
  const total = firstNum(f, 'llm.usage.total_tokens');
  if (kind === undefined && requestType === undefined && total === undefined && !(f.flags & Has.traceloop)) return undefined;
  const r = newReading('traceloop', TRACELOOP_LOOKED);
  if (kind !== undefined && Object.prototype.hasOwnProperty.call(SPAN_KIND_CATEGORY, kind)) {
    r.category = { value: SPAN_KIND_CATEGORY[kind], from: `traceloop.span.kind = ${kind}` };
  } else if (requestType !== undefined && Object.prototype.hasOwnProperty.call(REQUEST_TYPE_CATEGORY, requestType)) {
    r.category = { value: REQUEST_TYPE_CATEGORY[requestType], from: `llm.request.type = ${requestType}` };
  }

  const legacy = {
    input: firstNum(f, 'gen_ai.usage.prompt_tokens'),
    output: firstNum(f, 'gen_ai.usage.completion_tokens'),
    cachedInput: firstNum(f, 'gen_ai.usage.cache_read_input_tokens'),
    reasoning: firstNum(f, 'gen_ai.usage.reasoning_tokens'),
    total,
  };
  if (legacy.input || legacy.output || total) r.usage = legacy;

  if (f.flags & Has.flatPrompt) r.input = { from: 'gen_ai.prompt.<i>.*', get: () => flattenedGenAiMessages(f, 'gen_ai.prompt.') };
  if (f.flags & Has.flatCompletion) r.output = { from: 'gen_ai.completion.<i>.*', get: () => flattenedGenAiMessages(f, 'gen_ai.completion.') };

  const entity = firstStr(f, 'traceloop.entity.name');
  const category = r.category?.value;
  if (category === 'tool') {
    r.toolName = entity;
    const input = f.get('traceloop.entity.input');
    if (input !== undefined) r.toolArguments = { from: 'traceloop.entity.input', get: () => entityInputArgs(input) };
    const output = f.get('traceloop.entity.output');
    if (output !== undefined) r.toolResult = { from: 'traceloop.entity.output', get: () => parseMaybeJson(output) };
  }
  if (category === 'agent' || category === 'chain') {
    r.agentName = entity ?? firstStr(f, 'traceloop.workflow.name');
    const output = f.get('traceloop.entity.output');
    if (output !== undefined) r.answer = { from: 'traceloop.entity.output', get: () => entityOutputText(output) };
  }
  return r;
}

/** `traceloop.entity.input` is `{"inputs":…, "tags":…, "kwargs":…}`; the arguments are `inputs`/`kwargs`. */
function entityInputArgs(v: unknown): unknown {
  const parsed = decodeJsonLayers(v);
  if (isRecord(parsed)) {
    if (parsed.inputs !== undefined && (!isRecord(parsed.kwargs) || Object.keys(parsed.kwargs).length === 0)) return parsed.inputs;
    if (isRecord(parsed.kwargs) && Object.keys(parsed.kwargs).length) return parsed.kwargs;
  }
  return parseMaybeJson(v);
}

function entityOutputText(v: unknown): string | undefined {
  const parsed = decodeJsonLayers(v);
  if (typeof parsed === 'string') return parsed || undefined;
  if (isRecord(parsed) && typeof parsed.outputs === 'string') return parsed.outputs || undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
}
