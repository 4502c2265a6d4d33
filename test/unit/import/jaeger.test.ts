import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { jaegerImporter } from '../../../src/core/import/jaeger';
import { zipkinImporter } from '../../../src/core/import/zipkin';
import { SpanKind, StatusCode, type Span } from '../../../src/core/model/span';
import type { Trace, TraceSet } from '../../../src/core/model/trace';

/** Input spans that reached no trace's tree (quarantined as duplicates or unreadable). */
function quarantinedCount(set: TraceSet): number {
  let n = set.inputSpanCount;
  for (const t of set.traces) n -= t.spans.length;
  return n;
}

// Expected values below were read from the fixture files (python3 json), not from our output.

const FIXTURES = join(__dirname, '../../fixtures');

function load(rel: string): TraceSet {
  return importTrace(new Uint8Array(readFileSync(join(FIXTURES, rel))));
}

function only(set: TraceSet): Trace {
  expect(set.traces).toHaveLength(1);
  return set.traces[0];
}

function byId(t: Trace, spanId: string): Span {
  const s = t.spans.find((x) => x.spanId === spanId);
  if (!s) throw new Error(`no span ${spanId}`);
  return s;
}

function byName(t: Trace, name: string): Span {
  const found = t.spans.filter((x) => x.name === name);
  expect(found, name).toHaveLength(1);
  return found[0];
}

function parentOf(t: Trace, s: Span): Span | undefined {
  return s.parentIndex >= 0 ? t.spans[s.parentIndex] : undefined;
}

describe('Jaeger corpus', () => {
  it('ui-trace.json: references, logs, typed tags, processes, a duplicated span id', () => {
    const set = load('corpus/jaeger/ui-trace.json');
    expect(set.format).toBe('jaeger');
    expect(set.inputSpanCount).toBe(5);
    expect(quarantinedCount(set)).toBe(0);
    const t = only(set);
    expect(t.traceId).toBe('0'.repeat(31) + '1');
    expect(t.spans).toHaveLength(5);
    // Two different spans both say 0000000000000002: the builder keeps the first and renames the second.
    expect(t.diagnostics.filter((d) => d.code === 'duplicate-span-id')).toHaveLength(1);
    expect(new Set(t.rootIndices.map((i) => t.spans[i].name))).toEqual(new Set(['test-general-conversion', 'some-operation']));

    const first = byId(t, '0000000000000002');
    expect(first.name).toBe('test-general-conversion');
    expect(first.startNs).toBe(1485467191639875000n);
    expect(first.endNs).toBe(1485467191639880000n);
    expect(first.resource.serviceName).toBe('service-x');
    expect(first.events.map((e) => e.name)).toEqual(['some-event', 'log']);
    expect(first.events[0].timeNs).toBe(1485467191639875000n);
    expect(first.events[0].attributes.size).toBe(0); // `event` became the name
    expect(first.events[1].attributes.get('x')).toBe('y');

    const tagged = t.spans.find((s) => s.name === 'some-operation' && s.parentIndex === -1)!;
    expect(tagged.attributes.get('peer.service')).toBe('service-y');
    expect(tagged.attributes.get('peer.ipv4')).toBe(23456);
    expect(tagged.attributes.get('error')).toBe(true);
    expect(tagged.attributes.get('temperature')).toBe(72.5);
    expect(tagged.attributes.get('javascript_limit')).toBe(9223372036854775222n);
    expect(Array.from(tagged.attributes.get('blob') as Uint8Array)).toEqual([0x00, 0x00, 0x30, 0x39]);
    expect(tagged.status.code).toBe(StatusCode.Error);

    const third = byId(t, '0000000000000003');
    expect(parentOf(t, third)?.spanId).toBe('0000000000000002');
    expect(parentOf(t, third)?.name).toBe('test-general-conversion');
    expect(third.resource.serviceName).toBe('service-y');

    // First CHILD_OF points into another trace, so the second (same trace) is the parent.
    const refs = byName(t, 'reference-test');
    expect(parentOf(t, refs)?.spanId).toBe('0000000000000002');
    expect(refs.links.map((l) => [l.traceId, l.spanId, l.attributes.get('opentracing.ref_type')])).toEqual([
      ['0'.repeat(30) + 'ff', '00000000000000ff', 'child_of'],
      ['0'.repeat(31) + '1', '0000000000000002', 'follows_from'],
    ]);
    expect(refs.resource).toBe(third.resource); // one Resource per process

    const preserve = byName(t, 'preserveParentID-test');
    expect(parentOf(t, preserve)?.spanId).toBe('0000000000000004');
    expect(preserve.endNs - preserve.startNs).toBe(4000n);
    expect(preserve.attributes.get('jaeger.warnings')).toEqual(['some span warning']);
    expect(set.diagnostics.map((d) => d.message)).toContain('Jaeger warning: some trace warning');
  });

  it('bare-span-array.json: spans with embedded processes and a string "true" error tag', () => {
    const set = load('corpus/jaeger/bare-span-array.json');
    expect(set.format).toBe('jaeger');
    const t = only(set);
    expect(t.traceId).toBe('0000000000000000' + '2be38093ead7a083');
    expect(t.spans).toHaveLength(2);
    expect(t.rootIndices).toHaveLength(1);
    const root = t.spans[t.rootIndices[0]];
    expect(root.name).toBe('a071653098f9250d');
    expect(root.parentSpanId).toBe('492770a15935810f'); // not in the file: an orphan shown as root
    expect(t.diagnostics.filter((d) => d.code === 'orphan')).toHaveLength(1);
    expect(root.kind).toBe(SpanKind.Server);
    expect(root.startNs).toBe(1605223981761425000n);
    expect(root.endNs).toBe(1605223981761425000n + 267037000n);
    expect(root.resource.serviceName).toBe('16af988c443cff37');
    expect(root.flags).toBe(1);
    const child = byId(t, '7bd66f09ba90ea3d');
    expect(child.name).toBe('471418097747d04a');
    expect(parentOf(t, child)).toBe(root);
    expect(child.kind).toBe(SpanKind.Client);
    expect(child.status.code).toBe(StatusCode.Error);
    expect(child.attributes.get('error')).toBe(true);
    expect(child.resource.serviceName).toBe('3c220036602f839e');
  });

  it('query-envelope.json: {data:{…one trace…}} with otel.library.* scopes', () => {
    const set = load('corpus/jaeger/query-envelope.json');
    expect(set.format).toBe('jaeger');
    const t = only(set);
    expect(t.traceId).toBe('84b3fad94c6112edd6af3347d06f6f1d');
    expect(t.spans.map((s) => [s.name, s.depth])).toEqual([
      ['OrderVehicle', 0],
      ['HTTP GET', 1],
      ['BikeHandler', 2],
      ['FindNearestVehicle', 3],
    ]);
    const root = byName(t, 'OrderVehicle');
    expect(root.startNs).toBe(1660049722779884000n);
    expect(root.endNs).toBe(1660049722779884000n + 1181596000n);
    expect(root.scope.name).toBe('go.opentelemetry.io/otel/sdk/tracer');
    expect(root.resource.serviceName).toBe('load-generator');
    expect(root.attributes.get('vehicle')).toBe('bike');
    const get = byName(t, 'HTTP GET');
    expect(get.startNs).toBe(1660049722993018000n);
    expect(get.kind).toBe(SpanKind.Client);
    expect(get.scope.name).toBe('go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp');
    expect(get.scope.version).toBe('semver:0.27.0');
    expect(get.attributes.get('http.status_code')).toBe(200);
    const handler = byName(t, 'BikeHandler');
    expect(handler.kind).toBe(SpanKind.Server);
    expect(handler.resource.serviceName).toBe('ride-sharing-app');
    expect(handler.attributes.get('net.peer.ip')).toBe('172.18.0.11');
    expect(handler.scope).toBe(get.scope); // shared per (name, version)
  });

  it('genai-agent-loop.json: 57 spans, 10 processes, one error', () => {
    const set = load('corpus/jaeger/genai-agent-loop.json');
    const t = only(set);
    expect(t.traceId).toBe('4a1b2c3d4e5f60718293a4b5c6d7e8f9');
    expect(t.spans).toHaveLength(57);
    expect(t.rootIndices.map((i) => t.spans[i].name)).toEqual(['POST /api/graphql']);
    expect(t.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(Math.max(...t.spans.map((s) => s.depth))).toBe(7);
    const services = new Map<string, number>();
    for (const s of t.spans) services.set(s.resource.serviceName!, (services.get(s.resource.serviceName!) ?? 0) + 1);
    expect(services.get('coding-agent')).toBe(19);
    expect(services.get('mcp-gateway')).toBe(7);
    expect(services.get('api-edge')).toBe(1);
    expect(services.size).toBe(10);
    const kinds = t.spans.map((s) => s.kind);
    expect(kinds.filter((k) => k === SpanKind.Server)).toHaveLength(30);
    expect(kinds.filter((k) => k === SpanKind.Client)).toHaveLength(19);
    expect(kinds.filter((k) => k === SpanKind.Internal)).toHaveLength(8);
    const errors = t.spans.filter((s) => s.status.code === StatusCode.Error);
    expect(errors.map((s) => [s.spanId, s.name])).toEqual([['0000000000000011', 'GET /api/v1/pods']]);
    expect(errors[0].startNs).toBe(1770000000017000000n);
    expect(errors[0].endNs).toBe(1770000000097000000n); // 1770000000017000 µs + 80000 µs
    expect(errors[0].attributes.get('http.response.status_code')).toBe(500);
    const agent = byId(t, '0000000000000004');
    expect(agent.name).toBe('invoke_agent triage-agent');
    expect(parentOf(t, agent)?.spanId).toBe('0000000000000002');
    expect(t.spans.filter((s) => s.parentIndex === agent.index)).toHaveLength(14);
    const chat = byId(t, '0000000000000005');
    expect(chat.attributes.get('gen_ai.usage.input_tokens')).toBe(1840);
    expect(chat.attributes.get('gen_ai.usage.output_tokens')).toBe(260);
    expect(t.startNs).toBe(1770000000001000000n);
    expect(t.endNs).toBe(1770000044001000000n);
  });
});

describe('Jaeger edge cases', () => {
  it('FOLLOWS_FROM is the parent only without a same-trace CHILD_OF, and is always a link', () => {
    const t = only(load('jaeger/references-follows-from.json'));
    expect(t.spans).toHaveLength(6);
    const parent = (name: string) => parentOf(t, byName(t, name))?.name;
    const links = (name: string) => byName(t, name).links.map((l) => `${l.attributes.get('opentracing.ref_type')}:${l.spanId}`);
    expect(parent('follows-only')).toBe('root');
    expect(links('follows-only')).toEqual(['follows_from:a000000000000001']);
    expect(parent('child-and-follows')).toBe('follows-only');
    expect(links('child-and-follows')).toEqual(['follows_from:a000000000000001']);
    expect(parent('follows-then-child')).toBe('root');
    expect(links('follows-then-child')).toEqual(['follows_from:b000000000000002']);
    expect(parent('legacy-parent-field')).toBe('child-and-follows');
    const foreign = byName(t, 'other-trace-refs');
    expect(foreign.parentIndex).toBe(-1);
    expect(foreign.links.map((l) => [l.traceId, l.spanId])).toEqual([
      ['00000000000000001111111111111111', 'e000000000000005'],
      ['22222222222222222222222222222222', 'f000000000000006'],
    ]);
    expect(t.rootIndices.map((i) => t.spans[i].name)).toEqual(['root', 'other-trace-refs']);
  });

  it('values written as strings, OTel tag conventions, a "__proto__" process id', () => {
    const set = load('jaeger/string-typed-tag-values.json');
    const t = only(set);
    const s = byName(t, 'strings-for-everything');
    expect(s.attributes.get('error')).toBe(true);
    expect(s.attributes.get('cached')).toBe(false);
    expect(s.attributes.get('retries')).toBe(42);
    expect(s.attributes.get('big')).toBe(9007199254740993n);
    expect(s.attributes.get('ratio')).toBe(0.25);
    expect(s.attributes.get('untyped')).toBe(7);
    expect(s.attributes.get('__proto__')).toBe('polluted?');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.kind).toBe(SpanKind.Client);
    expect(s.attributes.get('span.kind')).toBe('CLIENT'); // converted tags stay visible
    expect(s.status).toEqual({ code: StatusCode.Error, message: undefined });
    expect(s.resource.serviceName).toBe('hostile-process-id');
    expect(s.resource.attributes.get('service.name')).toBe('hostile-process-id');
    expect(s.resource.attributes.get('hostname')).toBe('box-1');
    expect(s.events.map((e) => [e.name, e.timeNs])).toEqual([
      ['retry', 1600000000000500000n],
      ['log', 1600000000000001000n], // no timestamp: placed at the span start
    ]);
    expect(s.events[0].attributes.get('attempt')).toBe(2);
    expect(s.events[1].attributes.get('message')).toBe('no timestamp on this log');

    const otel = byName(t, 'otel-exported');
    expect(otel.status).toEqual({ code: StatusCode.Error, message: 'boom' });
    expect(otel.kind).toBe(SpanKind.Producer);
    expect(otel.scope.name).toBe('my-instrumentation');
    expect(otel.scope.version).toBe('1.2.3');
    expect(otel.traceState).toBe('vendor=abc');
    expect(otel.resource.serviceName).toBe('second-service');
    expect(otel.attributes.get('otel.status_code')).toBe('ERROR');
    expect(byName(t, 'ok-despite-error-false').status.code).toBe(StatusCode.Ok);
    expect(byName(t, 'error-false-string').status.code).toBe(StatusCode.Unset);
    expect(byName(t, 'error-false-string').kind).toBe(SpanKind.Unspecified);
  });

  it('an envelope with several traces and errors: process ids are per trace, errors are notes', () => {
    const set = load('jaeger/envelope-with-errors.json');
    expect(set.format).toBe('jaeger');
    expect(set.traces.map((t) => [t.traceId, t.spans.length, t.spans[0].name, t.spans[0].resource.serviceName])).toEqual([
      ['00000000000000000000000000000abc', 1, 'first-trace-root', 'svc-one'],
      ['00000000000000000000000000000def', 1, 'second-trace-root', 'svc-two'],
    ]);
    // The 16-digit id is padded without a diagnostic.
    expect(set.traces[1].diagnostics.filter((d) => d.code === 'invalid-trace-id')).toEqual([]);
    const messages = set.diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('trace not found') && m.includes('00000000000000000000000000000bad') && m.includes('404'))).toBe(true);
    expect(messages).toContain('Jaeger warning: clock skew adjustment disabled');
    // Every diagnostic that says "unreadable-span" stands for one lost span record; these are not.
    expect(set.diagnostics.filter((d) => d.code === 'unreadable-span')).toEqual([]);
    expect(set.inputSpanCount).toBe(2);
  });

  it('an empty data array is an empty answer, not an unknown format', () => {
    const set = load('jaeger/empty-data.json');
    expect(set.format).toBe('jaeger');
    expect(set.traces).toEqual([]);
    expect(set.inputSpanCount).toBe(0);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['interpretation']);
  });

  it("an answer with errors and no trace is refused with the server's message", () => {
    expect(jaegerImporter.sniff(JSON.parse(readFileSync(join(FIXTURES, 'jaeger/error-response-trace-not-found.json'), 'utf8')))).toBe(true);
    expect(() => load('jaeger/error-response-trace-not-found.json')).toThrow(/trace not found.*404/);
    const noErrors = importTrace(new TextEncoder().encode('{"data":null,"errors":[]}'));
    expect([noErrors.traces.length, noErrors.inputSpanCount]).toEqual([0, 0]);
  });

  it('one span per JSON line', () => {
    const lines = readFileSync(join(FIXTURES, 'corpus/jaeger/bare-span-array.json'), 'utf8');
    const spans = JSON.parse(lines) as unknown[];
    const jsonl = spans.map((s) => JSON.stringify(s)).join('\n') + '\n';
    const set = importTrace(new TextEncoder().encode(jsonl));
    expect(set.format).toBe('jaeger');
    expect(set.inputSpanCount).toBe(2);
    expect(only(set).spans.map((s) => s.name)).toEqual(['a071653098f9250d', '471418097747d04a']);
  });

  it('odd records are counted, not thrown', () => {
    const json = JSON.stringify({ traceID: 'abc', spans: [42, { spanID: '01', operationName: 'ok', startTime: 5, duration: 1 }], processes: {} });
    const set = importTrace(new TextEncoder().encode(json));
    expect(set.inputSpanCount).toBe(2);
    expect(set.diagnostics.filter((d) => d.code === 'unreadable-span')).toHaveLength(1);
    expect(only(set).spans[0].startNs).toBe(5000n);
  });
});

describe('Jaeger sniffing', () => {
  const parse = (rel: string): unknown => JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8'));

  it('claims every Jaeger corpus file and no Zipkin one', () => {
    for (const f of readdirSync(join(FIXTURES, 'corpus/jaeger'))) {
      expect(jaegerImporter.sniff(parse(`corpus/jaeger/${f}`)), f).toBe(true);
      expect(zipkinImporter.sniff(parse(`corpus/jaeger/${f}`)), f).toBe(false);
    }
    for (const f of readdirSync(join(FIXTURES, 'corpus/zipkin'))) expect(jaegerImporter.sniff(parse(`corpus/zipkin/${f}`)), f).toBe(false);
  });

  it('leaves other formats alone', () => {
    for (const dir of ['any-agent', 'otel-js-spans', 'langfuse', 'otlp-json', 'attribute-maps']) {
      for (const f of readdirSync(join(FIXTURES, 'corpus', dir)).filter((x) => x.endsWith('.json'))) {
        expect(jaegerImporter.sniff(parse(`corpus/${dir}/${f}`)), `${dir}/${f}`).toBe(false);
      }
    }
    // The v3 API wraps OTLP in `result`: that is OTLP's to read.
    const v3 = { result: { resourceSpans: [] } };
    expect(jaegerImporter.sniff(v3)).toBe(false);
    expect(importTrace(new TextEncoder().encode(JSON.stringify(v3))).format).toBe('otlp-json');
    expect(jaegerImporter.sniff({ data: [{ id: 'x', observations: [] }], meta: {} })).toBe(false);
    expect(jaegerImporter.sniff({ data: [] })).toBe(false);
    expect(jaegerImporter.sniff({ spans: [] })).toBe(false); // an empty any-agent trace
  });
});
