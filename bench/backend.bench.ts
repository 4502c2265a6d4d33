/**
 * Fetching a 10k-span trace from a backend vs importing the same bytes from a local file:
 * - `backend.fetch_10k_spans_ms`: `fetchTrace` from the Jaeger api_v3 stand-in over loopback
 *   (request, Node transport, import, span-cap check), median of REPS with min–max;
 * - `backend.fetch_10k_spans.ratio_to_local_file`: each fetch over the local import of the same
 *   answer bytes (readFileSync + importTrace) measured just before it (target ≤ 1.5).
 * The stand-in runs in this process and serves a pre-rendered answer, so the figure is the
 * client's cost plus loopback, not the server's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../src/core/backends/cancel';
import { createBackendClient } from '../src/core/backends/index';
import { importTrace } from '../src/core/import/index';
import { nodeTransport } from '../src/backendsNode/nodeTransport';
import { BIG_TRACE_ID } from '../test/standins/dataset';
import { startStandin } from '../test/standins/index';
import { emit, emitMedian } from './report';

const SPANS = 10_000;
const REPS = Number(process.env.BENCH_REPS ?? 7);

async function main(): Promise<void> {
  const standin = await startStandin('jaeger', { bigTraceSpans: SPANS });
  try {
    const client = createBackendClient({ kind: 'jaeger', baseUrl: standin.url }, {}, nodeTransport);
    const res = await fetch(`${standin.url}/api/v3/traces/${BIG_TRACE_ID}`);
    const file = join(mkdtempSync(join(tmpdir(), 'bench-backend-')), 'trace.json');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    // Warm-up: JIT, the connection path and the stand-in's rendered answer.
    await client.fetchTrace(BIG_TRACE_ID, NEVER_CANCELLED);
    importTrace(readFileSync(file));
    const fetchMs: number[] = [];
    const ratios: number[] = [];
    let spans = 0;
    for (let i = 0; i < REPS; i++) {
      let t = performance.now();
      importTrace(readFileSync(file));
      const local = performance.now() - t;
      t = performance.now();
      const r = await client.fetchTrace(BIG_TRACE_ID, NEVER_CANCELLED);
      const remote = performance.now() - t;
      spans = r.set.traces[0].spans.length;
      fetchMs.push(remote);
      ratios.push(remote / local);
    }
    emit('backend.fetch_10k_spans.spans', spans, 'spans');
    emit('backend.fetch_10k_spans.bytes', readFileSync(file).length, 'bytes');
    emitMedian('backend.fetch_10k_spans_ms', fetchMs, 'ms');
    emitMedian('backend.fetch_10k_spans.ratio_to_local_file', ratios, 'x');
  } finally {
    await standin.close();
  }
}

void main();
