import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { context, SpanKind as ApiSpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { readableSpansImporter } from '../../../src/core/import/readableSpans';
import { SpanKind, StatusCode } from '../../../src/core/model/span';

const fixtures = join(__dirname, '../../fixtures');
const corpus = (p: string) => readFileSync(join(fixtures, 'corpus', p));
const enc = new TextEncoder();
const load = (v: unknown) => importTrace(enc.encode(JSON.stringify(v)));
const hr = (t: readonly [number, number]) => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);

interface Expected {
  spanCount: number;
  traceIds: string[];
  rootCount: number;
  startNs: string;
  endNs: string;
}
const expectations = JSON.parse(readFileSync(join(fixtures, 'corpus/expectations.json'), 'utf8')) as Record<string, Expected>;

describe('ReadableSpan importer: corpus (Vercel AI SDK v6 spans captured by openinference-vercel)', () => {
  const file = 'otel-js-spans/vercel-ai-sdk-v6-all-spans.json';

  it('detects the bare array without a file name: 10 spans, each its own trace', () => {
    const set = importTrace(corpus(file));
    const exp = expectations[file];
    expect(set.format).toBe('otel-readable-spans');
    expect(set.inputSpanCount).toBe(exp.spanCount);
    expect(set.traces.length).toBe(10);
    expect(new Set(set.traces.map((t) => t.traceId))).toEqual(new Set(exp.traceIds));
    expect(set.traces.every((t) => t.spans.length === 1 && t.rootIndices.length === 1 && t.diagnostics.length === 0)).toBe(true);
    expect(set.traces[0].startNs).toBe(BigInt(exp.startNs));
    expect(set.traces.reduce((m, t) => (t.endNs > m ? t.endNs : m), 0n)).toBe(BigInt(exp.endNs));
    expect(set.diagnostics).toEqual([]);
    // Start times in order, from python3 over [sec, nanos]:
    expect(set.traces.map((t) => t.startNs)).toEqual([
      1770131992241000000n,
      1770131992242000000n,
      1770131994023000000n,
      1770131994023000000n,
      1770131997065000000n,
      1770131997066000000n,
      1770132000594000000n,
      1770132000598000000n,
      1770132006015000000n,
      1770132006016000000n,
    ]);
  });

  it('reads hrtime times, attributes of every type, events, and the missing kind/parent', () => {
    const set = importTrace(corpus(file));
    const span = (name: string) => set.traces.map((t) => t.spans[0]).find((s) => s.name === name)!;
    const gen = span('ai.generateText');
    expect(gen.traceId).toBe('700d5f98fe2420adcf6ab0822f7a323c');
    expect(gen.spanId).toBe('648be1dfd8e521b6');
    expect(gen.startNs).toBe(1770131992241000000n); // [1770131992, 241000000]
    expect(gen.endNs).toBe(1770131994022541000n); // [1770131994, 22541000]
    expect(gen.kind).toBe(SpanKind.Unspecified);
    expect(gen.parentSpanId).toBeUndefined();
    expect(gen.status.code).toBe(StatusCode.Unset);
    expect(gen.attributes.size).toBe(16);
    const doGen = set.traces.find((t) => t.traceId === 'b3e700af9eab81e19f72f964d62a35af')!.spans[0];
    expect(doGen.attributes.size).toBe(26);
    expect(doGen.attributes.get('ai.usage.promptTokens')).toBe(14);
    expect(doGen.attributes.get('ai.settings.maxRetries')).toBe(2);
    expect(doGen.attributes.get('gen_ai.response.finish_reasons')).toEqual(['stop']);
    const stream = span('ai.streamText.doStream');
    expect(stream.events.map((e) => [e.name, e.timeNs])).toEqual([
      ['ai.stream.firstChunk', 1770132001025056459n],
      ['ai.stream.finish', 1770132005983212750n],
    ]);
    expect(stream.events[0].attributes.get('ai.response.msToFirstChunk')).toBe(426.8535000000011);
  });
});

describe('ReadableSpan importer: SDK dumps and variants', () => {
  /** Real spans from the installed SDK, stringified the way a test dump would be (minus the processor back-reference, which is circular). */
  function sdkSpans(): ReadableSpan[] {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'sdk-svc', 'deployment.environment': 'test' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const tracer = provider.getTracer('agent-lib', '2.0.1');
    const parent = tracer.startSpan('agent.run', { kind: ApiSpanKind.SERVER });
    const ctx = trace.setSpan(context.active(), parent);
    const child = tracer.startSpan(
      'llm.call',
      {
        kind: ApiSpanKind.CLIENT,
        attributes: { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 12 },
        links: [{ context: parent.spanContext(), attributes: { why: 'test' } }],
      },
      ctx,
    );
    child.addEvent('first_token', { n: 1 });
    child.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
    child.end();
    parent.setStatus({ code: SpanStatusCode.OK });
    parent.end();
    return exporter.getFinishedSpans();
  }
  const dump = (spans: ReadableSpan[]) => JSON.stringify(spans, (k, v: unknown) => (k === '_spanProcessor' || k === '_spanLimits' ? undefined : v));

  it('reads JSON.stringify of real SDK 2.x spans (_spanContext, parentSpanContext, _rawAttributes)', () => {
    const spans = sdkSpans();
    const [child, parent] = spans; // ended in this order
    const set = importTrace(enc.encode(dump(spans)));
    expect(set.format).toBe('otel-readable-spans');
    expect(set.traces.length).toBe(1);
    const t = set.traces[0];
    expect(t.traceId).toBe(parent.spanContext().traceId);
    expect(t.spans.map((s) => s.spanId)).toEqual([parent.spanContext().spanId, child.spanContext().spanId]);
    const [p, c] = t.spans;
    expect(c.parentIndex).toBe(0);
    expect(c.parentSpanId).toBe(child.parentSpanContext?.spanId);
    expect(p.kind).toBe(SpanKind.Server);
    expect(c.kind).toBe(SpanKind.Client);
    expect(p.status).toEqual({ code: StatusCode.Ok });
    expect(c.status).toEqual({ code: StatusCode.Error, message: 'rate limited' });
    expect(c.startNs).toBe(hr(child.startTime));
    expect(c.endNs).toBe(hr(child.endTime));
    expect(c.events.map((e) => [e.name, e.timeNs, e.attributes.get('n')])).toEqual([['first_token', hr(child.events[0].time), 1]]);
    expect(c.links.map((l) => [l.spanId, l.attributes.get('why')])).toEqual([[parent.spanContext().spanId, 'test']]);
    expect(c.attributes.get('gen_ai.usage.input_tokens')).toBe(12);
    expect(c.resource.serviceName).toBe('sdk-svc');
    expect(c.resource.attributes.get('deployment.environment')).toBe('test');
    expect(c.resource).toBe(p.resource);
    expect(c.scope).toMatchObject({ name: 'agent-lib', version: '2.0.1' });
    expect(c.flags).toBe(1);
  });

  it('reads SDK 1.x dumps: parentSpanId, instrumentationLibrary, resource._attributes, duration instead of endTime', () => {
    const set = load({
      spans: [
        {
          name: 'root',
          kind: 0,
          spanContext: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) },
          startTime: [100, 0],
          endTime: [101, 5],
          status: { code: 0 },
          attributes: {},
          resource: { _attributes: { 'service.name': 'old-svc' } },
          instrumentationLibrary: { name: 'lib', version: '0.9' },
        },
        {
          name: 'child',
          kind: 4,
          spanContext: { traceId: 'a'.repeat(32), spanId: 'c'.repeat(16) },
          parentSpanId: 'b'.repeat(16),
          startTime: [100, 500],
          duration: [0, 250],
          status: { code: 1 },
          attributes: {},
        },
      ],
    });
    const [root, child] = set.traces[0].spans;
    expect(root.kind).toBe(SpanKind.Internal); // JS 0 = INTERNAL
    expect(child.kind).toBe(SpanKind.Consumer); // JS 4 = CONSUMER
    expect(child.parentIndex).toBe(0);
    expect(child.startNs).toBe(100_000_000_500n);
    expect(child.endNs).toBe(100_000_000_750n);
    expect(root.endNs).toBe(101_000_000_005n);
    expect(root.resource.serviceName).toBe('old-svc');
    expect(root.scope).toMatchObject({ name: 'lib', version: '0.9' });
    expect(set.traces[0].diagnostics).toEqual([]);
  });

  it('treats endTime [0,0] without a duration as missing (the builder reports it)', () => {
    const set = load([{ name: 'open', spanContext: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) }, startTime: [5, 0], endTime: [0, 0] }]);
    const t = set.traces[0];
    expect(t.spans[0].endNs).toBe(5_000_000_000n);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['missing-end']);
  });

  it('reads one span per line (JSON Lines) and counts non-objects as unreadable', () => {
    const spans = JSON.parse(corpus('otel-js-spans/vercel-ai-sdk-v6-all-spans.json').toString('utf8')) as unknown[];
    const lines = importTrace(enc.encode(spans.map((s) => JSON.stringify(s)).join('\n')));
    expect(lines.formatLabel).toBe('OpenTelemetry JS ReadableSpan JSON (JSON Lines)');
    expect(lines.traces.length).toBe(10);
    const withJunk = load([spans[0], null]);
    expect(withJunk.inputSpanCount).toBe(2);
    expect(withJunk.diagnostics.map((d) => [d.code, d.source])).toEqual([['unreadable-span', '[1]']]);
  });

  it('keeps `__proto__` attribute keys as data', () => {
    const s = {
      name: 'p',
      spanContext: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) },
      startTime: [1, 0],
      endTime: [2, 0],
      attributes: JSON.parse('{"__proto__":{"polluted":true}}'),
    };
    const out = load([s]).traces[0].spans[0];
    expect(out.attributes.keys()).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sniffs spanContext / _spanContext only', () => {
    expect(readableSpansImporter.sniff([{ spanContext: { traceId: 'a', spanId: 'b' } }])).toBe(true);
    expect(readableSpansImporter.sniff({ spans: [{ _spanContext: { traceId: 'a', spanId: 'b' } }] })).toBe(true);
    expect(readableSpansImporter.sniff([{ context: { trace_id: 1, span_id: 2 } }])).toBe(false);
    expect(readableSpansImporter.sniff([{ traceId: 'a', id: 'b', timestamp: 1 }])).toBe(false);
    expect(readableSpansImporter.sniff({ resourceSpans: [] })).toBe(false);
  });
});
