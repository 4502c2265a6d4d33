/**
 * What a trace says about each tool: its executions, errors and time, for the CodeLens above a
 * handler ("called 4× · 1 error · 820 ms total"), and the tool a span executed.
 */
import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';
import { formatDuration } from '../../view/format';

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

/** The lens title: count, errors (when any) and the total duration, e.g. "called 4× · 1 error · 820 ms total". */
export function toolLensTitle(stats: { readonly count: number; readonly errors: number; readonly totalMs: number }): string {
  const parts = [`called ${stats.count}×`];
  if (stats.errors > 0) parts.push(`${stats.errors} error${stats.errors === 1 ? '' : 's'}`);
  parts.push(`${formatDuration(stats.totalMs)} total`);
  return parts.join(' · ');
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
