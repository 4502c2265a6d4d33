import { Has, type SpanFacts } from './facts';
import { decodeJsonLayers, parseMaybeJson, textOf } from './json';
import { lastAssistantText, messagesFrom } from './messages';
import { firstAny, firstNum, firstStr, newReading, type Reading } from './reading';
import type { SpanCategory } from './types';

/**
 * pydantic-ai / Logfire naming (docs/trace-formats.md §5). Instrumentation v2 writes
 * `agent run` / `<agent> run` (`agent_name`), `running tool` / `running tool: <name>`
 * (`tool_arguments`, `tool_response`) and `running N tools`; v3+ switches to GenAI names, read by
 * the GenAI reader. Agent spans carry `final_result` and `pydantic_ai.all_messages`; Logfire
 * adds `operation.cost` to model request spans.
 */

function categoryOf(name: string, f: SpanFacts): SpanCategory | undefined {
  if (name === 'agent run' || (name.endsWith(' run') && f.get('agent_name') !== undefined)) return 'agent';
  if (name === 'running tool' || name.startsWith('running tool: ')) return 'tool';
  if (/^running (\d+ )?tools$/.test(name) || name === 'running output function') return 'chain';
  return undefined;
}

/** What this reader looks for, per field (for the mapping report). */
const PYDANTIC_LOOKED: Reading['looked'] = Object.freeze({
  category: 'span name (agent run, running tool)',
  cost: 'operation.cost (Logfire)',
  'agent.name': 'agent_name',
  'tool.arguments': 'tool_arguments',
  'tool.result': 'tool_response',
});

export function readPydanticAi(f: SpanFacts): Reading | undefined {
  const name = f.span.name;
  if (!(f.flags & (Has.pydantic | Has.operation)) && !name.startsWith('running ') && name !== 'agent run') return undefined;
  const category = categoryOf(name, f);
  const cost = firstNum(f, 'operation.cost');
  if (category === undefined && cost === undefined && !(f.flags & Has.pydantic)) return undefined;
  const r = newReading('pydantic-ai', PYDANTIC_LOOKED);
  if (category) r.category = { value: category, from: `span name "${name}"` };
  r.costUsd = cost;
  r.agentName = firstStr(f, 'agent_name', 'gen_ai.agent.name');
  const final = f.get('final_result');
  const all = f.get('pydantic_ai.all_messages');
  if (final !== undefined) r.answer = { from: 'final_result', get: () => (typeof final === 'string' ? final : textOf(decodeJsonLayers(final))) || undefined };
  else if (all !== undefined) r.answer = { from: 'pydantic_ai.all_messages', get: () => lastAssistantText(messagesFrom(all, 'user')) };
  if (category === 'tool') {
    const toolName = firstStr(f, 'gen_ai.tool.name');
    const fromName = name.startsWith('running tool: ') ? name.slice('running tool: '.length) : undefined;
    r.toolName = toolName ?? (fromName ? { value: fromName, from: 'span name' } : undefined);
    const args = firstAny(f, 'tool_arguments');
    if (args) r.toolArguments = { from: args.from, get: () => parseMaybeJson(args.value) };
    const result = firstAny(f, 'tool_response');
    if (result) r.toolResult = { from: result.from, get: () => parseMaybeJson(result.value) };
  }
  return r;
}
