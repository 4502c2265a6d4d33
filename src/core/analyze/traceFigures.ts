import { StatusCode } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * The headline figures of one trace, the same wherever they are shown: the panel's header and
 * the side bar (`buildTraceSummary`), the clipboard summary and `agent-trace inspect`.
 *
 * - `rootName` is the first root's name (roots are by start time).
 * - `status` is 'error' when any span has an error status.
 * - `costUsd` is null when unknown (a model with recorded tokens and no price, or an LLM call that
 *   recorded no usage), never 0 then; `costUnknownReason` says which, in words.
 */
export interface TraceFigures {
  readonly traceId: string;
  readonly spanCount: number;
  readonly rootName: string;
  readonly durationMs: number;
  readonly status: 'ok' | 'error';
  readonly iterations: number;
  readonly llmCalls: number;
  readonly toolCalls: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number | null;
  /** Set exactly when `costUsd` is null: "no usage recorded", "no price for gpt-x", or both. */
  readonly costUnknownReason?: string;
}

export function traceFigures(trace: Trace, view: AgentView): TraceFigures {
  return {
    traceId: trace.traceId,
    spanCount: trace.spans.length,
    rootName: trace.rootIndices.length > 0 ? trace.spans[trace.rootIndices[0]].name : '',
    durationMs: spanMs(trace.startNs, trace.endNs),
    status: hasError(trace) ? 'error' : 'ok',
    iterations: view.iterationCount,
    llmCalls: view.llmCalls.length,
    toolCalls: view.toolExecutions.length,
    tokens: { input: view.tokens.input, output: view.tokens.output },
    costUsd: view.costUsd,
    ...(view.costUsd === null ? { costUnknownReason: costUnknownReason(view) } : {}),
  };
}

function costUnknownReason(view: AgentView): string {
  const reasons: string[] = [];
  if (view.noUsageCalls > 0)
    reasons.push(
      view.noUsageCalls === view.llmCalls.length ? 'no usage recorded' : `no usage recorded on ${view.noUsageCalls} of ${view.llmCalls.length} LLM calls`,
    );
  if (view.unpricedModels.length > 0) reasons.push(`no price for ${view.unpricedModels.join(', ')}`);
  return reasons.length > 0 ? reasons.join('; ') : 'no LLM calls recognised';
}

function hasError(trace: Trace): boolean {
  for (const s of trace.spans) if (s.status.code === StatusCode.Error) return true;
  return false;
}
