// Generates test/fixtures/otlp-proto/* with the real OpenTelemetry JS SDK and the official
// OTLP serializers. Run: node scripts/make-proto-fixtures.mjs   (the outputs are committed)
//
// What it covers: an agent-like run (invoke_agent → chat → execute_tool → a remote tool server
// span → chat) in two resources (services) and three instrumentation scopes; gen_ai.* attributes
// incl. JSON message strings and int usage counts; string/bool/int/double/array/kvlist/bytes
// values, ints past 2^53 (positive and negative), a negative small int, an empty array, unicode
// text; span events (one from recordException), links (to a span of another trace, with
// trace state and attributes, and to a sibling), error and ok status, all span kinds but
// PRODUCER/CONSUMER, a remote parent (flags bit 9) and a span trace state from the sampler.
//
// Outputs:
//   sdk-agent-run.otlp.pb        ProtobufTraceSerializer.serializeRequest(spans)
//   sdk-agent-run.otlp.pb.gz     the same bytes, gzipped
//   sdk-agent-run.otlp.json      JsonTraceSerializer.serializeRequest(spans) (same request as OTLP JSON)
//   sdk-agent-run.expected.json  what was created, written from the SDK's ReadableSpans (not from
//                                any decoder), for tests to compare decoded spans against.
import { writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trace, ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, createTraceState } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ProtobufTraceSerializer, JsonTraceSerializer } from '@opentelemetry/otlp-transformer';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'otlp-proto');

// Deterministic ids (mulberry32), so regenerating gives the same files.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260101);
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const idGenerator = { generateTraceId: () => hex(32), generateSpanId: () => hex(16) };

// The root span's trace state comes from the sampler (the SDK copies it to children).
const sampler = {
  shouldSample: (ctx) => ({
    decision: SamplingDecision.RECORD_AND_SAMPLED,
    traceState: trace.getSpanContext(ctx) ? undefined : createTraceState('agentvendor=run-7,congo=t61rcWkgMzE'),
  }),
  toString: () => 'FixtureSampler',
};

/**
 * The OTel JS span API accepts only primitives and homogeneous arrays. Other SDKs (and the OTLP
 * model) also allow maps and bytes, and the official serializer encodes whatever is in the
 * span's attribute map; so this processor writes such values straight into that map when the
 * span ends, before it is exported. Keys listed here are the only ones set this way.
 */
const EXTRA_ATTRIBUTES = new Map();
const extraAttributeWriter = {
  onStart() {},
  onEnding(span) {
    const extra = EXTRA_ATTRIBUTES.get(span.name);
    if (extra) Object.assign(span.attributes, extra);
  },
  onEnd() {},
  forceFlush: async () => {},
  shutdown: async () => {},
};

const exporter = new InMemorySpanExporter();
const processors = [extraAttributeWriter, new SimpleSpanProcessor(exporter)];
const agentProvider = new BasicTracerProvider({
  resource: resourceFromAttributes({
    'service.name': 'research-agent',
    'service.version': '1.4.2',
    'deployment.environment.name': 'test',
    'telemetry.sdk.language': 'nodejs',
    'host.labels': { team: 'agents', région: 'eu-west' }, // kvlist on the resource
    'process.pid': 4242,
  }),
  idGenerator,
  sampler,
  spanProcessors: processors,
});
const toolProvider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'search-tool-server', 'service.instance.id': 'srv-01' }),
  idGenerator,
  sampler,
  spanProcessors: processors,
});

const agentTracer = agentProvider.getTracer('agent-framework', '0.9.1', { schemaUrl: 'https://opentelemetry.io/schemas/1.37.0' });
const llmTracer = agentProvider.getTracer('genai-instrumentation', '2.0.0');
const toolTracer = toolProvider.getTracer('http-server');

// HrTime [seconds, nanoseconds]: exact nanosecond times, 2026-01-01T00:00:00Z plus offsets.
const T0 = 1767225600;
const at = (ms, extraNs = 0) => {
  const ns = Math.round(ms * 1e6) + extraNs;
  return [T0 + Math.floor(ns / 1e9), ns % 1e9];
};

const inputMessages = JSON.stringify([
  { role: 'system', parts: [{ type: 'text', content: 'You are a careful research agent.' }] },
  { role: 'user', parts: [{ type: 'text', content: 'Résumé des actualités — 東京 🚀' }] },
]);
const toolCallMessages = JSON.stringify([
  { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_01', name: 'web_search', arguments: { query: 'Tokyo news' } }], finish_reason: 'tool_call' },
]);
const finalMessages = JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: 'Voici le résumé: 東京 is fine. ✅' }], finish_reason: 'stop' }]);

const root = agentTracer.startSpan(
  'invoke_agent research-agent',
  {
    kind: SpanKind.INTERNAL,
    startTime: at(0, 17),
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'research-agent',
      'gen_ai.agent.id': 'agent_42',
      'gen_ai.conversation.id': 'conv-2026-01-01',
    },
  },
  ROOT_CONTEXT,
);
const rootCtx = trace.setSpan(ROOT_CONTEXT, root);

const chat1 = llmTracer.startSpan(
  'chat gpt-4o',
  {
    kind: SpanKind.CLIENT,
    startTime: at(5, 3),
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.temperature': 0.7,
      'gen_ai.request.max_tokens': 1024,
      'gen_ai.request.stream': false,
      'gen_ai.request.stop_sequences': ['\n\n', 'END'],
      'gen_ai.input.messages': inputMessages,
      'gen_ai.output.messages': toolCallMessages,
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'gen_ai.response.id': 'chatcmpl-001',
      'gen_ai.usage.input_tokens': 1234,
      'gen_ai.usage.output_tokens': 56,
      'test.int.past_2_53': 2 ** 53 + 2,
      'test.int.negative_past_2_53': -(2 ** 60),
      'test.int.negative': -42,
      'test.double.tiny': 1.5e-300,
      'test.array.int': [1, 2, 3],
      'test.array.double': [0.25, -1.5],
      'test.array.bool': [true, false, true],
      'test.array.empty': [],
      'test.unicode': 'naïve café — 日本語 — 🧪',
    },
  },
  rootCtx,
);
EXTRA_ATTRIBUTES.set('chat gpt-4o', {
  // JSON.parse makes "__proto__" an own key (a literal would set the prototype): hostile input.
  'test.kvlist': { model: 'gpt-4o', retries: 2, nested: { ok: true, tags: ['a', 'b'] }, ...JSON.parse('{"__proto__": {"polluted": "yes"}}') },
  'test.bytes': new Uint8Array([0, 1, 2, 254, 255]),
});
chat1.end(at(812, 450));

const tool = agentTracer.startSpan(
  'execute_tool web_search',
  {
    kind: SpanKind.INTERNAL,
    startTime: at(815),
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'web_search',
      'gen_ai.tool.call.id': 'call_01',
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.call.arguments': '{"query":"Tokyo news"}',
    },
    links: [
      {
        context: {
          traceId: '5b8efff798038103d269b633813fc60c',
          spanId: 'eee19b7ec3c1b174',
          traceFlags: TraceFlags.SAMPLED,
          isRemote: true,
          traceState: createTraceState('upstream=batch-9'),
        },
        attributes: { 'link.reason': 'triggered-by', 'link.batch': 9 },
      },
      { context: chat1.spanContext() },
    ],
  },
  rootCtx,
);
tool.addEvent('gen_ai.tool.retry', { attempt: 1, 'backoff.ms': 250.5, transient: true }, at(820, 1));
tool.addEvent('checkpoint', undefined, at(900));

// The tool server continues the trace from a propagated (remote) context.
const remote = { ...tool.spanContext(), isRemote: true };
const server = toolTracer.startSpan(
  'GET /search',
  { kind: SpanKind.SERVER, startTime: at(830, 999), attributes: { 'http.request.method': 'GET', 'url.path': '/search', 'http.response.status_code': 503 } },
  trace.setSpanContext(ROOT_CONTEXT, remote),
);
server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream unavailable' });
server.end(at(1830));

const err = new Error('search backend returned 503');
err.name = 'SearchBackendError';
tool.recordException(err, at(1831, 7));
tool.setStatus({ code: SpanStatusCode.ERROR, message: 'web_search failed: 503 — réessayer' });
tool.setAttribute('error.type', 'SearchBackendError');
tool.end(at(1832));

const chat2 = llmTracer.startSpan(
  'chat gpt-4o final',
  {
    kind: SpanKind.CLIENT,
    startTime: at(1840),
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.output.messages': finalMessages,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 1402,
      'gen_ai.usage.output_tokens': 77,
    },
    links: [{ context: tool.spanContext(), attributes: { 'link.kind': 'follows' } }],
  },
  rootCtx,
);
chat2.setStatus({ code: SpanStatusCode.OK });
chat2.end(at(2600, 1));
root.end(at(2601, 999_999));

const spans = exporter.getFinishedSpans();
const pb = ProtobufTraceSerializer.serializeRequest(spans);
const json = JsonTraceSerializer.serializeRequest(spans);
if (!pb || !json) throw new Error('serializer returned nothing');

// ---- The SDK-side description ----
const KIND_NAMES = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER']; // @opentelemetry/api SpanKind order
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR']; // @opentelemetry/api SpanStatusCode order
const ns = (hr) => (BigInt(hr[0]) * 1_000_000_000n + BigInt(hr[1])).toString();
const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** A JS attribute value, tagged with its type; ints and bytes as text so JSON keeps them exact. */
function describeValue(v) {
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'int', value: BigInt(v).toString() } : { type: 'double', value: v };
  if (v instanceof Uint8Array) return { type: 'bytes', value: toHex(v) };
  if (Array.isArray(v)) return { type: 'array', value: v.map(describeValue) };
  return { type: 'kvlist', value: Object.entries(v).map(([k, x]) => ({ key: k, ...describeValue(x) })) };
}
const describeAttrs = (a) => Object.entries(a ?? {}).map(([key, v]) => ({ key, ...describeValue(v) }));

const description = {
  note: 'Written by scripts/make-proto-fixtures.mjs from the SDK ReadableSpans before serialization. Kinds and status codes are @opentelemetry/api names; int values and times are decimal strings; bytes are hex.',
  spanCount: spans.length,
  spans: spans.map((s) => ({
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId ?? null,
    parentIsRemote: s.parentSpanContext?.isRemote ?? null,
    traceFlags: s.spanContext().traceFlags,
    traceState: s.spanContext().traceState?.serialize() ?? null,
    name: s.name,
    kind: KIND_NAMES[s.kind],
    startTimeUnixNano: ns(s.startTime),
    endTimeUnixNano: ns(s.endTime),
    status: { code: STATUS_NAMES[s.status.code], message: s.status.message ?? null },
    attributes: describeAttrs(s.attributes),
    events: s.events.map((e) => ({ name: e.name, timeUnixNano: ns(e.time), attributes: describeAttrs(e.attributes) })),
    links: s.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      traceState: l.context.traceState?.serialize() ?? null,
      attributes: describeAttrs(l.attributes),
    })),
    resource: describeAttrs(s.resource.attributes),
    scope: { name: s.instrumentationScope.name, version: s.instrumentationScope.version ?? null, schemaUrl: s.instrumentationScope.schemaUrl ?? null },
  })),
};

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'sdk-agent-run.otlp.pb'), pb);
writeFileSync(join(OUT, 'sdk-agent-run.otlp.pb.gz'), gzipSync(pb, { level: 9 }));
writeFileSync(join(OUT, 'sdk-agent-run.otlp.json'), json);
writeFileSync(join(OUT, 'sdk-agent-run.expected.json'), JSON.stringify(description, null, 2) + '\n');
console.log(`wrote ${spans.length} spans: ${pb.length} bytes protobuf, ${json.length} bytes JSON → ${OUT}`);
