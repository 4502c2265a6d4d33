import type { Diagnostic } from '../model/diagnostics';
import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';
import { lookalikeReason } from '../text/lookalikes';

/**
 * One diagnostic per distinct tool or agent name that may pass for another name (see
 * lookalikes.ts), pointing at its first span: "tool name "bооk_hotel" mixes Latin and Cyrillic
 * letters". Reads names only (no messages), so it is cheap enough for the panel's header.
 */
export function lookalikeNames(trace: Trace, view: AgentView): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (what: string, name: string, spanIndex: number) => {
    const key = `${what}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const why = lookalikeReason(name);
    if (why === undefined) return;
    const span = trace.spans[spanIndex];
    out.push({ code: 'lookalike-name', severity: 'warning', message: `${what} name ${JSON.stringify(name)} ${why}`, ...(span ? { spanId: span.spanId } : {}) });
  };
  for (const t of view.toolExecutions) check('tool', t.name, t.spanIndex);
  const runs = [...view.runs];
  while (runs.length > 0) {
    const r = runs.pop()!;
    check('agent', r.name, r.spanIndex);
    runs.push(...r.subAgents);
  }
  return out;
}

/** A trace's own diagnostics and its look-alike names: what the summary and `inspect` list. */
export function traceDiagnostics(trace: Trace, view: AgentView): Diagnostic[] {
  return [...trace.diagnostics, ...lookalikeNames(trace, view)];
}
