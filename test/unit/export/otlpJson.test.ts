import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeOtlpJson } from '../../../src/core/export/otlpJson';
import { importTrace } from '../../../src/core/import/index';
import type { Span } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';

const CORPUS = join(__dirname, '../../fixtures/corpus');
const enc = new TextEncoder();

/** Everything a span carries that the file must keep, in a comparable form. */
function fingerprint(s: Span): unknown {
  const attrs = (a: Span['attributes']) => Object.fromEntries([...a.entries()].map(([k, v]) => [k, typeof v === 'bigint' ? `big:${v}` : v]));
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parent: s.parentSpanId ?? '',
    name: s.name,
    kind: s.kind,
    start: s.startNs,
    end: s.endNs,
    status: [s.status.code, s.status.message ?? ''],
    attributes: attrs(s.attributes),
    events: s.events.map((e) => [e.name, e.timeNs, attrs(e.attributes)]),
    links: s.links.map((l) => [l.traceId, l.spanId, attrs(l.attributes)]),
    resource: attrs(s.resource.attributes),
    scope: [s.scope.name, s.scope.version ?? ''],
    traceState: s.traceState ?? '',
  };
}

function allSpans(set: TraceSet): unknown[] {
  return set.traces.flatMap((t) => t.spans.map(fingerprint));
}

describe('encodeOtlpJson', () => {
  it('writes what the OTel exporters write: hex ids, string ns times, kind numbers, AnyValue forms', () => {
    const input = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] },
          scopeSpans: [
            {
              scope: { name: 'agent', version: '1.2' },
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'chat gpt-4o',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000001',
                  endTimeUnixNano: '1700000000500000002',
                  status: { code: 2, message: 'boom' },
                  attributes: [
                    { key: 'big', value: { intValue: '9007199254740993' } },
                    { key: 'small', value: { intValue: '42' } },
                    { key: 'ratio', value: { doubleValue: 0.5 } },
                    { key: 'raw', value: { bytesValue: 'AQID' } },
                    { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } } },
                    { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
                  ],
                  events: [{ name: 'ev', timeUnixNano: '1700000000100000000', attributes: [] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const out = JSON.parse(new TextDecoder().decode(encodeOtlpJson(importTrace(enc.encode(JSON.stringify(input))).traces)));
    const rs = out.resourceSpans[0];
    expect(rs.resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'shop' } }]);
    expect(rs.scopeSpans[0].scope).toMatchObject({ name: 'agent', version: '1.2' });
    const span = rs.scopeSpans[0].spans[0];
    expect(span).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      name: 'chat gpt-4o',
      kind: 3,
      startTimeUnixNano: '1700000000000000001',
      endTimeUnixNano: '1700000000500000002',
      status: { code: 2, message: 'boom' },
    });
    const byKey = Object.fromEntries(span.attributes.map((a: { key: string; value: unknown }) => [a.key, a.value]));
    // 2^53 + 1 survives exactly, as the proto3 JSON int64 string form.
    expect(byKey.big).toEqual({ intValue: '9007199254740993' });
    expect(byKey.small).toEqual({ intValue: 42 });
    expect(byKey.ratio).toEqual({ doubleValue: 0.5 });
    expect(byKey.raw).toEqual({ bytesValue: 'AQID' });
    expect(byKey.list).toEqual({ arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } });
    expect(byKey.map).toEqual({ kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } });
    expect(span.events[0]).toMatchObject({ name: 'ev', timeUnixNano: '1700000000100000000' });
  });

  it('cannot be fooled by trace text that looks like its int64 marker', () => {
    const input = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 's',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                  attributes: [
                    { key: 'fake', value: { stringValue: '\u0000int64:abc:123' } },
                    { key: 'big', value: { intValue: '-9007199254740993' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    const set = importTrace(enc.encode(JSON.stringify(input)));
    const again = importTrace(encodeOtlpJson(set.traces));
    expect(again.traces[0].spans[0].attributes.get('fake')).toBe('\u0000int64:abc:123');
    expect(again.traces[0].spans[0].attributes.get('big')).toBe(-9007199254740993n);
  });

  // Every corpus trace file, whatever its format, re-imports from our OTLP JSON with the same
  // spans (attribute-maps/ holds bare attribute maps, not traces).
  const files = readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.json') && d.name !== 'expectations.json' && !d.parentPath.endsWith('attribute-maps'))
    .map((d) => join(d.parentPath, d.name));
  it.each(files.map((f) => [f.slice(CORPUS.length + 1), f]))('round-trips %s', (_name, file) => {
    const set = importTrace(readFileSync(file));
    const again = importTrace(encodeOtlpJson(set.traces));
    expect(again.format).toBe('otlp-json');
    expect(allSpans(again)).toEqual(allSpans(set));
  });
});
