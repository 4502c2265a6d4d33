import { join, resolve } from 'node:path';
import { TraceAnalyses } from '../core/analyze/traceAnalyses';
import type { ReportTarget } from '../core/bugReport/reportFocus';
import { StatusCode } from '../core/model/span';
import type { Trace, TraceSet } from '../core/model/trace';
import { deriveAgentView } from '../core/semantics/agentView';
import { REPORT_FILE, writeBugReportBundle } from '../bugReport/writeBundle';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';

const USAGE = 'usage: agent-trace report <file> [--span ID] [--finding N] -o <dir>';

/**
 * `agent-trace report <file> [--span ID] [--finding N] -o <dir>`: the bug-report bundle of the
 * Create Bug Report… command, headless: `<dir>/report.md`, the redacted trace as
 * `<dir>/trace.otlp.json` and, when the offline viewer ships next to the CLI (`dist/offline`),
 * `<dir>/trace.html`. Prints the path of report.md. The trace reported is the one holding
 * `--span`, else the first with a finding, else the first with an error, else the first.
 * `--finding N` is the N-th finding of that trace (1 = first, as report.md numbers them).
 * Exit 2 with `error: <file>: <reason>` for bad input or usage, and when the final leak scan
 * blocks the bundle (nothing is written then). The input file is never modified.
 */
export async function runReport(args: string[]): Promise<number> {
  let spanId: string | undefined;
  let finding: number | undefined;
  let outDir: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--span' || a.startsWith('--span=')) spanId = value();
    else if (a === '--finding' || a.startsWith('--finding=')) {
      const v = value();
      if (v === undefined || !/^[1-9]\d{0,5}$/.test(v))
        return usageError(`--finding takes a finding number (1 = first), not ${v === undefined ? 'nothing' : `'${v}'`}`);
      finding = Number(v);
    } else if (a === '-o' || a === '--out' || a.startsWith('--out=')) outDir = value();
    else if (a.startsWith('-')) return usageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) return usageError(USAGE);
  if (outDir === undefined || outDir === '') return usageError(`-o <dir> is required\n${USAGE}`);
  if (spanId !== undefined && !/^[0-9a-fA-F]{16}$/.test(spanId)) return usageError(`--span takes a span id of 16 hex characters, not '${spanId ?? ''}'`);
  const file = files[0];
  try {
    const set = loadTraceFile(file);
    const trace = pickTrace(set, spanId?.toLowerCase());
    if (!trace) throw new CliError(`${file}: no span ${spanId} in any trace of the file`);
    const target: ReportTarget = spanId !== undefined ? { spanId: spanId.toLowerCase() } : finding !== undefined ? { findingIndex: finding - 1 } : {};
    if (finding !== undefined) {
      const count = new TraceAnalyses(trace, deriveAgentView(trace)).findings().length;
      if (finding > count) throw new CliError(`${file}: no finding ${finding} (trace ${trace.traceId} has ${count})`);
    }
    const out = await writeBugReportBundle(
      {
        trace,
        target,
        redaction: {},
        linkSource: { file: resolve(file) },
        viewerDir: join(__dirname, 'offline'),
        inputFile: file,
      },
      outDir,
    );
    if (out.kind === 'blocked') throw new CliError(`${file}: ${out.reason}`);
    if (out.viewerNote) process.stderr.write(terminalText(`note: ${out.viewerNote}`) + '\n');
    process.stdout.write(terminalText(join(out.dir, REPORT_FILE)) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }
}

function usageError(message: string): number {
  process.stderr.write(`error: ${message}${message === USAGE ? '' : `\n${USAGE}`}\n`);
  return 2;
}

function pickTrace(set: TraceSet, spanId: string | undefined): Trace | undefined {
  if (spanId !== undefined) return set.traces.find((t) => t.spans.some((s) => s.spanId === spanId));
  return (
    set.traces.find((t) => new TraceAnalyses(t, deriveAgentView(t)).findings().length > 0) ??
    set.traces.find((t) => t.spans.some((s) => s.status.code === StatusCode.Error)) ??
    set.traces[0]
  );
}
