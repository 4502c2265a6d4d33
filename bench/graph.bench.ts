/**
 * Plan graph layout in headless Chromium, the way the webview does it: ELK in a blob: worker
 * (webview/graph/graphLayout.ts), page served with the webview's CSP (worker-src blob:, nonce
 * scripts). Graphs are real plan graphs: bench/generateAgentTrace.ts traces through the importer,
 * the agent semantics and buildPlanGraphView, with every iteration group expanded so the node
 * count follows the span count (~200 and ~2,000 nodes).
 * - graph.layout_200_ms / graph.layout_2000_ms: median wall time of 5 runs (after one warm-up that
 *   starts the worker) from the layout request to the drawn SVG (targets ≤ 300 ms, ≤ 2 s);
 * - graph.layout_<n>_runs_over_watchdog: runs slower than the view's 10 s watchdog (the view would
 *   have shown its simple layout instead; the bench page waits up to a minute to measure ELK);
 * - graph.ui_long_tasks_over_50ms: main-thread long tasks during all the layouts and drawings (target 0).
 * The machine's load skews absolute times: compare runs made under the same load.
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { importTrace } from '../src/core/import/index';
import type { PlanGraphView } from '../src/core/protocol';
import { deriveAgentView } from '../src/core/semantics/agentView';
import { buildPlanGraphView } from '../src/core/view/planGraphView';
import { contentSecurityPolicy } from '../src/panel/webviewHtml';
import { LAYOUT_TIMEOUT_MS } from '../webview/graph/graphLayout';
import { generateAgentSpans } from './generateAgentTrace';
import { emit, median } from './report';
import { TraceAnalyses } from '../src/core/analyze/traceAnalyses';

const ROOT = resolve(__dirname, '..', '..');
const RUNS = 5;

/** The plan graph of a generated run of about `spans` spans, every group expanded. */
function planGraph(spans: number): PlanGraphView {
  const trace = importTrace(JsonTraceSerializer.serializeRequest(generateAgentSpans(spans))!).traces[0];
  const view = deriveAgentView(trace);
  const folded = buildPlanGraphView(new TraceAnalyses(trace, view), new Set());
  return buildPlanGraphView(new TraceAnalyses(trace, view), new Set(folded.nodes.filter((n) => n.kind === 'group').map((n) => n.id)));
}

async function main(): Promise<void> {
  const bundle = await build({
    entryPoints: [join(ROOT, 'bench', 'graphPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0].contents;
  // The ELK script the page loads on its first layout, from next to page.js (webview/graph/elkWorker.ts).
  const elk = await build({
    entryPoints: [join(ROOT, 'webview', 'graph', 'elkLayoutScript.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    logLevel: 'warning',
  });
  const elkScript = elk.outputFiles[0].contents;
  const graphs = new Map<string, string>([
    ['200', JSON.stringify(planGraph(200))],
    ['2000', JSON.stringify(planGraph(2000))],
  ]);
  const nonce = 'bench0nonce';
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const origin = `http://${req.headers.host}`;
    if (url === '/') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': contentSecurityPolicy(origin, nonce) + `; connect-src ${origin}` });
      res.end(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script nonce="${nonce}" src="/page.js"></script></body></html>`);
    } else if (url === '/page.js' || url === '/elkLayout.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(url === '/page.js' ? script : elkScript);
    } else if (url.startsWith('/graph-') && graphs.has(url.slice(7))) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(graphs.get(url.slice(7)));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof window.benchGraph === 'function');
    await page.evaluate(() => window.benchGraph('/graph-200')); // warm-up: starts the worker
    for (const size of ['200', '2000']) {
      const times: number[] = [];
      let overWatchdog = 0;
      for (let i = 0; i < RUNS; i++) {
        const r = await page.evaluate((u) => window.benchGraph(u), `/graph-${size}`);
        if (r.engine !== 'elk') throw new Error(`layout fell back to ${r.engine} (${cspErrors.join('; ')})`);
        if (i === 0) process.stderr.write(`graph ${size}: ${r.nodes} nodes\n`);
        process.stderr.write(`  run ${i}: ${r.split.map((x) => Math.round(x)).join(' / ')} ms (layout / draw / frame)\n`);
        times.push(r.ms);
        if (r.ms > LAYOUT_TIMEOUT_MS) overWatchdog++;
      }
      emit(`graph.layout_${size}_ms`, median(times), 'ms');
      emit(`graph.layout_${size}_runs_over_watchdog`, overWatchdog, 'count');
    }
    const long = await page.evaluate(() => window.benchLongTasks());
    process.stderr.write(`long tasks (start@duration ms): ${long.map((t) => `${t.start}@${t.duration}`).join(' ')}\n`);
    if (process.env.BENCH_GRAPH_MARKS) process.stderr.write(`marks: ${((await page.evaluate('window.benchMarks()')) as string[]).join(' ')}\n`);
    emit('graph.ui_long_tasks_over_50ms', long.length, 'count');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
