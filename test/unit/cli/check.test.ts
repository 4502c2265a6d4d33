import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliSync } from './cliBundle';

/** `agent-trace check` and the findings in `inspect --json`, run as users run them: bundled and spawned. */
const root = resolve(__dirname, '../../..');
const demo = join(root, 'demo/workspace/traces/travel-agent-run.otlp.json');
const set = (name: string) => join(root, 'test/fixtures/claims/set', `${name}.otlp.json`);
let cli = '';

beforeAll(async () => {
  cli = await buildCli();
});

const run = (...args: string[]) => runCliSync(cli, args);

describe('agent-trace check', () => {
  it('prints the finding with its severity, kind, sentence and span ids, and exits 1', () => {
    const r = run('check', demo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 finding, 1 at or above error');
    expect(r.stdout).toMatch(/ERROR\s+claimed-success-but-failed: .*book_hotel failed/);
    expect(r.stdout).toContain('claim: "Your trip is set: flight TP1351');
    expect(r.stdout).toContain('spans: cd4cca57965213a6, 8ff34524e9d37b2b');
  });

  it('exits 0 on an honest run', () => {
    const r = run('check', join(root, 'test/fixtures/receiver/vercel-ai-agent-run.otlp.jsonl'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no findings');
  });

  it('applies --fail-on: a warning fails only with --fail-on warning', () => {
    expect(run('check', set('am-refund-amount')).code).toBe(0);
    expect(run('check', set('am-refund-amount'), '--fail-on', 'warning').code).toBe(1);
    expect(run('check', set('am-refund-amount'), '--fail-on=error').code).toBe(0);
    // info findings never fail
    expect(run('check', set('um-email-silent'), '--fail-on', 'warning').code).toBe(0);
  });

  it('exits 2 on unreadable input and bad usage', () => {
    const missing = run('check', join(root, 'no-such-file.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*no-such-file\.json: no such file\n$/);
    expect(run('check', join(root, 'test/fixtures/malformed/not-a-trace.json')).code).toBe(2);
    expect(run('check').code).toBe(2);
    expect(run('check', demo, '--fail-on', 'info').stderr).toContain('--fail-on takes warning or error');
    expect(run('check', demo, '--nope').stderr).toContain('unknown option --nope');
  });

  it('checks every trace file of a folder: exit 1 for the failing run, 2 when a file is unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-check-folder-'));
    copyFileSync(demo, join(dir, 'a-demo.otlp.json'));
    copyFileSync(join(root, 'test/fixtures/receiver/vercel-ai-agent-run.otlp.jsonl'), join(dir, 'b-honest.otlp.jsonl'));
    const r = run('check', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'a-demo.otlp.json')}: 1 trace, 1 finding, 1 at or above error`);
    expect(r.stdout).toMatch(/b-honest\.otlp\.jsonl: \d+ traces?, no findings/);
    writeFileSync(join(dir, 'c-broken.json'), 'nope');
    const bad = run('check', dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('error: ');
    expect(bad.stderr).toContain('1 of 3 files');
  });

  it('is listed in the usage text', () => {
    expect(run('help').stdout).toContain('check <file|folder> [--fail-on warning|error]');
  });
});

describe('agent-trace inspect --json findings', () => {
  it('carries the claims findings per trace', () => {
    const t = JSON.parse(run('inspect', demo, '--json').stdout).traces[0];
    expect(t.findings).toEqual([
      {
        kind: 'claimed-success-but-failed',
        severity: 'error',
        message: expect.stringContaining('book_hotel'),
        spanIds: ['cd4cca57965213a6', '8ff34524e9d37b2b'],
        claim: expect.stringContaining('I have booked your hotel'),
      },
    ]);
  });
});

describe('loop and plan-cycle findings in check and inspect --json', () => {
  // Hand-written run, see test/fixtures/findings/README.md for the expected values worked out.
  const file = join(root, 'test/fixtures/findings/loop-and-plan-cycle.otlp.json');

  it('check reports the loop as a warning with its waste and the plan cycle as an error', () => {
    const r = run('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 findings, 1 at or above error');
    expect(r.stdout).toMatch(/WARNING loop: fetch was called 3 times/);
    expect(r.stdout).toContain('wasted: 5200 tokens, $0.0145');
    expect(r.stdout).toContain('spans: 0000000000000005, 0000000000000007, 0000000000000009');
    expect(r.stdout).toMatch(/ERROR\s+plan-cycle: .*1 \(fetch the page\) → 2 \(parse it\) → 1/);
    expect(r.stdout).toContain('cycle: 1 → 2 → 1');
  });

  it('inspect --json lists them with pattern, waste and cycle', () => {
    const t = JSON.parse(run('inspect', file, '--json').stdout).traces[0];
    expect(t.findings).toEqual([
      {
        kind: 'loop',
        severity: 'warning',
        pattern: 'repeated-call',
        message: expect.stringContaining('fetch was called 3 times'),
        spanIds: ['0000000000000005', '0000000000000007', '0000000000000009'],
        wastedTokens: 5200,
        wastedCostUsd: 0.0145,
      },
      {
        kind: 'plan-cycle',
        severity: 'error',
        message: expect.stringContaining('cycle'),
        spanIds: ['0000000000000002', '0000000000000003'],
        cycle: ['1', '2', '1'],
      },
    ]);
  });
});
