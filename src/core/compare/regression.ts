import { SEVERITY_RANK } from '../analyze/claims/types';
import type { FindingsDelta } from './compareFindings';
import type { RunFacts } from './runFacts';

/** Growth limits in percent (`--max-token-increase`, `--max-cost-increase`); absent = not checked. */
export interface RegressionLimits {
  readonly maxTokenIncreasePct?: number;
  readonly maxCostIncreasePct?: number;
}

export interface RegressionVerdict {
  readonly regression: boolean;
  /** One line per rule that fired. */
  readonly reasons: readonly string[];
  /** Checks that could not be made (unknown cost or tokens), never counted as a regression. */
  readonly notes: readonly string[];
}

/**
 * B regressed against the baseline A when:
 * - it has a new finding at warning or error severity;
 * - its outcome failed (see `RunFacts.status`) where A's did not;
 * - input + output tokens grew by more than `maxTokenIncreasePct` percent of A's;
 * - its cost grew by more than `maxCostIncreasePct` percent of A's (USD).
 * Growth from 0 to anything is infinite growth. Unknown cost or usage on either side is never
 * read as 0: the check is skipped with a note.
 */
export function judgeRegression(a: RunFacts, b: RunFacts, findings: FindingsDelta, limits: RegressionLimits): RegressionVerdict {
  const reasons: string[] = [];
  const notes: string[] = [];
  for (const f of findings.new) if (SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning) reasons.push(`new ${f.severity} finding: ${f.kind}: ${f.message}`);
  if (b.status === 'error' && a.status !== 'error')
    reasons.push(`run failed (${b.failedAt === 'root' ? 'root span' : 'last step'} has error status) where the baseline did not`);
  if (limits.maxTokenIncreasePct !== undefined) {
    if (!a.hasUsage || !b.hasUsage) notes.push(`token increase not checked: ${!a.hasUsage ? 'a' : 'b'} recorded no token usage`);
    else {
      const ta = a.tokens.input + a.tokens.output,
        tb = b.tokens.input + b.tokens.output;
      const pct = growthPct(ta, tb);
      if (pct > limits.maxTokenIncreasePct) reasons.push(`tokens ${ta} → ${tb} (${formatPct(pct)}) above --max-token-increase ${limits.maxTokenIncreasePct}%`);
    }
  }
  if (limits.maxCostIncreasePct !== undefined) {
    if (a.costUsd === null || b.costUsd === null) notes.push(`cost increase not checked: the cost of ${a.costUsd === null ? 'a' : 'b'} is unknown`);
    else {
      const pct = growthPct(a.costUsd, b.costUsd);
      if (pct > limits.maxCostIncreasePct)
        reasons.push(`cost $${a.costUsd.toFixed(6)} → $${b.costUsd.toFixed(6)} (${formatPct(pct)}) above --max-cost-increase ${limits.maxCostIncreasePct}%`);
    }
  }
  return { regression: reasons.length > 0, reasons, notes };
}

/** Percent growth from a to b; 0 → 0 is 0, 0 → more is Infinity. */
export function growthPct(a: number, b: number): number {
  if (a === 0) return b === 0 ? 0 : b > 0 ? Infinity : -Infinity;
  return ((b - a) / a) * 100;
}

export function formatPct(pct: number): string {
  if (!Number.isFinite(pct)) return pct > 0 ? '+∞ %' : '−∞ %';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)} %`;
}
