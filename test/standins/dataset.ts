/**
 * The traces the stand-ins serve, in one neutral shape each stand-in renders in its backend's
 * own format. Times are relative to when the stand-in starts, so "last hour" searches find
 * the recent ones:
 *
 *   AGENT_TRACE  (10 min ago, service weather-agent, 4 spans, 1 error)
 *     invoke_agent weather            server, 0–3000 ms
 *     ├─ chat gpt-4o                  client, 100–900 ms (tokens 120 in / 30 out)
 *     ├─ execute_tool get_weather     internal, 1000–1500 ms, ERROR "city not found"
 *     └─ chat gpt-4o                  client, 1600–2900 ms
 *   BILLING_TRACE (2 h ago, service billing, 3 spans, no error)
 *     POST /invoice → SELECT invoices, render pdf
 *   bigTrace(n)   (30 min ago, service bulk-agent, n spans: a root and n-1 children)
 */

export interface StandinSpan {
  readonly traceId: string; // 32 hex
  readonly spanId: string; // 16 hex
  readonly parentSpanId?: string;
  readonly name: string;
  readonly service: string;
  readonly startNs: bigint;
  readonly endNs: bigint;
  /** OTLP SpanKind number: 1 internal, 2 server, 3 client. */
  readonly kind: 1 | 2 | 3;
  readonly error?: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

export interface StandinTrace {
  readonly traceId: string;
  readonly spans: readonly StandinSpan[];
}

export const AGENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
export const BILLING_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const BIG_TRACE_ID = 'b16b16b16b16b16b16b16b16b16b16b1';

const MS = 1_000_000n;

export function agentTrace(nowMs: number): StandinTrace {
  const t0 = BigInt(nowMs - 10 * 60_000) * MS;
  const s = (
    id: string,
    parent: string | undefined,
    name: string,
    from: number,
    to: number,
    kind: 1 | 2 | 3,
    attributes: StandinSpan['attributes'],
    error?: string,
  ): StandinSpan => ({
    traceId: AGENT_TRACE_ID,
    spanId: id,
    ...(parent ? { parentSpanId: parent } : {}),
    name,
    service: 'weather-agent',
    startNs: t0 + BigInt(from) * MS,
    endNs: t0 + BigInt(to) * MS,
    kind,
    ...(error ? { error } : {}),
    attributes,
  });
  const root = '00f067aa0ba902b7';
  return {
    traceId: AGENT_TRACE_ID,
    spans: [
      s(root, undefined, 'invoke_agent weather', 0, 3000, 2, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'weather' }),
      s('1000000000000001', root, 'chat gpt-4o', 100, 900, 3, {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 120,
        'gen_ai.usage.output_tokens': 30,
      }),
      s(
        '1000000000000002',
        root,
        'execute_tool get_weather',
        1000,
        1500,
        1,
        { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather' },
        'city not found',
      ),
      s('1000000000000003', root, 'chat gpt-4o', 1600, 2900, 3, {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': 'gpt-4o',
        'long.note': 'n'.repeat(500),
      }),
    ],
  };
}

export function billingTrace(nowMs: number): StandinTrace {
  const t0 = BigInt(nowMs - 2 * 3600_000) * MS;
  const root = '2000000000000001';
  const s = (id: string, parent: string | undefined, name: string, from: number, to: number, kind: 1 | 2 | 3): StandinSpan => ({
    traceId: BILLING_TRACE_ID,
    spanId: id,
    ...(parent ? { parentSpanId: parent } : {}),
    name,
    service: 'billing',
    startNs: t0 + BigInt(from) * MS,
    endNs: t0 + BigInt(to) * MS,
    kind,
    attributes: { 'http.route': '/invoice' },
  });
  return {
    traceId: BILLING_TRACE_ID,
    spans: [
      s(root, undefined, 'POST /invoice', 0, 400, 2),
      s('2000000000000002', root, 'SELECT invoices', 20, 120, 3),
      s('2000000000000003', root, 'render pdf', 130, 390, 1),
    ],
  };
}

/** A root and `n - 1` children, each 1 ms apart, with a few attributes like a real agent's spans. */
export function bigTrace(nowMs: number, n: number): StandinTrace {
  const t0 = BigInt(nowMs - 30 * 60_000) * MS;
  const root = 'c000000000000000';
  const spans: StandinSpan[] = [
    {
      traceId: BIG_TRACE_ID,
      spanId: root,
      name: 'invoke_agent bulk',
      service: 'bulk-agent',
      startNs: t0,
      endNs: t0 + BigInt(n + 1) * MS,
      kind: 2,
      attributes: { 'gen_ai.operation.name': 'invoke_agent' },
    },
  ];
  for (let i = 1; i < n; i++) {
    spans.push({
      traceId: BIG_TRACE_ID,
      spanId: (0xc000000000000000n + BigInt(i)).toString(16),
      parentSpanId: root,
      name: i % 2 ? 'chat gpt-4o-mini' : 'execute_tool lookup',
      service: 'bulk-agent',
      startNs: t0 + BigInt(i) * MS,
      endNs: t0 + BigInt(i) * MS + 800_000n,
      kind: i % 2 ? 3 : 1,
      attributes:
        i % 2
          ? { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.usage.input_tokens': 50 + (i % 17) }
          : { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup', 'tool.arg': `item-${i}` },
    });
  }
  return { traceId: BIG_TRACE_ID, spans };
}

/** Trace-level facts the search endpoints report. */
export function traceFacts(t: StandinTrace) {
  const root = t.spans.find((s) => !s.parentSpanId) ?? t.spans[0];
  let start = root.startNs;
  let end = root.endNs;
  for (const s of t.spans) {
    if (s.startNs < start) start = s.startNs;
    if (s.endNs > end) end = s.endNs;
  }
  return { root, startNs: start, endNs: end, errors: t.spans.filter((s) => s.error).length, services: [...new Set(t.spans.map((s) => s.service))] };
}

export interface TraceFilter {
  service?: string | null;
  name?: string | null;
  fromNs?: bigint;
  toNs?: bigint;
  errorsOnly?: boolean;
  minDurationNs?: bigint;
}

/** The stand-ins' shared search semantics: a trace matches when its start is in the window and any span matches service/name. */
export function matches(t: StandinTrace, f: TraceFilter): boolean {
  const facts = traceFacts(t);
  if (f.fromNs !== undefined && facts.startNs < f.fromNs) return false;
  if (f.toNs !== undefined && facts.startNs > f.toNs) return false;
  if (f.service && !t.spans.some((s) => s.service === f.service)) return false;
  if (f.name && !t.spans.some((s) => s.name === f.name)) return false;
  if (f.errorsOnly && facts.errors === 0) return false;
  if (f.minDurationNs !== undefined && facts.endNs - facts.startNs < f.minDurationNs) return false;
  return true;
}

// ---- OTLP/JSON rendering (Jaeger api_v3 hex form; Tempo/old Jaeger protobuf-JSON form) ----

const KIND_NAMES = ['SPAN_KIND_UNSPECIFIED', 'SPAN_KIND_INTERNAL', 'SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT'];

export function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}

function otlpValue(v: string | number | boolean) {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
}

/**
 * One ResourceSpans per service. `protoJson`: base64 ids and enum names (jsonpb), as Tempo and
 * Jaeger 1.25–1.52 write; otherwise hex ids and integer enums (Jaeger ≥ 1.53, the OTLP spec).
 */
export function resourceSpans(spans: readonly StandinSpan[], protoJson: boolean): unknown[] {
  const byService = new Map<string, StandinSpan[]>();
  for (const s of spans) byService.set(s.service, [...(byService.get(s.service) ?? []), s]);
  const id = (hex: string) => (protoJson ? hexToBase64(hex) : hex);
  return [...byService].map(([service, list]) => ({
    resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
    scopeSpans: [
      {
        scope: { name: 'standin' },
        spans: list.map((s) => ({
          traceId: id(s.traceId),
          spanId: id(s.spanId),
          ...(s.parentSpanId ? { parentSpanId: id(s.parentSpanId) } : protoJson ? {} : { parentSpanId: '' }),
          name: s.name,
          kind: protoJson ? KIND_NAMES[s.kind] : s.kind,
          startTimeUnixNano: String(s.startNs),
          endTimeUnixNano: String(s.endNs),
          attributes: Object.entries(s.attributes).map(([key, v]) => ({ key, value: otlpValue(v) })),
          status: s.error ? { code: protoJson ? 'STATUS_CODE_ERROR' : 2, message: s.error } : {},
        })),
      },
    ],
  }));
}
