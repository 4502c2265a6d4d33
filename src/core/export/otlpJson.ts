import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { AttrValue, Attributes } from '../model/attributes';
import type { InstrumentationScope, Resource, Span } from '../model/span';
import { SpanKind } from '../model/span';
import type { Trace } from '../model/trace';

/**
 * Writes traces as an OTLP/JSON `ExportTraceServiceRequest` — the portable single-trace file
 * (Save As…, `agent-trace fetch -o`, `agent-trace redact`, the bug report's trace file).
 *
 * The encoding itself is @opentelemetry/otlp-transformer's `JsonTraceSerializer`, the code the
 * OTel JS exporters send with, so the file is what the OTel ecosystem itself writes (hex ids,
 * string nanosecond times, resource → scope → spans grouping). We only adapt our model to the
 * `ReadableSpan` shape it takes, and mend the one thing it cannot express:
 *
 * - int64 attribute values beyond 2^53 (kept as `bigint` in our model) would become `{}` in the
 *   transformer (it only knows `number`). They are passed as a marker string with a per-call
 *   random nonce and rewritten to `{"intValue":"<digits>"}` (the proto3 JSON form of int64) after
 *   serialisation; the nonce means trace text cannot forge a marker.
 *
 * What is written: every placed span of every trace, with its resource, scope, events, links,
 * status, trace state and flags. Quarantined spans are not written: the builder quarantines only
 * exact duplicates of a written span and spans with no start time at all (see traceBuilder.ts);
 * both are named in the trace's diagnostics. Span kind `unspecified` is written as 0, as the
 * transformer does for a span without a kind.
 */
export function encodeOtlpJson(traces: readonly Trace[]): Uint8Array {
  const nonce = Math.random().toString(36).slice(2, 12);
  const marker = `\u0000int64:${nonce}:`;
  const adapter = new ReadableSpanAdapter(marker);
  const spans: SerializerInput = [];
  for (const t of traces) for (const s of t.spans) spans.push(adapter.span(s));
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (!adapter.sawBigInt || !bytes) return bytes ?? new Uint8Array();
  const text = new TextDecoder().decode(bytes);
  const escaped = JSON.stringify(marker)
    .slice(1, -1)
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\{"stringValue":"${escaped}(-?\\d+)"\\}`, 'g');
  return new TextEncoder().encode(text.replace(re, '{"intValue":"$1"}'));
}

type SerializerInput = Parameters<typeof JsonTraceSerializer.serializeRequest>[0];
type SerializerSpan = SerializerInput[number];
type HrTime = [number, number];

const NS_PER_S = 1_000_000_000n;

function hrTime(ns: bigint): HrTime {
  return [Number(ns / NS_PER_S), Number(ns % NS_PER_S)];
}

/** OTLP flags bits 8 and 9: "has is-remote" and "is remote" (trace.proto SpanFlags). */
const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;

class ReadableSpanAdapter {
  sawBigInt = false;
  private readonly resources = new Map<Resource, { attributes: Record<string, unknown> }>();
  private readonly scopes = new Map<InstrumentationScope, { name: string; version?: string; attributes?: Record<string, unknown> }>();

  constructor(private readonly marker: string) {}

  span(s: Span): SerializerSpan {
    const flags = s.flags ?? 0;
    const traceState = s.traceState;
    const remote = (flags & (HAS_IS_REMOTE | IS_REMOTE)) === (HAS_IS_REMOTE | IS_REMOTE);
    const adapted = {
      name: s.name,
      // The API's SpanKind is OTLP's minus one; the transformer adds the one back.
      kind: s.kind === SpanKind.Unspecified ? undefined : s.kind - 1,
      spanContext: () => ({ traceId: s.traceId, spanId: s.spanId, traceFlags: flags & 0xff, traceState: traceState ? stateOf(traceState) : undefined }),
      parentSpanContext: s.parentSpanId ? { traceId: s.traceId, spanId: s.parentSpanId, traceFlags: 0, isRemote: remote } : undefined,
      startTime: hrTime(s.startNs),
      endTime: hrTime(s.endNs),
      status: s.status.message === undefined ? { code: s.status.code } : { code: s.status.code, message: s.status.message },
      attributes: this.attributes(s.attributes),
      links: s.links.map((l) => ({
        context: { traceId: l.traceId, spanId: l.spanId, traceFlags: 0, traceState: l.traceState ? stateOf(l.traceState) : undefined },
        attributes: this.attributes(l.attributes),
        droppedAttributesCount: 0,
      })),
      events: s.events.map((e) => ({ name: e.name, time: hrTime(e.timeNs), attributes: this.attributes(e.attributes), droppedAttributesCount: 0 })),
      duration: hrTime(s.endNs - s.startNs),
      ended: true,
      resource: this.resource(s.resource),
      instrumentationScope: this.scope(s.scope),
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    };
    // The adapter fills the fields the serializer reads; the SDK's classes carry more.
    return adapted as unknown as SerializerSpan;
  }

  /** One object per model resource: the serializer groups spans by resource identity. */
  private resource(r: Resource): { attributes: Record<string, unknown> } {
    let out = this.resources.get(r);
    if (!out) this.resources.set(r, (out = { attributes: this.attributes(r.attributes) }));
    return out;
  }

  private scope(sc: InstrumentationScope): { name: string; version?: string; attributes?: Record<string, unknown> } {
    let out = this.scopes.get(sc);
    if (!out) {
      out = { name: sc.name };
      if (sc.version !== undefined) out.version = sc.version;
      if (sc.attributes.size > 0) out.attributes = this.attributes(sc.attributes);
      this.scopes.set(sc, out);
    }
    return out;
  }

  /** A null-prototype record (keys come from the trace); later duplicates win, as in OTLP. */
  private attributes(a: Attributes): Record<string, unknown> {
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of a.entries()) out[k] = this.value(v);
    return out;
  }

  private value(v: AttrValue): unknown {
    if (typeof v === 'bigint') {
      this.sawBigInt = true;
      return this.marker + v.toString();
    }
    if (v === null || typeof v !== 'object' || v instanceof Uint8Array) return v;
    if (Array.isArray(v)) return (v as readonly AttrValue[]).map((x) => this.value(x));
    const out = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(v)) out[k] = this.value((v as Record<string, AttrValue>)[k]);
    return out;
  }
}

function stateOf(s: string): { serialize(): string } {
  return { serialize: () => s };
}
