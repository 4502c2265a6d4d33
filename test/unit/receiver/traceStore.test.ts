import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { decodeExportRequest, type TraceBatch } from '../../../src/core/receiver/decodeExport';
import { StoreLockedError } from '../../../src/receiver/server/storeFiles';
import { TraceStore, type TraceRemovedEvent, type TraceUpdatedEvent } from '../../../src/receiver/server/traceStore';
import { tempDir } from './helpers';
import { agentSpans, protoBody } from './requests';

/** The batches of one request carrying `spans` spans in each of `traces` traces. */
function batches(traces: number, spans: number, seed = 7): TraceBatch[] {
  return decodeExportRequest(protoBody(agentSpans(traces, spans, seed)), 'protobuf').batches;
}

let dirs: (() => void)[] = [];
let stores: TraceStore[] = [];
afterEach(async () => {
  for (const s of stores) await s.close();
  for (const c of dirs) c();
  dirs = [];
  stores = [];
});

async function open(opts: Parameters<typeof TraceStore.open>[1] = {}, dir?: string): Promise<TraceStore> {
  if (!dir) {
    const t = tempDir('store-test-');
    dirs.push(t.cleanup);
    dir = t.dir;
  }
  const s = await TraceStore.open(dir, opts);
  stores.push(s);
  return s;
}

async function close(s: TraceStore): Promise<void> {
  await s.close();
  stores = stores.filter((x) => x !== s);
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean);
}

describe('TraceStore', () => {
  it('buffers appends, fires onSpans at once and onTraceUpdated after the flush, within 250 ms', async () => {
    const store = await open({ flushIntervalMs: 50 });
    const spans: string[] = [];
    const updates: (TraceUpdatedEvent & { at: number })[] = [];
    store.onSpans((e) => spans.push(`${e.traceId}:${e.count}:${e.total}`));
    store.onTraceUpdated((e) => updates.push({ ...e, at: performance.now() }));
    const [b] = batches(1, 9);
    const t0 = performance.now();
    store.append([b]);
    expect(spans).toEqual([`${b.traceId}:9:9`]);
    expect(existsSync(store.pathOf(b.traceId))).toBe(false); // only buffered so far
    await until(() => updates.length === 1);
    expect(updates[0].at - t0).toBeLessThan(250);
    expect(updates[0]).toMatchObject({ created: true, appendedFrom: 0, path: store.pathOf(b.traceId) });
    expect(updates[0].summary).toMatchObject({ traceId: b.traceId, spanCount: 9, rootName: 'invoke_agent travel-agent', serviceName: 'travel-agent' });
    const size = statSync(store.pathOf(b.traceId)).size;
    expect(updates[0].summary.bytes).toBe(size);

    store.append(batches(1, 9, 7)); // the same trace again: a second line
    await store.flush();
    expect(updates[1]).toMatchObject({ created: false, appendedFrom: size });
    expect(lines(store.pathOf(b.traceId))).toHaveLength(2);
    const appended = await store.readAppended(b.traceId, size);
    expect(new TextDecoder().decode(appended)).toBe(lines(store.pathOf(b.traceId))[1] + '\n');
    const set = importTrace(await store.readTrace(b.traceId));
    expect(set.format).toBe('otlp-jsonl');
    expect(set.traces[0].inputSpanCount).toBe(18);
    expect(store.get(b.traceId)!.spanCount).toBe(18);
  });

  it('keeps one file per trace, and lists them newest first', async () => {
    let now = 1000;
    const store = await open({ now: () => now });
    for (const b of batches(3, 3)) {
      now += 10;
      store.append([b]);
    }
    await store.flush();
    const files = readdirSync(store.dir).filter((f) => f.endsWith('.otlp.jsonl'));
    expect(files).toHaveLength(3);
    expect(store.list().map((s) => s.firstReceivedMs)).toEqual([1030, 1020, 1010]);
  });

  it('retention by count deletes the least recently written traces', async () => {
    let now = 1000;
    const removed: TraceRemovedEvent[] = [];
    const store = await open({ maxTraces: 3, now: () => now });
    store.onTraceRemoved((e) => removed.push(e));
    const bs = batches(5, 2);
    for (const b of bs) {
      now += 10;
      store.append([b]);
      await store.flush();
    }
    expect(store.traceCount).toBe(3);
    expect(removed).toEqual([
      { traceId: bs[0].traceId, reason: 'retention' },
      { traceId: bs[1].traceId, reason: 'retention' },
    ]);
    await until(() => !existsSync(store.pathOf(bs[1].traceId)));
    expect(existsSync(store.pathOf(bs[0].traceId))).toBe(false);
    expect(existsSync(store.pathOf(bs[4].traceId))).toBe(true);
  });

  it('retention by size keeps the newest trace even when it alone is over the limit', async () => {
    let now = 1000;
    const store = await open({ maxTotalBytes: 10_000, now: () => now });
    const bs = batches(3, 20);
    expect(bs[0].line.length).toBeGreaterThan(10_000);
    for (const b of bs) {
      now += 10;
      store.append([b]);
      await store.flush();
    }
    expect(store.list().map((s) => s.traceId)).toEqual([bs[2].traceId]);
  });

  it('writes an index that a reopened store reads back', async () => {
    const t = tempDir('store-test-');
    dirs.push(t.cleanup);
    const store = await open({}, t.dir);
    store.append(batches(2, 4));
    await close(store);
    const index = JSON.parse(readFileSync(join(t.dir, 'index.json'), 'utf8'));
    expect(index.version).toBe(1);
    expect(index.traces).toHaveLength(2);
    const again = await open({}, t.dir);
    expect(again.list()).toEqual(index.traces);
  });

  it('recovers after a crash: cut last line trimmed, stale or missing entries rebuilt from the files', async () => {
    const t = tempDir('store-test-');
    dirs.push(t.cleanup);
    const store = await open({}, t.dir);
    const [a, b] = batches(2, 4);
    store.append([a, b]);
    await close(store);
    // What a crash leaves: more lines appended after the last index write, one of them cut short,
    // a trace file the index never heard of, an index entry whose file is gone, and the lock.
    const pathA = join(t.dir, `${a.traceId}.otlp.jsonl`);
    appendFileSync(pathA, Buffer.concat([a.line, Buffer.from('\n'), a.line.subarray(0, 100)]));
    const [c] = batches(1, 3, 99);
    writeFileSync(join(t.dir, `${c.traceId}.otlp.jsonl`), Buffer.concat([c.line, Buffer.from('\n')]));
    rmSync(join(t.dir, `${b.traceId}.otlp.jsonl`));
    writeFileSync(join(t.dir, 'receiver.lock'), String(deadPid()));
    const logs: string[] = [];
    const again = await open({ log: (_l, m) => logs.push(m) }, t.dir);
    expect(
      again
        .list()
        .map((s) => s.traceId)
        .sort(),
    ).toEqual([a.traceId, c.traceId].sort());
    expect(again.get(a.traceId)).toMatchObject({ spanCount: 8, rootName: 'invoke_agent travel-agent', bytes: statSync(pathA).size });
    expect(again.get(c.traceId)).toMatchObject({ spanCount: 3 });
    expect(lines(pathA)).toHaveLength(2);
    expect(readFileSync(pathA, 'utf8').endsWith('\n')).toBe(true);
    expect(logs.some((m) => m.includes('partial line'))).toBe(true);
    // The next append lands on a clean line boundary.
    again.append([a]);
    await again.flush();
    expect(importTrace(readFileSync(pathA)).traces[0].inputSpanCount).toBe(12);
  });

  it('rebuilds from the files when index.json is corrupt', async () => {
    const t = tempDir('store-test-');
    dirs.push(t.cleanup);
    const store = await open({}, t.dir);
    store.append(batches(2, 2));
    await close(store);
    writeFileSync(join(t.dir, 'index.json'), '{"version":1,"traces":[{"traceId":"../../etc/passwd"}');
    const logs: string[] = [];
    const again = await open({ log: (_l, m) => logs.push(m) }, t.dir);
    expect(again.traceCount).toBe(2);
    expect(logs.some((m) => m.includes('index.json is unreadable'))).toBe(true);
  });

  it('one store per directory: a second open is refused until the first closes', async () => {
    const t = tempDir('store-test-');
    dirs.push(t.cleanup);
    const first = await open({}, t.dir);
    await expect(TraceStore.open(t.dir)).rejects.toBeInstanceOf(StoreLockedError);
    await close(first);
    const second = await open({}, t.dir);
    expect(second.traceCount).toBe(0);
  });

  it('deleteTrace and clear remove files and fire onTraceRemoved', async () => {
    const store = await open();
    const removed: string[] = [];
    store.onTraceRemoved((e) => removed.push(`${e.reason}:${e.traceId}`));
    const bs = batches(3, 2);
    store.append(bs);
    await store.flush();
    await store.deleteTrace(bs[0].traceId);
    expect(existsSync(store.pathOf(bs[0].traceId))).toBe(false);
    await store.clear();
    expect(store.traceCount).toBe(0);
    expect(readdirSync(store.dir).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    expect(removed).toEqual(bs.map((b) => `deleted:${b.traceId}`));
  });

  it('recreates a store directory removed while running', async () => {
    const store = await open();
    rmSync(store.dir, { recursive: true, force: true });
    const [b] = batches(1, 2);
    store.append([b]);
    await store.flush();
    expect(existsSync(store.pathOf(b.traceId))).toBe(true);
  });

  it('never names a file from an id that is not 32 hex digits', async () => {
    const store = await open();
    const [b] = batches(1, 1);
    expect(() => store.append([{ ...b, traceId: '../../../../tmp/evil' }])).toThrow(/not a trace id/);
    expect(() => store.pathOf('..')).toThrow(/not a trace id/);
  });

  it('a listener that throws does not stop the others or the store', async () => {
    const logs: string[] = [];
    const store = await open({ log: (_l, m) => logs.push(m) });
    let seen = 0;
    store.onTraceUpdated(() => {
      throw new Error('listener bug');
    });
    store.onTraceUpdated(() => seen++);
    store.append(batches(1, 2));
    await store.flush();
    expect(seen).toBe(1);
    expect(logs.some((m) => m.includes('listener bug'))).toBe(true);
  });

  it('computes agent figures with the analyze hook after the trace goes quiet', async () => {
    const store = await open({
      analyzeDelayMs: 20,
      analyze: (set, id) => ({
        llmCalls: set.traces.find((t) => t.traceId === id)!.spans.length,
        toolCalls: 0,
        inputTokens: 1,
        outputTokens: 2,
        costUsd: null,
      }),
    });
    const [b] = batches(1, 7);
    store.append([b]);
    await store.flush();
    await until(() => store.get(b.traceId)?.agent !== undefined);
    expect(store.get(b.traceId)!.agent).toEqual({
      llmCalls: 7,
      toolCalls: 0,
      inputTokens: 1,
      outputTokens: 2,
      costUsd: null,
      analyzedBytes: store.get(b.traceId)!.bytes,
    });
  });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
