/**
 * report.md of a bug-report bundle, built from the (already redacted) trace and its analyses.
 * Every piece of trace text goes through markdownText.ts (escaped prose, code spans, fences),
 * so the file can be pasted into a public tracker without adding links, images, HTML or
 * mentions. Figures are the panel's (`traceFigures`); an unknown cost reads "unknown", never $0.
 */
import { failureOf } from '../analyze/claims/toolOutcome';
import type { TraceAnalyses, TraceFinding } from '../analyze/traceAnalyses';
import { traceFigures } from '../analyze/traceFigures';
import { STATUS_NAMES, type Span } from '../model/span';
import { textOf } from '../semantics/json';
import type { ChatMessage } from '../semantics/types';
import { inlineText } from '../text/visibleText';
import { formatCost, formatCount, formatDuration } from '../view/format';
import { mdCode, mdFence, mdText } from './markdownText';
import { reportFocus, type FailingStep, type ReportFocus, type ReportTarget } from './reportFocus';

/** What the report says about where the trace lives and what was redacted (the host's or CLI's facts). */
export interface ReportContext {
  /** `vscode://…/open?trace=…` (deepLink.ts). */
  readonly deepLink: string;
  /** The trace's page in the backend it came from, when it came from one. */
  readonly backendUrl?: string;
  /** The files of the bundle next to report.md (`trace.otlp.json`, `trace.html`). */
  readonly bundleFiles: readonly string[];
  /** Redaction counts by type (`[REDACTED:<type>#n]` markers), when the trace was redacted. */
  readonly redacted?: Readonly<Record<string, number>>;
  /** True when message bodies were dropped entirely. */
  readonly droppedMessageBodies?: boolean;
}

export interface ReportMarkdown {
  /** The issue title: plain, one line, at most 120 characters. */
  readonly title: string;
  /** The whole report.md. */
  readonly markdown: string;
  /** The head of the report (title, figures, findings, links) without the quoted step: for URLs that cannot carry all of it. */
  readonly summary: string;
  /** The span the report points at, for the deep link. */
  readonly spanId?: string;
}

/** Longest quote of the model's words and of a tool's result. */
const QUOTE_LIMIT = 1500;
const TITLE_LIMIT = 120;
const MAX_FINDINGS = 20;

/** The span a report on `target` points at (for the deep link, built before the Markdown). */
export function reportSpanId(a: TraceAnalyses, target: ReportTarget): string | undefined {
  return reportFocus(a, target).step?.span.spanId;
}

export function buildReportMarkdown(a: TraceAnalyses, target: ReportTarget, ctx: ReportContext): ReportMarkdown {
  const focus = reportFocus(a, target);
  const title = reportTitle(a, focus);
  const head = [`# ${mdText(title, TITLE_LIMIT)}`, '', ...figureLines(a), '', ...findingLines(a, focus), ...whereLines(a, ctx)];
  const step = focus.step ? stepLines(focus.step) : [];
  const tail = [
    ...environmentLines(a),
    ...redactionLines(ctx),
    '---',
    '_Written by Agent Trace Debugger (Create Bug Report). Trace text is quoted as code; secrets and personal data were redacted before writing._',
    '',
  ];
  return {
    title,
    markdown: [...head, ...step, ...tail].join('\n'),
    summary: [...head, ...redactionLines(ctx)].join('\n'),
    ...(focus.step ? { spanId: focus.step.span.spanId } : {}),
  };
}

function reportTitle(a: TraceAnalyses, focus: ReportFocus): string {
  let t: string;
  if (focus.finding) t = `${kindLabel(focus.finding)}: ${focus.finding.message}`;
  else if (focus.step) {
    const s = focus.step.span;
    t = `${s.name || '(unnamed span)'} failed${s.status.message ? `: ${s.status.message}` : ''}`;
  } else t = `Agent trace ${a.trace.spans[a.trace.rootIndices[0]]?.name ?? a.trace.traceId}`;
  return inlineText(t.replace(/\s+/g, ' ').trim(), TITLE_LIMIT);
}

function kindLabel(f: TraceFinding): string {
  const k = f.kind === 'loop' ? `loop (${f.pattern})` : f.kind;
  return k.charAt(0).toUpperCase() + k.slice(1).replace(/-/g, ' ');
}

function figureLines(a: TraceAnalyses): string[] {
  const f = traceFigures(a.trace, a.view);
  const root = a.trace.spans[a.trace.rootIndices[0]];
  const service = root?.resource.serviceName;
  const cost =
    f.llmCalls === 0 ? 'unknown (no LLM calls recognised)' : f.costUsd === null ? `unknown (no price for ${unpricedText(a)})` : formatCost(f.costUsd);
  return [
    `- **Trace:** ${mdCode(f.traceId)}`,
    `- **Service:** ${service ? mdCode(service) : 'unknown'}`,
    `- **Root span:** ${mdCode(f.rootName || '(unnamed)')}`,
    `- **Status:** ${f.status}`,
    `- **Duration:** ${formatDuration(f.durationMs)}`,
    `- **Spans:** ${formatCount(f.spanCount)}; **iterations:** ${formatCount(f.iterations)}; **LLM calls:** ${formatCount(f.llmCalls)}; **tool calls:** ${formatCount(f.toolCalls)}`,
    `- **Tokens:** ${formatCount(f.tokens.input)} input, ${formatCount(f.tokens.output)} output`,
    `- **Cost:** ${cost}`,
  ];
}

function unpricedText(a: TraceAnalyses): string {
  const models = a.view.unpricedModels;
  return models.length === 0
    ? 'a model'
    : models
        .slice(0, 5)
        .map((m) => mdCode(m, 80))
        .join(', ');
}

function findingLines(a: TraceAnalyses, focus: ReportFocus): string[] {
  const findings = a.findings();
  if (findings.length === 0) return ['## Findings', '', 'No findings (claimed vs executed, loops, plan cycles).', ''];
  const lines = [`## Findings (${findings.length})`, ''];
  findings.slice(0, MAX_FINDINGS).forEach((f, i) => {
    const mark = focus.finding === f ? ' ← reported' : '';
    lines.push(`${i + 1}. **${f.severity}** ${mdCode(f.kind)}: ${mdText(f.message)}${mark}`);
    if ('claim' in f && f.claim !== undefined) lines.push(`   - Claim: ${mdCode(f.claim, 400)}`);
    for (const id of f.spanIds.slice(0, 6)) {
      const tool = a.view.toolExecutions.find((t) => a.trace.spans[t.spanIndex].spanId === id);
      if (!tool) continue;
      const why = failureOf(tool);
      lines.push(`   - Tool ${mdCode(tool.name, 80)}: status ${tool.status}${why ? `, error ${mdCode(why, 300)}` : ''}`);
    }
    lines.push(
      `   - Spans: ${f.spanIds
        .slice(0, 12)
        .map((id) => mdCode(id))
        .join(', ')}${f.spanIds.length > 12 ? ` and ${f.spanIds.length - 12} more` : ''}`,
    );
  });
  if (findings.length > MAX_FINDINGS) lines.push('', `…and ${findings.length - MAX_FINDINGS} more findings (see the trace file).`);
  lines.push('');
  return lines;
}

function whereLines(a: TraceAnalyses, ctx: ReportContext): string[] {
  const lines = ['## Where the trace is', ''];
  // The backend URL is the configured connection's, not trace text; still only a plain http(s) URL becomes a link.
  if (ctx.backendUrl) lines.push(`- Backend: ${/^https?:\/\/[^\s<>()[\]`]+$/.test(ctx.backendUrl) ? `<${ctx.backendUrl}>` : mdCode(ctx.backendUrl, 2000)}`);
  for (const f of ctx.bundleFiles)
    lines.push(`- ${mdCode(f)}: ${f.endsWith('.html') ? 'offline viewer (open it in any browser)' : 'the redacted trace (OTLP JSON)'}`);
  lines.push(`- Open it in VS Code (Agent Trace Debugger), at the reported span: ${mdCode(ctx.deepLink, 8192)}`);
  lines.push(`- Trace id ${mdCode(a.trace.traceId)}`, '');
  return lines;
}

function stepLines(step: FailingStep): string[] {
  const s = step.span;
  const lines = [
    '## Failing step',
    '',
    `Span ${mdCode(s.name || '(unnamed)')} (${mdCode(s.spanId)}), status ${STATUS_NAMES[s.status.code]}${s.status.message ? `: ${mdCode(s.status.message, 300)}` : ''}`,
    '',
  ];
  if (step.llm) {
    const words = modelWords(step.llm.output);
    lines.push(
      `**The model said** (${mdCode(step.llm.model ?? 'model unknown', 80)}):`,
      '',
      words ? mdFence(words, QUOTE_LIMIT) : '_(no text: content capture may have been off)_',
      '',
    );
  }
  if (step.tool) {
    const t = step.tool;
    const why = failureOf(t);
    lines.push(`**The tool returned** (${mdCode(t.name, 80)}, status ${t.status}${why ? ', failed' : ''}):`, '');
    const returned = t.result !== undefined ? textOf(t.result) : (t.error ?? '');
    lines.push(returned ? mdFence(returned, QUOTE_LIMIT, /^\s*[[{]/.test(returned) ? 'json' : 'text') : '_(no result recorded)_', '');
    if (t.arguments !== undefined) lines.push('Arguments:', '', mdFence(textOf(t.arguments), QUOTE_LIMIT / 2, 'json'), '');
  }
  return lines;
}

/** The assistant's text and the tool calls it asked for, as one quote. */
function modelWords(output: readonly ChatMessage[]): string {
  const parts: string[] = [];
  for (const m of output) {
    if (m.text) parts.push(m.text);
    for (const c of m.toolCalls) parts.push(`→ ${c.name}(${c.arguments === undefined ? '' : textOf(c.arguments)})`);
  }
  return parts.join('\n\n');
}

function environmentLines(a: TraceAnalyses): string[] {
  const root: Span | undefined = a.trace.spans[a.trace.rootIndices[0]];
  const res = root?.resource.attributes;
  const get = (k: string) => res?.getString(k);
  const sdk = [get('telemetry.sdk.name'), get('telemetry.sdk.language'), get('telemetry.sdk.version')].filter(Boolean).join(' ');
  const models = unique(a.view.llmCalls.map((c) => c.model));
  const providers = unique(a.view.llmCalls.map((c) => c.provider));
  const scopes = unique(a.trace.spans.map((s) => (s.scope.name ? `${s.scope.name}${s.scope.version ? ` ${s.scope.version}` : ''}` : undefined)));
  const list = (xs: readonly string[]) =>
    xs.length === 0
      ? 'unknown'
      : xs
          .slice(0, 8)
          .map((x) => mdCode(x, 120))
          .join(', ');
  return [
    '## Environment',
    '',
    `- **Service version:** ${get('service.version') ? mdCode(get('service.version')!) : 'unknown'}`,
    `- **SDK:** ${sdk ? mdCode(sdk) : 'unknown'}`,
    `- **Instrumentation:** ${list(scopes)}`,
    `- **Model:** ${list(models)}`,
    `- **Provider:** ${list(providers)}`,
    '',
  ];
}

function redactionLines(ctx: ReportContext): string[] {
  if (!ctx.redacted) return [];
  const entries = Object.entries(ctx.redacted).filter(([, n]) => n > 0);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const by = entries.map(([type, n]) => `${mdCode(type, 40)} ${formatCount(n)}`).join(', ');
  if (total === 0)
    return ['## Redaction', '', `No secrets or personal data were found to redact.${ctx.droppedMessageBodies ? ' Message bodies were dropped.' : ''}`, ''];
  return [
    '## Redaction',
    '',
    `${formatCount(total)} value${total === 1 ? '' : 's'} redacted${by ? ` (${by})` : ''}; each is replaced by a marker like ${mdCode('[REDACTED:email#1]')}, the same value by the same marker.${ctx.droppedMessageBodies ? ' Message bodies were dropped.' : ''}`,
    '',
  ];
}

function unique(xs: readonly (string | undefined)[]): string[] {
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))];
}
