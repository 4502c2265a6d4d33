/**
 * Real runs compared: test/fixtures/compare/travel-agent.mjs (the Vercel AI SDK tool loop with
 * a scripted mock model, exported by the OpenTelemetry SDK's OTLP protobuf exporter) is run as
 * a separate process against the receiver, as Re-run Agent runs it: twice with the original
 * prompt, once with the fixed prompt (retry on failure). The stored traces are kept as
 * test/fixtures/compare/*.otlp.jsonl (written when missing or with UPDATE_FIXTURES=1) for the
 * CLI tests.
 *
 * Expectations from the script (USAGE in travel-agent.mjs), worked out by hand:
 * - before: search 120/30, book_hotel (fails) 210/25, answer claiming the booking 290/64
 *   → 620 input + 119 output = 739 tokens; finding claimed-success-but-failed.
 * - after: search 120/30, book_hotel (fails) 210/25, book_hotel retry (ok) 260/22, answer 330/58
 *   → 920 input + 135 output = 1055 tokens: +300 input, +16 output, +316 (+42.8 %).
 * - alignment: (0,0) same, (1,1) same, (-,2) added (the retry), (2,3) changed (answer text and
 *   tokens 354 → 388: Δ 34 > max(10, 5 % of 388)).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { compareRuns } from '../../../src/core/compare/compareRuns';
import { buildDiffReport } from '../../../src/core/compare/diffReport';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { startTestReceiver } from '../receiver/helpers';

const DIR = join(__dirname, '../../fixtures/compare');
const AGENT = join(DIR, 'travel-agent.mjs');

type Receiver = Awaited<ReturnType<typeof startTestReceiver>>;

function runAgent(local: Receiver, prompt: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AGENT, join(DIR, prompt)], {
      env: { ...process.env, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: local.tracesUrl, OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`agent exited ${code}: ${err}`))));
  });
}

function analyses(bytes: Uint8Array): TraceAnalyses {
  const set = importTrace(bytes);
  expect(set.traces).toHaveLength(1);
  return new TraceAnalyses(set.traces[0], deriveAgentView(set.traces[0]));
}

describe('real Vercel AI SDK runs before and after a prompt fix', () => {
  let local: Receiver;
  const runs: Record<'before' | 'again' | 'after', Uint8Array> = {} as never;

  beforeAll(async () => {
    local = await startTestReceiver();
    for (const [name, prompt] of [
      ['before', 'prompt-before.md'],
      ['again', 'prompt-before.md'],
      ['after', 'prompt-after.md'],
    ] as const) {
      const known = new Set(local.store.list().map((t) => t.traceId));
      await runAgent(local, prompt);
      await local.store.flush();
      const fresh = local.store.list().filter((t) => !known.has(t.traceId));
      expect(fresh).toHaveLength(1);
      runs[name] = await local.store.readTrace(fresh[0].traceId);
      const file = join(DIR, `travel-${name}.otlp.jsonl`);
      if (!existsSync(file) || process.env.UPDATE_FIXTURES === '1') writeFileSync(file, runs[name]);
    }
  }, 60_000);
  afterAll(() => local?.dispose());

  it('two runs of the same script (new ids, call ids and times) compare as all same', () => {
    const c = compareRuns(analyses(runs.before), analyses(runs.again));
    expect(c.a.traceId).not.toBe(c.b.traceId);
    expect(c.pairs.map((p) => p.status)).toEqual(['same', 'same', 'same']);
    expect(c.findings.unchanged.map((f) => f.kind)).toEqual(['claimed-success-but-failed']);
    expect(c.verdict.regression).toBe(false);
  });

  it('the fix: the claim finding is fixed, the retry is the added step, tokens +300 input / +16 output', () => {
    const r = buildDiffReport(compareRuns(analyses(runs.before), analyses(runs.after), { maxTokenIncreasePct: 40 }));
    expect(r.a.tokens).toEqual({ input: 620, output: 119 });
    expect(r.b.tokens).toEqual({ input: 920, output: 135 });
    expect(r.delta.tokens).toEqual({ input: 300, output: 16 });
    expect(r.delta.iterations).toBe(1);
    expect(r.steps.map((s) => [s.a, s.b, s.status])).toEqual([
      [0, 0, 'same'],
      [1, 1, 'same'],
      [null, 2, 'added'],
      [2, 3, 'changed'],
    ]);
    expect(r.steps[3].changes).toEqual([{ kind: 'tokens', a: 354, b: 388 }]);
    expect(r.findings.fixed.map((f) => f.kind)).toEqual(['claimed-success-but-failed']);
    expect(r.findings.fixed[0].message).toContain('book_hotel failed');
    expect(r.findings.new).toEqual([]);
    // The retry recovered the tool error: outcome ok. Token growth 316 / 739 = 42.8 % > 40 %.
    expect(r.b.status).toBe('ok');
    expect(r.reasons).toEqual(['tokens 739 → 1055 (+42.8 %) above --max-token-increase 40%']);
  });

  it('the committed fixtures are such runs', () => {
    const before = analyses(new Uint8Array(readFileSync(join(DIR, 'travel-before.otlp.jsonl'))));
    const after = analyses(new Uint8Array(readFileSync(join(DIR, 'travel-after.otlp.jsonl'))));
    expect(compareRuns(before, after).pairs.map((p) => p.status)).toEqual(['same', 'same', 'added', 'changed']);
  });
});
