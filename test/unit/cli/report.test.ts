import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCliSync } from './cliBundle';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { parseDeepLink } from '../../../src/core/bugReport/deepLink';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

/**
 * `agent-trace report`, run as users run it: bundled and spawned. The demo trace (demo/workspace)
 * is the Vercel AI SDK travel run: 7 spans, one finding (claimed-success-but-failed: the final
 * answer says the trip is set, book_hotel 8ff34524e9d37b2b failed), claimed by LLM call cd4cca57965213a6.
 */
const root = resolve(__dirname, '../../..');
const demo = join(root, 'demo/workspace/traces/travel-agent-run.otlp.json');
const DEMO_TRACE = 'a936d92e0e9a300165a22784fd673f2c';
let cli = '';
let work = '';
/**
 * The offline viewer is built next to the CLI (as dist/offline ships next to dist/cli.js) with the
 * options esbuild.mjs uses, so trace.html is checked on a fresh clone too, before any `npm run build`.
 */
const OFFLINE_TARGETS = ['chrome120', 'firefox120', 'safari16'];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cli-report-'));
  cli = await buildCli(work);
  const offline = { bundle: true, logLevel: 'silent' as const, target: OFFLINE_TARGETS, minify: true, sourcemap: false };
  await build({
    ...offline,
    entryPoints: [join(root, 'webview/offline/main.ts')],
    outfile: join(work, 'offline/viewer.js'),
    platform: 'browser',
    format: 'iife',
  });
  await build({ ...offline, entryPoints: [join(root, 'webview/offline/viewer.css')], outfile: join(work, 'offline/viewer.css') });
});

const run = (...args: string[]) => runCliSync(cli, args);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const outDir = (name: string) => join(work, name);

describe('agent-trace report', () => {
  it('writes report.md, the redacted OTLP JSON and trace.html, prints the report path, and leaves the input alone', () => {
    const before = sha(demo);
    const dir = outDir('demo');
    const r = run('report', demo, '-o', dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(join(dir, 'report.md') + '\n');
    expect(sha(demo)).toBe(before);

    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Claimed success but failed: /);
    expect(md).toContain('`claimed-success-but-failed`');
    expect(md).toContain('Claim: `Your trip is set: flight TP1351');
    expect(md).toMatch(/Tool `book_hotel`: status error/);
    expect(md).toContain('- **Service:** `travel-agent`');

    // The deep link names the demo trace, the failing tool span and the input file.
    const link = /`(vscode:\/\/agent-trace-debugger\.agent-trace-debugger(\/open)\?([^`]+))`/.exec(md)!;
    expect(parseDeepLink(link[2], decodeURIComponent(link[3]))).toEqual({ ok: true, value: { traceId: DEMO_TRACE, spanId: '8ff34524e9d37b2b', file: demo } });

    // The OTLP file is a trace the importer reads back: same spans, same finding.
    const set = importTrace(readFileSync(join(dir, 'trace.otlp.json')));
    expect(set.format).toBe('otlp-json');
    expect(set.traces[0].spans.length).toBe(7);
    const t = set.traces[0];
    expect(new TraceAnalyses(t, deriveAgentView(t)).findings().map((f) => f.kind)).toEqual(['claimed-success-but-failed']);
    expect(readFileSync(join(dir, 'trace.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('reports the span named by --span', () => {
    const dir = outDir('span');
    expect(run('report', demo, '--span', 'cd4cca57965213a6', '-o', dir).code).toBe(0);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('span=cd4cca57965213a6');
    expect(md).toContain('Span `ai.generateText.doGenerate` (`cd4cca57965213a6`)');
  });

  it('redacts secrets in the bundle and says how many', () => {
    const text = readFileSync(demo, 'utf8').replace(
      'Plan a 3-night trip',
      'Plan a 3-night trip (my key is sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789, mail me at ana.silva@example.org)',
    );
    expect(text).toContain('sk-proj-');
    const input = join(work, 'seeded.otlp.json');
    writeFileSync(input, text);
    const dir = outDir('seeded');
    const r = run('report', input, '-o', dir);
    expect(r.code).toBe(0);
    for (const f of ['report.md', 'trace.otlp.json', 'trace.html']) {
      const out = readFileSync(join(dir, f), 'utf8');
      expect(out).not.toContain('sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789');
      expect(out).not.toContain('ana.silva@example.org');
    }
    expect(readFileSync(join(dir, 'trace.otlp.json'), 'utf8')).toContain('[REDACTED:openai-key#1]');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(
      /values? redacted \(.*`email` \d+.*`openai-key` \d+|values? redacted \(.*`openai-key` \d+.*`email` \d+/,
    );
  });

  it('refuses to overwrite the input file when -o is its own folder', () => {
    const dir = outDir('own');
    mkdirSync(dir);
    const input = join(dir, 'trace.otlp.json');
    copyFileSync(demo, input);
    const before = sha(input);
    const r = run('report', input, '-o', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the input trace file');
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, 'report.md'))).toBe(false);
  });

  it('exits 2 with error: <file>: <reason> on bad input and bad usage', () => {
    const missing = run('report', join(root, 'no-such-file.json'), '-o', outDir('x'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*no-such-file\.json: no such file\n$/);
    const notTrace = run('report', join(root, 'test/fixtures/malformed/not-a-trace.json'), '-o', outDir('x'));
    expect(notTrace.code).toBe(2);
    expect(notTrace.stderr).toMatch(/^error: .*not-a-trace\.json: /);
    expect(run('report', demo, '--finding', '2', '-o', outDir('x')).stderr).toMatch(
      /^error: .*travel-agent-run\.otlp\.json: no finding 2 \(trace a936d92e0e9a300165a22784fd673f2c has 1\)\n$/,
    );
    expect(run('report', demo, '--span', 'ffffffffffffffff', '-o', outDir('x')).stderr).toContain('no span ffffffffffffffff');
    expect(run('report', demo, '--span', 'nothex', '-o', outDir('x')).code).toBe(2);
    expect(run('report', demo).stderr).toContain('-o <dir> is required');
    expect(run('report', demo, '-o', outDir('x'), '--nope').stderr).toContain('unknown option --nope');
    expect(run('report', demo, '--finding', '0', '-o', outDir('x')).code).toBe(2);
    expect(existsSync(outDir('x'))).toBe(false);
  });

  it('is listed in the usage text', () => {
    expect(run('help').stdout).toContain('report <file> [--span ID] [--finding N] -o <dir>');
  });
});
