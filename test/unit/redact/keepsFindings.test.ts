import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { encodeOtlpJson } from '../../../src/core/export/otlpJson';
import { importTrace } from '../../../src/core/import/index';
import type { Trace } from '../../../src/core/model/trace';
import { findLeaks, redactTraces } from '../../../src/core/redact/redactTraces';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

/**
 * The redacted trace is still the same run: same spans, same tool calls linked to the same
 * executions, same findings. Checked on every corpus trace and claims fixture, both in memory
 * and after writing OTLP JSON and reading it back (compared with the unredacted trace written
 * and read back the same way, so the encoder's own round trip is not what is measured).
 */
const root = resolve(__dirname, '../../..');
const files = [
  ...['any-agent', 'jaeger', 'langfuse', 'otel-js-spans', 'otlp-json', 'zipkin'].flatMap((d) =>
    readdirSync(join(root, 'test/fixtures/corpus', d)).map((f) => join(root, 'test/fixtures/corpus', d, f)),
  ),
  ...readdirSync(join(root, 'test/fixtures/claims/set'))
    .filter((f) => f.endsWith('.otlp.json'))
    .map((f) => join(root, 'test/fixtures/claims/set', f)),
  join(root, 'demo/workspace/traces/travel-agent-run.otlp.json'),
];

function facts(t: Trace) {
  const view = deriveAgentView(t);
  const a = new TraceAnalyses(t, view);
  return {
    spans: t.spans.map((s) => [s.spanId, s.parentSpanId, s.startNs, s.endNs, s.kind, s.status.code, s.depth, s.subtreeEnd]),
    tools: view.toolExecutions.map((e) => [e.spanIndex, e.name, e.callId, e.status, e.requestedBy]),
    llm: view.llmCalls.length,
    iterations: view.iterationCount,
    tokens: view.tokens,
    findings: a.findings().map((f) => [f.kind, f.severity, f.spanIds]),
  };
}

const roundTrip = (traces: readonly Trace[]) => importTrace(encodeOtlpJson(traces)).traces;

describe('redaction keeps the run', () => {
  test.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_name, file) => {
    const set = importTrace(readFileSync(file));
    const r = redactTraces(set.traces);
    expect(r.traces.length).toBe(set.traces.length);
    for (const [i, t] of set.traces.entries()) expect(facts(r.traces[i])).toEqual(facts(t));
    const before = roundTrip(set.traces);
    const after = roundTrip(r.traces);
    for (const [i, t] of before.entries()) expect(facts(after[i])).toEqual(facts(t));
    expect(findLeaks(new TextDecoder().decode(encodeOtlpJson(r.traces)))).toEqual([]);
  });

  test('the claims fixtures have findings to compare (the check is not vacuous)', () => {
    const demo = importTrace(readFileSync(files[files.length - 1])).traces[0];
    const f = new TraceAnalyses(demo, deriveAgentView(demo)).findings();
    expect(f.map((x) => x.kind)).toEqual(['claimed-success-but-failed']);
  });
});
