/**
 * Request bodies for receiver tests, made by the OpenTelemetry serializers
 * (@opentelemetry/otlp-transformer), i.e. the bytes real SDK exporters send, plus a tiny
 * hand protobuf writer for bodies no SDK would produce.
 */
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { generateAgentSpans } from '../../../bench/generateAgentTrace';

/** `spansPerTrace` agent spans in each of `traces` traces with distinct ids (trace k: id ending in k). */
export function agentSpans(traces: number, spansPerTrace: number, seed = 7): ReadableSpan[] {
  const template = generateAgentSpans(spansPerTrace, seed);
  const out: ReadableSpan[] = [];
  for (let k = 0; k < traces; k++) {
    const traceId = (seed.toString(16) + 'c0ffee').padEnd(16, '0') + (k + 1).toString(16).padStart(16, '0');
    for (const s of template) {
      const ctx = s.spanContext();
      const parent = s.parentSpanContext;
      out.push({ ...s, spanContext: () => ({ ...ctx, traceId }), parentSpanContext: parent ? { ...parent, traceId } : undefined } as ReadableSpan);
    }
  }
  return out;
}

export function protoBody(spans: ReadableSpan[]): Uint8Array {
  return ProtobufTraceSerializer.serializeRequest(spans)!;
}

export function jsonBody(spans: ReadableSpan[]): Uint8Array {
  return JsonTraceSerializer.serializeRequest(spans)!;
}

// ---- hand protobuf ----
type Bytes = number[];
export function varint(v: number): Bytes {
  const out: Bytes = [];
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}
export const len = (field: number, ...payload: Bytes[]): Bytes => {
  const body = payload.flat();
  return [...varint((field << 3) | 2), ...varint(body.length), ...body];
};
export const str = (field: number, s: string): Bytes => len(field, [...new TextEncoder().encode(s)]);
export const fixed64 = (field: number, v: bigint): Bytes => {
  const out = varint((field << 3) | 1);
  for (let i = 0n; i < 8n; i++) out.push(Number((v >> (8n * i)) & 0xffn));
  return out;
};
export const hex = (h: string): Bytes => h.match(/../g)!.map((x) => parseInt(x, 16));

/** An OTLP Span message (field numbers from trace.proto). */
export function spanMsg(traceId: string, spanId: string, name: string, startNs = 1767225600000000000n): Bytes {
  return [...len(1, hex(traceId)), ...len(2, hex(spanId)), ...str(5, name), ...fixed64(7, startNs), ...fixed64(8, startNs + 1000n)];
}

/** ExportTraceServiceRequest with one ResourceSpans/ScopeSpans holding `spans` (each already a Span message body). */
export function requestOf(spans: Bytes[]): Uint8Array {
  const scopeSpans = len(2, ...spans.map((s) => len(2, s)));
  return Uint8Array.from(len(1, scopeSpans));
}

/** Reads `google.rpc.Status {code = 1, message = 2}` by hand (independent of the receiver's writer). */
export function readStatusProto(b: Uint8Array): { code: number; message: string } {
  let i = 0;
  let code = 0;
  let message = '';
  const readVarint = () => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const x = b[i++];
      v += (x & 0x7f) * mul;
      mul *= 128;
      if (x < 0x80) return v;
    }
  };
  while (i < b.length) {
    const tag = readVarint();
    if (tag === 1 << 3) code = readVarint();
    else if (tag === ((2 << 3) | 2)) {
      const n = readVarint();
      message = new TextDecoder().decode(b.subarray(i, i + n));
      i += n;
    } else throw new Error(`unexpected tag ${tag}`);
  }
  return { code, message };
}

/**
 * For load tests: request `req` of client `client` carries `n` agent spans of the client's own
 * trace, each with a span id unique across requests, all children of the client's root span
 * (sent in request 0). Trace ids: `10ad…<client>`; span ids: `<client><req><i>`.
 */
export function clientSpans(client: number, req: number, n: number, template: ReadableSpan[]): ReadableSpan[] {
  const traceId = '10ad' + client.toString(16).padStart(28, '0');
  const rootId = 'f' + client.toString(16).padStart(15, '0');
  const out: ReadableSpan[] = [];
  for (let i = 0; i < n; i++) {
    const t = template[1 + (i % (template.length - 1))];
    const isRoot = req === 0 && i === 0;
    const spanId = isRoot ? rootId : client.toString(16).padStart(4, '0') + req.toString(16).padStart(6, '0') + i.toString(16).padStart(6, '0');
    const ctx = { traceId, spanId, traceFlags: 1 };
    out.push({
      ...t,
      name: isRoot ? 'load client root' : t.name,
      spanContext: () => ctx,
      parentSpanContext: isRoot ? undefined : { traceId, spanId: rootId, traceFlags: 1 },
    } as ReadableSpan);
  }
  return out;
}

export function clientTraceId(client: number): string {
  return '10ad' + client.toString(16).padStart(28, '0');
}

export { generateAgentSpans };
