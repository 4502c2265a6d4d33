import { SPAN_KIND_NAMES, type Span } from '../model/span';
import type { Trace } from '../model/trace';
import type { RowText } from '../protocol';
import type { AgentView, TokenUsage } from '../semantics/types';
import { indexView } from './viewIndex';

/**
 * The text of rows [start, start + count) of the span tree, clipped to the trace's end.
 * `label` is the model of an LLM call or the name of a tool execution; `tokens` is the LLM
 * call's total (input + output when the producer gave no total).
 */
export function buildRows(trace: Trace, view: AgentView, start: number, count: number): RowText[] {
  const { llmBySpan, toolBySpan } = indexView(trace, view);
  const end = Math.min(trace.spans.length, start + count);
  const rows: RowText[] = [];
  for (let i = Math.max(0, start); i < end; i++) {
    const span = trace.spans[i];
    const llm = llmBySpan.get(i);
    const tool = toolBySpan.get(i);
    const label = llm?.model ?? tool?.name;
    const tokens = llm ? totalTokens(llm.usage) : undefined;
    rows.push({
      index: i,
      name: span.name,
      service: serviceName(span),
      kind: SPAN_KIND_NAMES[span.kind] ?? 'unspecified',
      ...(label !== undefined && label !== '' ? { label } : {}),
      ...(tokens !== undefined ? { tokens } : {}),
    });
  }
  return rows;
}

export function serviceName(span: Span): string {
  return span.resource.serviceName ?? span.resource.attributes.getString('service.name') ?? '';
}

/** Total tokens of a call, or undefined when the producer recorded none. */
export function totalTokens(u: TokenUsage): number | undefined {
  if (u.total !== undefined) return u.total;
  if (u.input === undefined && u.output === undefined) return undefined;
  return (u.input ?? 0) + (u.output ?? 0);
}
