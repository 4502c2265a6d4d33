import { criticalPath } from '../analyze/timeline/criticalPath';
import { selfTimes } from '../analyze/timeline/selfTime';
import { formatAttrValue } from '../model/attributes';
import { StatusCode } from '../model/span';
import type { Trace } from '../model/trace';
import type { CriticalPathView, SpanFilter, SpanSearchResult } from '../protocol';
import type { AgentView } from '../semantics/types';
import { serviceName } from './rows';
import { indexView } from './viewIndex';

/** Critical path and self time of every span, for the waterfall. */
export function buildCriticalPathView(trace: Trace): CriticalPathView {
  const cp = criticalPath(trace);
  return {
    onPath: cp.onPath,
    selfMs: selfTimes(trace),
    criticalMs: cp.criticalMs,
    sectionSpan: cp.sectionSpan,
    sectionStartMs: cp.sectionStartMs,
    sectionEndMs: cp.sectionEndMs,
  };
}

const STATUS_OF_FILTER = { error: StatusCode.Error, ok: StatusCode.Ok, unset: StatusCode.Unset } as const;

/**
 * The spans matching `filter` (see `SpanFilter`): every given part must match. Text is matched
 * case-insensitively against the span name, its service, and the tool name / model the agent
 * view found for it; an attribute value is matched on its display text (`formatAttrValue`).
 */
export function searchSpans(trace: Trace, view: AgentView, filter: SpanFilter): SpanSearchResult {
  const { llmBySpan, toolBySpan } = indexView(trace, view);
  const text = filter.text.trim().toLowerCase();
  const status = filter.status === 'any' ? undefined : STATUS_OF_FILTER[filter.status];
  const category = filter.category === 'any' ? undefined : filter.category;
  const attrKey = filter.attribute?.key;
  const attrValue = filter.attribute?.value?.toLowerCase();
  const out: number[] = [];
  const has = (s: string | undefined) => s !== undefined && s.toLowerCase().includes(text);
  for (let i = 0; i < trace.spans.length; i++) {
    const span = trace.spans[i];
    if (status !== undefined && span.status.code !== status) continue;
    if (category !== undefined && view.spans[i]?.category !== category) continue;
    if (attrKey !== undefined) {
      const v = span.attributes.get(attrKey);
      if (v === undefined) continue;
      if (attrValue !== undefined && !formatAttrValue(v).toLowerCase().includes(attrValue)) continue;
    }
    if (text !== '' && !has(span.name) && !has(serviceName(span)) && !has(toolBySpan.get(i)?.name) && !has(llmBySpan.get(i)?.model)) continue;
    out.push(i);
  }
  return { matches: Int32Array.from(out) };
}
