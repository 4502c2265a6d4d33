/**
 * Load figures for a 100k-span agent trace, as ratios to a baseline taken in the same run
 * (machines are shared and noisy; ratios are comparable, absolute times are not), each the
 * median of 5 interleaved repetitions with min–max:
 * - import time / bare `JSON.parse` time of the same OTLP JSON bytes (target ≤ 1.5);
 * - protobuf import time / the same JSON.parse baseline (target ≤ 1: no slower than JSON);
 * - retained heap of the imported model, per span and as a fraction of the file (≤ 0.8).
 * Heap is measured in a child process per format so one format's garbage cannot skew another.
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTrace } from '../src/core/import/index';
import { deriveAgentView } from '../src/core/semantics/agentView';
import { generateAgentSpans } from './generateAgentTrace';
import { emit, emitMedian, median, timeIt } from './report';

const SPANS = Number(process.env.BENCH_SPANS ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const dir = join(__dirname);
const jsonPath = join(dir, `agent-${SPANS}.otlp.json`);
const protoPath = join(dir, `agent-${SPANS}.otlp.pb`);

function ensureFiles(): void {
  if (existsSync(jsonPath) && existsSync(protoPath)) return;
  mkdirSync(dir, { recursive: true });
  const spans = generateAgentSpans(SPANS);
  writeFileSync(jsonPath, JsonTraceSerializer.serializeRequest(spans)!);
  writeFileSync(protoPath, ProtobufTraceSerializer.serializeRequest(spans)!);
}

function heapChild(path: string): number {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--heap', path], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return Number(out.trim().split('\n').pop());
}

/** Child mode: prints the bytes retained by the imported model (JS heap plus array buffers it keeps). */
function measureHeap(path: string): void {
  const g = (globalThis as { gc?: () => void }).gc!;
  let bytes: Uint8Array | undefined = readFileSync(path);
  g();
  g();
  const before = process.memoryUsage();
  let set: ReturnType<typeof importTrace> | undefined = importTrace(bytes);
  // eslint-disable-next-line no-useless-assignment -- dropping the reference is what is measured
  bytes = undefined; // whatever the model still references stays alive, the rest is collectable
  g();
  g();
  const after = process.memoryUsage();
  const fileSize = readFileSync(path).length;
  // The input buffer was counted in `before.arrayBuffers`; if the model keeps it (lazy protobuf
  // attributes do), it is still in `after.arrayBuffers` and counted as retained.
  const retained = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers) + fileSize;
  process.stdout.write(`${set!.traces[0].spans.length}\n${retained}\n`);
  // eslint-disable-next-line no-useless-assignment -- lets the model be collected before the next run
  set = undefined;
}

function main(): void {
  if (process.argv[2] === '--heap') return measureHeap(process.argv[3]);
  ensureFiles();
  const json = readFileSync(jsonPath);
  const proto = readFileSync(protoPath);
  const decoder = new TextDecoder();
  // Interleaved repetitions: each ratio is taken against the JSON.parse measured just before it
  // (the machine's speed drifts), and reported as the median of REPS with min–max.
  const parse: number[] = [];
  const jsonMs: number[] = [];
  const protoMs: number[] = [];
  for (let i = 0; i < REPS; i++) {
    parse.push(timeIt(() => JSON.parse(decoder.decode(json))));
    jsonMs.push(timeIt(() => importTrace(json)));
    protoMs.push(timeIt(() => importTrace(proto)));
  }
  const set = importTrace(json);
  const viewMs = Array.from({ length: REPS }, () => timeIt(() => deriveAgentView(set.traces[0])));
  const spans = set.traces[0].spans.length;
  const over = (xs: number[]) => xs.map((x, i) => x / parse[i]);
  emit('load.spans', spans, 'spans');
  emit('load.otlp_json.file_mb', json.length / 1e6, 'MB');
  emit('load.otlp_proto.file_mb', proto.length / 1e6, 'MB');
  emitMedian('load.json_parse_baseline_ms', parse, 'ms');
  emitMedian('load.otlp_json.ms', jsonMs, 'ms');
  emitMedian('load.otlp_json.ratio_to_json_parse', over(jsonMs), 'ratio');
  emitMedian('load.otlp_proto.ms', protoMs, 'ms');
  emitMedian('load.otlp_proto.ratio_to_json_parse', over(protoMs), 'ratio');
  emitMedian('load.agent_view.ms', viewMs, 'ms');
  emitMedian(
    'load.agent_view.ratio_to_json_parse',
    viewMs.map((x) => x / median(parse)),
    'ratio',
  );
  const heapJson = heapChild(jsonPath);
  emit('load.heap_over_file_size', heapJson / json.length, 'ratio');
  emit('load.heap_bytes_per_span', heapJson / spans, 'bytes');
  const heapProto = heapChild(protoPath);
  emit('load.otlp_proto.heap_over_file_size', heapProto / proto.length, 'ratio');
  emit('load.otlp_proto.heap_bytes_per_span', heapProto / spans, 'bytes');
}

main();
