/**
 * What a bug report is about: the finding it reports and the failing step it shows (the
 * model's words next to what the tool returned). Chosen from what the user picked (a finding,
 * a span) or, when nothing was picked, the first finding, else the first span with an error.
 */
import { failureOf } from '../analyze/claims/toolOutcome';
import type { TraceAnalyses, TraceFinding } from '../analyze/traceAnalyses';
import { StatusCode, type Span } from '../model/span';
import type { LlmCall, ToolExecution } from '../semantics/types';

/** What the user picked: a finding (index into `TraceAnalyses.findings()`), a span, or nothing. */
export type ReportTarget = { readonly findingIndex: number } | { readonly spanId: string } | Record<string, never>;

export interface FailingStep {
  /** The span the report (and its deep link) points at. */
  readonly span: Span;
  /** The LLM call whose words are quoted: the span itself, the call that requested the tool, or the claim's call. */
  readonly llm?: LlmCall;
  /** The tool execution whose result is quoted. */
  readonly tool?: ToolExecution;
}

export interface ReportFocus {
  readonly finding?: TraceFinding;
  /** 1-based position of `finding` in the trace's findings. */
  readonly findingNumber?: number;
  readonly step?: FailingStep;
}

/**
 * The focus of a report. Throws RangeError for a finding number or span id the trace does not
 * have (the CLI turns it into `error: <file>: <reason>`; the host only passes ones it listed).
 */
export function reportFocus(a: TraceAnalyses, target: ReportTarget): ReportFocus {
  const findings = a.findings();
  if ('findingIndex' in target) {
    const finding = findings[target.findingIndex];
    if (!finding) throw new RangeError(`no finding ${target.findingIndex + 1} (the trace has ${findings.length})`);
    return { finding, findingNumber: target.findingIndex + 1, step: stepOfFinding(a, finding) };
  }
  if ('spanId' in target) {
    const span = a.trace.spans.find((s) => s.spanId === target.spanId);
    if (!span) throw new RangeError(`no span ${target.spanId} in trace ${a.trace.traceId}`);
    const n = findings.findIndex((f) => f.spanIds.includes(span.spanId));
    return { ...(n >= 0 ? { finding: findings[n], findingNumber: n + 1 } : {}), step: stepOfSpan(a, span) };
  }
  if (findings.length > 0) return { finding: findings[0], findingNumber: 1, step: stepOfFinding(a, findings[0]) };
  const failed = a.trace.spans.find((s) => s.status.code === StatusCode.Error);
  return failed ? { step: stepOfSpan(a, failed) } : {};
}

/** The finding's claim call and its first failing tool (else its first tool), else its first span. */
function stepOfFinding(a: TraceAnalyses, f: TraceFinding): FailingStep | undefined {
  const spans = f.spanIds.map((id) => a.trace.spans.find((s) => s.spanId === id)).filter((s): s is Span => s !== undefined);
  if (spans.length === 0) return undefined;
  const tools = spans.map((s) => toolAt(a, s.index)).filter((t): t is ToolExecution => t !== undefined);
  const tool = tools.find((t) => failureOf(t) !== undefined) ?? tools[0];
  const llm = spans.map((s) => llmAt(a, s.index)).find((c) => c !== undefined) ?? (tool?.requestedBy !== undefined ? llmAt(a, tool.requestedBy) : undefined);
  const span = tool ? a.trace.spans[tool.spanIndex] : spans[0];
  return { span, ...(llm ? { llm } : {}), ...(tool ? { tool } : {}) };
}

/** A tool span with the call that requested it; an LLM span with its first failing (else first) tool. */
function stepOfSpan(a: TraceAnalyses, span: Span): FailingStep {
  const tool = toolAt(a, span.index);
  if (tool) {
    const llm = tool.requestedBy !== undefined ? llmAt(a, tool.requestedBy) : undefined;
    return { span, tool, ...(llm ? { llm } : {}) };
  }
  const llm = llmAt(a, span.index);
  if (llm) {
    const requested = a.view.toolExecutions.filter((t) => t.requestedBy === span.index);
    const t = requested.find((x) => failureOf(x) !== undefined) ?? requested[0];
    return { span, llm, ...(t ? { tool: t } : {}) };
  }
  return { span };
}

function toolAt(a: TraceAnalyses, index: number): ToolExecution | undefined {
  return a.view.toolExecutions.find((t) => t.spanIndex === index);
}

function llmAt(a: TraceAnalyses, index: number): LlmCall | undefined {
  return a.view.llmCalls.find((c) => c.spanIndex === index);
}
