/**
 * Redaction figures (issue 13; targets in ../shared/docs/targets.md):
 * - `redact.10k_spans_ms`: `redactTraces` over a 10k-span agent trace (median of 7, min–max
 *   printed too; target ≤ 1000 ms), and the same as a ratio to a bare `JSON.parse` of its OTLP
 *   JSON bytes (machines are shared and noisy: the ratio is the comparable figure);
 * - `redact.find_leaks_10k_ms`: the second pass (`findLeaks`) over the redacted OTLP JSON;
 * - the seeded corpus (test/fixtures/secrets): secrets seeded, leaks (target 0), look-alikes
 *   changed (target ≤ 1%).
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { encodeOtlpJson } from '../src/core/export/otlpJson';
import { importTrace } from '../src/core/import/index';
import { findLeaks, redactTraces } from '../src/core/redact/redactTraces';
import { makeSecretCorpus } from '../test/fixtures/secrets/secretCorpus';
import { generateAgentSpans } from './generateAgentTrace';
import { emit, median, timeIt } from './report';

const RUNS = 7;

function timed(fn: () => unknown): { median: number; min: number; max: number } {
  fn(); // warm-up: regex compilation and JIT
  const xs = Array.from({ length: RUNS }, () => timeIt(fn));
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

function speed(): void {
  const bytes = JsonTraceSerializer.serializeRequest(generateAgentSpans(10_000))!;
  const set = importTrace(bytes);
  const spans = set.traces.reduce((n, t) => n + t.spans.length, 0);
  const text = new TextDecoder().decode(bytes);
  const parse = timed(() => JSON.parse(text));
  const redact = timed(() => redactTraces(set.traces));
  const out = new TextDecoder().decode(encodeOtlpJson(redactTraces(set.traces).traces));
  const leaks = timed(() => findLeaks(out));
  process.stderr.write(
    `redact ${spans} spans: median ${redact.median.toFixed(0)} ms (${redact.min.toFixed(0)}–${redact.max.toFixed(0)}); findLeaks ${leaks.median.toFixed(0)} ms (${leaks.min.toFixed(0)}–${leaks.max.toFixed(0)})\n`,
  );
  emit('redact.10k_spans_ms', redact.median, 'ms');
  emit('redact.10k_spans_min_ms', redact.min, 'ms');
  emit('redact.10k_spans_max_ms', redact.max, 'ms');
  emit('redact.10k_spans.ratio_to_json_parse', redact.median / parse.median, 'ratio');
  emit('redact.find_leaks_10k_ms', leaks.median, 'ms');
}

/** A seeded secret leaks when any of its forms (as is, JSON-escaped once or twice, URL-encoded, each line of a multi-line one) is in the output. */
function forms(value: string): string[] {
  const parts = [value, ...value.split('\n').filter((l) => l.length >= 16)];
  return parts.flatMap((p) => [p, JSON.stringify(p).slice(1, -1), JSON.stringify(JSON.stringify(p)).slice(1, -1), encodeURIComponent(p)]);
}

function corpusFigures(): void {
  const corpus = makeSecretCorpus();
  const input = importTrace(new TextEncoder().encode(corpus.otlpJson));
  const r = redactTraces(input.traces);
  const out = new TextDecoder().decode(encodeOtlpJson(r.traces));
  const leaked = corpus.secrets.filter((s) => forms(s.value).some((f) => out.includes(f))).length;
  const after = new Map(r.traces.flatMap((t) => t.spans.map((s) => [s.spanId, s] as const)));
  const before = new Map(input.traces.flatMap((t) => t.spans.map((s) => [s.spanId, s] as const)));
  const changed = corpus.lookAlikes.filter((l) => after.get(l.spanId)!.attributes.get(l.key) !== before.get(l.spanId)!.attributes.get(l.key)).length;
  emit('redact.corpus.secrets', corpus.secrets.length, 'secrets');
  emit('redact.corpus.secret_kinds', new Set(corpus.secrets.map((s) => s.kind)).size, 'kinds');
  emit('redact.corpus.leaks', leaked, 'secrets');
  emit('redact.corpus.find_leaks_hits', findLeaks(out).length, 'matches');
  emit('redact.corpus.lookalikes', corpus.lookAlikes.length, 'values');
  emit('redact.corpus.lookalikes_changed', changed, 'values');
  emit('redact.corpus.lookalikes_changed_pct', (100 * changed) / corpus.lookAlikes.length, '%');
}

speed();
corpusFigures();
