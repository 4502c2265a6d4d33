import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, encodeAnyValue, encodeSpan, encodeTracesData, toJsonLine } from '../../../src/core/export/otlpJsonEncode';
import { importTrace } from '../../../src/core/import/index';
import { anyValueFromJson } from '../../../src/core/import/otlpValues';
import { Attributes, newAttrMap, type AttrValue } from '../../../src/core/model/attributes';
import type { Span } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';

const FIXTURES = join(__dirname, '../../fixtures');

/** Everything the model holds about a span, as plain data (derived tree fields included). */
function dump(s: Span): unknown {
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
    events: s.events.map((e) => ({ timeNs: e.timeNs, name: e.name, attributes: [...e.attributes.entries()] })),
    links: s.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, traceState: l.traceState, attributes: [...l.attributes.entries()] })),
    resource: { attributes: [...s.resource.attributes.entries()], serviceName: s.resource.serviceName },
    // proto3 cannot tell an empty string from an absent one; importers differ on which they keep.
    scope: { name: s.scope.name, version: s.scope.version || undefined, attributes: [...s.scope.attributes.entries()] },
    traceState: s.traceState,
    flags: s.flags,
    index: s.index,
    parentIndex: s.parentIndex,
    depth: s.depth,
    subtreeEnd: s.subtreeEnd,
  };
}

/** Each trace of `set` → its own OTLP JSON line; the lines together as a JSON Lines file. */
function encodeSet(set: TraceSet): Uint8Array {
  const lines = set.traces.map((t) => toJsonLine(encodeTracesData(t.spans)));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

const roundTripFiles = [
  'otlp-proto/sdk-agent-run.otlp.pb',
  'otlp-proto/sdk-agent-run.otlp.json',
  ...readdirSync(join(FIXTURES, 'corpus/otlp-json')).map((f) => `corpus/otlp-json/${f}`),
  ...readdirSync(join(FIXTURES, 'corpus/jaeger')).map((f) => `corpus/jaeger/${f}`),
  ...readdirSync(join(FIXTURES, 'corpus/zipkin')).map((f) => `corpus/zipkin/${f}`),
  ...readdirSync(join(FIXTURES, 'corpus/langfuse')).map((f) => `corpus/langfuse/${f}`),
  ...readdirSync(join(FIXTURES, 'corpus/any-agent')).map((f) => `corpus/any-agent/${f}`),
  'corpus/otel-js-spans/vercel-ai-sdk-v6-all-spans.json',
  'malformed/duplicate-span-id-different.otlp.json',
  'malformed/orphan-span.otlp.json',
  'malformed/missing-end-time.otlp.json',
  'malformed/proto-keys-in-attributes.otlp.json',
  'malformed/html-and-bidi-in-names.otlp.json',
  'malformed/legacy-instrumentation-library-spans.otlp.json',
  'malformed/parent-cycle.otlp.json',
];

describe('import → encode as OTLP JSON → import gives identical spans', () => {
  it.each(roundTripFiles)('%s', (file) => {
    const first = importTrace(new Uint8Array(readFileSync(join(FIXTURES, file))));
    expect(first.traces.length).toBeGreaterThan(0);
    const again = importTrace(encodeSet(first));
    expect(again.format).toMatch(/^otlp-jsonl?$/); // one line reads as a document
    expect(again.traces.map((t) => t.traceId)).toEqual(first.traces.map((t) => t.traceId));
    for (let i = 0; i < first.traces.length; i++) {
      expect(again.traces[i].spans.map(dump)).toEqual(first.traces[i].spans.map(dump));
      expect(again.traces[i].rootIndices).toEqual(first.traces[i].rootIndices);
    }
  });
});

describe('encodeAnyValue follows the OTLP JSON mapping', () => {
  it('writes each kind of value in its spec form', () => {
    const map = newAttrMap();
    map['__proto__'] = 'not a prototype';
    map.n = 1;
    expect(encodeAnyValue('x')).toEqual({ stringValue: 'x' });
    expect(encodeAnyValue(true)).toEqual({ boolValue: true });
    expect(encodeAnyValue(42)).toEqual({ intValue: '42' });
    expect(encodeAnyValue(-7)).toEqual({ intValue: '-7' });
    expect(encodeAnyValue(0.5)).toEqual({ doubleValue: 0.5 });
    expect(encodeAnyValue(2 ** 60)).toEqual({ doubleValue: 2 ** 60 }); // a number past 2^53 is a double
    expect(encodeAnyValue(9223372036854775807n)).toEqual({ intValue: '9223372036854775807' });
    expect(encodeAnyValue(NaN)).toEqual({ doubleValue: 'NaN' });
    expect(encodeAnyValue(-Infinity)).toEqual({ doubleValue: '-Infinity' });
    expect(encodeAnyValue(-0)).toEqual({ doubleValue: '-0' });
    expect(encodeAnyValue(null)).toEqual({});
    expect(encodeAnyValue(Uint8Array.of(0, 1, 254, 255))).toEqual({ bytesValue: 'AAH+/w==' });
    expect(encodeAnyValue(['a', 1])).toEqual({ arrayValue: { values: [{ stringValue: 'a' }, { intValue: '1' }] } });
    expect(encodeAnyValue(map)).toEqual({
      kvlistValue: {
        values: [
          { key: '__proto__', value: { stringValue: 'not a prototype' } },
          { key: 'n', value: { intValue: '1' } },
        ],
      },
    });
    expect(({} as Record<string, unknown>).n).toBeUndefined();
  });

  it('base64 matches Node for every length mod 3', () => {
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });

  it('reads back as the same value through the JSON importer (property)', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.integer(),
      fc.double(),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < BigInt(Number.MIN_SAFE_INTEGER)),
      fc.uint8Array({ maxLength: 20 }),
      fc.constant(null),
    );
    const value = fc.letrec<{ v: AttrValue }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 }).map(toAttrMap)),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const back = anyValueFromJson(JSON.parse(JSON.stringify(encodeAnyValue(v))));
        expect(back).toEqual(normalize(v));
      }),
    );
  });

  it('encodeSpan leaves defaults out and keeps the rest', () => {
    const s = encodeSpan({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      name: 'root',
      kind: 2,
      startNs: 1767225600000000001n,
      endNs: 1767225600000000002n,
      status: { code: 0 },
      attributes: Attributes.EMPTY,
      events: [],
      links: [],
    });
    expect(s).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      name: 'root',
      kind: 2,
      startTimeUnixNano: '1767225600000000001',
      endTimeUnixNano: '1767225600000000002',
    });
    expect(encodeSpan({ status: { code: 2, message: 'boom' } }).status).toEqual({ code: 2, message: 'boom' });
    expect(encodeSpan({ status: { code: 0, message: 'note' } }).status).toEqual({ message: 'note' });
  });
});

function toAttrMap(d: Record<string, AttrValue>): AttrValue {
  const m = newAttrMap();
  for (const k of Object.keys(d)) m[k] = d[k];
  return m;
}

/** What the model can tell apart: a whole double is an int, and a map has no prototype. */
function normalize(v: AttrValue): AttrValue {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object' && !(v instanceof Uint8Array)) {
    const m = newAttrMap();
    for (const k of Object.keys(v)) m[k] = normalize((v as Record<string, AttrValue>)[k]);
    return m;
  }
  return v;
}
