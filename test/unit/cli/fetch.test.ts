import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { AGENT_TRACE_ID, BIG_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { buildCli, runCli } from './cliBundle';

/** `agent-trace fetch` as users run it: the bundled CLI against the stand-in backends. */
let cli = '';
let dir = '';
beforeAll(async () => {
  cli = await buildCli();
  dir = mkdtempSync(join(tmpdir(), 'cli-fetch-'));
});
let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('agent-trace fetch', () => {
  it('writes OTLP JSON that re-imports with the same spans, and `check` reads it', async () => {
    s = await startStandin('phoenix', { auth: { bearer: 'px-key-9' }, pageSize: 3 });
    const out = join(dir, 'run.json');
    const r = await runCli(cli, ['fetch', s.url, AGENT_TRACE_ID, '--backend', 'phoenix', '-o', out], { PHOENIX_API_KEY: 'px-key-9' });
    expect(r.stderr).toBe('');
    expect([r.code, r.stdout]).toEqual([0, `${out}: 4 spans of trace ${AGENT_TRACE_ID} from phoenix\n`]);
    const set = importTrace(readFileSync(out));
    expect(set.format).toBe('otlp-json');
    expect(set.traces.map((t) => [t.traceId, t.spans.length])).toEqual([[AGENT_TRACE_ID, 4]]);
    expect(set.traces[0].spans.map((x) => x.name)).toEqual(['invoke_agent weather', 'chat gpt-4o', 'execute_tool get_weather', 'chat gpt-4o']);
    const check = await runCli(cli, ['check', out]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('no findings');
  });

  it('takes a pasted UI URL: kind and id from the URL, no probing', async () => {
    s = await startStandin('jaeger');
    const out = join(dir, 'from-url.json');
    const r = await runCli(cli, ['fetch', `${s.url}/trace/${AGENT_TRACE_ID}`, '-o', out]);
    expect(r.code).toBe(0);
    expect(s.requests.map((x) => x.url)).toEqual([`/api/v3/traces/${AGENT_TRACE_ID}`]);
    expect(importTrace(readFileSync(out)).traces[0].spans).toHaveLength(4);
  });

  it('writes to stdout with -o -', async () => {
    s = await startStandin('zipkin');
    const r = await runCli(cli, ['fetch', s.url, AGENT_TRACE_ID, '-o', '-']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] };
    expect(doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans))).toHaveLength(4);
  });

  it('prints the span cap note on stderr', async () => {
    s = await startStandin('tempo', { bigTraceSpans: 10_250 });
    const out = join(dir, 'big.json');
    const r = await runCli(cli, ['fetch', s.url, BIG_TRACE_ID, '--backend', 'tempo', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('note: showing 10,000 of 10,250 spans (the span cap is 10,000)\n');
    expect(importTrace(readFileSync(out)).traces[0].spans).toHaveLength(10_000);
  });

  it('exits 2 on an unknown trace and on a hostile URL', async () => {
    s = await startStandin('tempo');
    const missing = await runCli(cli, ['fetch', s.url, 'deadbeef', '--backend', 'tempo', '-o', join(dir, 'x.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `error: ${s.url}: trace 000000000000000000000000deadbeef not found on Tempo (HTTP 404: trace not found): wrong id, or past the backend's retention\n`,
    );
    const hostile = await runCli(cli, ['fetch', `https://user:pw@evil.example/trace/${AGENT_TRACE_ID}`, '-o', join(dir, 'y.json')]);
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain('must not contain a user name or password');
    expect(hostile.stderr).not.toContain('pw@');
    const noOut = await runCli(cli, ['fetch', s.url, AGENT_TRACE_ID]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('-o FILE is required');
  });
});
