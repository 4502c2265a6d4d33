/**
 * `npm run bench -- open`: time to the first screen, end to end, on the REAL webview bundle in
 * headless Chromium with the host (real importer, LoadedTrace, handleWebviewMessage, background
 * work) in a Web Worker of the page (bench/timeline/), for agent-shaped OTLP JSON traces
 * (`generateAgentRunSpans`: an agent root, iterations of one LLM call and 1–3 tools, nested
 * sub-agents, some errors). Each figure is the median of REPS fresh page loads, with min–max:
 * - open.first_rows_ms.{2k,10k,100k}: from the page's navigation (performance.now() = 0) to the
 *   first waterfall draw after the first `getRows` answer: the first painted rows with their
 *   names, the file's fetch, import and agent view included;
 * - open.first_rows.ratio_to_json_parse_100k: per repetition, that time over a bare `JSON.parse`
 *   of the same bytes in the same browser (measured just before it), target ≤ 2.5;
 * - timeline.first_card_text_ms: at 100k, from the first paint (waterfall drawn, first card in
 *   the DOM) to the first card showing its text (target ≤ 1000): card text no longer waits for
 *   the host's whole-trace claims analysis;
 * - detail.open_100kb_prompt_ms: on a 2k trace whose first LLM call has a 100 KB prompt, from the
 *   click on its card to the Messages tab showing that prompt (folded; two frames later), target ≤ 100.
 * What the first screen can do at that moment: select (click, keys), scroll and zoom; the
 * findings on cards, the Claims and Cost panels arrive afterwards (the host's background work).
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { generateAgentRunSpans } from './generateAgentTrace';
import { emitMedian } from './report';
import { waitFor, type Probe } from './timeline/pageDriver';
import { buildSite, serve } from './timeline/site';

const REPS = Number(process.env.BENCH_REPS ?? 5);
/** BENCH_OPEN_MAX: leave out the larger sizes (a quick check). */
const SIZES = [2_000, 10_000, 100_000].filter((n) => n <= Number(process.env.BENCH_OPEN_MAX ?? Infinity));
const BIG_PROMPT_CHARS = 100_000;
/** Generous: on a loaded 2-core machine a 100k open has taken over two minutes. */
const OPEN_TIMEOUT = 240_000;
const VIEWPORT = { width: 1400, height: 900 };

const STARTED = Date.now();
function note(line: string): void {
  process.stderr.write(`open [${((Date.now() - STARTED) / 1000).toFixed(0)} s]: ${line}\n`);
}

function findRoot(from: string): string {
  for (let d = resolve(from); ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'webview', 'main.ts')) && existsSync(join(d, 'package.json'))) return d;
    if (d === resolve(d, '..')) throw new Error(`open bench: no repository root above ${from}`);
  }
}
const ROOT = findRoot(__dirname);
const TMP = join(ROOT, 'bench', 'tmp');
const SITE = join(TMP, 'timeline-site');
const label = (n: number) => (n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
/** Versioned: a change to the generator must not reuse an old file. */
const traceFile = (n: number, big = false) => `agent-run-v1-${label(n)}${big ? '-bigprompt' : ''}.otlp.json`;

function ensureTrace(n: number, big = false): string {
  const path = join(TMP, traceFile(n, big));
  if (!existsSync(path)) {
    mkdirSync(TMP, { recursive: true });
    writeFileSync(path, JsonTraceSerializer.serializeRequest(generateAgentRunSpans(n, big ? { bigPromptChars: BIG_PROMPT_CHARS } : {}))!);
  }
  return path;
}

declare const __bench: Probe;

interface Opened {
  readonly page: Page;
  readonly namedPaintAt: number;
  readonly firstPaintAt: number;
}

async function open(context: BrowserContext, url: string, file: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}/index.html?trace=/${file}`);
  await waitFor(
    page,
    () => !Number.isNaN(__bench.namedPaintAt) && !Number.isNaN(__bench.firstPaintAt),
    OPEN_TIMEOUT,
    async () =>
      `open bench: ${file} showed no named rows in ${OPEN_TIMEOUT / 1000} s (${problems.join('; ')}; ${(await page.evaluate(() => __bench.logs)).join(' | ')})`,
  );
  const t = await page.evaluate(() => ({ namedPaintAt: __bench.namedPaintAt, firstPaintAt: __bench.firstPaintAt }));
  return { page, ...t };
}

/** A bare JSON.parse of the file's text in a fresh page of the same browser (the text fetched first, not timed). */
async function jsonParseMs(context: BrowserContext, url: string, file: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${url}/blank.html`);
  const ms = await page.evaluate(async (path) => {
    const text = await (await fetch(path)).text();
    const t0 = performance.now();
    JSON.parse(text);
    return performance.now() - t0;
  }, `/${file}`);
  await page.close();
  return ms;
}

async function firstRows(context: BrowserContext, url: string, n: number): Promise<void> {
  const file = traceFile(n);
  const rows: number[] = [];
  const ratios: number[] = [];
  const cardText: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const parse = n === 100_000 ? await jsonParseMs(context, url, file) : NaN;
    const o = await open(context, url, file);
    rows.push(o.namedPaintAt);
    if (n === 100_000) {
      ratios.push(o.namedPaintAt / parse);
      await waitFor(
        o.page,
        () => !Number.isNaN(__bench.cardTextAt),
        OPEN_TIMEOUT,
        async () => 'open bench: no card showed its text',
      );
      cardText.push((await o.page.evaluate(() => __bench.cardTextAt)) - o.firstPaintAt);
    }
    note(`${label(n)} #${i + 1}: named rows at ${o.namedPaintAt.toFixed(0)} ms${n === 100_000 ? ` (JSON.parse ${parse.toFixed(0)} ms)` : ''}`);
    if (i === 0) {
      // Where the time went: the host's load, then each answer up to the named rows.
      const d = await o.page.evaluate(() => ({ logs: __bench.logs, answered: __bench.answered, at: __bench.namedPaintAt }));
      const answers = d.answered.filter((a) => a.at <= d.at).map((a) => `${a.type} ${a.sentAt.toFixed(0)}→${a.at.toFixed(0)}`);
      note(`  ${d.logs.join('; ')}; answers: ${answers.join(', ')}`);
    }
    await o.page.close();
  }
  emitMedian(`open.first_rows_ms.${label(n)}`, rows, 'ms');
  if (n === 100_000) {
    emitMedian('open.first_rows.ratio_to_json_parse_100k', ratios, 'ratio');
    emitMedian('timeline.first_card_text_ms', cardText, 'ms');
  }
}

async function detailOpen(context: BrowserContext, url: string): Promise<void> {
  const file = traceFile(2_000, true);
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const o = await open(context, url, file);
    // Settled: the first screen's requests answered, so the click measures the detail alone.
    await waitFor(
      o.page,
      () => __bench.pending.size === 0 || [...__bench.pending.values()].every((r) => r.type === 'getClaims' || r.type === 'getCardFindings'),
      OPEN_TIMEOUT,
      async () => 'open bench: the host never went quiet',
    );
    await o.page.locator('[data-testid="timeline-card"]').first().waitFor();
    const ms = await o.page.evaluate(
      () =>
        new Promise<number>((done, fail) => {
          const card = document.querySelector<HTMLElement>('[data-testid="timeline-card"]');
          if (!card) return fail(new Error('no card'));
          const panel = document.querySelector('[data-testid="detail-panel"]')!;
          const shown = () =>
            panel.querySelector('.detail-name')?.textContent === 'chat gpt-4o' &&
            Array.from(panel.querySelectorAll('[data-testid="chat-message"]')).some((m) => (m.textContent ?? '').includes('Iteration 1: plan a trip'));
          const t0 = performance.now();
          const check = () => {
            if (shown()) requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
            else if (performance.now() - t0 > 10_000) fail(new Error('the detail panel never showed the 100 KB prompt'));
            else requestAnimationFrame(check);
          };
          card.click();
          check();
        }),
    );
    times.push(ms);
    const host = await o.page.evaluate(() => __bench.answered.filter((a) => a.type === 'getSpanDetail').map((a) => a.at - a.sentAt));
    note(`detail #${i + 1}: ${ms.toFixed(0)} ms (getSpanDetail answers took ${host.map((x) => x.toFixed(0)).join(', ')} ms)`);
    await o.page.close();
  }
  emitMedian('detail.open_100kb_prompt_ms', times, 'ms');
}

async function main(): Promise<void> {
  const files = [...SIZES.map((n) => ensureTrace(n)), ensureTrace(2_000, true)];
  await buildSite(ROOT, SITE);
  note('traces and bundles ready');
  const routes = Object.fromEntries(files.map((f) => [`/${f.split('/').pop()}`, () => ({ type: 'application/json', body: readFileSync(f) })]));
  const { server, url } = await serve(SITE, routes, (path) => note(`bench server: 404 ${path}`));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    for (const n of SIZES) await firstRows(context, url, n);
    await detailOpen(context, url);
  } finally {
    await browser?.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
