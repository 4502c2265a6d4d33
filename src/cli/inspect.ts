import { dumpTrace } from '../core/report/dumpTrace';
import { buildInspectReport, type InspectTrace } from '../core/report/inspectReport';
import { deriveAgentView } from '../core/semantics/agentView';
import { TraceAnalyses } from '../core/analyze/traceAnalyses';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';

export function runInspect(args: string[]): number {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--tree');
  if (files.length !== 1 || unknown.length) {
    process.stderr.write(`error: usage: agent-trace inspect <file> [--json] [--tree]${unknown.length ? ` (unknown option ${unknown[0]})` : ''}\n`);
    return 2;
  }
  try {
    const set = loadTraceFile(files[0]);
    const analyses = set.traces.map((t) => new TraceAnalyses(t, deriveAgentView(t)));
    const report = buildInspectReport(set, analyses);
    if (flags.has('--json')) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    const out: string[] = [`${files[0]}: ${set.formatLabel}, ${set.traces.length} trace${set.traces.length === 1 ? '' : 's'}`];
    for (const d of set.diagnostics) out.push(`  ! ${d.code}: ${d.message}`);
    report.traces.forEach((t, i) => {
      out.push('', ...humanTrace(t));
      if (flags.has('--tree')) out.push(dumpTrace(set.traces[i], analyses[i].view));
    });
    process.stdout.write(terminalText(out.join('\n')) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }
}

function humanTrace(t: InspectTrace): string[] {
  const cost = t.costUsd === null ? `unknown (${t.costUnknownReason ?? 'no price'})` : `$${t.costUsd.toFixed(4)}`;
  const lines = [
    `trace ${t.traceId}  ${t.rootName || '(no root)'}  [${t.status}]`,
    `  ${t.spanCount} spans (${t.roots} ${t.roots === 1 ? 'root' : 'roots'}), ${t.durationMs.toFixed(1)} ms, ${t.iterations} iterations, ${t.llmCalls} LLM calls, ${t.toolCalls} tool calls`,
    `  tokens: ${t.tokens.input} in / ${t.tokens.output} out, cost: ${cost}`,
  ];
  if (t.diagnostics.length) {
    const byCode = new Map<string, number>();
    for (const d of t.diagnostics) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
    lines.push(`  diagnostics: ${[...byCode].map(([c, n]) => `${c} ×${n}`).join(', ')}`);
    for (const d of t.diagnostics.slice(0, 10)) lines.push(`    ${d.code}: ${d.message}`);
    if (t.diagnostics.length > 10) lines.push(`    … ${t.diagnostics.length - 10} more (use --json for all)`);
  }
  return lines;
}
