import type { TraceAnalyses, TraceFinding } from '../analyze/traceAnalyses';
import { traceDiagnostics } from '../analyze/lookalikeNames';
import { traceFigures } from '../analyze/traceFigures';
import type { TraceSet } from '../model/trace';
import { inspectSteps, type InspectStep } from './inspectSteps';

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
  /** The number of root spans (more than one: orphans, or a trace cut into pieces). */
  roots: number;
  /** Null when unknown: a model with recorded tokens has no known price, or a call recorded no usage. */
  costUsd: number | null;
  /** Present exactly when `costUsd` is null: why, in words. */
  costUnknownReason?: string;
  diagnostics: { code: string; message: string; spanId?: string }[];
  /**
   * Claimed-vs-executed discrepancies (src/core/analyze/claims, most severe kinds first within a
   * run), then execution loops (`kind: 'loop'`, with `pattern`, `wastedTokens`, `wastedCostUsd`)
   * and dependency cycles in stated plans (`kind: 'plan-cycle'`, with `cycle`).
   */
  findings: TraceFinding[];
  /** With `--steps` only: what was extracted from each iteration (see `inspectSteps`). */
  steps?: InspectStep[];
}

/** `analyses[i]` holds trace `i` of the set with its agent view. */
export function buildInspectReport(set: TraceSet, analyses: readonly TraceAnalyses[], options: { steps?: boolean } = {}): InspectReport {
  return {
    format: set.format,
    traces: analyses.map((a) => (options.steps ? { ...inspectTrace(a), steps: inspectSteps(a) } : inspectTrace(a))),
  };
}

/** The same figures as the panel's header (`traceFigures`), rounded for JSON, plus diagnostics and findings. */
function inspectTrace(a: TraceAnalyses): InspectTrace {
  const trace = a.trace;
  const f = traceFigures(trace, a.view);
  const diagnostics = traceDiagnostics(trace, a.view).map((d) =>
    d.spanId ? { code: d.code, message: d.message, spanId: d.spanId } : { code: d.code, message: d.message },
  );
  return {
    traceId: f.traceId,
    spanCount: f.spanCount,
    roots: trace.rootIndices.length,
    rootName: f.rootName,
    durationMs: round3(f.durationMs),
    status: f.status,
    iterations: f.iterations,
    llmCalls: f.llmCalls,
    toolCalls: f.toolCalls,
    tokens: { input: f.tokens.input, output: f.tokens.output },
    costUsd: f.costUsd === null ? null : roundCost(f.costUsd),
    ...(f.costUnknownReason !== undefined ? { costUnknownReason: f.costUnknownReason } : {}),
    diagnostics,
    findings: a.findings(),
  };
}

const round3 = (x: number) => Math.round(x * 1e3) / 1e3;
/** Costs are tiny (fractions of a cent per call): keep 10 significant digits, not a fixed number of decimals. */
const roundCost = (x: number) => Number(x.toPrecision(10));
