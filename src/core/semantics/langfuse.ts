import { Has, str, toNumber, type SpanFacts } from './facts';
import { parseMaybeJson } from './json';
import { lastAssistantText, messagesFrom } from './messages';
import { firstStr, newReading, type Reading, type Sourced, type UsageReading } from './reading';
import type { SpanCategory } from './types';

/**
 * Langfuse observations as the Langfuse importer writes them (src/core/import/langfuse.ts header):
 * `langfuse.observation.type`, `.model.name`, `.usage_details.<key>`, `.cost_details.<key>`,
 * `.input` / `.output`, `.level`, `.status_message`. The original OTel attributes are on the same
 * span, so other readers usually match too; Langfuse's own fields rank last per field, except
 * that its usage details fill in what the OTel attributes lack (reasoning, cache reads).
 */

const TYPE_CATEGORY: Readonly<Record<string, SpanCategory>> = {
  GENERATION: 'llm',
  AGENT: 'agent',
  TOOL: 'tool',
  CHAIN: 'chain',
  RETRIEVER: 'retriever',
  EMBEDDING: 'embedding',
  EVALUATOR: 'other',
  GUARDRAIL: 'other',
};

const P = 'langfuse.observation.';

/** What this reader looks for, per field (for the mapping report). */
const LANGFUSE_LOOKED: Reading['looked'] = Object.freeze({
  category: `${P}type`,
  model: `${P}model.name`,
  usage: `${P}usage_details.*`,
  cost: `${P}cost_details.*`,
  input: P + 'input',
  output: P + 'output',
  'tool.name': 'span name (Langfuse TOOL observation)',
  'tool.arguments': P + 'input',
  'tool.result': P + 'output',
});

export function readLangfuse(f: SpanFacts): Reading | undefined {
  if (!(f.flags & Has.langfuse)) return undefined;
  const type = str(f, P + 'type')?.toUpperCase();
  const r = newReading('langfuse', LANGFUSE_LOOKED);
  if (type !== undefined && Object.prototype.hasOwnProperty.call(TYPE_CATEGORY, type)) {
    r.category = { value: TYPE_CATEGORY[type], from: `${P}type = ${type}` };
  }
  r.model = firstStr(f, P + 'model.name');
  r.usage = readUsage(f);
  r.costUsd = readCost(f);

  const input = f.get(P + 'input');
  const output = f.get(P + 'output');
  if (input !== undefined) r.input = { from: P + 'input', get: () => messagesFrom(input, 'user') };
  if (output !== undefined) r.output = { from: P + 'output', get: () => messagesFrom(output, 'assistant'), raw: output };
  if (str(f, P + 'level')?.toUpperCase() === 'ERROR') {
    r.error = { value: str(f, P + 'status_message') ?? 'level ERROR', from: str(f, P + 'status_message') ? P + 'status_message' : P + 'level' };
  }

  const category = r.category?.value;
  if (category === 'tool') {
    r.toolName = { value: f.span.name, from: 'span name' };
    if (input !== undefined) r.toolArguments = { from: P + 'input', get: () => unwrapInput(parseMaybeJson(input)) };
    if (output !== undefined) r.toolResult = { from: P + 'output', get: () => parseMaybeJson(output) };
  }
  if (category === 'agent') r.agentName = { value: f.span.name, from: 'span name' };
  const answerSource = output !== undefined ? P + 'output' : f.get('langfuse.trace.output') !== undefined ? 'langfuse.trace.output' : undefined;
  if (answerSource !== undefined && category !== 'llm') {
    const v = f.get(answerSource);
    r.answer = { from: answerSource, get: () => lastAssistantText(messagesFrom(v, 'assistant')) };
  }
  return r;
}

/** Claude Agent SDK exports wrap tool arguments as `{"input": {…}}`. */
function unwrapInput(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'input') return (v as { input: unknown }).input;
  }
  return v;
}

/**
 * Langfuse's own rule: input units are the keys starting with "input", output units the keys
 * starting with "output" (`output_reasoning` is counted in output). Older SDKs send OpenAI-style
 * `prompt_tokens` / `completion_tokens`.
 */
function readUsage(f: SpanFacts): UsageReading | undefined {
  if (!(f.flags & Has.lfUsage)) return undefined;
  const entries = f.withPrefix(P + 'usage_details.');
  let input: number | undefined;
  let output: number | undefined;
  let cached: number | undefined;
  let reasoning: number | undefined;
  let total: number | undefined;
  let prompt: number | undefined;
  let completion: number | undefined;
  const add = (acc: number | undefined, n: number) => (acc ?? 0) + n;
  for (const [key, value] of entries) {
    const n = toNumber(value);
    if (n === undefined) continue;
    const k = key.slice(P.length + 'usage_details.'.length);
    if (k.startsWith('input')) input = add(input, n);
    else if (k.startsWith('output')) output = add(output, n);
    else if (k === 'total') total = n;
    else if (k === 'prompt_tokens') prompt = n;
    else if (k === 'completion_tokens') completion = n;
    if (/cache_read|cached/.test(k)) cached = add(cached, n);
    if (/reasoning/.test(k)) reasoning = add(reasoning, n);
  }
  const from = `${P}usage_details`;
  const s = (n: number | undefined, what: string): Sourced<number> | undefined => (n === undefined ? undefined : { value: n, from: `${from}${what}` });
  return {
    input: input !== undefined ? s(input, '.input*') : s(prompt, '.prompt_tokens'),
    output: output !== undefined ? s(output, '.output*') : s(completion, '.completion_tokens'),
    cachedInput: s(cached, ' (cache read keys)'),
    reasoning: s(reasoning, ' (reasoning keys)'),
    total: s(total, '.total'),
  };
}

function readCost(f: SpanFacts): Sourced<number> | undefined {
  if (!(f.flags & Has.lfCost)) return undefined;
  const entries = f.withPrefix(P + 'cost_details.');
  let sum: number | undefined;
  for (const [key, value] of entries) {
    const n = toNumber(value);
    if (n === undefined) continue;
    if (key.endsWith('.total')) return { value: n, from: key };
    sum = (sum ?? 0) + n;
  }
  return sum === undefined ? undefined : { value: sum, from: `${P}cost_details.* (sum)` };
}
