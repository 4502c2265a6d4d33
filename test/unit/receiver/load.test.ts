/**
 * Load: 64 concurrent well-behaved clients (protobuf and JSON, some gzip, keep-alive, retrying
 * on 503 as SDK exporters do) while 10,000 malformed requests and gzip bombs arrive. The
 * receiver must keep answering, refuse every bad request with a 4xx (or 503), store every
 * valid span exactly once (count in = count stored, read back from the files), and keep its
 * memory bounded.
 *
 * Memory bound, from the limits set below: at most maxInFlightBytes (32 MiB) of bodies being
 * read, maxPendingStoreBytes (16 MiB) of lines waiting for the disk, plus the decoding of one
 * request at a time (requests here are ~150 KB). V8 lets the heap grow well past the live set
 * before collecting, so allow 2x the budgets plus 160 MiB of slack: 256 MiB of RSS growth
 * (measured: 80–140 MiB). The traffic is larger than the bound: ~32 MB of bodies, ~54 MB of
 * stored lines, and 32 bombs (1 GiB each when inflated) refused after 8 MiB each (the
 * decompressed limit is lowered to 8 MiB here), 256 MiB in all, so keeping request data alive
 * after its request breaks the bound (checked by hand by retaining refused bodies in readBody).
 */
import { Agent } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { send, startTestReceiver, type RawResponse } from './helpers';
import { clientSpans, clientTraceId, generateAgentSpans, jsonBody, protoBody } from './requests';

const MiB = 1024 * 1024;
const CLIENTS = 64;
const REQUESTS_PER_CLIENT = 6;
const SPANS_PER_REQUEST = 100;
const MALFORMED = 10_000;
const BOMBS = 32;

let local: Awaited<ReturnType<typeof startTestReceiver>>;
beforeAll(async () => {
  local = await startTestReceiver({
    limits: { maxInFlightBytes: 32 * MiB, maxPendingStoreBytes: 16 * MiB, maxDecodedBytes: 8 * MiB, retryAfterSeconds: 1 },
    store: { maxTraces: 10_000, maxTotalBytes: 4096 * MiB },
  });
});
afterAll(async () => {
  await local.dispose();
});

const PB = { 'Content-Type': 'application/x-protobuf' };
const JS = { 'Content-Type': 'application/json' };

/** Posts until the answer is not 503 (honouring the spirit of Retry-After, faster). */
async function postWithRetry(url: string, headers: Record<string, string>, body: Uint8Array, agent: Agent, stats: { retries: number }): Promise<RawResponse> {
  for (;;) {
    const r = await send(url, { headers, body, agent });
    if (r.status !== 503) return r;
    stats.retries++;
    await new Promise((res) => setTimeout(res, 20 + Math.random() * 80));
  }
}

function malformedRequest(i: number, port: number): { headers: Record<string, string>; body: Uint8Array | string; path?: string; method?: string } {
  const junk = Uint8Array.from({ length: 64 + (i % 200) }, (_, k) => (k * 31 + i) & 255);
  switch (i % 10) {
    case 0:
      return { headers: PB, body: junk };
    case 1:
      return { headers: JS, body: '{"resourceSpans": [' + 'x'.repeat(i % 100) };
    case 2:
      return { headers: { 'Content-Type': 'text/plain' }, body: 'hello' };
    case 3:
      return { headers: { ...PB, Host: `evil.example:${port}` }, body: junk };
    case 4:
      return { headers: { ...JS, Origin: 'https://evil.example' }, body: '{}' };
    case 5:
      return { headers: PB, body: junk, path: '/v1/logs' };
    case 6:
      return { headers: PB, body: '', method: 'GET' };
    case 7:
      return { headers: { ...PB, 'Content-Encoding': 'gzip' }, body: junk };
    case 8:
      return { headers: JS, body: '[1,2,3]' };
    default:
      return { headers: { ...PB, 'Content-Encoding': 'br' }, body: junk };
  }
}

describe('receiver under load', () => {
  it('64 clients + 10k malformed requests + gzip bombs: all valid spans stored, memory bounded', async () => {
    const url = local.tracesUrl;
    const template = generateAgentSpans(SPANS_PER_REQUEST + 1, 3);
    const member = gzipSync(Buffer.alloc(16 * MiB));
    const bomb = Buffer.concat(Array.from({ length: 64 }, () => member)); // 1 GiB inflated
    // Warm up (JIT, first files) before the memory baseline.
    expect((await send(url, { headers: PB, body: protoBody(clientSpans(999, 0, 10, template)) })).status).toBe(200);
    const rss0 = process.memoryUsage().rss;
    let rssMax = rss0;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 20);

    const stats = { retries: 0 };
    const t0 = performance.now();
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const statuses: number[] = [];
      for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
        const spans = clientSpans(c, r, SPANS_PER_REQUEST, template);
        const json = c % 2 === 1;
        let body = json ? jsonBody(spans) : protoBody(spans);
        const headers: Record<string, string> = { ...(json ? JS : PB) };
        if (c % 4 >= 2) {
          body = gzipSync(body);
          headers['Content-Encoding'] = 'gzip';
        }
        statuses.push((await postWithRetry(url, headers, body, agent, stats)).status);
      }
      agent.destroy();
      return statuses;
    });
    const malformed = (async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      const statuses = new Map<number, number>();
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < MALFORMED) {
            const m = malformedRequest(next++, local.address.port);
            const r = await send(url, { ...m, agent });
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          }
        }),
      );
      agent.destroy();
      return statuses;
    })();
    const bombs = (async () => {
      const out: RawResponse[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next++ < BOMBS) out.push(await send(url, { headers: { ...PB, 'Content-Encoding': 'gzip' }, body: bomb }));
        }),
      );
      return out;
    })();

    const [clientStatuses, malformedStatuses, bombResponses] = await Promise.all([Promise.all(clients), malformed, bombs]);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await local.store.flush();

    // Every valid request ended in 200 (after retries on 503).
    expect(clientStatuses.flat().every((s) => s === 200)).toBe(true);
    // Every malformed one was refused with a client error (or 503 when busy), never 2xx or 500.
    let malformedTotal = 0;
    for (const [status, n] of malformedStatuses) {
      malformedTotal += n;
      expect(status === 503 || (status >= 400 && status < 500), `status ${status}`).toBe(true);
    }
    expect(malformedTotal).toBe(MALFORMED);
    for (const b of bombResponses) expect([413, 503]).toContain(b.status);
    expect(local.receiver.stats.byStatus[500]).toBeUndefined();

    // Count in = count stored, read back from the files.
    const sent = CLIENTS * REQUESTS_PER_CLIENT * SPANS_PER_REQUEST;
    expect(local.receiver.stats.spansAccepted).toBe(sent + 10);
    let stored = 0;
    for (let c = 0; c < CLIENTS; c++) {
      const id = clientTraceId(c);
      const set = importTrace(await local.store.readTrace(id));
      const t = set.traces.find((x) => x.traceId === id)!;
      expect(t.inputSpanCount).toBe(REQUESTS_PER_CLIENT * SPANS_PER_REQUEST);
      expect(t.quarantined).toEqual([]);
      expect(t.diagnostics.filter((d) => d.code === 'duplicate-span-id' || d.code === 'orphan')).toEqual([]);
      stored += t.spans.length;
    }
    expect(stored).toBe(sent);

    // Still serving.
    expect((await send(url, { headers: PB, body: protoBody(clientSpans(998, 0, 1, template)) })).status).toBe(200);
    const growth = rssMax - rss0;
    console.log(
      `load: ${sent} spans from ${CLIENTS} clients + ${MALFORMED} malformed + ${BOMBS} bombs in ${seconds.toFixed(1)} s; ${stats.retries} retries after 503; rss growth ${(growth / MiB).toFixed(0)} MiB; statuses ${JSON.stringify(local.receiver.stats.byStatus)}`,
    );
    expect(growth).toBeLessThan(256 * MiB);
  }, 60_000);
});
