import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliSync } from './cliBundle';
import { makeSecretCorpus } from '../../fixtures/secrets/secretCorpus';

/** `agent-trace redact`, run as users run it: bundled and spawned. */
const root = resolve(__dirname, '../../..');
const demo = join(root, 'demo/workspace/traces/travel-agent-run.otlp.json');
const corpus = makeSecretCorpus(7, 2, 2);
let cli = '';
let dir = '';
let seeded = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-redact-'));
  cli = await buildCli(dir);
  seeded = join(dir, 'seeded.otlp.json');
  writeFileSync(seeded, corpus.otlpJson);
});

const run = (...args: string[]) => runCliSync(cli, args);

const leaked = (text: string) => corpus.secrets.filter((s) => s.value.split('\n').some((part) => part.length >= 8 && text.includes(part)));

describe('agent-trace redact', () => {
  it('writes redacted OTLP JSON, prints counts as JSON, and never a secret', () => {
    const out = join(dir, 'out.otlp.json');
    const before = readFileSync(seeded);
    const r = run('redact', seeded, '-o', out, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { total: number; byType: Record<string, number> };
    expect(Object.keys(report)).toEqual(['total', 'byType']);
    expect(report.total).toBe(Object.values(report.byType).reduce((a, b) => a + b, 0));
    // 60 generators × 2 secrets, 120 seeded; a few are seeded a second time, none is missed.
    expect(report.total).toBeGreaterThanOrEqual(corpus.secrets.length);
    expect(report.byType.email).toBeGreaterThanOrEqual(2);
    const written = readFileSync(out, 'utf8');
    expect(leaked(written)).toEqual([]);
    expect(leaked(r.stdout + r.stderr)).toEqual([]);
    expect(written).toContain('[REDACTED:email#1]');
    // The input is untouched, and the output reads back as the same spans.
    expect(readFileSync(seeded).equals(before)).toBe(true);
    const again = run('inspect', out, '--json');
    const orig = run('inspect', seeded, '--json');
    const spans = (s: string) => (JSON.parse(s) as { traces: { traceId: string; spanCount: number }[] }).traces.map((t) => [t.traceId, t.spanCount]);
    expect(spans(again.stdout)).toEqual(spans(orig.stdout));
  });

  it('prints a readable count by type', () => {
    const out = join(dir, 'demo.otlp.json');
    const r = run('redact', demo, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${demo.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\d+ values? redacted in 1 trace → `));
    expect(existsSync(out)).toBe(true);
  });

  it('--dry-run counts and writes nothing', () => {
    const out = join(dir, 'dry.otlp.json');
    const r = run('redact', seeded, '-o', out, '--dry-run', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).total).toBeGreaterThan(0);
    expect(existsSync(out)).toBe(false);
    expect(run('redact', seeded, '--dry-run').stdout).toContain('(dry run, nothing written)');
  });

  it('exits 2 with error: <file>: <reason> on bad input and bad usage', () => {
    const missing = join(dir, 'missing.json');
    expect(run('redact', missing, '-o', join(dir, 'x.json'))).toMatchObject({ code: 2, stderr: `error: ${missing}: no such file\n` });
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, 'this is not a trace');
    const r = run('redact', junk, '-o', join(dir, 'y.json'));
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`error: ${junk}: `)).toBe(true);
    expect(existsSync(join(dir, 'y.json'))).toBe(false);
    expect(run('redact', seeded).code).toBe(2);
    expect(run('redact', seeded, '-o').code).toBe(2);
    expect(run('redact', seeded, '-o', join(dir, 'z.json'), '--bogus').stderr).toContain('unknown option --bogus');
  });

  it('refuses to write over the input', () => {
    const copy = join(dir, 'copy.otlp.json');
    writeFileSync(copy, corpus.otlpJson);
    const r = run('redact', copy, '-o', copy);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the input is never modified');
    expect(readFileSync(copy, 'utf8')).toBe(corpus.otlpJson);
  });
});
