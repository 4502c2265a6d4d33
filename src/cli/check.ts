import { SEVERITY_RANK, type FindingSeverity } from '../core/analyze/claims/types';
import { TraceAnalyses, type TraceFinding } from '../core/analyze/traceAnalyses';
import { deriveAgentView } from '../core/semantics/agentView';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';
import { traceInputs } from './traceInputs';

const USAGE = 'usage: agent-trace check <file|folder> [--fail-on warning|error]';

/**
 * `agent-trace check <file|folder>`: the findings of every trace in a file (claimed-vs-executed
 * discrepancies, execution loops, plan dependency cycles), as a readable report; for a folder,
 * one report per trace file in it. Exit 1 when a finding is at or above `--fail-on` (default
 * error), 0 otherwise, 2 for bad usage or unreadable input (any file of a folder).
 */
export function runCheck(args: string[]): number {
  let threshold: FindingSeverity = 'error';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--fail-on' || a.startsWith('--fail-on=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'warning' && v !== 'error') {
        process.stderr.write(`error: --fail-on takes warning or error, not ${v === undefined ? 'nothing' : `'${v}'`}\n${USAGE}\n`);
        return 2;
      }
      threshold = v;
    } else if (a.startsWith('--')) {
      process.stderr.write(`error: unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    process.stderr.write(`error: ${USAGE}\n`);
    return 2;
  }
  try {
    const { isFolder, files: inputs } = traceInputs(files[0]);
    let failing = 0;
    let unreadable = 0;
    const out: string[] = [];
    for (const file of inputs) {
      try {
        const r = checkFile(file, threshold);
        failing += r.failing;
        out.push(r.text);
      } catch (e) {
        if (!isFolder || !(e instanceof CliError)) throw e;
        unreadable++;
        out.push(`error: ${e.message}`);
      }
    }
    process.stdout.write(terminalText(out.join('\n')) + '\n');
    if (unreadable > 0) {
      process.stderr.write(terminalText(`error: ${unreadable} of ${inputs.length} files in ${files[0]} could not be read`) + '\n');
      return 2;
    }
    return failing > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }
}

/** One file's report and how many of its findings are at or above the threshold. */
function checkFile(file: string, threshold: FindingSeverity): { text: string; failing: number } {
  const set = loadTraceFile(file);
  const out: string[] = [];
  let failing = 0;
  let total = 0;
  for (const trace of set.traces) {
    const findings = new TraceAnalyses(trace, deriveAgentView(trace)).findings();
    if (findings.length === 0) continue;
    out.push(`trace ${trace.traceId}`);
    for (const f of findings) {
      total++;
      if (SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) failing++;
      out.push(...formatFinding(f));
    }
  }
  const summary = total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'}, ${failing} at or above ${threshold}`;
  return { text: [`${file}: ${set.traces.length} trace${set.traces.length === 1 ? '' : 's'}, ${summary}`, ...out].join('\n'), failing };
}

function formatFinding(f: TraceFinding): string[] {
  const lines = [`  ${f.severity.toUpperCase().padEnd(7)} ${f.kind}: ${f.message}`];
  if ('claim' in f && f.claim !== undefined) lines.push(`          claim: "${oneLine(f.claim)}"`);
  if (f.kind === 'loop')
    lines.push(`          wasted: ${f.wastedTokens} tokens, ${f.wastedCostUsd === null ? 'cost unknown' : `$${f.wastedCostUsd.toFixed(4)}`}`);
  if (f.kind === 'plan-cycle') lines.push(`          cycle: ${f.cycle.join(' → ')}`);
  lines.push(`          spans: ${f.spanIds.join(', ')}`);
  return lines;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 240 ? t.slice(0, 239) + '…' : t;
}
