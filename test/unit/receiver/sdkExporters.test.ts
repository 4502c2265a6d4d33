/**
 * The OpenTelemetry JS SDK's own OTLP exporters (protobuf and JSON, plain and gzip) send real
 * spans to the receiver; what the store holds must equal what the SDK recorded, read from the
 * SDK side's ReadableSpans (an InMemorySpanExporter on the same provider).
 */
import { SpanKind as ApiSpanKind, SpanStatusCode, context, trace, type Attributes as ApiAttributes } from '@opentelemetry/api';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import type { AttrValue } from '../../../src/core/model/attributes';
import { hrTimeToNanos } from '../../../src/core/model/time';
import type { Span } from '../../../src/core/model/span';
import { startTestReceiver } from './helpers';

type ExporterConfig = ConstructorParameters<typeof ProtoExporter>[0];
const GZIP = 'gzip' as NonNullable<ExporterConfig>['compression'];

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Records a small agent-like trace with every kind of attribute value, an event, a link and an error. */
function recordSpans(provider: BasicTracerProvider): string {
  const tracer = provider.getTracer('receiver-test', '1.2.3');
  const root = tracer.startSpan('invoke_agent travel', {
    kind: ApiSpanKind.INTERNAL,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'travel' },
  });
  const rootCtx = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    'chat gpt-4o',
    {
      kind: ApiSpanKind.CLIENT,
      attributes: {
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 1234,
        'gen_ai.request.temperature': 0.25,
        'gen_ai.request.stream': false,
        'gen_ai.response.finish_reasons': ['tool_calls', 'stop'],
        'gen_ai.request.stop_sequences': [],
        'weird.__proto__.key': 'é \u202e bidi',
      },
      links: [
        { context: { traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', spanId: 'bbbbbbbbbbbbbbbb', traceFlags: 1 }, attributes: { 'link.kind': 'previous-run' } },
      ],
    },
    rootCtx,
  );
  chat.addEvent('gen_ai.content.prompt', { 'gen_ai.prompt': '[{"role":"user","content":"Fly me to Lisbon"}]' });
  chat.end();
  const tool = tracer.startSpan(
    'execute_tool search_flights',
    { kind: ApiSpanKind.INTERNAL, attributes: { 'gen_ai.tool.name': 'search_flights', 'gen_ai.tool.call.id': 'call_1' } },
    rootCtx,
  );
  tool.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timeout' });
  tool.end();
  root.setStatus({ code: SpanStatusCode.OK });
  root.end();
  return root.spanContext().traceId;
}

function attrsOf(a: ApiAttributes): [string, AttrValue][] {
  return Object.entries(a).map(([k, v]) => [k, v as AttrValue]);
}

/** The SDK's view of a span, in our model's terms (OTLP kind = API kind + 1). */
function expectedFromSdk(s: ReadableSpan) {
  return {
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId,
    name: s.name,
    kind: s.kind + 1,
    startNs: hrTimeToNanos(s.startTime),
    endNs: hrTimeToNanos(s.endTime),
    status: { code: s.status.code, message: s.status.message },
    attributes: attrsOf(s.attributes),
    events: s.events.map((e) => ({ name: e.name, timeNs: hrTimeToNanos(e.time), attributes: attrsOf(e.attributes ?? {}) })),
    links: s.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId, attributes: attrsOf(l.attributes ?? {}) })),
    service: s.resource.attributes['service.name'],
    scope: { name: s.instrumentationScope.name, version: s.instrumentationScope.version },
  };
}

function actual(s: Span) {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: s.name,
    kind: s.kind,
    startNs: s.startNs,
    endNs: s.endNs,
    status: { code: s.status.code, message: s.status.message },
    attributes: [...s.attributes.entries()],
    events: s.events.map((e) => ({ name: e.name, timeNs: e.timeNs, attributes: [...e.attributes.entries()] })),
    links: s.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: [...l.attributes.entries()] })),
    service: s.resource.serviceName,
    scope: { name: s.scope.name, version: s.scope.version },
  };
}

const cases: { name: string; make: (url: string) => ProtoExporter | JsonExporter; batch: boolean }[] = [
  { name: 'protobuf exporter, BatchSpanProcessor', make: (url) => new ProtoExporter({ url }), batch: true },
  { name: 'protobuf exporter with gzip, SimpleSpanProcessor', make: (url) => new ProtoExporter({ url, compression: GZIP }), batch: false },
  { name: 'JSON exporter, BatchSpanProcessor', make: (url) => new JsonExporter({ url }), batch: true },
  { name: 'JSON exporter with gzip, SimpleSpanProcessor', make: (url) => new JsonExporter({ url, compression: GZIP }), batch: false },
];

describe('real OpenTelemetry JS exporters → receiver → store', () => {
  it.each(cases)('$name: the stored trace equals what the SDK recorded', async ({ make, batch }) => {
    const local = await startTestReceiver();
    cleanup = local.dispose;
    const memory = new InMemorySpanExporter();
    const exporter = make(local.tracesUrl);
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'receiver-sdk-test', 'deployment.environment': 'test' }),
      spanProcessors: [new SimpleSpanProcessor(memory), batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter)],
    });
    const updated: string[] = [];
    local.store.onTraceUpdated((e) => updated.push(e.summary.traceId));
    const traceId = recordSpans(provider);
    await provider.forceFlush();
    const sent = memory.getFinishedSpans(); // before shutdown, which empties the memory exporter
    await local.store.flush();
    await provider.shutdown();

    expect(local.receiver.stats.spansAccepted).toBe(3);
    expect(local.receiver.stats.spansRejected).toBe(0);
    expect(updated).toContain(traceId);
    const summary = local.store.get(traceId)!;
    expect(summary).toMatchObject({ spanCount: 3, errorCount: 1, status: 'error', rootName: 'invoke_agent travel', serviceName: 'receiver-sdk-test' });

    const set = importTrace(await local.store.readTrace(traceId));
    expect(set.traces).toHaveLength(1);
    const stored = set.traces[0];
    expect(stored.traceId).toBe(traceId);
    expect(stored.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(sent).toHaveLength(3);
    const byId = new Map(stored.spans.map((s) => [s.spanId, s]));
    for (const s of sent) {
      const got = byId.get(s.spanContext().spanId);
      expect(got, s.name).toBeDefined();
      expect(actual(got!)).toEqual(expectedFromSdk(s));
    }
    expect(stored.spans[0].name).toBe('invoke_agent travel');
    expect(stored.spans.map((s) => s.depth)).toEqual([0, 1, 1]);
  });
});
