/**
 * The receiver stores protobuf requests as OTLP JSON written straight from the bytes
 * (protoTranscode.ts). Reference: the protobuf importer. Storing a request and opening the
 * stored lines must give the same spans as opening the request itself: on SDK requests, on a
 * hand-built request using every field and value kind, and on thousands of random mutations
 * of a real request (same accept/reject decisions, same spans).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { ImportError } from '../../../src/core/model/diagnostics';
import type { Span } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';
import { decodeExportRequest, type DecodedExport } from '../../../src/core/receiver/decodeExport';
import { agentSpans, fixed64, hex, len, protoBody, requestOf, spanMsg, str, varint } from './requests';

function dump(s: Span): unknown {
  return {
    traceId: s.traceId,
    // Synthetic ids (given to duplicates) are numbered per import, and each stored trace is imported on its own.
    spanId: s.spanId.startsWith('ff5e') ? 'synthetic' : s.spanId,
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
    scope: { name: s.scope.name, version: s.scope.version || undefined, attributes: [...s.scope.attributes.entries()] },
    traceState: s.traceState,
    flags: s.flags,
    depth: s.depth,
    parentIndex: s.parentIndex,
  };
}

function stored(d: DecodedExport): TraceSet | undefined {
  if (!d.batches.length) return undefined;
  const parts: Uint8Array[] = [];
  for (const b of d.batches) parts.push(b.line, Uint8Array.of(0x0a));
  return importTrace(Buffer.concat(parts));
}

/** Spans by trace id, as dumps. */
function byTrace(set: TraceSet | undefined): Map<string, unknown[]> {
  return new Map((set?.traces ?? []).filter((t) => t.spans.length).map((t) => [t.traceId, t.spans.map(dump)]));
}

function unreadableCount(set: TraceSet): number {
  return set.diagnostics.filter((d) => d.code === 'unreadable-span').length;
}

/** Decodes `body` both ways and checks they agree; returns false when both refused it. */
function checkSame(body: Uint8Array): boolean {
  let reference: TraceSet | undefined;
  let refError: unknown;
  try {
    reference = importTrace(body);
  } catch (e) {
    refError = e;
  }
  let ours: DecodedExport | undefined;
  let ourError: unknown;
  try {
    ours = decodeExportRequest(body, 'protobuf');
  } catch (e) {
    ourError = e;
  }
  if (refError || ourError) {
    // Both refuse, with the importer's message (or the reference read it as JSON/gzip, which the receiver never does for protobuf).
    if (refError instanceof ImportError && reference === undefined) {
      expect(ourError).toBeInstanceOf(ImportError);
      expect((ourError as ImportError).message).toBe(refError.message);
    } else expect(refError).toBeUndefined();
    return false;
  }
  if (reference!.format !== 'otlp-proto') return false; // the bytes happened to look like JSON or gzip
  const badTraceIds = reference!.traces.flatMap((t) => t.diagnostics).filter((d) => d.code === 'invalid-trace-id').length;
  const mine = byTrace(stored(ours!));
  if (badTraceIds === 0) {
    expect(ours!.rejectedSpans).toBe(unreadableCount(reference!));
    expect(mine).toEqual(byTrace(reference));
  } else {
    // The importer keeps spans with bad trace ids (in some trace); the receiver rejects them.
    expect(ours!.rejectedSpans).toBeGreaterThanOrEqual(unreadableCount(reference!));
  }
  return true;
}

describe('protobuf → stored OTLP JSON reads as the request', () => {
  it('a request of the OpenTelemetry JS SDK (4 traces)', () => {
    const body = protoBody(agentSpans(4, 40));
    expect(checkSame(body)).toBe(true);
    const d = decodeExportRequest(body, 'protobuf');
    expect(d.batches).toHaveLength(4);
    expect(d.acceptedSpans).toBe(160);
  });

  it('the SDK agent-run fixture', () => {
    expect(checkSame(new Uint8Array(readFileSync(join(__dirname, '../../fixtures/otlp-proto/sdk-agent-run.otlp.pb'))))).toBe(true);
  });

  it('every field and value kind, odd strings, duplicates and interleaved blocks', () => {
    const T1 = '0af7651916cd43dd8448eb211c80319c';
    const T2 = '1bf7651916cd43dd8448eb211c80319d';
    const u8 = (...b: number[]) => b;
    const anyString = (s: string) => str(1, s);
    const kv = (field: number, k: string, value: number[]) => len(field, str(1, k), len(2, value));
    const dbl = (v: number) => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, v, true);
      return [...varint((4 << 3) | 1), ...b];
    };
    const attrs = [
      kv(9, 'str', anyString('plain "quoted" \\ back\nslash\ttab \u0001 ctl é ✓ 😀 \u2028')),
      kv(9, 'bad.utf8', [...varint((1 << 3) | 2), 5, 0x61, 0xff, 0xc3, 0x28, 0x62]),
      kv(9, 'bool', [...varint(2 << 3), 1]),
      kv(9, 'int.neg', [...varint(3 << 3), ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]]),
      kv(9, 'int.big', [...varint(3 << 3), ...[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]]),
      kv(9, 'dbl', dbl(0.1)),
      kv(9, 'nan', dbl(NaN)),
      kv(9, 'inf', dbl(-Infinity)),
      kv(9, 'negzero', dbl(-0)),
      kv(9, 'whole.double', dbl(3)),
      kv(9, 'bytes', len(7, u8(0, 1, 2, 253, 254, 255, 7))),
      kv(9, 'array', len(5, len(1, anyString('a')), len(1, [...varint(2 << 3), 0]), len(1, len(5, len(1, anyString('nested')))))),
      kv(9, 'kvlist', len(6, kv(1, '__proto__', anyString('x')), kv(1, 'deep', len(6, kv(1, 'k', anyString('v')))))),
      kv(9, 'empty', []),
      kv(9, 'oneof.last.wins', [...anyString('first'), ...varint(3 << 3), 42]),
      len(9, len(2, anyString('no key'))),
      kv(9, 'str', anyString('duplicate key, later wins')),
    ].flat();
    const event = len(11, fixed64(1, 1767225600000000500n), str(2, 'gen_ai.content.prompt'), kv(3, 'prompt', anyString('hi')), [...varint(4 << 3), 2]);
    const emptyEvent = len(11, []);
    const link = len(
      13,
      len(1, hex(T2)),
      len(2, hex('00f067aa0ba902b7')),
      str(3, 'vendor=x'),
      kv(4, 'link.attr', anyString('v')),
      [...varint(5 << 3), 1],
      [...varint((6 << 3) | 5), 1, 3, 0, 0],
    );
    const status = len(15, str(2, 'it broke'), [...varint(3 << 3), 2]);
    const flags = [...varint((16 << 3) | 5), 0x01, 0x03, 0, 0];
    const full = [
      ...spanMsg(T1, 'b7ad6b7169203331', 'root span'),
      ...attrs,
      ...event,
      ...emptyEvent,
      ...link,
      ...status,
      ...flags,
      ...str(3, 'congo=t61rcWkgMzE'),
      ...varint(6 << 3),
      3,
      ...varint(10 << 3),
      7,
      ...varint(12 << 3),
      1,
      ...varint(14 << 3),
      2,
    ];
    const child = [...spanMsg(T1, 'b7ad6b7169203332', 'child'), ...len(4, hex('b7ad6b7169203331')), ...varint(6 << 3), 9 /* kind out of range */];
    const dup = spanMsg(T1, 'b7ad6b7169203332', 'same id, other span', 1767225600000000100n);
    const noTimes = [...len(1, hex(T1)), ...len(2, hex('b7ad6b7169203334')), ...str(5, 'no times')];
    const shortTrace = spanMsg('00f067aa0ba902b7', 'b7ad6b7169203335', '64-bit trace id');
    const other = spanMsg(T2, 'c7ad6b7169203331', 'other trace');
    const resource = len(1, kv(1, 'service.name', anyString('svc "one"')), [...varint(2 << 3), 3]);
    const scope = len(1, str(1, 'scope.name'), str(2, '1.0'), kv(3, 'scope.attr', anyString('s')));
    const scopeSpans1 = len(2, scope, len(2, full), len(2, other), len(2, child), str(3, 'https://schema/1'));
    const scopeSpans2 = len(2, len(1, str(1, 'second scope')), len(2, dup), len(2, noTimes), len(2, shortTrace));
    const rs1 = len(1, resource, scopeSpans1, scopeSpans2, str(3, 'https://schema/r'));
    const rs2 = len(1, len(2, len(2, spanMsg(T1, 'd7ad6b7169203331', 'no resource, no scope'))));
    const legacy = len(1, len(1000, len(1, str(1, 'old library')), len(2, spanMsg(T2, 'e7ad6b7169203331', 'legacy'))));
    const body = Uint8Array.from([...rs1, ...rs2, ...legacy]);
    expect(checkSame(body)).toBe(true);
    const d = decodeExportRequest(body, 'protobuf');
    expect(d.rejectedSpans).toBe(0);
    expect(d.acceptedSpans).toBe(8);
    expect(d.batches.map((b) => b.traceId).sort()).toEqual([T1, T2, '0000000000000000' + '00f067aa0ba902b7'].sort());
    expect(d.message).toMatch(/span kind outside 0–5/);
    const t1 = d.batches.find((b) => b.traceId === T1)!;
    expect(t1.summary).toMatchObject({ spanCount: 5, errorCount: 1, serviceName: 'svc "one"', root: { name: 'root span', spanId: 'b7ad6b7169203331' } });
    // The output is valid UTF-8 JSON on one line.
    for (const b of d.batches) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(b.line);
      expect(text).not.toMatch(/[\n\r]/);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('malformed spans are rejected one by one, like the importer reads them', () => {
    const T = '0af7651916cd43dd8448eb211c80319c';
    const good = spanMsg(T, 'b7ad6b7169203331', 'good');
    const badAttr = [...spanMsg(T, 'b7ad6b7169203332', 'bad attr'), 0x4a, 0x05, 0x0a, 0x03];
    let deep: number[] = [...varint((1 << 3) | 2), 1, 0x78];
    for (let i = 0; i < 70; i++) deep = len(5, len(1, deep));
    const tooDeep = [...spanMsg(T, 'b7ad6b7169203333', 'too deep'), ...len(9, str(1, 'deep'), len(2, deep))];
    const body = requestOf([good, badAttr, tooDeep]);
    expect(checkSame(body)).toBe(true);
    const d = decodeExportRequest(body, 'protobuf');
    expect(d.rejectedSpans).toBe(2);
    expect(d.message).toMatch(/nested more than 64 levels/);
  });

  it('random mutations of a real request: same decisions, same spans (property)', () => {
    const base = protoBody(agentSpans(3, 6));
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }),
        fc.option(fc.nat(base.length), { freq: 4 }),
        (edits, cut) => {
          const body = Uint8Array.from(base.subarray(0, cut === null ? base.length : Math.max(1, cut)));
          for (const [at, v] of edits) if (at < body.length) body[at] = v;
          if (checkSame(body)) accepted++;
          else refused++;
        },
      ),
      { numRuns: 2000, seed: 20261122 },
    );
    // Both kinds of outcome were exercised many times.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(100);
  });
});
