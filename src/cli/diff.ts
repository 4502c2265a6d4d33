import { TraceAnalyses } from '../core/analyze/traceAnalyses';
import { compareRuns } from '../core/compare/compareRuns';
import { buildDiffReport } from '../core/compare/diffReport';
import { formatDiffText } from '../core/compare/diffText';
import { pickRun } from '../core/compare/pickRun';
import type { RegressionLimits } from '../core/compare/regression';
import { deriveAgentView } from '../core/semantics/agentView';
import { CliError, loadTraceFile } from './loadFile';
import { terminalText } from './terminalText';

const USAGE = 'usage: agent-trace diff <a> <b> [--json] [--fail-on regression] [--max-token-increase P] [--max-cost-increase P]';

/**
 * `agent-trace diff <a> <b>`: run B compared with the baseline run A, step by step (see
 * core/compare). Exit 1 with `--fail-on regression` when B regressed, else 0; 2 for bad usage
 * or unreadable input (`error: <file>: <reason>`).
 */
export function runDiff(args: string[]): number {
  const files: string[] = [];
  const limits: { maxTokenIncreasePct?: number; maxCostIncreasePct?: number } = {};
  let json = false;
  let failOnRegression = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i]);
    if (arg === '--json') json = true;
    else if (name === '--fail-on') {
      const v = value();
      if (v !== 'regression') return usageError(`--fail-on takes regression, not ${v === undefined ? 'nothing' : `'${v}'`}`);
      failOnRegression = true;
    } else if (name === '--max-token-increase' || name === '--max-cost-increase') {
      const v = value();
      const pct = v === undefined || v.trim() === '' ? NaN : Number(v.replace(/%$/, ''));
      if (!Number.isFinite(pct) || pct < 0) return usageError(`${name} takes a percentage ≥ 0, not ${v === undefined ? 'nothing' : `'${v}'`}`);
      if (name === '--max-token-increase') limits.maxTokenIncreasePct = pct;
      else limits.maxCostIncreasePct = pct;
    } else if (arg.startsWith('--')) return usageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 2) return usageError(USAGE.slice('usage: '.length) + ' takes two files');
  try {
    const [a, b] = files.map(loadRun);
    const comparison = compareRuns(a, b, limits satisfies RegressionLimits);
    if (json) process.stdout.write(JSON.stringify(buildDiffReport(comparison), null, 2) + '\n');
    else process.stdout.write(terminalText(formatDiffText(comparison, files[0], files[1])) + '\n');
    return failOnRegression && comparison.verdict.regression ? 1 : 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(terminalText(`error: ${e.message}`) + '\n');
      return 2;
    }
    throw e;
  }

  function loadRun(file: string): TraceAnalyses {
    const run = pickRun(loadTraceFile(file), (t) => deriveAgentView(t));
    if (!run) throw new CliError(`${file}: no traces in the file`);
    return new TraceAnalyses(run.trace, run.view);
  }
}

function usageError(message: string): number {
  process.stderr.write(terminalText(`error: ${message}`) + `\n${USAGE}\n`);
  return 2;
}
