import type { AttrValue } from '../model/attributes';
import { newAttrMap } from '../model/attributes';
import type { SpanFacts } from './facts';
import { isRecord, parseJsonText } from './json';
import { messagesFrom } from './messages';
import type { ChatMessage } from './types';

/**
 * Flattened, indexed attributes: `<prefix><i>.<rest>` grouped by `i` (ascending; indexes may be
 * non-contiguous), each group a null-prototype record of `rest → value`.
 */
export function groupByIndex(entries: Iterable<[string, AttrValue]>, prefix: string): Record<string, AttrValue>[] {
  const groups = new Map<number, Record<string, AttrValue>>();
  for (const [key, value] of entries) {
    if (!key.startsWith(prefix)) continue;
    const dot = key.indexOf('.', prefix.length);
    if (dot < 0) continue;
    const idx = Number(key.slice(prefix.length, dot));
    if (!Number.isInteger(idx) || idx < 0) continue;
    let g = groups.get(idx);
    if (!g) groups.set(idx, (g = newAttrMap()));
    g[key.slice(dot + 1)] = value;
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/**
 * The legacy flattened GenAI content written by OpenLLMetry and older instrumentations:
 * `gen_ai.prompt.<i>.{role,content,name,tool_call_id,tool_calls.<j>.{id,name,arguments}}` and
 * `gen_ai.completion.<i>.{role,content,finish_reason,tool_calls.<j>.…,function_call.{name,arguments}}`.
 * `content` is text or the JSON text of a parts list.
 */
export function flattenedGenAiMessages(f: SpanFacts, prefix: 'gen_ai.prompt.' | 'gen_ai.completion.'): ChatMessage[] {
  const records = groupByIndex(f.withPrefix(prefix), prefix).map((g) => {
    const m: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    m.role = g.role;
    const content = g.content;
    if (typeof content === 'string') {
      // A parts list as JSON text; Koog's JSON list of tool calls stays text for the message reader.
      const parsed = content.startsWith('[') ? parseJsonText(content) : undefined;
      m.content = Array.isArray(parsed) && !parsed.some((x) => isRecord(x) && x.function !== undefined) ? parsed : content;
    } else m.content = content;
    if (g.name !== undefined) m.name = g.name;
    if (g.tool_call_id !== undefined) m.tool_call_id = g.tool_call_id;
    if (g.finish_reason !== undefined) m.finish_reason = g.finish_reason;
    const calls = groupByIndex(Object.entries(g), 'tool_calls.');
    if (calls.length) m.tool_calls = calls.map((c) => ({ id: c.id, function: { name: c.name, arguments: c.arguments } }));
    if (typeof g['function_call.name'] === 'string') m.function_call = { name: g['function_call.name'], arguments: g['function_call.arguments'] };
    return m;
  });
  return messagesFrom(records, prefix === 'gen_ai.prompt.' ? 'user' : 'assistant');
}
