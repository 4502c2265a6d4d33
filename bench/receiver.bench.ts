/**
 * Receiver figures (`npm run bench -- receiver`):
 * - `receiver.otlp_proto.spans_per_s`, `receiver.otlp_json.spans_per_s`: spans per second
 *   through the whole receiver (HTTP, decoding, grouping by trace, OTLP JSON Lines written to
 *   the store and flushed) with the receiver on one Node thread. The client runs in a child
 *   process (so its encoding and HTTP work do not share the receiver's thread) and posts
 *   pre-encoded bodies over 8 keep-alive connections. Bodies are what the OpenTelemetry JS
 *   serializers produce for a BatchSpanProcessor batch: 512 agent spans (~1.4 KB of OTLP JSON
 *   each, bench/generateAgentTrace.ts) from 4 traces, every request with fresh trace ids.
 *   Wall time runs from the client's first request to the store's flush after its last one.
 * - `…spans_per_cpu_s`: the same spans over the receiver process's CPU time (user + system,
 *   the libuv threads that write files included): steadier than wall time on a shared machine.
 * - `receiver.update_latency_p95_ms` (and p50): from the start of a POST (10 spans of a new
 *   trace) to the store's `onTraceUpdated` event for that trace, one request at a time, with
 *   the default flush interval (50 ms).
 * - `receiver.json_parse_baseline_spans_per_s` and the `…ratio_to_json_parse` figures: the
 *   same throughput relative to a bare `JSON.parse` of the JSON bodies in this run.
 * Targets (docs/targets.md): ≥ 50k spans/s protobuf, ≥ 20k spans/s JSON, updates ≤ 250 ms.
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalReceiver } from '../src/receiver/server/localReceiver';
import { generateAgentSpans } from './generateAgentTrace';
import { emit, median } from './report';

const REQUESTS = Number(process.env.BENCH_RECEIVER_REQUESTS ?? 200);
const SPANS_PER_REQUEST = 512;
const TRACES_PER_REQUEST = 4;
const TEMPLATES = 8;
const CONCURRENCY = 8;
const dir = join(__dirname);

type Encoding = 'proto' | 'json';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** One template request: SPANS_PER_REQUEST spans in TRACES_PER_REQUEST traces with placeholder ids. */
function templateSpans(t: number): { spans: ReadableSpan[]; traceIds: string[] } {
  const per = SPANS_PER_REQUEST / TRACES_PER_REQUEST;
  const spans: ReadableSpan[] = [];
  const traceIds: string[] = [];
  for (let k = 0; k < TRACES_PER_REQUEST; k++) {
    const traceId = 'beef' + hex(t, 12) + hex(k + 1, 16);
    traceIds.push(traceId);
    for (const s of generateAgentSpans(per, 1000 * t + k)) {
      const ctx = { ...s.spanContext(), traceId };
      const parent = s.parentSpanContext ? { ...s.parentSpanContext, traceId } : undefined;
      spans.push({ ...s, spanContext: () => ctx, parentSpanContext: parent } as ReadableSpan);
    }
  }
  return { spans, traceIds };
}

/** Replaces every occurrence of `from` by `to` (same length) in `b`, in place. */
function patch(b: Buffer, from: Buffer, to: Buffer): void {
  for (let i = b.indexOf(from); i >= 0; i = b.indexOf(from, i + from.length)) to.copy(b, i);
}

/** REQUESTS bodies, each a template with fresh trace ids, written length-prefixed to a file. */
function writeBodies(encoding: Encoding): string {
  const path = join(dir, `receiver-bodies.${encoding}.bin`);
  const templates = Array.from({ length: TEMPLATES }, (_, t) => {
    const { spans, traceIds } = templateSpans(t);
    const body = Buffer.from(encoding === 'proto' ? ProtobufTraceSerializer.serializeRequest(spans)! : JsonTraceSerializer.serializeRequest(spans)!);
    return { body, traceIds };
  });
  const fd = openSync(path, 'w');
  for (let r = 0; r < REQUESTS; r++) {
    const { body, traceIds } = templates[r % TEMPLATES];
    const b = Buffer.from(body);
    traceIds.forEach((id, k) => {
      const fresh = 'beef' + hex(r + 1, 12) + hex(k + 1 + (encoding === 'json' ? 0x8000 : 0), 16);
      if (encoding === 'proto') patch(b, Buffer.from(id, 'hex'), Buffer.from(fresh, 'hex'));
      else patch(b, Buffer.from(id), Buffer.from(fresh));
    });
    const len = Buffer.alloc(4);
    len.writeUInt32LE(b.length);
    writeSync(fd, len);
    writeSync(fd, b);
  }
  closeSync(fd);
  return path;
}

/** Child mode: posts every body of `file` to `url` over CONCURRENCY keep-alive connections. */
async function client(url: string, file: string, encoding: Encoding): Promise<void> {
  const all = readFileSync(file);
  const bodies: Buffer[] = [];
  for (let p = 0; p < all.length;) {
    const n = all.readUInt32LE(p);
    bodies.push(all.subarray(p + 4, p + 4 + n));
    p += 4 + n;
  }
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const u = new URL(url);
  const post = (body: Buffer) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent,
          headers: { 'Content-Type': encoding === 'proto' ? 'application/x-protobuf' : 'application/json', 'Content-Length': body.length },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  process.stdout.write('start\n');
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const b = bodies[next++];
        let status = await post(b);
        while (status === 503) {
          await new Promise((r) => setTimeout(r, 20));
          status = await post(b);
        }
        if (status !== 200) failed++;
      }
    }),
  );
  agent.destroy();
  process.stdout.write(`end ${failed}\n`);
}

async function throughput(encoding: Encoding): Promise<{ wallSpansPerS: number; cpuSpansPerS: number }> {
  const file = writeBodies(encoding);
  // The bodies' garbage (hundreds of MB of spans) must not be collected on the clock.
  (globalThis as { gc?: () => void }).gc?.();
  const storeDir = mkdtempSync(join(dir, 'receiver-store-'));
  const local = await startLocalReceiver({ port: 0, storeDir, store: { maxTotalBytes: 8 * 1024 ** 3, maxTraces: 100_000 } });
  try {
    const child = spawn(process.execPath, [__filename, '--client', local.tracesUrl, file, encoding], { stdio: ['ignore', 'pipe', 'inherit'] });
    let t0 = 0;
    let cpu0 = process.cpuUsage();
    let failed = -1;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      for (const line of d.split('\n')) {
        if (line === 'start') {
          t0 = performance.now();
          cpu0 = process.cpuUsage();
        } else if (line.startsWith('end ')) failed = Number(line.slice(4));
      }
    });
    await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`client exited ${code}`)))));
    await local.store.flush();
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const spans = REQUESTS * SPANS_PER_REQUEST;
    if (failed !== 0) throw new Error(`${failed} requests failed`);
    if (local.receiver.stats.spansAccepted !== spans) throw new Error(`accepted ${local.receiver.stats.spansAccepted} of ${spans} spans`);
    const stored = local.store.list().reduce((n, s) => n + s.spanCount, 0);
    if (stored !== spans) throw new Error(`stored ${stored} of ${spans} spans`);
    return { wallSpansPerS: spans / wall, cpuSpansPerS: spans / ((cpu.user + cpu.system) / 1e6) };
  } finally {
    await local.stop();
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
}

async function latency(): Promise<{ p50: number; p95: number }> {
  const storeDir = mkdtempSync(join(dir, 'receiver-store-'));
  const local = await startLocalReceiver({ port: 0, storeDir });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const u = new URL(local.tracesUrl);
  const samples: number[] = [];
  try {
    const { spans } = templateSpans(99);
    const one = spans.slice(0, 10);
    const template = Buffer.from(ProtobufTraceSerializer.serializeRequest(one)!);
    const templateId = Buffer.from(one[0].spanContext().traceId, 'hex');
    for (let i = 0; i < 120; i++) {
      const traceId = 'cafe' + hex(i + 1, 28);
      const body = Buffer.from(template);
      patch(body, templateId, Buffer.from(traceId, 'hex'));
      const updated = new Promise<number>((resolve) => {
        const sub = local.store.onTraceUpdated((e) => {
          if (e.summary.traceId === traceId) {
            sub.dispose();
            resolve(performance.now());
          }
        });
      });
      const t0 = performance.now();
      const req = request(
        {
          host: u.hostname,
          port: u.port,
          path: u.pathname,
          method: 'POST',
          agent,
          headers: { 'Content-Type': 'application/x-protobuf', 'Content-Length': body.length },
        },
        (res) => res.resume(),
      );
      req.end(body);
      const t1 = await updated;
      if (i >= 20) samples.push(t1 - t0); // the first requests warm up the JIT
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    agent.destroy();
    await local.stop();
    rmSync(storeDir, { recursive: true, force: true });
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: median(samples), p95: sorted[Math.floor(sorted.length * 0.95)] };
}

/**
 * Machine-speed reference taken in the same run: spans per second that a bare `JSON.parse` of
 * the same JSON request bodies manages (decoding to a string included). Ratios to it compare
 * across machines; absolute figures on a shared machine do not.
 */
function jsonParseBaseline(): number {
  const bodies = Array.from({ length: 4 }, (_, t) => Buffer.from(JsonTraceSerializer.serializeRequest(templateSpans(t).spans)!));
  const decoder = new TextDecoder();
  const rounds = 15;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const b of bodies) JSON.parse(decoder.decode(b));
    times.push(performance.now() - t0);
  }
  return (bodies.length * SPANS_PER_REQUEST) / (median(times) / 1000);
}

async function main(): Promise<void> {
  if (process.argv[2] === '--client') return client(process.argv[3], process.argv[4], process.argv[5] as Encoding);
  mkdirSync(dir, { recursive: true });
  const baseline = jsonParseBaseline();
  emit('receiver.json_parse_baseline_spans_per_s', baseline, 'spans/s');
  const proto = await throughput('proto');
  emit('receiver.otlp_proto.spans_per_s', proto.wallSpansPerS, 'spans/s');
  emit('receiver.otlp_proto.spans_per_cpu_s', proto.cpuSpansPerS, 'spans/s');
  emit('receiver.otlp_proto.ratio_to_json_parse', proto.wallSpansPerS / baseline, 'ratio');
  const json = await throughput('json');
  emit('receiver.otlp_json.spans_per_s', json.wallSpansPerS, 'spans/s');
  emit('receiver.otlp_json.spans_per_cpu_s', json.cpuSpansPerS, 'spans/s');
  emit('receiver.otlp_json.ratio_to_json_parse', json.wallSpansPerS / baseline, 'ratio');
  const lat = await latency();
  emit('receiver.update_latency_p50_ms', lat.p50, 'ms');
  emit('receiver.update_latency_p95_ms', lat.p95, 'ms');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
