/**
 * What a trace says about each tool: its executions, errors and time (shown by the CodeLens
 * above a handler, see view/toolLensTitle.ts), and the tool a span executed.
 */
import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';

export interface ToolCallStats {
  readonly name: string;
  /** Span indices of the executions, in trace order. */
  readonly spans: readonly number[];
  readonly errors: number;
  /** Sum of the executions' durations, ms. */
  readonly totalMs: number;
}

/** Per tool name, in order of first execution. */
export function toolCallStats(trace: Trace, view: AgentView): ToolCallStats[] {
  const byName = new Map<string, { spans: number[]; errors: number; totalNs: bigint }>();
  for (const t of view.toolExecutions) {
    const span = trace.spans[t.spanIndex];
    if (!span || t.name === '') continue;
    let s = byName.get(t.name);
    if (!s) byName.set(t.name, (s = { spans: [], errors: 0, totalNs: 0n }));
    s.spans.push(t.spanIndex);
    if (t.status === 'error') s.errors++;
    if (span.endNs > span.startNs) s.totalNs += span.endNs - span.startNs;
  }
  return [...byName].map(([name, s]) => ({ name, spans: s.spans, errors: s.errors, totalMs: Number(s.totalNs) / 1e6 }));
}

/**
 * The tool span `index` executed: its tool execution's name, else a tool-name attribute, else
 * the span name for spans read as tool calls. Undefined for spans that are no tool call.
 */
export function toolNameOfSpan(trace: Trace, view: AgentView, index: number): string | undefined {
  const exec = view.toolExecutions.find((t) => t.spanIndex === index);
  if (exec && exec.name !== '') return exec.name;
  const span = trace.spans[index];
  if (!span) return undefined;
  for (const k of ['gen_ai.tool.name', 'tool.name', 'ai.toolCall.name', 'traceloop.entity.name']) {
    const v = span.attributes.getString(k);
    if (v && v.trim() !== '') return v.trim();
  }
  if (view.spans[index]?.category !== 'tool') return undefined;
  return span.name.replace(/^(execute_tool|tool|running tool:?)\s+/i, '').trim() || undefined;
}
