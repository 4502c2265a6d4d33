/**
 * JSON requests are stored as the sender wrote them, regrouped by trace. Reference: the OTLP
 * JSON importer. Opening the stored lines must give the same spans as opening the request.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import type { Span } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';
import { decodeExportRequest, type DecodedExport } from '../../../src/core/receiver/decodeExport';
import { agentSpans, jsonBody } from './requests';

const dump = (s: Span) => ({
  traceId: s.traceId,
  spanId: s.spanId,
  parentSpanId: s.parentSpanId,
  name: s.name,
  kind: s.kind,
  startNs: s.startNs,
  endNs: s.endNs,
  status: s.status,
  attributes: [...s.attributes.entries()],
  events: s.events.map((e) => ({ ...e, attributes: [...e.attributes.entries()] })),
  links: s.links.map((l) => ({ ...l, attributes: [...l.attributes.entries()] })),
  resource: [...s.resource.attributes.entries()],
  scope: { name: s.scope.name, version: s.scope.version || undefined, attributes: [...s.scope.attributes.entries()] },
  depth: s.depth,
});

function byTrace(set: TraceSet): Map<string, unknown[]> {
  return new Map(set.traces.map((t) => [t.traceId, t.spans.map(dump)]));
}

function storedSet(d: DecodedExport): TraceSet {
  return importTrace(Buffer.concat(d.batches.flatMap((b) => [b.line, Buffer.from('\n')])));
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('JSON requests', () => {
  it('an SDK request with 4 traces: one line per trace, same spans', () => {
    const body = jsonBody(agentSpans(4, 30));
    const d = decodeExportRequest(body, 'json');
    expect(d.batches).toHaveLength(4);
    expect(d.acceptedSpans).toBe(120);
    expect(byTrace(storedSet(d))).toEqual(byTrace(importTrace(body)));
    for (const b of d.batches) expect(b.line.includes(0x0a)).toBe(false);
  });

  it('a one-line request of one trace is stored byte for byte', () => {
    const body = jsonBody(agentSpans(1, 5));
    const d = decodeExportRequest(body, 'json');
    expect(d.batches).toHaveLength(1);
    expect(Buffer.from(d.batches[0].line).equals(Buffer.from(body))).toBe(true);
  });

  it('a pretty-printed request becomes one line', () => {
    const body = enc(JSON.stringify(JSON.parse(new TextDecoder().decode(jsonBody(agentSpans(1, 3)))), null, 2));
    const d = decodeExportRequest(body, 'json');
    expect(d.batches).toHaveLength(1);
    expect(d.batches[0].line.includes(0x0a)).toBe(false);
    expect(byTrace(storedSet(d))).toEqual(byTrace(importTrace(body)));
  });

  it.each(readdirSync(join(__dirname, '../../fixtures/corpus/otlp-json')))('corpus file %s as a request', (f) => {
    const body = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/corpus/otlp-json', f)));
    const d = decodeExportRequest(body, 'json');
    expect(d.rejectedSpans).toBe(0);
    expect(byTrace(storedSet(d))).toEqual(byTrace(importTrace(body)));
  });

  it('protobuf-JSON flavour (base64 ids, enum names, snake_case) is kept as sent and reads the same', () => {
    const body = enc(
      JSON.stringify({
        resource_spans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { string_value: 'py' } }] },
            scope_spans: [
              {
                scope: { name: 'lib' },
                spans: [
                  {
                    trace_id: 'CvdlGRbNQ92ESOshHIAxnA==',
                    span_id: 't61rcWkgMzE=',
                    name: 'root',
                    kind: 'SPAN_KIND_SERVER',
                    start_time_unix_nano: '1767225600000000000',
                    end_time_unix_nano: '1767225600000001000',
                    status: { code: 'STATUS_CODE_ERROR', message: 'x' },
                  },
                  {
                    traceId: '0af7651916cd43dd8448eb211c80319c',
                    spanId: '00f067aa0ba902b7',
                    parentSpanId: 'b7ad6b7169203331',
                    name: 'child',
                    // eslint-disable-next-line no-loss-of-precision -- a producer that wrote nanoseconds as a JSON number
                    startTimeUnixNano: 1767225600000000100,
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const d = decodeExportRequest(body, 'json');
    expect(d.batches.map((b) => b.traceId)).toEqual(['0af7651916cd43dd8448eb211c80319c']);
    expect(d.batches[0].summary).toMatchObject({ spanCount: 2, errorCount: 1, serviceName: 'py', root: { name: 'root', spanId: 'b7ad6b7169203331' } });
    expect(new TextDecoder().decode(d.batches[0].line)).toContain('"trace_id":"CvdlGRbNQ92ESOshHIAxnA=="');
    expect(byTrace(storedSet(d))).toEqual(byTrace(importTrace(body)));
  });

  it('a BOM is not stored, and __proto__ keys stay data', () => {
    const inner =
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","name":"n","startTimeUnixNano":"1767225600000000000","__proto__":{"polluted":true},"attributes":[{"key":"__proto__","value":{"stringValue":"v"}}]}]}]}]}';
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(inner)]);
    const d = decodeExportRequest(body, 'json');
    expect(d.batches[0].line[0]).toBe(0x7b);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const span = storedSet(d).traces[0].spans[0];
    expect(span.attributes.get('__proto__')).toBe('v');
  });
});
