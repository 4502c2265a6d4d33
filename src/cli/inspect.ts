import { dumpTrace } from '../core/report/dumpTrace';
import { buildInspectReport, type InspectReport, type InspectTrace } from '../core/report/inspectReport';
import { deriveAgentView } from '../core/semantics/agentView';
import { TraceAnalyses } from '../core/analyze/traceAnalyses';
import type { TraceSet } from '../core/model/trace';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';
import { traceInputs } from './traceInputs';

const OPTIONS = new Set(['--json', '--tree', '--steps']);
const USAGE = 'usage: agent-trace inspect <file|folder> [--json] [--tree] [--steps]';

/**
 * `agent-trace inspect <file>`: the traces of a file. `--json` prints `InspectReport`; `--steps`
 * adds what was extracted per iteration. With a folder: one result per trace file in it —
 * `--json` prints `{"files": [{"file", …InspectReport} | {"file", "error"}]}` — and the exit
 * code is 2 when any file could not be read (the others are still reported).
 */
export function runInspect(args: string[]): number {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => !OPTIONS.has(f));
  if (paths.length !== 1 || unknown.length) {
    process.stderr.write(`error: ${USAGE}${unknown.length ? ` (unknown option ${unknown[0]})` : ''}\n`);
    return 2;
  }
  try {
    const { isFolder, files } = traceInputs(paths[0]);
    if (!isFolder) {
      const { set, report, analyses } = inspectFile(files[0], flags);
      process.stdout.write(flags.has('--json') ? JSON.stringify(report, null, 2) + '\n' : terminalText(human(files[0], set, report, analyses, flags)) + '\n');
      return 0;
    }
    let failed = 0;
    const json: unknown[] = [];
    const text: string[] = [];
    for (const file of files) {
      try {
        const { set, report, analyses } = inspectFile(file, flags);
        json.push({ file, ...report });
        text.push(human(file, set, report, analyses, flags), '');
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        failed++;
        json.push({ file, error: e.message });
        text.push(`error: ${e.message}`, '');
      }
    }
    process.stdout.write(flags.has('--json') ? JSON.stringify({ files: json }, null, 2) + '\n' : terminalText(text.join('\n')));
    if (failed > 0) process.stderr.write(terminalText(`error: ${failed} of ${files.length} files in ${paths[0]} could not be read`) + '\n');
    return failed > 0 ? 2 : 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }
}

function inspectFile(file: string, flags: ReadonlySet<string>): { set: TraceSet; report: InspectReport; analyses: TraceAnalyses[] } {
  const set = loadTraceFile(file);
  const analyses = set.traces.map((t) => new TraceAnalyses(t, deriveAgentView(t)));
  return { set, analyses, report: buildInspectReport(set, analyses, { steps: flags.has('--steps') }) };
}

function human(file: string, set: TraceSet, report: InspectReport, analyses: readonly TraceAnalyses[], flags: ReadonlySet<string>): string {
  const out: string[] = [`${file}: ${set.formatLabel}, ${set.traces.length} trace${set.traces.length === 1 ? '' : 's'}`];
  for (const d of set.diagnostics) out.push(`  ! ${d.code}: ${d.message}`);
  report.traces.forEach((t, i) => {
    out.push('', ...humanTrace(t));
    if (flags.has('--tree')) out.push(dumpTrace(set.traces[i], analyses[i].view));
  });
  return out.join('\n');
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
  for (const s of t.steps ?? []) {
    lines.push(`  step ${s.spanId} ${s.model ?? '(no model)'}: ${s.toolCalls.length} tool call(s), ${s.executions.length} execution(s)`);
  }
  return lines;
}
