import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttrValue, Attributes } from '../../../src/core/model/attributes';
import { ImportError } from '../../../src/core/model/diagnostics';
import type { Span } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';
import { readOtlpProto } from '../../../src/core/import/otlpProto';
import { MAX_VALUE_DEPTH } from '../../../src/core/import/otlpProtoValues';
import { ProtoReader } from '../../../src/core/import/protoReader';

const FIXTURES = join(__dirname, '../../fixtures/otlp-proto');
const pb = new Uint8Array(readFileSync(join(FIXTURES, 'sdk-agent-run.otlp.pb')));

// ---- A tiny protobuf writer, independent of the code under test ----
type Bytes = number[];
function varint(v: number | bigint): Bytes {
  let x = BigInt.asUintN(64, BigInt(v));
  const out: Bytes = [];
  while (x >= 0x80n) {
    out.push(Number(x & 0x7fn) | 0x80);
    x >>= 7n;
  }
  out.push(Number(x));
  return out;
}
const key = (field: number, wt: number): Bytes => varint((field << 3) | wt);
const len = (field: number, ...payload: Bytes[]): Bytes => {
  const body = payload.flat();
  return [...key(field, 2), ...varint(body.length), ...body];
};
const str = (field: number, s: string): Bytes => len(field, [...new TextEncoder().encode(s)]);
const vint = (field: number, v: number | bigint): Bytes => [...key(field, 0), ...varint(v)];
const fixed64 = (field: number, v: bigint): Bytes => {
  const out = key(field, 1);
  for (let i = 0n; i < 8n; i++) out.push(Number((v >> (8n * i)) & 0xffn));
  return out;
};
const fixed32 = (field: number, v: number): Bytes => [...key(field, 5), v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const double = (field: number, v: number): Bytes => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [...key(field, 1), ...b];
};
const hexBytes = (h: string): Bytes => h.match(/../g)!.map((x) => parseInt(x, 16));
const u8 = (...parts: Bytes[]) => Uint8Array.from(parts.flat());

// OTLP messages (field numbers from trace.proto / common.proto)
/** A KeyValue as field `field` of its message: 1 in Resource and KeyValueList, 9 in Span, 3 in Event, 4 in Link. */
const attr = (field: number, k: string, value: Bytes) => len(field, str(1, k), len(2, value));
const kv = (k: string, value: Bytes) => attr(1, k, value);
const spanAttr = (k: string, value: Bytes) => attr(9, k, value);
const TRACE = '0af7651916cd43dd8448eb211c80319c';
function spanMsg(id: string, name: string, extra: Bytes[] = []): Bytes {
  return [
    ...len(1, hexBytes(TRACE)),
    ...len(2, hexBytes(id)),
    ...str(5, name),
    ...fixed64(7, 1_700_000_000_000_000_000n),
    ...fixed64(8, 1_700_000_000_500_000_000n),
    ...extra.flat(),
  ];
}
const request = (...resourceSpans: Bytes[]) => u8(...resourceSpans.map((rs) => len(1, rs)));
const scopeSpans = (...spans: Bytes[]) => len(2, ...spans.map((s) => len(2, s)));

// ---- Helpers ----
function allSpans(set: TraceSet): Span[] {
  return set.traces.flatMap((t) => t.spans);
}

interface DescValue {
  type: 'string' | 'bool' | 'int' | 'double' | 'bytes' | 'array' | 'kvlist';
  value: unknown;
}
interface DescAttr extends DescValue {
  key: string;
}

/** Strict comparison of a decoded value with the SDK-side description: types must match too. */
function expectValue(actual: AttrValue | undefined, d: DescValue, path: string): void {
  switch (d.type) {
    case 'string':
    case 'bool':
    case 'double':
      expect(actual, path).toBe(d.value);
      return;
    case 'int': {
      const n = BigInt(d.value as string);
      const safe = n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= -BigInt(Number.MAX_SAFE_INTEGER);
      expect(actual, path).toBe(safe ? Number(n) : n);
      return;
    }
    case 'bytes':
      expect(actual, path).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(actual as Uint8Array).toString('hex'), path).toBe(d.value);
      return;
    case 'array': {
      const items = d.value as DescValue[];
      expect(Array.isArray(actual), path).toBe(true);
      expect((actual as AttrValue[]).length, path).toBe(items.length);
      items.forEach((item, i) => expectValue((actual as AttrValue[])[i], item, `${path}[${i}]`));
      return;
    }
    case 'kvlist': {
      const entries = d.value as DescAttr[];
      expect(Object.getPrototypeOf(actual), `${path} has a null prototype`).toBe(null);
      const map = actual as Record<string, AttrValue>;
      expect(Object.keys(map), path).toEqual(entries.map((e) => e.key));
      for (const e of entries) expectValue(map[e.key], e, `${path}.${e.key}`);
      return;
    }
  }
}

function expectAttributes(actual: Attributes, expected: DescAttr[], path: string): void {
  expect(actual.keys(), path).toEqual(expected.map((a) => a.key));
  for (const a of expected) expectValue(actual.get(a.key), a, `${path}.${a.key}`);
}

// OTLP numbers, from trace.proto (SpanKind, Status.StatusCode, SpanFlags)
const OTLP_KIND: Record<string, number> = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
const OTLP_STATUS: Record<string, number> = { UNSET: 0, OK: 1, ERROR: 2 };
const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;

interface DescSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  parentIsRemote: boolean | null;
  traceFlags: number;
  traceState: string | null;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: string; message: string | null };
  attributes: DescAttr[];
  events: { name: string; timeUnixNano: string; attributes: DescAttr[] }[];
  links: { traceId: string; spanId: string; traceState: string | null; attributes: DescAttr[] }[];
  resource: DescAttr[];
  scope: { name: string; version: string | null };
}
const expected = JSON.parse(readFileSync(join(FIXTURES, 'sdk-agent-run.expected.json'), 'utf8')) as { spanCount: number; spans: DescSpan[] };

describe('readOtlpProto on a request made by the OpenTelemetry JS SDK', () => {
  const set = readOtlpProto(pb);
  const spans = allSpans(set);
  const byId = new Map(spans.map((s) => [s.spanId, s]));

  it('reads every span, in one trace, with no diagnostics', () => {
    expect(set.format).toBe('otlp-proto');
    expect(set.formatLabel).toBe('OTLP protobuf');
    expect(set.inputSpanCount).toBe(expected.spanCount);
    expect(spans).toHaveLength(5);
    expect(set.traces).toHaveLength(1);
    expect(set.diagnostics).toEqual([]);
    expect(set.traces[0].diagnostics).toEqual([]);
  });

  it('leaves span, event and link attributes undecoded until first read', () => {
    const fresh = allSpans(readOtlpProto(pb));
    for (const s of fresh) expect(s.attributes.isPending, s.name).toBe(true);
    const tool = fresh.find((s) => s.name === 'execute_tool web_search')!;
    expect(tool.events[0].attributes.isPending).toBe(true);
    expect(tool.links[0].attributes.isPending).toBe(true);
    expect(tool.attributes.get('gen_ai.tool.name')).toBe('web_search');
    expect(tool.attributes.isPending).toBe(false);
    expect(tool.events[0].attributes.isPending).toBe(true); // each list decodes on its own
    // resource and scope attributes are decoded at once (service.name is needed immediately)
    expect(tool.resource.attributes.isPending).toBe(false);
  });

  for (const d of expected.spans) {
    it(`matches the SDK span "${d.name}" field by field`, () => {
      const s = byId.get(d.spanId)!;
      expect(s, d.spanId).toBeDefined();
      expect(s.traceId).toBe(d.traceId);
      expect(s.parentSpanId).toBe(d.parentSpanId ?? undefined);
      expect(s.name).toBe(d.name);
      expect(s.kind).toBe(OTLP_KIND[d.kind]);
      expect(s.startNs).toBe(BigInt(d.startTimeUnixNano));
      expect(s.endNs).toBe(BigInt(d.endTimeUnixNano));
      expect(s.status.code).toBe(OTLP_STATUS[d.status.code]);
      expect(s.status.message).toBe(d.status.message ?? undefined);
      expect(s.traceState).toBe(d.traceState ?? undefined);
      expect(s.flags).toBe((d.traceFlags & 0xff) | HAS_IS_REMOTE | (d.parentIsRemote ? IS_REMOTE : 0));
      expectAttributes(s.attributes, d.attributes, 'attributes');
      expect(s.events.map((e) => e.name)).toEqual(d.events.map((e) => e.name));
      d.events.forEach((e, i) => {
        expect(s.events[i].timeNs).toBe(BigInt(e.timeUnixNano));
        expectAttributes(s.events[i].attributes, e.attributes, `events[${i}]`);
      });
      expect(s.links).toHaveLength(d.links.length);
      d.links.forEach((l, i) => {
        expect(s.links[i].traceId).toBe(l.traceId);
        expect(s.links[i].spanId).toBe(l.spanId);
        expect(s.links[i].traceState).toBe(l.traceState ?? undefined);
        expectAttributes(s.links[i].attributes, l.attributes, `links[${i}]`);
      });
      expectAttributes(s.resource.attributes, d.resource, 'resource');
      expect(s.resource.serviceName).toBe(d.resource.find((a) => a.key === 'service.name')!.value);
      expect(s.scope.name).toBe(d.scope.name);
      expect(s.scope.version).toBe(d.scope.version ?? undefined);
    });
  }

  it('shares one Resource object among the spans of one ResourceSpans block', () => {
    const agent = spans.filter((s) => s.resource.serviceName === 'research-agent');
    expect(agent).toHaveLength(4);
    for (const s of agent) expect(s.resource).toBe(agent[0].resource);
    const server = spans.find((s) => s.name === 'GET /search')!;
    expect(server.resource.serviceName).toBe('search-tool-server');
    expect(server.resource).not.toBe(agent[0].resource);
  });

  it('keeps a "__proto__" kvlist key as an ordinary key', () => {
    const chat = spans.find((s) => s.name === 'chat gpt-4o')!;
    const map = chat.attributes.get('test.kvlist') as Record<string, AttrValue>;
    expect(Object.prototype.hasOwnProperty.call(map, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function allDiagnostics(set: TraceSet) {
  return [...set.diagnostics, ...set.traces.flatMap((t) => t.diagnostics)];
}

describe('agreement with the same request serialized as OTLP JSON', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'sdk-agent-run.otlp.json'), 'utf8'));
  const spans = allSpans(readOtlpProto(pb));

  /** OTLP/JSON AnyValue → comparable plain value (ints as bigint, bytes as hex). */
  function plain(v: Record<string, unknown>): unknown {
    if ('stringValue' in v) return v.stringValue;
    if ('boolValue' in v) return v.boolValue;
    if ('intValue' in v) return BigInt(v.intValue as string | number);
    if ('doubleValue' in v) return v.doubleValue;
    if ('bytesValue' in v) return Buffer.from(v.bytesValue as string, 'base64').toString('hex');
    if ('arrayValue' in v) return ((v.arrayValue as { values?: Record<string, unknown>[] }).values ?? []).map(plain);
    if ('kvlistValue' in v)
      return ((v.kvlistValue as { values?: { key: string; value: Record<string, unknown> }[] }).values ?? []).map((e) => [e.key, plain(e.value)]);
    return null;
  }
  function plainDecoded(v: AttrValue): unknown {
    if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
    if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
    if (Array.isArray(v)) return v.map(plainDecoded);
    if (v !== null && typeof v === 'object') return Object.keys(v).map((k) => [k, plainDecoded((v as Record<string, AttrValue>)[k])]);
    return v;
  }
  const attrs = (list: { key: string; value: Record<string, unknown> }[] = []) => list.map((a) => [a.key, plain(a.value)]);
  const decodedAttrs = (a: Attributes) => [...a.entries()].map(([k, v]) => [k, plainDecoded(v)]);

  it('decodes every span exactly as the JSON serializer wrote it', () => {
    let n = 0;
    for (const rs of json.resourceSpans) {
      for (const ss of rs.scopeSpans) {
        for (const j of ss.spans) {
          n++;
          const s = spans.find((x) => x.spanId === j.spanId)!;
          expect(s.traceId).toBe(j.traceId);
          expect(s.parentSpanId).toBe(j.parentSpanId);
          expect(s.name).toBe(j.name);
          expect(s.kind).toBe(j.kind);
          expect(s.startNs.toString()).toBe(String(j.startTimeUnixNano));
          expect(s.endNs.toString()).toBe(String(j.endTimeUnixNano));
          expect(s.flags).toBe(j.flags);
          expect(s.traceState).toBe(j.traceState);
          expect(s.status.code).toBe(j.status.code);
          expect(s.status.message).toBe(j.status.message);
          expect(decodedAttrs(s.attributes)).toEqual(attrs(j.attributes));
          expect(s.events.map((e) => [e.name, e.timeNs.toString(), decodedAttrs(e.attributes)])).toEqual(
            j.events.map((e: { name: string; timeUnixNano: string; attributes: [] }) => [e.name, String(e.timeUnixNano), attrs(e.attributes)]),
          );
          expect(s.links.map((l) => [l.traceId, l.spanId, l.traceState, decodedAttrs(l.attributes)])).toEqual(
            j.links.map((l: { traceId: string; spanId: string; traceState?: string; attributes: [] }) => [
              l.traceId,
              l.spanId,
              l.traceState,
              attrs(l.attributes),
            ]),
          );
          expect(decodedAttrs(s.resource.attributes)).toEqual(attrs(rs.resource.attributes));
          expect([s.scope.name, s.scope.version]).toEqual([ss.scope.name, ss.scope.version]);
        }
      }
    }
    expect(n).toBe(spans.length);
  });

  it('gives the same spans as the OTLP JSON importer reading the JSON copy', async () => {
    // Imported lazily so a problem in the other importer fails this test only.
    const { otlpJsonImporter } = await import('../../../src/core/import/otlpJson');
    const { TraceBuilder } = await import('../../../src/core/import/traceBuilder');
    const builder = new TraceBuilder();
    otlpJsonImporter.read(json, builder, '');
    // JSON numbers past 2^53 may arrive as (exact) numbers where protobuf gives bigints: compare ints as bigints.
    const norm = (v: unknown): unknown =>
      typeof v === 'number' && Number.isInteger(v)
        ? BigInt(v)
        : v instanceof Uint8Array
          ? [...v]
          : Array.isArray(v)
            ? v.map(norm)
            : v !== null && typeof v === 'object'
              ? Object.keys(v).map((k) => [k, norm((v as Record<string, unknown>)[k])])
              : v;
    const list = (a: Attributes) => norm([...a.entries()]);
    const dump = (set: TraceSet) =>
      allSpans(set).map((s) => ({
        ...s,
        attributes: list(s.attributes),
        events: s.events.map((e) => ({ ...e, attributes: list(e.attributes) })),
        links: s.links.map((l) => ({ ...l, attributes: list(l.attributes) })),
        resource: [list(s.resource.attributes), s.resource.serviceName],
        scope: [s.scope.name, s.scope.version, list(s.scope.attributes)],
      }));
    const fromJson = builder.build('otlp-json', 'OTLP JSON');
    expect(dump(fromJson)).toEqual(dump(readOtlpProto(pb)));
    expect(fromJson.diagnostics).toEqual([]);
  });

  it('reads the gzipped copy to the same bytes', () => {
    const gz = new Uint8Array(readFileSync(join(FIXTURES, 'sdk-agent-run.otlp.pb.gz')));
    const inflated = gunzipSync(gz);
    expect(Buffer.compare(Buffer.from(inflated), Buffer.from(pb))).toBe(0);
    expect(
      allSpans(readOtlpProto(inflated))
        .map((s) => s.spanId)
        .sort(),
    ).toEqual(spans.map((s) => s.spanId).sort());
  });

  it('is what importTrace picks for the protobuf and the gzipped protobuf file', async () => {
    const { importTrace } = await import('../../../src/core/import/index');
    const gz = new Uint8Array(readFileSync(join(FIXTURES, 'sdk-agent-run.otlp.pb.gz')));
    for (const bytes of [pb, gz]) {
      const set = importTrace(bytes);
      expect(set.format).toBe('otlp-proto');
      expect(
        allSpans(set)
          .map((s) => s.spanId)
          .sort(),
      ).toEqual(spans.map((s) => s.spanId).sort());
    }
  });
});

describe('input that is not OTLP protobuf, or is cut short', () => {
  function importError(bytes: Uint8Array): ImportError {
    try {
      readOtlpProto(bytes);
    } catch (e) {
      if (e instanceof ImportError) return e;
      throw e;
    }
    throw new Error('no ImportError');
  }

  // Top level of the fixture (worked out with a few lines of python over the file):
  // field 1 at byte 0, length 3,840 (a 2-byte varint), payload 3..3843; field 1 at byte 3843,
  // length 329, payload 3846..4175; file length 4,175.
  it.each([
    [1, 1, /truncated protobuf: a varint at byte 1 runs past the end of the input at byte 1/],
    [2, 1, /truncated protobuf: a varint at byte 1 /],
    [3, 0, /truncated protobuf: field 1 \(length 3,840\) at byte 0 runs past the end of the input at byte 3/],
    [100, 0, /field 1 \(length 3,840\) at byte 0 runs past the end of the input at byte 100/],
    [3842, 0, /at byte 0 runs past the end of the input at byte 3,842/],
    [3844, 3844, /truncated protobuf: a varint at byte 3,844/],
    [4000, 3843, /field 1 \(length 329\) at byte 3,843 runs past the end of the input at byte 4,000/],
    [4174, 3843, /at byte 3,843 runs past the end of the input at byte 4,174/],
  ])('cut to %i bytes → ImportError at byte %i', (n, offset, message) => {
    const e = importError(pb.subarray(0, n));
    expect(e.offset).toBe(offset);
    expect(e.message).toMatch(message);
  });

  it('cannot see a cut that falls exactly between two top-level messages (protobuf has no end marker)', () => {
    const set = readOtlpProto(pb.subarray(0, 3843));
    expect(set.inputSpanCount).toBe(4);
  });

  it('says "not OTLP protobuf" for data that does not start like an OTLP request', () => {
    expect(importError(u8([0xff, 0x01, 0x02])).message).toBe('not OTLP protobuf: wire type 7 at byte 0');
    expect(importError(u8([0x08, 0x96, 0x01])).message).toMatch(/^not OTLP protobuf: the input starts with field 1 \(wire type 0\)/);
    expect(importError(u8([0x12, 0x00])).message).toMatch(/starts with field 2 \(wire type 2\)/);
    const text = importError(new TextEncoder().encode('name,start,end\nchat,1,2\n'));
    expect(text.message).toBe('not OTLP protobuf: the input is text ("name,start,end chat,1,2 ")');
    expect(text.offset).toBe(0);
  });

  it('names gRPC frames and length-prefixed message streams', () => {
    const msg = request(scopeSpans(spanMsg('00000000000000a1', 'x')));
    const be32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
    expect(importError(u8([0], be32(msg.length), [...msg])).message).toMatch(/gRPC message frame/);
    expect(importError(u8(be32(msg.length), [...msg], be32(msg.length), [...msg])).message).toMatch(/length-prefixed messages/);
  });

  it('rejects protobuf groups with a clear message', () => {
    const e = importError(request([...key(5, 3), ...key(5, 4)]));
    expect(e.message).toBe('corrupt protobuf: field 5 at byte 2 uses wire type 3 (a protobuf group), which OTLP never uses');
    expect(e.offset).toBe(2);
  });

  it('rejects a varint longer than 10 bytes', () => {
    const e = importError(request([...key(9, 0), ...Array(10).fill(0xff), 0x01]));
    expect(e.message).toMatch(/varint at byte 3 is longer than 10 bytes/);
  });

  it('reads a request with no spans as an empty set', () => {
    const set = readOtlpProto(u8([0x0a, 0x00]));
    expect(set.traces).toEqual([]);
    expect(set.inputSpanCount).toBe(0);
  });
});

describe('a span whose own bytes are malformed', () => {
  const good = (id: string) => spanMsg(id, `span ${id}`);
  it('is counted as unreadable and decoding continues', () => {
    // span 1 holds a field whose length (50) runs past the end of the span (its own prefix is fine)
    const bad = [...spanMsg('00000000000000b1', 'bad'), ...key(9, 2), 50, 1, 2];
    const set = readOtlpProto(request(scopeSpans(good('00000000000000a1'), bad, good('00000000000000a2'))));
    expect(
      allSpans(set)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['span 00000000000000a1', 'span 00000000000000a2']);
    expect(set.inputSpanCount).toBe(3);
    expect(set.diagnostics).toHaveLength(1);
    expect(set.diagnostics[0].code).toBe('unreadable-span');
    expect(set.diagnostics[0].source).toBe('resourceSpans[0].scopeSpans[0].spans[1]');
    expect(set.diagnostics[0].message).toMatch(
      /^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[1\]: corrupt protobuf: field 9 \(length 50\) at byte \d+ runs past the end of its enclosing message/,
    );
  });

  it('is unreadable when an attribute value inside it is malformed, though attributes are decoded lazily', () => {
    // AnyValue holding a field with wire type 7
    const bad = spanMsg('00000000000000b1', 'bad', [spanAttr('k', [0x0f, 0x00])]);
    const set = readOtlpProto(request(scopeSpans(bad, good('00000000000000a1'))));
    expect(allSpans(set).map((s) => s.name)).toEqual(['span 00000000000000a1']);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['unreadable-span']);
    expect(set.diagnostics[0].message).toMatch(/wire type 7/);
  });

  it(`is unreadable when an attribute value nests deeper than ${MAX_VALUE_DEPTH} levels`, () => {
    let value: Bytes = str(1, 'leaf');
    // A value of depth MAX_VALUE_DEPTH: arrays of arrays, MAX_VALUE_DEPTH AnyValues counting the leaf.
    for (let i = 1; i < MAX_VALUE_DEPTH; i++) value = len(5, len(1, value));
    const ok = spanMsg('00000000000000a1', 'ok', [spanAttr('deep', value)]);
    const tooDeep = spanMsg('00000000000000a2', 'too deep', [spanAttr('deep', len(5, len(1, value)))]);
    const set = readOtlpProto(request(scopeSpans(ok, tooDeep)));
    expect(allSpans(set).map((s) => s.name)).toEqual(['ok']);
    expect(set.diagnostics[0].message).toMatch(new RegExp(`nested more than ${MAX_VALUE_DEPTH} levels deep`));
    let v = allSpans(set)[0].attributes.get('deep');
    for (let i = 1; i < MAX_VALUE_DEPTH; i++) v = (v as AttrValue[])[0];
    expect(v).toBe('leaf');
  });
});

describe('unknown and unusual fields', () => {
  const event = [...fixed64(1, 1_700_000_000_100_000_000n), ...str(2, 'ev'), ...attr(3, 'e', str(1, 'x'))];
  const link = [
    ...len(1, hexBytes('11111111111111111111111111111111')),
    ...len(2, hexBytes('2222222222222222')),
    ...str(3, 'a=b'),
    ...len(4, str(1, 'l'), len(2, vint(3, 7))),
  ];
  function span(unknown: (n: number) => Bytes) {
    return spanMsg('00000000000000a1', 'root', [
      unknown(100),
      spanAttr('s', [...unknown(20), ...str(1, 'v'), ...unknown(21)]),
      len(11, event, unknown(22)),
      len(13, link, unknown(23)),
      len(15, str(2, 'boom'), vint(3, 2), unknown(24)),
      vint(6, 3),
      fixed32(16, 0x301),
      unknown(101),
    ]);
  }
  function req(unknown: (n: number) => Bytes) {
    return request(
      [
        ...unknown(50),
        ...len(1, kv('service.name', str(1, 'svc')), unknown(51)),
        ...len(2, unknown(52), len(1, str(1, 'scope'), unknown(53)), len(2, span(unknown)), unknown(54)),
        ...unknown(55),
      ],
      unknown(56),
    );
  }
  const none = () => [];
  // every wire type, and a nested message holding further (unknown) fields
  const all = (n: number): Bytes => [
    ...vint(n, 2n ** 63n + 5n),
    ...fixed64(n, 0xdeadbeefn),
    ...fixed32(n, 7),
    ...str(n, 'unknown'),
    ...len(n + 1000, vint(1, 1), len(2, str(3, 'deeper'), fixed32(4, 1)), double(5, 1.5)),
  ];

  function summary(set: TraceSet) {
    return allSpans(set).map((s) => ({
      name: s.name,
      kind: s.kind,
      flags: s.flags,
      status: s.status,
      attrs: [...s.attributes.entries()],
      events: s.events.map((e) => [e.name, e.timeNs, [...e.attributes.entries()]]),
      links: s.links.map((l) => [l.traceId, l.spanId, l.traceState, [...l.attributes.entries()]]),
      resource: [...s.resource.attributes.entries()],
      scope: s.scope.name,
    }));
  }

  it('skips unknown fields of every wire type at every level, nested ones included', () => {
    const plain = summary(readOtlpProto(req(none)));
    expect(plain).toEqual([
      {
        name: 'root',
        kind: 3,
        flags: 0x301,
        status: { code: 2, message: 'boom' },
        attrs: [['s', 'v']],
        events: [['ev', 1_700_000_000_100_000_000n, [['e', 'x']]]],
        links: [['11111111111111111111111111111111', '2222222222222222', 'a=b', [['l', 7]]]],
        resource: [['service.name', 'svc']],
        scope: 'scope',
      },
    ]);
    const noisy = readOtlpProto(req(all));
    expect(summary(noisy)).toEqual(plain);
    expect(noisy.diagnostics).toEqual([]);
  });

  it('skips a known field sent with the wrong wire type', () => {
    const s = spanMsg('00000000000000a1', 'x', [fixed64(6, 3n), str(16, 'not fixed32')]);
    const [span] = allSpans(readOtlpProto(request(scopeSpans(s))));
    expect(span.kind).toBe(0);
    expect(span.flags).toBeUndefined();
  });

  it('reads the deprecated instrumentation_library_spans (field 1000) as scope spans', () => {
    const ils = len(1000, len(1, str(1, 'old-lib'), str(2, '0.1')), len(2, spanMsg('00000000000000a1', 'legacy')));
    const set = readOtlpProto(request(ils));
    const [span] = allSpans(set);
    expect(span.name).toBe('legacy');
    expect(span.scope).toMatchObject({ name: 'old-lib', version: '0.1' });
    const withParentMissing = readOtlpProto(request(len(1000, len(2, spanMsg('00000000000000a1', 'legacy', [len(4, hexBytes('00000000000000ff'))])))));
    expect(withParentMissing.traces[0].diagnostics.find((d) => d.code === 'orphan')?.source).toBe('resourceSpans[0].instrumentationLibrarySpans[0].spans[0]');
  });

  it('gives each span its place in the input as its diagnostic source', () => {
    // Every span is an orphan (its parent is absent), so each gets a diagnostic naming its source.
    const orphan = (id: string) => spanMsg(id, `s${id.slice(-2)}`, [len(4, hexBytes('00000000000000ff'))]);
    const set = readOtlpProto(
      request(
        [...scopeSpans(orphan('00000000000000a1')), ...scopeSpans(orphan('00000000000000a2'), orphan('00000000000000a3'))],
        scopeSpans(orphan('00000000000000a4')),
      ),
    );
    const sources = allDiagnostics(set)
      .filter((d) => d.code === 'orphan')
      .map((d) => `${d.spanId} ${d.source}`)
      .sort();
    expect(sources).toEqual([
      '00000000000000a1 resourceSpans[0].scopeSpans[0].spans[0]',
      '00000000000000a2 resourceSpans[0].scopeSpans[1].spans[0]',
      '00000000000000a3 resourceSpans[0].scopeSpans[1].spans[1]',
      '00000000000000a4 resourceSpans[1].scopeSpans[0].spans[0]',
    ]);
  });

  it('ignores instrumentation_library_spans when scope_spans are present, and says so', () => {
    const both = request([...scopeSpans(spanMsg('00000000000000a1', 'new')), ...len(1000, len(2, spanMsg('00000000000000a1', 'new')))]);
    const set = readOtlpProto(both);
    expect(set.inputSpanCount).toBe(1);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['interpretation']);
  });

  it('decodes every AnyValue type and int64 edge', () => {
    const ints: [bigint, number | bigint][] = [
      [0n, 0],
      [-1n, -1],
      [2n ** 31n, 2 ** 31],
      [2n ** 32n + 1n, 2 ** 32 + 1],
      [2n ** 53n - 1n, Number.MAX_SAFE_INTEGER],
      [2n ** 53n, 2n ** 53n],
      [-(2n ** 53n) + 1n, -Number.MAX_SAFE_INTEGER],
      [-(2n ** 53n), -(2n ** 53n)],
      [2n ** 63n - 1n, 2n ** 63n - 1n],
      [-(2n ** 63n), -(2n ** 63n)],
    ];
    const attrs = [
      ...ints.map(([v], i) => spanAttr(`i${i}`, vint(3, v))),
      spanAttr('str', str(1, 'héllo 🚀')),
      spanAttr('t', vint(2, 1)),
      spanAttr('f', vint(2, 0)),
      spanAttr('d', double(4, -0.125)),
      spanAttr('nan', double(4, NaN)),
      spanAttr('b', len(7, [9, 8])),
      spanAttr('empty', []),
      spanAttr('strindex', vint(8, 3)),
      spanAttr('last-wins', [...str(1, 'first'), ...vint(3, 5)]),
      spanAttr('arr', len(5, len(1, str(1, 'a')), len(1, vint(3, 1)), len(1, []))),
      spanAttr('kv', len(6, len(1, str(1, '__proto__'), len(2, str(1, 'p'))), len(1, str(1, 'n'), len(2, len(6))))),
      len(9, len(2, str(1, 'no key'))),
      spanAttr('dup', str(1, 'one')),
      spanAttr('dup', str(1, 'two')),
    ];
    const [span] = allSpans(readOtlpProto(request(scopeSpans(spanMsg('00000000000000a1', 'x', attrs)))));
    const a = span.attributes;
    ints.forEach(([, want], i) => expect(a.get(`i${i}`), `i${i}`).toBe(want));
    expect(a.get('str')).toBe('héllo 🚀');
    expect(a.get('t')).toBe(true);
    expect(a.get('f')).toBe(false);
    expect(a.get('d')).toBe(-0.125);
    expect(a.get('nan')).toBeNaN();
    expect(a.get('b')).toEqual(new Uint8Array([9, 8]));
    expect(a.get('empty')).toBeNull();
    expect(a.get('strindex')).toBeNull();
    expect(a.get('last-wins')).toBe(5);
    expect(a.get('arr')).toEqual(['a', 1, null]);
    const map = a.get('kv') as Record<string, AttrValue>;
    expect(Object.getPrototypeOf(map)).toBeNull();
    expect(Object.keys(map)).toEqual(['__proto__', 'n']);
    expect(map['__proto__']).toBe('p');
    expect(Object.getPrototypeOf(map.n)).toBeNull();
    expect(a.get('')).toBe('no key');
    expect(a.get('dup')).toBe('two');
    expect(a.size).toBe(ints.length + 14);
  });

  it('treats unknown kinds and status codes as unspecified/unset, with one note each', () => {
    const s1 = spanMsg('00000000000000a1', 'a', [vint(6, 9), len(15, vint(3, 7))]);
    const s2 = spanMsg('00000000000000a2', 'b', [vint(6, -1)]);
    const set = readOtlpProto(request(scopeSpans(s1, s2)));
    expect(allSpans(set).map((s) => [s.kind, s.status.code])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(set.diagnostics.map((d) => d.message)).toEqual([
      '2 span(s) have a span kind outside 0–5; shown as unspecified',
      '1 span(s) have a status code outside 0–2; shown as unset',
    ]);
  });

  it('reads ids of odd sizes as hex and leaves judging them to the TraceBuilder', () => {
    const s = [...len(1, [0xab, 0xcd]), ...len(2, hexBytes('00000000000000a1')), ...str(5, 'short trace id'), ...fixed64(7, 5n), ...fixed64(8, 6n)];
    const set = readOtlpProto(request(scopeSpans(s)));
    expect(allDiagnostics(set).some((d) => d.code === 'invalid-trace-id' && d.message.includes('"abcd"'))).toBe(true);
  });

  it('treats a zero time as missing', () => {
    const s = [...len(1, hexBytes(TRACE)), ...len(2, hexBytes('00000000000000a1')), ...str(5, 'no end'), ...fixed64(7, 5n), ...fixed64(8, 0n)];
    const set = readOtlpProto(request(scopeSpans(s)));
    expect(allDiagnostics(set).map((d) => d.code)).toContain('missing-end');
  });
});

describe('ProtoReader', () => {
  it('reads fixed64 little endian as an exact bigint and fixed32/double', () => {
    const r = new ProtoReader(u8([0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0xf1], [0x01, 0x02, 0x03, 0x84], double(1, 2.5).slice(1)));
    expect(r.fixed64(20)).toBe(0xf102030405060708n);
    expect(r.fixed32(20)).toBe(0x84030201);
    expect(r.double(20)).toBe(2.5);
  });

  it('reads uint64 varints as numbers when safe, else bigints', () => {
    const r = new ProtoReader(u8(varint(2n ** 53n - 1n), varint(2n ** 64n - 1n)));
    expect(r.uint64(100)).toBe(Number.MAX_SAFE_INTEGER);
    expect(r.uint64(100)).toBe(2n ** 64n - 1n);
  });

  it('never reads past the end it is given', () => {
    const r = new ProtoReader(u8([0x0a, 0x05, 1, 2, 3, 4, 5]));
    r.tag(7);
    expect(() => r.delimited(6)).toThrow(/corrupt protobuf: field 1 \(length 5\) at byte 0 runs past the end of its enclosing message at byte 6/);
    const f = new ProtoReader(u8([1, 2, 3]));
    expect(() => f.fixed32(3)).toThrow(ImportError);
  });
});

describe('arbitrary bytes', () => {
  function decodeFully(bytes: Uint8Array): void {
    try {
      const set = readOtlpProto(bytes);
      for (const s of allSpans(set)) {
        void [...s.attributes.entries()]; // forces the lazy attributes to decode
        for (const e of s.events) void [...e.attributes.entries()];
        for (const l of s.links) void [...l.attributes.entries()];
      }
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
    }
  }
  const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
  const before = protoKeys();

  it('only ever throw ImportError, and never touch Object.prototype', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => decodeFully(b)),
      { seed: 42, numRuns: 3000 },
    );
    // framed, so the sanity check passes and the body gets decoded
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (b) => decodeFully(u8([0x0a, ...varint(b.length)], [...b]))),
      { seed: 43, numRuns: 3000 },
    );
    expect(protoKeys()).toBe(before);
  });

  it('mutations of the SDK fixture only ever throw ImportError', () => {
    const mutation = fc.array(fc.tuple(fc.nat(pb.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(mutation, fc.nat(pb.length), (edits, cut) => {
        const b = pb.slice(0, Math.max(1, cut));
        for (const [at, v] of edits) if (at < b.length) b[at] = v;
        decodeFully(b);
      }),
      { seed: 44, numRuns: 2000 },
    );
    expect(protoKeys()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
