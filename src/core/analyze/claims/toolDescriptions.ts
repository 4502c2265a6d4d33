import type { AttrValue } from '../../model/attributes';
import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';

/**
 * Tool descriptions by tool name, from the trace: `gen_ai.tool.description` / `tool.description`
 * on tool spans, and the tool definitions sent with LLM calls (`gen_ai.tool.definitions`, the
 * Vercel AI SDK's `ai.prompt.tools`, `llm.tools`). The first description seen for a name wins.
 */
export function toolDescriptions(trace: Trace, view: AgentView): Map<string, string> {
  const out = new Map<string, string>();
  for (const exec of view.toolExecutions) {
    const attrs = trace.spans[exec.spanIndex].attributes;
    const d = attrs.getString('gen_ai.tool.description') ?? attrs.getString('tool.description');
    if (d && !out.has(exec.name)) out.set(exec.name, d);
  }
  for (const call of view.llmCalls) {
    const attrs = trace.spans[call.spanIndex].attributes;
    for (const key of ['gen_ai.tool.definitions', 'ai.prompt.tools', 'llm.tools', 'gen_ai.request.tools']) {
      const v = attrs.get(key);
      if (v !== undefined) collectDefinitions(v, out);
    }
  }
  return out;
}

function collectDefinitions(v: AttrValue | unknown, out: Map<string, string>, depth = 0): void {
  if (depth > 4) return;
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t.startsWith('{') && !t.startsWith('[')) return;
    try {
      collectDefinitions(JSON.parse(t) as unknown, out, depth + 1);
    } catch {
      // not JSON: no definitions here
    }
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) collectDefinitions(x, out, depth + 1);
    return;
  }
  if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return;
  const r = v as Record<string, unknown>;
  const fn =
    Object.prototype.hasOwnProperty.call(r, 'function') && r.function !== null && typeof r.function === 'object' ? (r.function as Record<string, unknown>) : r;
  const name = fn.name;
  const description = fn.description;
  if (typeof name === 'string' && typeof description === 'string' && description.trim() !== '' && !out.has(name)) out.set(name, description);
  const tool = r.tool;
  if (tool !== undefined && tool !== r) collectDefinitions(tool, out, depth + 1);
}
