import type { RunComparison } from '../compare/compareRuns';
import { formatPct, growthPct } from '../compare/regression';
import { stepChangeText } from '../compare/stepChanges';
import type { StepFacts } from '../compare/stepFacts';
import { wordDiff } from '../compare/wordDiff';
import type { CompareFindingRow, ComparePairView, CompareStepSide, CompareTotalRow, CompareView } from '../protocol/compare';
import { clipText, previewValue } from './clip';
import { formatCost, formatDuration } from './format';

/** Longest step text sent to the page; longer answers are clipped (the trace panel shows them whole). */
const TEXT_LIMIT = 8000;
const ARGS_LIMIT = 240;

/** The compare page's view of a comparison of run B (`titleB`) with the baseline A (`titleA`). */
export function buildCompareView(c: RunComparison, titleA: string, titleB: string, selected = -1): CompareView {
  const pairs: ComparePairView[] = c.pairs.map((p) => {
    const a = p.a === null ? undefined : c.stepsA[p.a];
    const b = p.b === null ? undefined : c.stepsB[p.b];
    const textChanged = p.changes.some((ch) => ch.kind === 'text');
    return {
      status: p.status,
      a: a ? side(a) : null,
      b: b ? side(b) : null,
      changes: p.changes.map((c) => stepChangeText(c, toolNames)),
      words: a && b && textChanged ? wordDiff(clipText(a.text, TEXT_LIMIT), clipText(b.text, TEXT_LIMIT)) : [],
    };
  });
  const findings: CompareFindingRow[] = [
    ...c.findings.fixed.map((f) => ({ group: 'fixed' as const, ...f })),
    ...c.findings.new.map((f) => ({ group: 'new' as const, ...f })),
    ...c.findings.unchanged.map((f) => ({ group: 'unchanged' as const, ...f })),
  ];
  return { titleA, titleB, totals: totals(c), pairs, findings, regression: c.verdict.regression, reasons: c.verdict.reasons, selected };
}

function side(s: StepFacts): CompareStepSide {
  return {
    index: s.index,
    model: s.model,
    tools: s.toolCalls.map((t) => ({ name: t.name, args: previewValue(t.rawArgs ?? null, ARGS_LIMIT) ?? 'null', status: t.status })),
    tokens: s.input + s.output,
    cost: costText(s.costUsd),
    status: s.failed ? 'error' : 'ok',
    text: clipText(s.text, TEXT_LIMIT),
  };
}

function totals(c: RunComparison): CompareTotalRow[] {
  const { a, b } = c;
  const grew = (x: number, y: number): CompareTotalRow['tone'] => (y > x ? 'worse' : y < x ? 'better' : 'neutral');
  const signed = (n: number, unit = '') => `${n > 0 ? '+' : ''}${n}${unit}`;
  const ta = a.tokens.input + a.tokens.output,
    tb = b.tokens.input + b.tokens.output;
  const costKnown = a.costUsd !== null && b.costUsd !== null;
  return [
    { label: 'Iterations', a: String(a.iterations), b: String(b.iterations), delta: signed(b.iterations - a.iterations), tone: 'neutral' },
    { label: 'Tokens', a: String(ta), b: String(tb), delta: `${signed(tb - ta)} (${formatPct(growthPct(ta, tb))})`, tone: grew(ta, tb) },
    {
      label: 'Cost',
      a: costText(a.costUsd),
      b: costText(b.costUsd),
      delta: costKnown ? `${formatPct(growthPct(a.costUsd!, b.costUsd!))}` : 'unknown',
      tone: costKnown ? grew(a.costUsd!, b.costUsd!) : 'neutral',
    },
    {
      label: 'Duration',
      a: formatDuration(a.durationMs),
      b: formatDuration(b.durationMs),
      delta: `${b.durationMs >= a.durationMs ? '+' : '−'}${formatDuration(Math.abs(b.durationMs - a.durationMs))}`,
      tone: grew(a.durationMs, b.durationMs),
    },
    { label: 'Errors', a: String(a.errors), b: String(b.errors), delta: signed(b.errors - a.errors), tone: grew(a.errors, b.errors) },
    {
      label: 'Outcome',
      a: a.status,
      b: b.status,
      delta: a.status === b.status ? '' : `${a.status} → ${b.status}`,
      tone: a.status === b.status ? 'neutral' : b.status === 'error' ? 'worse' : 'better',
    },
  ];
}

/** A list of tool names in the view: "(none)" for an empty one. */
const toolNames = (names: readonly string[]) => names.join(', ') || '(none)';

/** Unknown cost (no usage or no price) reads 'unknown', never $0. */
const costText = (usd: number | null) => (usd === null ? 'unknown' : formatCost(usd));
