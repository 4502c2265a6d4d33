import { traceDiagnostics } from '../analyze/lookalikeNames';
import { traceFigures } from '../analyze/traceFigures';
import type { TraceSet } from '../model/trace';
import { durationMs, type TraceSummary } from '../protocol';
import type { AgentView } from '../semantics/types';
import { formatCost, formatCostOrReason, formatCount, formatDuration, formatTokens } from './format';

/** Diagnostics listed in a summary; past this, one closing entry gives the number left out. */
export const SUMMARY_DIAGNOSTIC_LIMIT = 1000;

export interface SummaryInput {
  readonly fileName: string;
  readonly fileUri: string;
  readonly set: TraceSet;
  readonly traceIndex: number;
  /** The agent view of `set.traces[traceIndex]`. */
  readonly view: AgentView;
}

/**
 * The header of one trace of a file, as the webview, the tree view and the clipboard show it.
 *
 * - the figures (root name, status, counts, tokens, cost) are `traceFigures`, as in `inspect`.
 * - `diagnostics` are the trace's own plus the file-level ones (unreadable records), which
 *   belong to no trace but explain missing spans.
 * - `quarantined` counts this trace's quarantined spans plus file records that reached no trace.
 */
export function buildTraceSummary({ fileName, fileUri, set, traceIndex, view }: SummaryInput): TraceSummary {
  const trace = set.traces[traceIndex];
  const all = [...traceDiagnostics(trace, view), ...set.diagnostics];
  const diagnostics: { code: string; message: string; spanId?: string }[] = [];
  for (const d of all.slice(0, SUMMARY_DIAGNOSTIC_LIMIT)) {
    diagnostics.push(d.spanId ? { code: d.code, message: d.message, spanId: d.spanId } : { code: d.code, message: d.message });
  }
  if (all.length > SUMMARY_DIAGNOSTIC_LIMIT) {
    diagnostics.push({ code: 'more', message: `${formatCount(all.length - SUMMARY_DIAGNOSTIC_LIMIT)} more diagnostics not listed` });
  }
  const f = traceFigures(trace, view);
  return {
    fileName,
    fileUri,
    formatLabel: set.formatLabel,
    traceIndex,
    traceCount: set.traces.length,
    traceId: f.traceId,
    rootName: f.rootName,
    spanCount: f.spanCount,
    durationMs: durationMs(f.durationMs),
    status: f.status,
    iterations: f.iterations,
    llmCalls: f.llmCalls,
    toolCalls: f.toolCalls,
    tokens: { input: f.tokens.input, output: f.tokens.output },
    costUsd: f.costUsd,
    ...(f.costUnknownReason !== undefined ? { costUnknownReason: f.costUnknownReason } : {}),
    diagnostics,
    quarantined: trace.quarantined.length + unattributedRecords(set),
  };
}

/** Input records counted by the file but by none of its traces (unreadable ones). */
function unattributedRecords(set: TraceSet): number {
  let n = set.inputSpanCount;
  for (const t of set.traces) n -= t.inputSpanCount;
  return Math.max(0, n);
}

/** Diagnostics of one trace of the set, as `buildTraceSummary` lists them before its cap. */
export function diagnosticCount(set: TraceSet, traceIndex: number, view: AgentView): number {
  return traceDiagnostics(set.traces[traceIndex], view).length + set.diagnostics.length;
}

/**
 * The plain-text summary "Copy Trace Summary" puts on the clipboard. `diagnosticTotal` is the
 * uncapped count (see `diagnosticCount`); the summary's own list may be capped.
 */
export function formatSummaryText(s: TraceSummary, diagnosticTotal = s.diagnostics.length): string {
  const lines = [
    `Trace: ${s.rootName || '(unnamed)'} (${s.traceId})`,
    `File: ${s.fileName} (${s.formatLabel}${s.traceCount > 1 ? `, trace ${s.traceIndex + 1} of ${s.traceCount}` : ''})`,
    `Status: ${s.status}`,
    `Spans: ${formatCount(s.spanCount)}${s.quarantined > 0 ? ` (+${formatCount(s.quarantined)} quarantined)` : ''}`,
    `Duration: ${formatDuration(s.durationMs)}`,
    `Iterations: ${formatCount(s.iterations)}`,
    `LLM calls: ${formatCount(s.llmCalls)}, tool calls: ${formatCount(s.toolCalls)}`,
    `Tokens: ${formatCount(s.tokens.input)} in, ${formatCount(s.tokens.output)} out`,
    `Cost: ${formatCostOrReason(s.costUsd, s.costUnknownReason)}`,
    `Diagnostics: ${formatCount(diagnosticTotal)}`,
  ];
  return lines.join('\n') + '\n';
}

/** One line for lists (tree view, quick pick): "12 spans · 1.23 s · 3.40k tokens · $0.0123". */
/** `durationMs` is a plain number too: the recent list stores summaries of its own. */
export function formatSummaryLine(s: Pick<TraceSummary, 'spanCount' | 'tokens' | 'costUsd'> & { readonly durationMs: number }): string {
  const tokens = s.tokens.input + s.tokens.output;
  return [
    `${formatCount(s.spanCount)} ${s.spanCount === 1 ? 'span' : 'spans'}`,
    formatDuration(s.durationMs),
    `${formatTokens(tokens)} tokens`,
    formatCost(s.costUsd),
  ].join(' · ');
}
