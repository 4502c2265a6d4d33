/**
 * Synthetic agent traces of any size, for benchmarks. `generateAgentSpans`: one `invoke_agent` root, then
 * iterations of a `chat` call (GenAI attributes with JSON input/output messages and usage)
 * followed by two `execute_tool` calls, about 1.4 KB of OTLP JSON per span (the mix seen in
 * real agent traces). Emitted as OTel SDK ReadableSpan-like objects so the official
 * serializers of @opentelemetry/otlp-transformer produce the OTLP JSON and protobuf bytes.
 */
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const TOOLS = ['search_flights', 'get_weather', 'book_hotel', 'send_email'];

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function rand(seed: number): () => number {
  // mulberry32: deterministic, so every bench run measures the same bytes.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAgentSpans(spanCount: number, seed = 42): ReadableSpan[] {
  const r = rand(seed);
  const traceId = hex(0xa9e7, 32);
  const t0 = 1_760_000_000_000; // ms
  const resource = {
    attributes: { 'service.name': 'travel-agent', 'telemetry.sdk.language': 'python' },
    asyncAttributesPending: false,
    merge: () => resource,
    getRawAttributes: () => [
      ['service.name', 'travel-agent'],
      ['telemetry.sdk.language', 'python'],
    ],
  };
  const scope = { name: 'bench.generator', version: '1.0.0' };
  const spans: ReadableSpan[] = [];
  let next = 1;
  const make = (
    name: string,
    parent: string | undefined,
    startMs: number,
    durMs: number,
    kind: number,
    attributes: Record<string, unknown>,
    error = false,
  ): string => {
    const spanId = hex(next++, 16);
    spans.push({
      name,
      kind,
      spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
      parentSpanContext: parent ? { traceId, spanId: parent, traceFlags: 1 } : undefined,
      startTime: [Math.floor(startMs / 1000), Math.round((startMs % 1000) * 1e6)],
      endTime: [Math.floor((startMs + durMs) / 1000), Math.round(((startMs + durMs) % 1000) * 1e6)],
      duration: [Math.floor(durMs / 1000), Math.round((durMs % 1000) * 1e6)],
      status: { code: error ? 2 : 0, message: error ? 'tool failed: upstream timeout' : undefined },
      attributes,
      links: [],
      events: [],
      ended: true,
      resource,
      instrumentationScope: scope,
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan);
    return spanId;
  };
  const root = make('invoke_agent travel-agent', undefined, t0, 1, 1, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'travel-agent' });
  let t = t0 + 1;
  let iteration = 0;
  while (next <= spanCount) {
    iteration++;
    const tool = TOOLS[iteration % TOOLS.length];
    const callId = `call_${hex(iteration, 8)}`;
    const inTok = 800 + Math.floor(r() * 400);
    const outTok = 40 + Math.floor(r() * 60);
    const input = JSON.stringify([
      {
        role: 'user',
        parts: [
          {
            type: 'text',
            content: `Iteration ${iteration}: plan a trip to Lisbon in May for two adults, mid-range hotel near the river, and email me the options.`,
          },
        ],
      },
      {
        role: 'tool',
        parts: [{ type: 'tool_call_response', id: `call_${hex(iteration - 1, 8)}`, response: `{"status":"ok","results":${Math.floor(r() * 9)}}` }],
      },
    ]);
    const output = JSON.stringify([
      {
        role: 'assistant',
        finish_reason: 'tool_call',
        parts: [
          { type: 'text', content: `I will call ${tool} next to compare options.` },
          { type: 'tool_call', id: callId, name: tool, arguments: { city: 'Lisbon', month: 'May', adults: 2 } },
        ],
      },
    ]);
    const chatDur = 300 + r() * 900;
    make('chat gpt-4o', root, t, chatDur, 3, {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.usage.input_tokens': inTok,
      'gen_ai.usage.output_tokens': outTok,
      'gen_ai.response.finish_reasons': ['tool_call'],
      'gen_ai.input.messages': input,
      'gen_ai.output.messages': output,
    });
    t += chatDur;
    for (let k = 0; k < 2 && next <= spanCount; k++) {
      const dur = 20 + r() * 200;
      make(
        `execute_tool ${tool}`,
        root,
        t,
        dur,
        1,
        {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': tool,
          'gen_ai.tool.call.id': k === 0 ? callId : `${callId}_retry`,
          'gen_ai.tool.call.arguments': '{"city":"Lisbon","month":"May","adults":2}',
          'gen_ai.tool.call.result': `{"status":"ok","items":[{"name":"Hotel ${iteration}","price":${Math.floor(r() * 300)}}]}`,
        },
        r() < 0.02,
      );
      t += dur;
    }
  }
  // Stretch the root over everything.
  const rootSpan = spans[0] as unknown as { endTime: [number, number] };
  rootSpan.endTime = [Math.floor(t / 1000), Math.round((t % 1000) * 1e6)];
  return spans;
}

export interface AgentRunOptions {
  readonly seed?: number;
  /** Pads the first LLM call's user message to this many characters (the detail panel bench). */
  readonly bigPromptChars?: number;
}

/**
 * The agent shape the first-rows figures are measured on (issue 17, also given to Jaeger UI):
 * an `invoke_agent` root; iterations of one `chat` call followed by 1–3 `execute_tool` calls;
 * every 12th iteration's first tool delegates to a sub-agent (`invoke_agent researcher` under
 * the tool span, two iterations of its own), so runs nest; about 3 % of the tools fail, and
 * 1 % of the LLM calls. Exactly `spanCount` spans (the last iteration may be cut short).
 */
export function generateAgentRunSpans(spanCount: number, opts: AgentRunOptions = {}): ReadableSpan[] {
  const r = rand(opts.seed ?? 7);
  const spans: ReadableSpan[] = [];
  const traceId = hex(0xb17e, 32);
  let next = 1;
  const full = () => next > spanCount;
  const make = (name: string, parent: string | undefined, startMs: number, durMs: number, kind: number, attributes: Record<string, unknown>, error = false) => {
    const spanId = hex(next++, 16);
    const at = (t: number): [number, number] => [Math.floor(t / 1000), Math.round((t % 1000) * 1e6)];
    spans.push({
      name,
      kind,
      spanContext: () => ({ traceId, spanId, traceFlags: 1 }),
      parentSpanContext: parent ? { traceId, spanId: parent, traceFlags: 1 } : undefined,
      startTime: at(startMs),
      endTime: at(startMs + durMs),
      duration: at(durMs),
      status: { code: error ? 2 : 0, message: error ? 'upstream timeout' : undefined },
      attributes,
      links: [],
      events: [],
      ended: true,
      resource: RUN_RESOURCE,
      instrumentationScope: { name: 'bench.agent-run', version: '1.0.0' },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan);
    return { spanId, span: spans[spans.length - 1] as unknown as { endTime: [number, number] } };
  };
  let iteration = 0;
  /** One agent run under `parent` from `t`, `iterations` long (or until the span budget runs out); returns its end. */
  const run = (agent: string, parent: string | undefined, t0: number, iterations: number, depth: number): number => {
    const root = make(`invoke_agent ${agent}`, parent, t0, 1, 1, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': agent });
    let t = t0 + 1;
    for (let k = 0; k < iterations && !full(); k++) {
      iteration++;
      const tools = 1 + Math.floor(r() * 3);
      const names = Array.from({ length: tools }, (_, j) => TOOLS[(iteration + j) % TOOLS.length]);
      const ids = names.map((_, j) => `call_${hex(iteration, 8)}_${j}`);
      const prompt = `Iteration ${iteration}: plan a trip to Lisbon in May for two adults, mid-range hotel near the river, and email me the options.`;
      const pad =
        iteration === 1 && opts.bigPromptChars
          ? ' ' + 'The traveller prefers quiet streets and late breakfasts. '.repeat(Math.ceil(opts.bigPromptChars / 57)).slice(0, opts.bigPromptChars)
          : '';
      const input = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: prompt + pad }] }]);
      const output = JSON.stringify([
        {
          role: 'assistant',
          finish_reason: 'tool_call',
          parts: [
            { type: 'text', content: `I will call ${names.join(', ')} next.` },
            ...names.map((name, j) => ({ type: 'tool_call', id: ids[j], name, arguments: { city: 'Lisbon', month: 'May', adults: 2 } })),
          ],
        },
      ]);
      const chatDur = 300 + r() * 900;
      make(
        'chat gpt-4o',
        root.spanId,
        t,
        chatDur,
        3,
        {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.usage.input_tokens': 800 + Math.floor(r() * 400),
          'gen_ai.usage.output_tokens': 40 + Math.floor(r() * 60),
          'gen_ai.input.messages': input,
          'gen_ai.output.messages': output,
        },
        r() < 0.01,
      );
      t += chatDur;
      for (let j = 0; j < tools && !full(); j++) {
        const delegate = depth === 0 && j === 0 && iteration % 12 === 0;
        const dur = 20 + r() * 200;
        const tool = make(
          `execute_tool ${delegate ? 'delegate_research' : names[j]}`,
          root.spanId,
          t,
          dur,
          1,
          {
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.name': delegate ? 'delegate_research' : names[j],
            'gen_ai.tool.call.id': ids[j],
            'gen_ai.tool.call.arguments': '{"city":"Lisbon","month":"May","adults":2}',
            'gen_ai.tool.call.result': `{"status":"ok","items":[{"name":"Hotel ${iteration}","price":${Math.floor(r() * 300)}}]}`,
          },
          !delegate && r() < 0.03,
        );
        let end = t + dur;
        if (delegate) {
          end = Math.max(end, run('researcher', tool.spanId, t + 1, 2, depth + 1) + 1);
          tool.span.endTime = [Math.floor(end / 1000), Math.round((end % 1000) * 1e6)];
        }
        t = end;
      }
    }
    root.span.endTime = [Math.floor(t / 1000), Math.round((t % 1000) * 1e6)];
    return t;
  };
  run('travel-agent', undefined, 1_760_000_000_000, Number.POSITIVE_INFINITY, 0);
  return spans;
}

const RUN_RESOURCE = {
  attributes: { 'service.name': 'travel-agent', 'telemetry.sdk.language': 'python' },
  asyncAttributesPending: false,
  merge: () => RUN_RESOURCE,
  getRawAttributes: () => [
    ['service.name', 'travel-agent'],
    ['telemetry.sdk.language', 'python'],
  ],
};
