import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliSync } from './cliBundle';

/**
 * `agent-trace diff`, run as users run it: bundled and spawned, on the real Vercel AI SDK runs
 * in test/fixtures/compare (see test/unit/compare/vercelAiRuns.test.ts for how they were made
 * and the hand-worked figures: before 620 + 119 tokens, after 920 + 135, the retry added).
 */
const root = resolve(__dirname, '../../..');
const fixture = (name: string) => join(root, 'test/fixtures/compare', `travel-${name}.otlp.jsonl`);
let cli = '';
let tmp = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cli-diff-'));
  cli = await buildCli(tmp);
});

const run = (...args: string[]) => runCliSync(cli, ['diff', ...args]);

describe('agent-trace diff', () => {
  it('--json: the contract fields, the added retry, the fixed finding and the token delta', () => {
    const r = run(fixture('before'), fixture('after'), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, any>;
    for (const side of ['a', 'b'])
      expect(Object.keys(j[side])).toEqual(expect.arrayContaining(['traceId', 'iterations', 'tokens', 'costUsd', 'durationMs', 'status']));
    expect(j.a).toMatchObject({ iterations: 3, tokens: { input: 620, output: 119 }, status: 'ok', costUsd: null });
    expect(j.b).toMatchObject({ iterations: 4, tokens: { input: 920, output: 135 }, status: 'ok' });
    expect(j.steps.map((s: { a: number | null; b: number | null; status: string }) => [s.a, s.b, s.status])).toEqual([
      [0, 0, 'same'],
      [1, 1, 'same'],
      [null, 2, 'added'],
      [2, 3, 'changed'],
    ]);
    expect(j.findings.fixed).toEqual([expect.objectContaining({ kind: 'claimed-success-but-failed' })]);
    expect(j.findings.new).toEqual([]);
    expect(j.regression).toBe(false);
    expect(j.reasons).toEqual([]);
  });

  it('--fail-on regression exits 1 on a regression and names it; 0 without one', () => {
    const over = run(fixture('before'), fixture('after'), '--fail-on', 'regression', '--max-token-increase', '40');
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('tokens 739 → 1055 (+42.8 %) above --max-token-increase 40%');
    expect(run(fixture('before'), fixture('after'), '--fail-on=regression', '--max-token-increase=43').code).toBe(0);
    // Back from the fix to the claim: a new error finding.
    const back = run(fixture('after'), fixture('before'), '--fail-on', 'regression', '--json');
    expect(back.code).toBe(1);
    expect((JSON.parse(back.stdout) as { reasons: string[] }).reasons[0]).toMatch(/^new error finding: claimed-success-but-failed: /);
    // Cost unknown (the scripted model has no price): noted, never a regression.
    const cost = run(fixture('before'), fixture('after'), '--fail-on', 'regression', '--max-cost-increase', '0');
    expect(cost.code).toBe(0);
    expect(cost.stdout).toContain('note: cost increase not checked: the cost of a is unknown');
  });

  it('the readable table: totals with deltas, steps, findings', () => {
    const r = run(fixture('before'), fixture('after'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tokens\s+739\s+1055\s+\+316 \(\+42\.8 %\)/);
    expect(r.stdout).toMatch(/iterations\s+3\s+4\s+\+1/);
    expect(r.stdout).toMatch(/-\s+2\s+added\s+scripted-travel-model → book_hotel\n/);
    expect(r.stdout).toMatch(/fixed\s+ERROR\s+claimed-success-but-failed/);
    expect(r.stdout).toContain('no regression');
  });

  it('two runs of the same script are all same', () => {
    const j = JSON.parse(run(fixture('before'), fixture('again'), '--json').stdout) as { steps: { status: string }[] };
    expect(j.steps.map((s) => s.status)).toEqual(['same', 'same', 'same']);
  });

  it('exits 2 on bad input and bad usage', () => {
    const missing = run(fixture('before'), join(root, 'no-such-file.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*no-such-file\.json: no such file\n$/);
    const junk = join(tmp, 'junk.json');
    writeFileSync(junk, 'not a trace');
    const bad = run(junk, fixture('before'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*junk\.json: /);
    expect(run(fixture('before')).code).toBe(2);
    expect(run(fixture('before'), fixture('after'), '--fail-on', 'warning').stderr).toContain("--fail-on takes regression, not 'warning'");
    expect(run(fixture('before'), fixture('after'), '--max-cost-increase', 'ten').code).toBe(2);
    expect(run(fixture('before'), fixture('after'), '--frobnicate').code).toBe(2);
  });
});
