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
 * - `costUsd` is null when unknown (a model with recorded tokens and no price), never 0 then.
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
  };
}

function hasError(trace: Trace): boolean {
  for (const s of trace.spans) if (s.status.code === StatusCode.Error) return true;
  return false;
}
