import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_TRACE_ID, BILLING_TRACE_ID } from '../../standins/dataset';
import { startStandin, type RunningStandin } from '../../standins/index';
import { buildCli, runCli } from './cliBundle';

/** `agent-trace search` as users run it: the bundled CLI against the stand-in backends. */
let cli = '';
beforeAll(async () => {
  cli = await buildCli();
});
let s: RunningStandin | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('agent-trace search', () => {
  it('prints --json rows with exactly the contract fields, startTime as ISO', async () => {
    const now = Date.now();
    s = await startStandin('jaeger', { nowMs: now });
    const r = await runCli(cli, ['search', s.url, '--backend', 'jaeger', '--service', 'weather-agent', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      traces: [
        // Started 10 minutes before `now`, lasted 3 s, 4 spans, one of them an error (dataset.ts).
        {
          traceId: AGENT_TRACE_ID,
          rootName: 'invoke_agent weather',
          service: 'weather-agent',
          startTime: new Date(now - 10 * 60_000).toISOString(),
          durationMs: 3000,
          spanCount: 4,
          errorCount: 1,
        },
      ],
    });
  });

  it('finds the kind by probing and applies --since', async () => {
    s = await startStandin('tempo');
    const hour = JSON.parse((await runCli(cli, ['search', s.url, '--since', '1h', '--json'])).stdout) as { traces: { traceId: string }[] };
    expect(hour.traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID]); // the billing trace is 2 h old
    const threeHours = JSON.parse((await runCli(cli, ['search', s.url, '--since=3h', '--json'])).stdout) as { traces: { traceId: string }[] };
    expect(threeHours.traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID, BILLING_TRACE_ID]);
    expect(s.requests.map((x) => x.url.split('?')[0])).toEqual([
      '/api/v3/services',
      '/api/echo',
      '/api/search',
      '/api/v3/services',
      '/api/echo',
      '/api/search',
    ]);
  });

  it('prints a readable table', async () => {
    s = await startStandin('zipkin');
    const r = await runCli(cli, ['search', s.url, '--since', '3h', '--errors']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^1 trace\\n\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s+3\\.00 s\\s+4 spans\\s+1 err\\s+${AGENT_TRACE_ID}\\s+weather-agent: invoke_agent weather\\n$`,
      ),
    );
  });

  it('sends Langfuse keys from the environment and --header values', async () => {
    s = await startStandin('langfuse', { auth: { basic: { username: 'pk-lf-1', password: 'sk-lf-2' } } });
    const r = await runCli(cli, ['search', s.url, '--backend', 'langfuse', '--header', 'X-Team: agents', '--json'], {
      LANGFUSE_PUBLIC_KEY: 'pk-lf-1',
      LANGFUSE_SECRET_KEY: 'sk-lf-2',
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { traces: unknown[] }).traces).toHaveLength(1);
    expect(s.requests[0].headers['x-team']).toBe('agents');
  });

  it('passes the Tempo tenant with --header, while probing too', async () => {
    s = await startStandin('tempo', { tenant: 'team-a' });
    const r = await runCli(cli, ['search', s.url, '--header', 'X-Scope-OrgID: team-a', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { traces: { traceId: string }[] }).traces.map((t) => t.traceId)).toEqual([AGENT_TRACE_ID]);
    expect(s.requests.every((x) => x.headers['x-scope-orgid'] === 'team-a')).toBe(true);
  });

  it('exits 2 with "error: <url>: <reason>" on refused keys, never printing them or a stack', async () => {
    s = await startStandin('langfuse', { auth: { basic: { username: 'pk-lf-1', password: 'sk-lf-2' } } });
    const r = await runCli(cli, ['search', s.url, '--backend', 'langfuse'], { LANGFUSE_PUBLIC_KEY: 'pk-lf-1', LANGFUSE_SECRET_KEY: 'sk-lf-wrong' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^error: ${s.url}: Langfuse refused the credentials \\(HTTP 401\\).*the Langfuse keys were refused`));
    expect(r.stderr).not.toContain('sk-lf-wrong');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on an unreachable server and on bad usage', async () => {
    s = await startStandin('zipkin');
    const url = s.url;
    await s.close();
    s = undefined;
    const down = await runCli(cli, ['search', url, '--backend', 'zipkin']);
    expect([down.code, down.stderr]).toEqual([2, `error: ${url}: connection refused (is the server running on that port?)\n`]);
    const usage = await runCli(cli, ['search', url, '--since', 'yesterday']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--since takes a duration such as 15m, 1h, 24h or 7d');
    const scheme = await runCli(cli, ['search', 'file:///etc/passwd', '--backend', 'jaeger']);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toBe('error: file:///etc/passwd: only http and https URLs are accepted, not file\n');
  });
});
