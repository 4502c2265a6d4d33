import { traceFindings, type TraceFinding } from '../analyze/traceFindings';
import { StatusCode } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace, TraceSet } from '../model/trace';
import type { AgentView } from '../semantics/types';

/**
 * The output of `agent-trace inspect --json`. This shape is a public contract (documented in
 * the README, used by CI scripts): add fields, never rename or remove them.
 */
export interface InspectReport {
  format: string;
  traces: InspectTrace[];
}

export interface InspectTrace {
  traceId: string;
  spanCount: number;
  rootName: string;
  durationMs: number;
  status: 'ok' | 'error';
  iterations: number;
  llmCalls: number;
  toolCalls: number;
  tokens: { input: number; output: number };
  /** Null when a model with recorded tokens has no known price. */
  costUsd: number | null;
  diagnostics: { code: string; message: string; spanId?: string }[];
  /**
   * Claimed-vs-executed discrepancies (src/core/analyze/claims, most severe kinds first within a
   * run), then execution loops (`kind: 'loop'`, with `pattern`, `wastedTokens`, `wastedCostUsd`)
   * and dependency cycles in stated plans (`kind: 'plan-cycle'`, with `cycle`).
   */
  findings: TraceFinding[];
}

export function buildInspectReport(set: TraceSet, views: readonly AgentView[]): InspectReport {
  return {
    format: set.format,
    traces: set.traces.map((t, i) => inspectTrace(t, views[i])),
  };
}

export function inspectTrace(trace: Trace, view: AgentView): InspectTrace {
  const diagnostics = trace.diagnostics.map((d) => (d.spanId ? { code: d.code, message: d.message, spanId: d.spanId } : { code: d.code, message: d.message }));
  return {
    traceId: trace.traceId,
    spanCount: trace.spans.length,
    rootName: trace.rootIndices.length ? trace.spans[trace.rootIndices[0]].name : '',
    durationMs: round3(spanMs(trace.startNs, trace.endNs)),
    status: trace.spans.some((s) => s.status.code === StatusCode.Error) ? 'error' : 'ok',
    iterations: view.iterationCount,
    llmCalls: view.llmCalls.length,
    toolCalls: view.toolExecutions.length,
    tokens: { input: view.tokens.input, output: view.tokens.output },
    costUsd: view.costUsd === null ? null : roundCost(view.costUsd),
    diagnostics,
    findings: traceFindings(trace, view),
  };
}

const round3 = (x: number) => Math.round(x * 1e3) / 1e3;
/** Costs are tiny (fractions of a cent per call): keep 10 significant digits, not a fixed number of decimals. */
const roundCost = (x: number) => Number(x.toPrecision(10));
