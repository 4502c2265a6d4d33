// Dev harness: renders the webview in headless Chromium under the production CSP, with a fake
// host, drives it like a person would and saves screenshots to look at. Not part of CI.
//   node test/webview-dev/shoot.mjs [scenario ...]    (default: all)
// Prints one JSON line per scenario with what it checked; screenshots in $TMPDIR/atd-shots/.
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHarness } from './build.mjs';

const repo = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const SHOTS = join(tmpdir(), 'atd-shots');
mkdirSync(SHOTS, { recursive: true });
const ORIGIN = 'http://webview.test';
const NONCE = 'harnessNonce123';

function page(theme) {
  const bodyClass = theme === 'hc' ? 'vscode-high-contrast' : theme === 'light' ? 'vscode-light' : 'vscode-dark';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${ORIGIN}; img-src ${ORIGIN} data:; font-src ${ORIGIN};">
<link rel="stylesheet" href="${ORIGIN}/theme-${theme}.css"><link rel="stylesheet" href="${ORIGIN}/main.css"><title>Agent Trace</title></head>
<body class="${bodyClass}"><div id="app"></div><script nonce="${NONCE}" src="${ORIGIN}/fakeHost.js"></script><script nonce="${NONCE}" src="${ORIGIN}/main.js"></script></body></html>`;
}

async function open(browser, outDir, { harness, theme = 'dark', width = 1400, height = 860 }) {
  const context = await browser.newContext({ viewport: { width, height } });
  const p = await context.newPage();
  const problems = [];
  p.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await p.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html') return route.fulfill({ contentType: 'text/html', body: page(theme) });
    const type = extname(path) === '.css' ? 'text/css' : 'text/javascript';
    try { return route.fulfill({ contentType: type, body: readFileSync(join(outDir, path.slice(1))) }); } catch { return route.fulfill({ status: 404, body: '' }); }
  });
  await p.addInitScript((h) => { window.__HARNESS__ = h; }, harness);
  await p.goto(`${ORIGIN}/index.html`);
  return { p, problems, context };
}

const corpus = (rel) => ({ mode: 'corpus', fileName: rel.split('/').pop(), b64: readFileSync(join(repo, 'test/fixtures/corpus', rel)).toString('base64') });
const shot = (p, name) => p.screenshot({ path: join(SHOTS, `${name}.png`) });
const rowCount = (p) => p.locator('[data-testid=span-row]:not([hidden])').count();

const scenarios = {
  async canned(browser, out) {
    const { p, problems } = await open(browser, out, { harness: { mode: 'canned', spans: 300 } });
    await p.getByTestId('summary-root-name').waitFor();
    await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
    await shot(p, 'canned-initial');
    await p.locator('[data-testid=span-row]', { hasText: 'chat gpt-4o' }).nth(1).click();
    await p.getByRole('tab', { name: /Messages/ }).click();
    await p.getByTestId('chat-message').first().waitFor();
    await shot(p, 'canned-messages');
    await p.getByRole('tab', { name: /Attributes/ }).click();
    await p.getByRole('button', { name: /show all/ }).first().click();
    await p.locator('.attr-value-full').waitFor();
    await shot(p, 'canned-attributes-full');
    await p.getByLabel('Filter attributes').fill('note');
    await shot(p, 'canned-attributes-filter');
    await p.getByTestId('summary-diagnostics').click();
    await shot(p, 'canned-diagnostics');
    const xss = await p.evaluate(() => window.__xss);
    const chat = await p.getByTestId('chat-message').count();
    return { problems, xss: xss ?? null, chatMessagesAfterTabSwitch: chat, summarySpanCount: await p.getByTestId('summary-span-count').textContent() };
  },

  async keyboard(browser, out) {
    const { p, problems } = await open(browser, out, { harness: { mode: 'canned', spans: 300 } });
    await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
    await p.locator('[data-testid=span-row]').first().click();
    const sel = () => p.evaluate(() => { const el = document.querySelector('[role=treeitem][aria-selected=true]'); return el && { index: el.dataset.index, level: el.getAttribute('aria-level'), expanded: el.getAttribute('aria-expanded'), pos: el.getAttribute('aria-posinset'), size: el.getAttribute('aria-setsize'), focused: document.activeElement === el }; });
    const log = [];
    for (const k of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'End', 'Home', 'PageDown']) {
      await p.keyboard.press(k);
      await p.waitForTimeout(30);
      log.push({ k, ...(await sel()) });
    }
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowLeft'); // collapse root
    await p.waitForTimeout(50);
    const collapsedRows = await rowCount(p);
    await shot(p, 'keyboard-collapsed-root');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Enter');
    const focusAfterEnter = await p.evaluate(() => document.activeElement?.getAttribute('role'));
    return { problems, log, collapsedRows, focusAfterEnter };
  },

  async big(browser, out) {
    const t0 = Date.now();
    const { p, problems } = await open(browser, out, { harness: { mode: 'canned', spans: 100_000 } });
    await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
    const firstPaintMs = Date.now() - t0;
    const domRows = await p.locator('[data-testid=span-row]').count();
    await p.locator('.tree-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await p.waitForTimeout(300);
    const domRowsAfter = await p.locator('[data-testid=span-row]').count();
    const nodes = await p.evaluate(() => document.getElementsByTagName('*').length);
    await shot(p, 'big-middle');
    const midIndex = await p.locator('[data-testid=span-row]:not([hidden])').nth(15).getAttribute('data-index');
    await p.locator('[data-testid=span-row]:not([hidden])').nth(15).click();
    await p.waitForTimeout(300); // persisted scroll is debounced
    await p.reload();
    await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
    await p.waitForTimeout(200);
    const restored = await p.evaluate(() => ({ selected: document.querySelector('[role=treeitem][aria-selected=true]:not([hidden])')?.getAttribute('data-index') ?? null, scrollTop: document.querySelector('.tree-scroll').scrollTop, state: sessionStorage.getItem('vscode-state').slice(0, 200) }));
    await shot(p, 'big-after-reload');
    return { problems, firstPaintMs, domRows, domRowsAfter, totalElements: nodes, clicked: midIndex, restored };
  },

  async themes(browser, out) {
    const res = {};
    for (const theme of ['light', 'hc']) {
      const { p, problems } = await open(browser, out, { harness: { mode: 'canned', spans: 300 }, theme });
      await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
      await p.locator('[data-testid=span-row]', { hasText: 'chat gpt-4o' }).first().click();
      await p.getByRole('tab', { name: /Messages/ }).click();
      await p.getByTestId('chat-message').first().waitFor();
      await shot(p, `theme-${theme}`);
      res[theme] = problems;
    }
    return res;
  },

  async narrow(browser, out) {
    const { p, problems } = await open(browser, out, { harness: { mode: 'canned', spans: 300 }, width: 960, height: 720 });
    await p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor();
    await shot(p, 'narrow');
    return { problems };
  },

  async error(browser, out) {
    const { p, problems } = await open(browser, out, { harness: { mode: 'error', message: 'Could not open broken.json: not a recognised trace format (tried OTLP JSON, Jaeger, …) <script>window.__xss=3</script>' } });
    await p.getByTestId('load-error').waitFor();
    await shot(p, 'load-error');
    return { problems, text: await p.getByTestId('load-error').textContent(), xss: (await p.evaluate(() => window.__xss)) ?? null };
  },

  async corpus(browser, out) {
    const res = {};
    for (const rel of ['jaeger/genai-agent-loop.json', 'zipkin/smartthings-mobile-web-install-1041-spans.json', 'langfuse/openai-agents-2025-09-30.trace.json', 'any-agent/OPENAI_trace.json', 'otlp-json/multi-resource-scope.json']) {
      const { p, problems } = await open(browser, out, { harness: corpus(rel) });
      await Promise.race([p.locator('[data-testid=span-row] .row-name:not(.loading)').first().waitFor(), p.getByTestId('load-error').waitFor({ state: 'visible' })]);
      await p.waitForTimeout(200);
      const name = rel.replace(/[/.]/g, '_');
      await shot(p, `corpus-${name}`);
      const llm = p.locator('.call-item').first();
      if (await llm.count()) { await llm.click(); await p.waitForTimeout(200); await shot(p, `corpus-${name}-llm`); }
      res[rel] = { problems, root: await p.getByTestId('summary-root-name').textContent().catch(() => null), spans: await p.getByTestId('summary-span-count').textContent().catch(() => null) };
    }
    return res;
  },
};

const { outDir } = await buildHarness();
console.log(JSON.stringify({ outDir, shots: SHOTS }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  const wanted = process.argv.slice(2);
  for (const [name, run] of Object.entries(scenarios)) {
    if (wanted.length && !wanted.includes(name)) continue;
    try {
      console.log(JSON.stringify({ scenario: name, ...(await run(browser, outDir)) }));
    } catch (e) {
      console.log(JSON.stringify({ scenario: name, failed: String(e && e.stack || e) }));
    }
  }
} finally {
  await browser.close();
}
