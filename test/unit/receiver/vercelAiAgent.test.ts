/**
 * A real instrumented agent run: the Vercel AI SDK (ai@6) `generateText` tool loop with
 * `experimental_telemetry`, a scripted MockLanguageModelV3 (two tool-call steps, then a final
 * text), tools that really execute, spans exported by the OpenTelemetry protobuf exporter to
 * the receiver. The stored trace must read as that run: 3 LLM calls, 2 tool executions and
 * the scripted token counts.
 *
 * The stored file is kept as test/fixtures/receiver/vercel-ai-agent-run.otlp.jsonl (written
 * when missing or with UPDATE_FIXTURES=1); the second test checks the committed copy, so other
 * tests and the demo can rely on it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { generateText, stepCountIs, tool } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { importTrace } from '../../../src/core/import/index';
import type { Trace } from '../../../src/core/model/trace';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { agentFiguresAnalyzer } from '../../../src/receiver/server/analyzeAgentFigures';
import { installAsyncContext, startTestReceiver } from './helpers';

const FIXTURE = join(__dirname, '../../fixtures/receiver/vercel-ai-agent-run.otlp.jsonl');

/** The script: usage per step, as the mock model reports it. */
const STEPS = [
  { input: 120, output: 30 },
  { input: 210, output: 25 },
  { input: 290, output: 64 },
];
const TOTAL = { input: 120 + 210 + 290, output: 30 + 25 + 64 };

function usage(s: { input: number; output: number }) {
  return { inputTokens: { total: s.input, noCache: s.input, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: s.output, text: s.output, reasoning: 0 } };
}

const model = new MockLanguageModelV3({
  provider: 'scripted',
  modelId: 'scripted-agent-model',
  doGenerate: [
    {
      content: [{ type: 'tool-call', toolCallId: 'call_weather_1', toolName: 'get_weather', input: JSON.stringify({ city: 'Lisbon' }) }],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: usage(STEPS[0]),
      warnings: [],
    },
    {
      content: [{ type: 'tool-call', toolCallId: 'call_convert_2', toolName: 'to_fahrenheit', input: JSON.stringify({ celsius: 21 }) }],
      finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
      usage: usage(STEPS[1]),
      warnings: [],
    },
    {
      content: [{ type: 'text', text: 'It is 21 °C (69.8 °F) and sunny in Lisbon.' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: usage(STEPS[2]),
      warnings: [],
    },
  ],
});

/** Shared expectations for the live trace and the committed fixture. */
function checkAgentRun(trace: Trace): void {
  const names = trace.spans.map((s) => s.name);
  expect(names.filter((n) => n === 'ai.generateText')).toHaveLength(1);
  expect(names.filter((n) => n === 'ai.generateText.doGenerate')).toHaveLength(3);
  expect(names.filter((n) => n === 'ai.toolCall')).toHaveLength(2);
  expect(trace.spans[trace.rootIndices[0]].name).toBe('ai.generateText');
  const view = deriveAgentView(trace);
  expect(view.llmCalls).toHaveLength(3);
  expect(view.toolExecutions).toHaveLength(2);
  expect(view.toolExecutions.map((t) => t.name)).toEqual(['get_weather', 'to_fahrenheit']);
  expect(view.tokens.input).toBe(TOTAL.input);
  expect(view.tokens.output).toBe(TOTAL.output);
  expect(view.llmCalls.map((c) => [c.usage.input, c.usage.output])).toEqual(STEPS.map((s) => [s.input, s.output]));
}

describe('Vercel AI SDK agent run → OTLP protobuf exporter → receiver', () => {
  let restoreContext: () => void;
  beforeAll(() => {
    restoreContext = installAsyncContext();
  });
  afterAll(() => restoreContext());

  it('stores a trace that reads as 3 LLM calls, 2 tool executions and the scripted tokens', async () => {
    const local = await startTestReceiver({ store: { analyze: agentFiguresAnalyzer(), analyzeDelayMs: 10 } });
    try {
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'weather-agent' }),
        spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: local.tracesUrl }))],
      });
      const tracer = provider.getTracer('ai');
      const executed: string[] = [];
      const result = await generateText({
        model,
        prompt: 'What is the weather in Lisbon, in Fahrenheit?',
        stopWhen: stepCountIs(5),
        tools: {
          get_weather: tool({
            description: 'Current weather for a city',
            inputSchema: z.object({ city: z.string() }),
            execute: async ({ city }) => {
              executed.push(`get_weather(${city})`);
              return { city, celsius: 21, sky: 'sunny' };
            },
          }),
          to_fahrenheit: tool({
            description: 'Converts Celsius to Fahrenheit',
            inputSchema: z.object({ celsius: z.number() }),
            execute: async ({ celsius }) => {
              executed.push(`to_fahrenheit(${celsius})`);
              return { fahrenheit: (celsius * 9) / 5 + 32 };
            },
          }),
        },
        experimental_telemetry: { isEnabled: true, tracer, functionId: 'weather-agent' },
      });
      expect(result.text).toBe('It is 21 °C (69.8 °F) and sunny in Lisbon.');
      expect(executed).toEqual(['get_weather(Lisbon)', 'to_fahrenheit(21)']);
      await provider.forceFlush();
      await provider.shutdown();

      const analyzed = new Promise<void>((resolve) => {
        local.store.onTraceUpdated((e) => {
          if (e.summary.agent) resolve();
        });
      });
      await local.store.flush();
      const list = local.store.list();
      expect(list).toHaveLength(1);
      const traceId = list[0].traceId;
      const bytes = await local.store.readTrace(traceId);
      const set = importTrace(bytes);
      expect(set.traces).toHaveLength(1);
      checkAgentRun(set.traces[0]);
      expect(set.traces[0].spans).toHaveLength(6);
      expect(local.receiver.stats.spansAccepted).toBe(6);

      // The index gets the same figures from the analyze hook.
      await analyzed;
      expect(local.store.get(traceId)!.agent).toMatchObject({ llmCalls: 3, toolCalls: 2, inputTokens: TOTAL.input, outputTokens: TOTAL.output });
      expect(local.store.get(traceId)).toMatchObject({ rootName: 'ai.generateText', spanCount: 6, serviceName: 'weather-agent' });

      if (!existsSync(FIXTURE) || process.env.UPDATE_FIXTURES === '1') {
        mkdirSync(join(FIXTURE, '..'), { recursive: true });
        writeFileSync(FIXTURE, bytes);
      }
    } finally {
      await local.dispose();
    }
  });

  it('the committed fixture is such a run', () => {
    const set = importTrace(new Uint8Array(readFileSync(FIXTURE)));
    expect(set.format).toBe('otlp-jsonl');
    expect(set.traces).toHaveLength(1);
    checkAgentRun(set.traces[0]);
  });
});
