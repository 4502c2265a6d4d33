import { formatAttrValue } from '../model/attributes';
import { SPAN_KIND_NAMES, STATUS_NAMES } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * A readable, stable text dump of a trace: one line per span, indented by depth, with times as
 * offsets from the trace start. Used for snapshot tests and `agent-trace inspect --tree`.
 * `attributes` lists the keys to print for every span that has them.
 */
export function dumpTrace(trace: Trace, view?: AgentView, attributes: readonly string[] = []): string {
  const lines: string[] = [`trace ${trace.traceId} (${trace.spans.length} spans, ${fmt(spanMs(trace.startNs, trace.endNs))})`];
  for (const s of trace.spans) {
    const sem = view?.spans[s.index];
    const tags: string[] = [SPAN_KIND_NAMES[s.kind], STATUS_NAMES[s.status.code]];
    if (sem && sem.category !== 'other') tags.push(`${sem.category}/${sem.convention}`);
    let line = `${'  '.repeat(s.depth + 1)}${s.name || '(unnamed)'} [${tags.join(' ')}] +${fmt(spanMs(trace.startNs, s.startNs))} ${fmt(spanMs(s.startNs, s.endNs))}`;
    for (const k of attributes) {
      const v = s.attributes.get(k);
      if (v !== undefined) line += ` ${k}=${clip(formatAttrValue(v))}`;
    }
    lines.push(line);
  }
  for (const d of trace.diagnostics) lines.push(`  ! ${d.code}: ${d.message}`);
  for (const q of trace.quarantined) lines.push(`  ✗ quarantined: ${q.reason}`);
  return lines.join('\n');
}

function fmt(ms: number): string {
  return `${ms.toFixed(3)}ms`;
}

function clip(s: string): string {
  return s.length > 60 ? JSON.stringify(s.slice(0, 57) + '...') : JSON.stringify(s);
}
