import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { SpanKind, StatusCode } from '../../../src/core/model/span';

const corpus = (p: string) => readFileSync(join(__dirname, '../../fixtures/corpus', p));
const enc = new TextEncoder();
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

describe('OTLP JSON importer', () => {
  it('reads the spec example: upper-case hex ids, orphan parent, resource and scope', () => {
    const set = importTrace(corpus('otlp-json/otel-proto-example.json'));
    expect(set.format).toBe('otlp-json');
    expect(set.traces.length).toBe(1);
    const t = set.traces[0];
    expect(t.traceId).toBe('5b8efff798038103d269b633813fc60c');
    const s = t.spans[0];
    expect(s.spanId).toBe('eee19b7ec3c1b174');
    expect(s.parentSpanId).toBe('eee19b7ec3c1b173');
    expect(s.parentIndex).toBe(-1);
    expect(s.name).toBe("I'm a server span");
    expect(s.kind).toBe(SpanKind.Server);
    expect(s.startNs).toBe(1544712660000000000n);
    expect(s.endNs).toBe(1544712661000000000n);
    expect(s.attributes.get('my.span.attr')).toBe('some value');
    expect(s.resource.serviceName).toBe('my.service');
    expect(s.scope).toMatchObject({ name: 'my.library', version: '1.0.0' });
    expect(s.scope.attributes.get('my.scope.attribute')).toBe('some scope attribute');
    expect(t.diagnostics.map((d) => d.code)).toEqual(['orphan']);
  });

  it('reads the Tempo v1 "batches" wrapper', () => {
    // grafana/tempo pkg/tempopb/trace.json is the spec example with the key renamed; it is
    // AGPL-licensed, so the same variant is derived here instead of copied.
    const spec = JSON.parse(corpus('otlp-json/otel-proto-example.json').toString('utf8'));
    const set = importTrace(enc.encode(JSON.stringify({ batches: spec.resourceSpans })));
    expect(set.formatLabel).toBe('OTLP JSON (Tempo batches)');
    expect(set.traces[0].spans.map((s) => s.name)).toEqual(["I'm a server span"]);
  });

  it('reads several resources and scopes into one tree', () => {
    // main (eff3…) → info (49b8…) → ohboy.do ×2 (26f5…, e766…), across 4 ResourceSpans blocks
    const t = importTrace(corpus('otlp-json/multi-resource-scope.json')).traces[0];
    expect(t.spans.map((s) => `${'-'.repeat(s.depth)}${s.name}`)).toEqual(['main', '-info', '--ohboy.do', '--ohboy.do']);
    expect(t.spans.map((s) => s.spanId)).toEqual(['eff3153be6b1fb93', '49b8e9efa1e8a3b1', '26f5ef9dbb885479', 'e76628f4e6dde174']);
    expect(t.spans[1].scope).toMatchObject({ name: 'widgets', version: '1.2.3' });
    expect(t.spans[2].scope.name).toBe('ohboy');
    expect(t.spans[0].endNs - t.spans[0].startNs).toBe(1711138247116321958n - 1711138246940000000n);
    expect(t.diagnostics).toEqual([]);
  });

  it('reads the Jaeger storage fixture: 5 roots of one trace, missing kinds, nameless events', () => {
    const t = importTrace(corpus('otlp-json/jaeger-storage-example.json')).traces[0];
    expect(t.traceId).toBe('00000000000000000000000000000011');
    expect(t.spans.length).toBe(5);
    expect(t.rootIndices.length).toBe(5);
    expect(t.spans.filter((s) => s.kind === SpanKind.Unspecified).length).toBe(3);
    expect(t.spans.every((s) => s.events.length === 2)).toBe(true);
    expect(new Set(t.spans.map((s) => s.resource.serviceName))).toEqual(new Set(['example-service-1', 'example-service-2', 'example-service-3']));
  });

  it('reads the protobuf-JSON form: base64 ids, enum names, snake_case keys, numbers for int64', () => {
    const doc = {
      resource_spans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { string_value: 'py' } }] },
          scope_spans: [
            {
              scope: { name: 'lib' },
              spans: [
                {
                  trace_id: b64('5b8efff798038103d269b633813fc60c'),
                  span_id: b64('eee19b7ec3c1b173'),
                  name: 'root',
                  kind: 'SPAN_KIND_SERVER',
                  start_time_unix_nano: 1000,
                  end_time_unix_nano: 5000,
                  status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                },
                {
                  traceId: b64('5b8efff798038103d269b633813fc60c'),
                  spanId: b64('eee19b7ec3c1b174'),
                  parentSpanId: b64('eee19b7ec3c1b173'),
                  name: 'child',
                  kind: 'SPAN_KIND_CLIENT',
                  startTimeUnixNano: '2000',
                  endTimeUnixNano: '3000',
                  attributes: [
                    { key: 'n', value: { intValue: '9007199254740993' } },
                    { key: 'arr', value: { arrayValue: { values: [{ boolValue: true }, { doubleValue: 0.5 }] } } },
                    { key: 'kv', value: { kvlistValue: { values: [{ key: '__proto__', value: { stringValue: 'x' } }] } } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const t = importTrace(enc.encode(JSON.stringify(doc))).traces[0];
    expect(t.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(t.spans.map((s) => [s.spanId, s.name, s.kind, s.parentIndex])).toEqual([
      ['eee19b7ec3c1b173', 'root', SpanKind.Server, -1],
      ['eee19b7ec3c1b174', 'child', SpanKind.Client, 0],
    ]);
    expect(t.spans[0].status).toEqual({ code: StatusCode.Error, message: 'boom' });
    expect(t.spans[0].resource.serviceName).toBe('py');
    const attrs = t.spans[1].attributes;
    expect(attrs.get('n')).toBe(9007199254740993n);
    expect(attrs.get('arr')).toEqual([true, 0.5]);
    expect(Object.getPrototypeOf(attrs.get('kv'))).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('reads JSON Lines of TracesData (collector file exporter) and counts a broken line', () => {
    const line = (f: string) => JSON.stringify(JSON.parse(corpus(f).toString('utf8')));
    const text = [
      line('otlp-json/multi-resource-scope.json'),
      line('otlp-json/otel-proto-example.json'),
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId"',
      '',
    ].join('\n');
    const set = importTrace(enc.encode(text));
    expect(set.format).toBe('otlp-jsonl');
    expect(set.formatLabel).toBe('OTLP JSON (JSON Lines)');
    expect(set.traces.map((t) => t.spans.length).sort()).toEqual([1, 4]);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['unreadable-span']);
    expect(set.diagnostics[0].message).toMatch(/^line 3: truncated JSON at byte/);
  });

  it('reads the Jaeger v3 {result} wrapper and Tempo v2 {trace} wrapper', () => {
    const inner = JSON.parse(corpus('otlp-json/otel-proto-example.json').toString('utf8'));
    expect(importTrace(enc.encode(JSON.stringify({ result: inner }))).formatLabel).toBe('OTLP JSON (Jaeger v3 result)');
    expect(importTrace(enc.encode(JSON.stringify({ trace: inner, status: 'COMPLETE' }))).formatLabel).toBe('OTLP JSON (Tempo v2)');
  });

  it('is detected by content, whatever the file is called', () => {
    const a = importTrace(corpus('otlp-json/multi-resource-scope.json'));
    expect(a.format).toBe('otlp-json');
  });
});
