import type { RunComparison } from './compareRuns';
import { formatPct, growthPct } from './regression';
import { stepChangeText } from './stepChanges';
import type { StepFacts } from './stepFacts';
import { wordDiff } from './wordDiff';

/**
 * The readable `agent-trace diff` report: totals with deltas, one line per aligned step pair
 * (with what changed and, for changed text, the word diff as [-removed-] {+added+}), the
 * findings fixed/new/unchanged and the verdict. Plain text; the CLI neutralises controls.
 */
export function formatDiffText(c: RunComparison, nameA: string, nameB: string): string {
  const { a, b } = c;
  const lines: string[] = [`a: ${nameA} (trace ${a.traceId})`, `b: ${nameB} (trace ${b.traceId})`, ''];
  const row = (label: string, x: string, y: string, d: string) => lines.push(`  ${label.padEnd(12)}${x.padStart(14)}${y.padStart(14)}   ${d}`);
  row('', 'a', 'b', 'delta');
  row('iterations', String(a.iterations), String(b.iterations), signed(b.iterations - a.iterations));
  const ta = a.tokens.input + a.tokens.output,
    tb = b.tokens.input + b.tokens.output;
  row('tokens', String(ta), String(tb), `${signed(tb - ta)} (${formatPct(growthPct(ta, tb))})`);
  row('  input', String(a.tokens.input), String(b.tokens.input), signed(b.tokens.input - a.tokens.input));
  row('  output', String(a.tokens.output), String(b.tokens.output), signed(b.tokens.output - a.tokens.output));
  row('cost', usd(a.costUsd), usd(b.costUsd), a.costUsd === null || b.costUsd === null ? 'unknown' : usdDelta(b.costUsd - a.costUsd));
  row('duration', `${Math.round(a.durationMs)} ms`, `${Math.round(b.durationMs)} ms`, `${signed(Math.round(b.durationMs - a.durationMs))} ms`);
  row('errors', String(a.errors), String(b.errors), signed(b.errors - a.errors));
  row('outcome', a.status, b.status, a.status === b.status ? '' : `${a.status} → ${b.status}`);
  lines.push('', 'steps:');
  for (const p of c.pairs) {
    const sa = p.a === null ? undefined : c.stepsA[p.a],
      sb = p.b === null ? undefined : c.stepsB[p.b];
    const idx = `${p.a === null ? '-' : p.a}`.padStart(4) + ` ${p.b === null ? '-' : p.b}`.padStart(5);
    lines.push(
      `  ${idx}  ${p.status.padEnd(8)} ${describe(sb ?? sa!)}${p.changes.length ? '   ' + p.changes.map((c) => stepChangeText(c, (names) => `[${names.join(', ')}]`)).join('; ') : ''}`,
    );
    if (sa && sb && p.changes.some((ch) => ch.kind === 'text')) lines.push(`              text: ${oneLine(wordDiffText(sa.text, sb.text))}`);
  }
  lines.push('', 'findings:');
  const list = (label: string, fs: RunComparison['findings']['fixed']) => {
    for (const f of fs) lines.push(`  ${label.padEnd(10)}${f.severity.toUpperCase().padEnd(8)}${f.kind}: ${oneLine(f.message)}`);
  };
  list('fixed', c.findings.fixed);
  list('new', c.findings.new);
  list('unchanged', c.findings.unchanged);
  if (c.findings.fixed.length + c.findings.new.length + c.findings.unchanged.length === 0) lines.push('  none in either run');
  lines.push('');
  if (c.verdict.regression) lines.push('regression:', ...c.verdict.reasons.map((r) => `  ${r}`));
  else lines.push('no regression');
  for (const n of c.verdict.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

function describe(s: StepFacts): string {
  const tools = s.toolCalls.map((t) => (t.status === 'error' ? `${t.name}(error)` : t.name));
  return `${s.model || '(model?)'}${tools.length ? ' → ' + tools.join(', ') : ' → text'}`;
}

function wordDiffText(a: string, b: string): string {
  return wordDiff(a, b)
    .map((p) => (p.op === 'same' ? p.text : p.op === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('');
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const usd = (v: number | null) => (v === null ? 'unknown' : `$${v.toFixed(6)}`);
const usdDelta = (v: number) => `${v >= 0 ? '+' : '-'}$${Math.abs(v).toFixed(6)}`;

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 400 ? t.slice(0, 399) + '…' : t;
}
