/**
 * `agent-trace receive` as a user runs it: the CLI bundled with esbuild, started as a child
 * process. First stdout line, storing, SIGTERM (flush, exit 0), a taken port, and a crash
 * (SIGKILL) followed by a restart on the same store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { send, tempDir } from './helpers';
import { agentSpans, protoBody } from './requests';

let cli: string;
const tmp = tempDir('receiver-cli-');
beforeAll(async () => {
  cli = join(tmp.dir, 'cli.cjs');
  await build({
    entryPoints: [join(__dirname, '../../../src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
  });
}, 60_000);
afterAll(() => tmp.cleanup());

interface Running {
  child: ChildProcess;
  firstLine: Promise<string>;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function run(args: string[]): Running {
  const child = spawn(process.execPath, [cli, 'receive', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.on('exit', () => reject(new Error(`exited before a first line; stderr: ${err}`)));
  });
  firstLine.catch(() => {});
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, stdout: () => out, stderr: () => err, exit };
}

async function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const PB = { 'Content-Type': 'application/x-protobuf' };

describe('agent-trace receive', () => {
  it('prints "listening on" first, stores what it gets, and flushes and exits 0 on SIGTERM', async () => {
    const store = join(tmp.dir, 'store-a');
    const r = run(['--port', '0', '--store', store]);
    const first = await r.firstLine;
    expect(first).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.slice('listening on '.length) + '/v1/traces';
    const spans = agentSpans(1, 12);
    const res = await send(url, { headers: PB, body: protoBody(spans) });
    expect(res.status).toBe(200);
    r.child.kill('SIGTERM'); // immediately: the flush on exit must write the buffered spans
    expect(await r.exit).toBe(0);
    const traceId = spans[0].spanContext().traceId;
    const file = join(store, `${traceId}.otlp.jsonl`);
    expect(importTrace(readFileSync(file)).traces[0].inputSpanCount).toBe(12);
    const index = JSON.parse(readFileSync(join(store, 'index.json'), 'utf8'));
    expect(index.traces).toHaveLength(1);
    expect(index.traces[0]).toMatchObject({ traceId, spanCount: 12 });
    expect(existsSync(join(store, 'receiver.lock'))).toBe(false);
    expect(r.stdout()).toContain(`new trace ${traceId}`);
  });

  it('a taken port: exit 2 with a clear message and a free port to use', async () => {
    const first = run(['--port', '0', '--store', join(tmp.dir, 'store-b')]);
    const port = Number((await first.firstLine).split(':').pop());
    const second = run(['--port', String(port), '--store', join(tmp.dir, 'store-c')]);
    expect(await second.exit).toBe(2);
    expect(second.stderr()).toMatch(
      new RegExp(`^error: port ${port} on 127\\.0\\.0\\.1 is already in use .*; to use a free one: agent-trace receive --port \\d+\\n$`),
    );
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
  });

  it('refuses a non-loopback address and bad options with exit 2', async () => {
    const a = run(['--host', '0.0.0.0', '--port', '0', '--store', join(tmp.dir, 'store-d')]);
    expect(await a.exit).toBe(2);
    expect(a.stderr()).toMatch(/refusing to listen on 0\.0\.0\.0/);
    const b = run(['--port', 'abc']);
    expect(await b.exit).toBe(2);
    expect(b.stderr()).toMatch(/--port needs a number/);
  });

  it('after a crash (SIGKILL), a restart on the same store keeps everything that was flushed', async () => {
    const store = join(tmp.dir, 'store-e');
    const r = run(['--port', '0', '--store', store]);
    const url = (await r.firstLine).slice('listening on '.length) + '/v1/traces';
    const spans = agentSpans(2, 10, 5);
    expect((await send(url, { headers: PB, body: protoBody(spans) })).status).toBe(200);
    const traceIds = [...new Set(spans.map((s) => s.spanContext().traceId))];
    // "new trace" is printed after the flush that created the file.
    await until(() => traceIds.every((id) => r.stdout().includes(`new trace ${id}`)));
    r.child.kill('SIGKILL');
    await r.exit;
    expect(existsSync(join(store, 'receiver.lock'))).toBe(true); // left behind by the crash

    const again = run(['--port', '0', '--store', store]);
    const url2 = (await again.firstLine).slice('listening on '.length) + '/v1/traces';
    expect((await send(url2, { headers: PB, body: protoBody(agentSpans(2, 10, 5)) })).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
    const index = JSON.parse(readFileSync(join(store, 'index.json'), 'utf8'));
    expect(index.traces.map((t: { traceId: string }) => t.traceId).sort()).toEqual(traceIds.sort());
    for (const id of traceIds) {
      expect(importTrace(readFileSync(join(store, `${id}.otlp.jsonl`))).traces[0].inputSpanCount).toBe(20);
      expect(index.traces.find((t: { traceId: string }) => t.traceId === id).spanCount).toBe(20);
    }
  });
});
