#!/usr/bin/env node
/**
 * Records the demo trace with the REAL Vercel AI SDK (ai@6) and the REAL OpenTelemetry JS SDK:
 * generateText runs a four-step tool loop against MockLanguageModelV3 (scripted, offline), the
 * tools in demo/workspace/src/tools.ts semantics are re-implemented here in plain JS (same
 * names, same failure), and the finished spans are serialized by the official
 * JsonTraceSerializer of @opentelemetry/otlp-transformer.
 * Output: demo/workspace/traces/travel-agent-run.otlp.json (committed).
 */
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { context } from '@opentelemetry/api';
import { generateText, stepCountIs, tool, jsonSchema } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Without a context manager, parent links are lost across the SDK's async steps.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'travel-agent' }),
  spanProcessors: [new SimpleSpanProcessor(exporter)],
});
const tracer = provider.getTracer('ai');

const usage = (input, output, cached = 0) => ({
  inputTokens: { total: input, noCache: input - cached, cacheRead: cached, cacheWrite: 0 },
  outputTokens: { total: output, text: output, reasoning: 0 },
});
const call = (toolCallId, toolName, input) => ({ type: 'tool-call', toolCallId, toolName, input: JSON.stringify(input) });
const steps = [
  {
    content: [
      { type: 'text', text: 'Let me check the weather and flights first.' },
      call('call_weather_1', 'get_weather', { city: 'Lisbon' }),
      call('call_flights_1', 'search_flights', { from: 'BER', to: 'LIS', date: '2026-05-14' }),
    ],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage: usage(412, 58),
    warnings: [],
  },
  {
    content: [call('call_hotel_1', 'book_hotel', { city: 'Lisbon', nights: 3 })],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage: usage(655, 31, 384),
    warnings: [],
  },
  {
    content: [
      {
        type: 'text',
        text: 'Your trip is set: flight TP1351 from Berlin to Lisbon on 14 May (€142), sunny and 24 °C, and I have booked your hotel in Lisbon for 3 nights.',
      },
    ],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: usage(748, 44, 640),
    warnings: [],
  },
];
let step = 0;
const model = new MockLanguageModelV3({ provider: 'openai.chat', modelId: 'gpt-4o-mini', doGenerate: async () => steps[step++] });

const tools = {
  get_weather: tool({
    description: 'Get the weather forecast for a city',
    inputSchema: jsonSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
    execute: async ({ city }) => ({ city, forecast: 'sunny', highC: 24 }),
  }),
  search_flights: tool({
    description: 'Search flights between two cities on a date',
    inputSchema: jsonSchema({
      type: 'object',
      properties: { from: { type: 'string' }, to: { type: 'string' }, date: { type: 'string' } },
      required: ['from', 'to', 'date'],
    }),
    execute: async ({ from, to, date }) => ({ flights: [{ id: 'TP1351', from, to, date, priceEur: 142 }] }),
  }),
  book_hotel: tool({
    description: 'Book a hotel room in a city',
    inputSchema: jsonSchema({ type: 'object', properties: { city: { type: 'string' }, nights: { type: 'number' } }, required: ['city', 'nights'] }),
    execute: async ({ city, nights }) => {
      throw new Error(`no rooms available in ${city} for ${nights} nights`);
    },
  }),
};

const result = await generateText({
  model,
  system: 'You are a travel assistant. Use the tools to plan and book trips.',
  prompt: 'Plan a 3-night trip from Berlin to Lisbon on 14 May 2026 and book a hotel.',
  tools,
  stopWhen: stepCountIs(6),
  experimental_telemetry: { isEnabled: true, tracer, functionId: 'travel-agent' },
});
await provider.forceFlush();
const spans = exporter.getFinishedSpans();
const body = JsonTraceSerializer.serializeRequest(spans);
const out = join(here, 'workspace', 'traces', 'travel-agent-run.otlp.json');
writeFileSync(out, JSON.stringify(JSON.parse(new TextDecoder().decode(body)), null, 1) + '\n');
console.log(`${spans.length} spans, final text: ${result.text}\nwrote ${out}`);
