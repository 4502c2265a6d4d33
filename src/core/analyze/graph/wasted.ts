import type { AgentView, ToolExecution } from '../../semantics/types';

export interface Waste {
  readonly tokens: number;
  readonly costUsd: number | null;
}

/**
 * Tokens (input + output) and cost of the LLM calls that requested `repeats`, each call counted
 * once, leaving out any call that also requested one of `needed` (those requests were not wasted).
 * Cost is null when any counted call has an unknown cost, or when no requesting call is known
 * at all (then nothing says what the repeats cost: unknown, not $0).
 */
export function wastedBy(view: AgentView, needed: readonly ToolExecution[], repeats: readonly ToolExecution[]): Waste {
  const requesters = new Set<number>();
  for (const r of repeats) if (r.requestedBy !== undefined) requesters.add(r.requestedBy);
  for (const n of needed) if (n.requestedBy !== undefined) requesters.delete(n.requestedBy);
  let tokens = 0;
  let cost: number | null = requesters.size > 0 || repeats.length === 0 ? 0 : null;
  for (const call of view.llmCalls) {
    if (!requesters.has(call.spanIndex)) continue;
    tokens += (call.usage.input ?? 0) + (call.usage.output ?? 0);
    cost = cost === null || call.cost.usd === null ? null : cost + call.cost.usd;
  }
  return { tokens, costUsd: cost };
}
