import { describe, expect, it } from 'vitest';
import { compareFindings } from '../../../src/core/compare/compareFindings';
import { compareRuns } from '../../../src/core/compare/compareRuns';
import { judgeRegression } from '../../../src/core/compare/regression';
import type { RunFacts } from '../../../src/core/compare/runFacts';
import type { TraceFinding } from '../../../src/core/analyze/traceAnalyses';
import { buildRun, type StepSpec } from './genaiRun';

const ok: StepSpec[] = [
  { tools: [{ name: 'lookup', args: { q: 'x' } }], input: 100, output: 20 },
  { text: 'Found it.', input: 100, output: 20 },
];

describe('regression rules', () => {
  it('a new finding at warning severity is a regression', () => {
    // The model requests send_email and nothing executes it: requested-not-executed (warning).
    const b: StepSpec[] = [ok[0], { tools: [{ name: 'send_email', args: { to: 'a@b.c' }, notExecuted: true }], input: 100, output: 20 }, ok[1]];
    const c = compareRuns(buildRun(ok), buildRun(b, { seed: 2 }));
    expect(c.findings.new.map((f) => [f.kind, f.severity])).toContainEqual(['requested-not-executed', 'warning']);
    expect(c.verdict.regression).toBe(true);
    expect(c.verdict.reasons.some((r) => r.startsWith('new warning finding: requested-not-executed'))).toBe(true);
    // The other way round it is fixed, not a regression.
    const back = compareRuns(buildRun(b), buildRun(ok, { seed: 2 }));
    expect(back.findings.fixed.map((f) => f.kind)).toContain('requested-not-executed');
    expect(back.verdict.regression).toBe(false);
  });

  it('a new info finding is not a regression', () => {
    const facts = runFactsOk();
    const v = judgeRegression(facts, facts, { fixed: [], new: [{ kind: 'unmentioned-action', severity: 'info', message: 'x' }], unchanged: [] }, {});
    expect(v.regression).toBe(false);
  });

  it('a failed outcome (root span or last step in error) where the baseline was ok is a regression; failing on both sides is not', () => {
    const rootFailed = compareRuns(buildRun(ok), buildRun(ok, { seed: 2, rootError: true }));
    expect(rootFailed.b.status).toBe('error');
    expect(rootFailed.verdict.reasons).toContain('run failed (root span has error status) where the baseline did not');
    const lastFailed = compareRuns(buildRun(ok), buildRun([ok[0], { ...ok[1], llmError: true }], { seed: 2 }));
    expect(lastFailed.verdict.reasons).toContain('run failed (last step has error status) where the baseline did not');
    const both = compareRuns(buildRun(ok, { rootError: true }), buildRun(ok, { seed: 2, rootError: true }));
    expect(both.verdict.regression).toBe(false);
  });

  it('a tool error recovered by a retry is not a failed outcome', () => {
    const retried: StepSpec[] = [{ tools: [{ name: 'lookup', args: { q: 'x' }, error: 'timeout' }], input: 100, output: 20 }, ...ok];
    const c = compareRuns(buildRun(ok), buildRun(retried, { seed: 2 }));
    expect(c.b.errors).toBe(1);
    expect(c.b.status).toBe('ok');
    expect(c.verdict.reasons.filter((r) => r.startsWith('run failed'))).toEqual([]);
  });

  it('token growth above --max-token-increase (input + output)', () => {
    // A: 2 × (100 + 20) = 240. B: 100 + 20 + 160 + 20 = 300 → +25 %.
    const b: StepSpec[] = [ok[0], { ...ok[1], input: 160 }];
    const c20 = compareRuns(buildRun(ok), buildRun(b, { seed: 2 }), { maxTokenIncreasePct: 20 });
    expect(c20.verdict.reasons).toEqual(['tokens 240 → 300 (+25.0 %) above --max-token-increase 20%']);
    expect(compareRuns(buildRun(ok), buildRun(b, { seed: 2 }), { maxTokenIncreasePct: 25 }).verdict.regression).toBe(false);
  });

  it('cost growth above --max-cost-increase (USD, gpt-4o at $2.50 / $10 per M tokens)', () => {
    // A: 200 in, 40 out = $0.0005 + $0.0004 = $0.0009. B: 300 in, 40 out = $0.00075 + $0.0004 = $0.00115 → +27.8 %.
    const b: StepSpec[] = [ok[0], { ...ok[1], input: 200 }];
    const c = compareRuns(buildRun(ok), buildRun(b, { seed: 2 }), { maxCostIncreasePct: 25 });
    expect(c.a.costUsd).toBeCloseTo(0.0009, 10);
    expect(c.b.costUsd).toBeCloseTo(0.00115, 10);
    expect(c.verdict.reasons).toEqual(['cost $0.000900 → $0.001150 (+27.8 %) above --max-cost-increase 25%']);
    expect(compareRuns(buildRun(ok), buildRun(b, { seed: 2 }), { maxCostIncreasePct: 28 }).verdict.regression).toBe(false);
  });

  it('an unknown cost is never read as 0: the check is skipped with a note', () => {
    const unpriced = ok.map((s) => ({ ...s, model: 'house-model-7' }));
    const c = compareRuns(buildRun(ok), buildRun(unpriced, { seed: 2 }), { maxCostIncreasePct: 0 });
    expect(c.b.costUsd).toBeNull();
    expect(c.verdict.regression).toBe(false);
    expect(c.verdict.notes).toEqual(['cost increase not checked: the cost of b is unknown']);
    const noUsage = ok.map((s) => ({ ...s, noUsage: true }));
    const n = compareRuns(buildRun(noUsage), buildRun(ok, { seed: 2 }), { maxCostIncreasePct: 0, maxTokenIncreasePct: 0 });
    expect(n.a.costUsd).toBeNull();
    expect(n.verdict.regression).toBe(false);
    expect(n.verdict.notes).toEqual(['token increase not checked: a recorded no token usage', 'cost increase not checked: the cost of a is unknown']);
  });
});

describe('compareFindings', () => {
  const f = (kind: string, message: string, spanIds: string[] = ['aaaaaaaaaaaaaaaa']) =>
    ({ kind, severity: 'warning', message, spanIds }) as unknown as TraceFinding;
  it('matches by kind and normalised subject, not by span ids or counts', () => {
    const a = [
      f('loop', 'search called 3 times with the same arguments', ['1111111111111111']),
      f('argument-mismatch', 'refund of 40 vs 30'),
      f('loop', 'book failed twice'),
    ];
    const b = [f('loop', 'search called 4 times with the same arguments', ['2222222222222222']), f('requested-not-executed', 'send_email was requested')];
    const d = compareFindings(a, b);
    expect(d.unchanged.map((x) => x.message)).toEqual(['search called 4 times with the same arguments']);
    expect(d.fixed.map((x) => x.message)).toEqual(['refund of 40 vs 30', 'book failed twice']);
    expect(d.new.map((x) => x.kind)).toEqual(['requested-not-executed']);
  });
  it('counts copies: two equal findings in A and one in B leave one fixed', () => {
    const d = compareFindings([f('loop', 'x'), f('loop', 'x')], [f('loop', 'x')]);
    expect([d.fixed.length, d.unchanged.length, d.new.length]).toEqual([1, 1, 0]);
  });
});

function runFactsOk(): RunFacts {
  return { traceId: 't', iterations: 1, tokens: { input: 1, output: 1 }, hasUsage: true, costUsd: 0, durationMs: 1, status: 'ok', errors: 0 };
}
