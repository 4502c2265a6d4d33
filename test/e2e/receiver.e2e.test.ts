/**
 * Live traces in a real VS Code (code-server + chromium, see harness.ts): "Agent Trace: Start
 * Local Receiver" from the palette (on a free port set in the user settings), then a REAL
 * instrumented agent run from this test process — the Vercel AI SDK (ai@6) `generateText` tool
 * loop with `experimental_telemetry`, a scripted MockLanguageModelV3, spans exported by the
 * OpenTelemetry protobuf exporter to the receiver. The side bar must list the received trace;
 * opened, the webview shows its root, span count and the user's prompt as a chat message.
 * Then a sub-agent run sends 4 more spans into the SAME trace (children of the first tool
 * call, so rows below it move down): the open panel must grow to 10 spans by itself while the
 * row the user selected (the `to_fahrenheit` tool call, row 4 → row 8) stays selected.
 * A second code-server keeps Workspace Trust on with `autoStart: true`: in Restricted Mode
 * nothing may listen on the port; once the user trusts the folder, the receiver starts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace, type SpanContext } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { generateText, stepCountIs, tool, type LanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { launchBrowser, openWorkbench, runCommand, screenshot, startCodeServer, webviewFrame, type CodeServer, showMainView } from './harness';

const PROMPT = 'What is the weather in Lisbon, in Fahrenheit?';

const timings: Record<string, number> = {};
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await f();
  } finally {
    timings[label] = Date.now() - t0;
  }
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((res) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      res(true);
    });
    sock.once('error', () => res(false));
  });
}

/** code-server is a remote: machine-scoped settings are read from its Machine settings too. */
function writeMachineSettings(server: CodeServer, settings: Record<string, unknown>): void {
  mkdirSync(join(server.userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(server.userDataDir, 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
}

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: output, text: output, reasoning: 0 },
});
const toolCall = (id: string, name: string, input: unknown, u: [number, number]) => ({
  content: [{ type: 'tool-call' as const, toolCallId: id, toolName: name, input: JSON.stringify(input) }],
  finishReason: { unified: 'tool-calls' as const, raw: 'tool_calls' },
  usage: usage(...u),
  warnings: [],
});
const finalText = (text: string, u: [number, number]) => ({
  content: [{ type: 'text' as const, text }],
  finishReason: { unified: 'stop' as const, raw: 'stop' },
  usage: usage(...u),
  warnings: [],
});

/** Records the span context of every ended span, by name, so a later run can join the trace. */
class EndedSpans implements SpanProcessor {
  readonly ended: { name: string; ctx: SpanContext; attributes: ReadableSpan['attributes'] }[] = [];
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.ended.push({ name: span.name, ctx: span.spanContext(), attributes: span.attributes });
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('live traces from the local receiver', { timeout: 240_000 }, () => {
  let tmp: string;
  let browser: Browser;
  let page: Page;
  const servers: CodeServer[] = [];
  const contextManager = new AsyncLocalStorageContextManager();
  const testId = (frame: FrameLocator, id: string) => frame.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atd-receiver-'));
    // Without an async context manager every span of the agent would be a root.
    context.setGlobalContextManager(contextManager.enable());
    browser = await launchBrowser();
  }, 60_000);

  afterEach(async (ctx) => {
    if (page && (ctx.task.result?.state === 'fail' || ctx.task.result?.errors?.length))
      await screenshot(page, `failed-receiver-${ctx.task.name.slice(0, 40)}`).catch(() => {});
  });

  afterAll(async () => {
    console.log('receiver e2e timings (ms):', JSON.stringify(timings));
    context.disable();
    await browser?.close();
    for (const s of servers) await s.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function boot(name: string, trust: boolean, settings: Record<string, unknown>): Promise<void> {
    const workspace = join(tmp, name);
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'README.md'), '# receiver e2e\n');
    const server = await timed(`${name}: code-server boot`, () => startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust, settings }));
    servers.push(server);
    writeMachineSettings(server, settings);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await timed(`${name}: workbench load`, () => openWorkbench(page, server.url, workspace));
  }

  it('receives a real agent run, lists it, shows it, and updates the open panel as the trace grows', async () => {
    const port = await freePort();
    await boot('live', true, { 'workbench.colorTheme': 'Default Dark Modern', 'agentTrace.receiver.port': port });
    expect(await listening(port)).toBe(false);

    await timed('start receiver from the palette → listening', async () => {
      await runCommand(page, 'Agent Trace: Start Local Receiver');
      await expect.poll(() => listening(port), { timeout: 20_000 }).toBe(true);
    });
    const statusItem = page.locator('.statusbar-item', { hasText: `OTLP :${port}` });
    await expect.poll(() => statusItem.innerText(), { timeout: 10_000 }).toContain('0 traces');

    // --- the agent, in this process, exporting to the receiver ---
    const ended = new EndedSpans();
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'weather-agent' }),
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `http://127.0.0.1:${port}/v1/traces` })), ended],
    });
    const tracer = provider.getTracer('ai');
    const tools = {
      get_weather: tool({
        description: 'Current weather for a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, celsius: 21, sky: 'sunny' }),
      }),
      to_fahrenheit: tool({
        description: 'Celsius to Fahrenheit',
        inputSchema: z.object({ celsius: z.number() }),
        execute: async ({ celsius }) => ({ fahrenheit: (celsius * 9) / 5 + 32 }),
      }),
      get_forecast: tool({
        description: 'Tomorrow in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, tomorrow: 'cloudy' }),
      }),
    };
    const run = (model: LanguageModel, prompt: string, functionId: string) =>
      generateText({ model, prompt, tools, stopWhen: stepCountIs(5), experimental_telemetry: { isEnabled: true, tracer, functionId } });

    const first = await timed('agent run 1 (6 spans) exported', async () => {
      const model = new MockLanguageModelV3({
        provider: 'scripted',
        modelId: 'scripted-agent-model',
        doGenerate: [
          toolCall('call_weather_1', 'get_weather', { city: 'Lisbon' }, [120, 30]),
          toolCall('call_convert_2', 'to_fahrenheit', { celsius: 21 }, [210, 25]),
          finalText('It is 21 °C (69.8 °F) and sunny in Lisbon.', [290, 64]),
        ],
      });
      const result = await run(model, PROMPT, 'weather-agent');
      await provider.forceFlush();
      return result;
    });
    expect(first.text).toBe('It is 21 °C (69.8 °F) and sunny in Lisbon.');
    expect(ended.ended.map((s) => s.name).sort()).toEqual([
      'ai.generateText',
      'ai.generateText.doGenerate',
      'ai.generateText.doGenerate',
      'ai.generateText.doGenerate',
      'ai.toolCall',
      'ai.toolCall',
    ]);
    const traceId = ended.ended[0].ctx.traceId;

    // --- the side bar lists it; a click opens it ---
    await runCommand(page, 'Agent Trace: Show Trace in Side Bar');
    const received = page.locator('.sidebar .monaco-list-row', { hasText: 'ai.generateText' });
    await timed('side bar lists the received trace', () => expect.poll(() => received.count(), { timeout: 15_000 }).toBe(1));
    await expect.poll(() => received.innerText(), { timeout: 10_000 }).toContain('6 spans');
    await expect.poll(() => statusItem.innerText(), { timeout: 10_000 }).toContain('1 trace');
    // 739 = 120 + 210 + 290 input + 30 + 25 + 64 output tokens of the script above.
    // The figures (tokens, cost) come ~1 s after the last spans; click once the item stopped
    // changing (a click while the tree redraws the item can be lost).
    await expect.poll(() => received.innerText(), { timeout: 10_000 }).toContain('739 tokens');
    await received.click();
    // Opened, the trace is also listed under "Open" and "Recent" (with its file name); the received item has none.
    const receivedItem = received.filter({ hasNotText: '.otlp.jsonl' });
    const frame = await webviewFrame(page, { title: `${traceId}.otlp.jsonl`, timeoutMs: 30_000 });
    await expect.poll(() => testId(frame, 'summary-root-name').textContent(), { timeout: 20_000 }).toBe('ai.generateText');
    await expect.poll(() => testId(frame, 'summary-span-count').textContent(), { timeout: 5_000 }).toBe('6');
    await showMainView(frame, 'Span tree');
    const rows = testId(frame, 'span-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(6);

    // The first LLM call holds the user's prompt.
    await rows.filter({ hasText: 'ai.generateText.doGenerate' }).first().click();
    await testId(frame, 'detail-panel')
      .getByRole('tab', { name: /^Messages/ })
      .click({ timeout: 10_000 });
    await expect.poll(() => testId(frame, 'chat-message').filter({ hasText: PROMPT }).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    // Select the second tool call (row 4: root, doGenerate, get_weather, doGenerate, to_fahrenheit).
    const rowTexts = await rows.allInnerTexts();
    expect(rowTexts.findIndex((t) => t.includes('to_fahrenheit'))).toBe(4);
    await rows.filter({ hasText: 'to_fahrenheit' }).click();
    const selected = frame.locator('[data-testid="span-row"][aria-selected="true"]');
    await expect.poll(() => selected.innerText(), { timeout: 5_000 }).toContain('to_fahrenheit');
    await page.waitForTimeout(500); // the webview remembers the selected span's id with its detail

    // --- more spans of the same trace: a sub-agent started by the first tool call ---
    const weatherCall = ended.ended.find((s) => s.name === 'ai.toolCall' && s.attributes['ai.toolCall.name'] === 'get_weather');
    expect(weatherCall).toBeDefined();
    const grownAt = await timed('agent run 2 (4 more spans) exported', async () => {
      const model = new MockLanguageModelV3({
        provider: 'scripted',
        modelId: 'scripted-agent-model',
        doGenerate: [toolCall('call_forecast_1', 'get_forecast', { city: 'Lisbon' }, [80, 12]), finalText('Cloudy tomorrow.', [95, 6])],
      });
      const parent = trace.setSpanContext(context.active(), weatherCall!.ctx);
      await context.with(parent, () => run(model, 'And tomorrow?', 'forecast-subagent'));
      await provider.forceFlush();
      return Date.now();
    });
    expect(new Set(ended.ended.map((s) => s.ctx.traceId))).toEqual(new Set([traceId]));
    await expect.poll(() => testId(frame, 'summary-span-count').textContent(), { timeout: 10_000 }).toBe('10');
    timings['spans exported → open panel shows 10 spans (incl. playwright polling)'] = Date.now() - grownAt;
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(10);
    // The same span is still selected although its row moved from 4 to 8.
    const grownTexts = await rows.allInnerTexts();
    expect(grownTexts.findIndex((t) => t.includes('to_fahrenheit'))).toBe(8);
    await expect.poll(() => selected.count(), { timeout: 5_000 }).toBe(1);
    expect(await selected.innerText()).toContain('to_fahrenheit');
    await expect.poll(() => receivedItem.innerText(), { timeout: 5_000 }).toContain('10 spans');
    await screenshot(page, 'receiver-live-trace');
    await provider.shutdown();

    await runCommand(page, 'Agent Trace: Stop Local Receiver');
    await expect.poll(() => listening(port), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => statusItem.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('never auto-starts in an untrusted workspace, and starts once the folder is trusted', async () => {
    const port = await freePort();
    await boot('untrusted', false, { 'agentTrace.receiver.port': port, 'agentTrace.receiver.autoStart': true });
    await page.getByRole('button', { name: "No, I don't trust the authors" }).click({ timeout: 30_000 });
    // Activate the extension (its view), then give auto-start every chance to run.
    await runCommand(page, 'Agent Trace: Show Trace in Side Bar');
    await page.locator('.sidebar .composite.title', { hasText: /agent traces/i }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(5_000);
    expect(await listening(port)).toBe(false);
    await screenshot(page, 'receiver-untrusted');

    // Control: the same settings do start it once the user trusts the folder.
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.getByRole('button', { name: 'Trust', exact: true }).first().click({ timeout: 15_000 });
    await timed('trust granted → auto-started', () => expect.poll(() => listening(port), { timeout: 20_000 }).toBe(true));
    await expect.poll(() => page.locator('.statusbar-item', { hasText: `OTLP :${port}` }).count(), { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'receiver-trusted-autostart');
    await page.close();
  });
});
