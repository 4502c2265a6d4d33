/**
 * The extension in a real VS Code (code-server 4.99.4 + chromium, see harness.ts): the packaged
 * VSIX is installed, "Agent Trace: Open Trace File…" is run from the command palette and the
 * file typed into code-server's simple file dialog, then the trace is checked INSIDE the
 * webview (root span name, span count, an LLM message). Also: a broken file gives an error
 * naming the file and the reason; `*.otlp.json` opens in the custom editor; the panel comes
 * back after "Developer: Reload Window"; screenshots in the dark and light default themes.
 *
 * Run: npm run test:e2e   (E2E_VSIX=path/to.vsix skips packaging and installs that VSIX)
 * DOM hooks agreed with the webview: data-testid summary-root-name, summary-span-count,
 * span-row, detail-panel, chat-message, load-error.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWorkbench, REPO_ROOT, runCommand, screenshot, startCodeServer, webviewFrame, type CodeServer, showMainView } from './harness';

const TRACE = 'OPENAI_trace.json';
const ROOT_NAME = 'invoke_agent [any_agent]';
const SPAN_COUNT = 6;
const LLM_TEXT = 'Find what year it is in the America/New_York timezone';
const BROKEN = 'broken.otlp.json';
const OTLP = 'server-span.otlp.json';
const BIG = 'big.json';
const BIG_SPANS = 20_000;

const timings: Record<string, number> = {};
async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try {
    return await f();
  } finally {
    timings[label] = Date.now() - t0;
  }
}

describe('Agent Trace Debugger in code-server', { timeout: 240_000 }, () => {
  let tmp: string;
  let workspace: string;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  const testId = (frame: FrameLocator, id: string) => frame.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atd-shell-'));
    const vsix = inject('vsixPath');
    timings['VSIX bytes'] = statSync(vsix).size;
    workspace = join(tmp, 'workspace');
    cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
    server = await timed('code-server boot', () =>
      startCodeServer({ vsixPath: vsix, workspaceDir: workspace, settings: { 'workbench.colorTheme': 'Default Dark Modern' } }),
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await timed('workbench load', () => openWorkbench(page, server.url, workspace));
  }, 300_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' || ctx.task.result?.errors?.length) await screenshot(page, `failed-${ctx.task.name.slice(0, 40)}`).catch(() => {});
  });

  afterAll(async () => {
    console.log('e2e timings (ms):', JSON.stringify(timings));
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  /** Runs Open Trace File… and types `file` into code-server's simple file dialog. */
  async function openViaDialog(file: string): Promise<void> {
    const input = await runCommandIntoQuickInput(page, 'Agent Trace: Open Trace File…');
    const path = join(workspace, file);
    // The dialog fills in its starting folder asynchronously, and on a loaded machine that can
    // land after our text and replace it. Wait for the folder to be shown first, then type, and
    // only accept once the box holds our path; retry if the dialog overwrote it anyway.
    await expect.poll(() => input.inputValue(), { timeout: 15_000 }).toMatch(/\/$/);
    for (let attempt = 1; ; attempt++) {
      await input.fill(path);
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 15_000 });
      if ((await input.inputValue()) === path) {
        await input.press('Enter');
        try {
          await input.waitFor({ state: 'hidden', timeout: 10_000 });
          return;
        } catch (e) {
          if (attempt >= 3) throw e;
        }
      } else if (attempt >= 3) throw new Error(`the file dialog kept replacing the typed path (now ${await input.inputValue()})`);
    }
  }

  async function expectTraceShown(frame: FrameLocator): Promise<void> {
    await expect.poll(() => testId(frame, 'summary-root-name').textContent(), { timeout: 20_000 }).toBe(ROOT_NAME);
    await expect.poll(() => testId(frame, 'summary-span-count').textContent(), { timeout: 5_000 }).toBe(String(SPAN_COUNT));
  }

  it('opens a trace file from the palette and shows its root, span count and an LLM message', async () => {
    const before = readFileSync(join(workspace, TRACE));
    const frame = await timed('open file → webview summary', async () => {
      await openViaDialog(TRACE);
      const f = await webviewFrame(page, { title: TRACE, timeoutMs: 30_000 });
      await expectTraceShown(f);
      return f;
    });
    await showMainView(frame, 'Span tree');
    await expect.poll(() => testId(frame, 'span-row').count(), { timeout: 10_000 }).toBe(SPAN_COUNT);

    await timed('select LLM span → message', async () => {
      await testId(frame, 'span-row').filter({ hasText: 'call_llm' }).first().click();
      const detail = testId(frame, 'detail-panel');
      await detail.getByRole('tab', { name: /^Messages/ }).click({ timeout: 10_000 });
      await expect.poll(() => testId(frame, 'chat-message').filter({ hasText: LLM_TEXT }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    });
    await screenshot(page, 'shell-dark-trace');
    expect(readFileSync(join(workspace, TRACE)).equals(before)).toBe(true);
  });

  it('reports a broken file by name and reason, as a notification from the command', async () => {
    await openViaDialog(BROKEN);
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: BROKEN });
    await toast.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForTimeout(500); // let the toast finish sliding in before the screenshot
    await screenshot(page, 'shell-dark-broken-notification');
    const text = await toast.innerText();
    expect(text).toContain(`Could not open ${BROKEN}: truncated JSON at byte 700`);
    expect(text).not.toMatch(/\n\s+at /);
    await page.keyboard.press('Escape');
  });

  it('lists the open and recent trace in the Agent Traces side bar', async () => {
    await runCommand(page, 'Agent Trace: Show Trace in Side Bar');
    const rows = page.locator('.sidebar .monaco-list-row', { hasText: ROOT_NAME });
    // Listed twice: under "Open" and under "Recent".
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const text = await rows.first().innerText();
    expect(text).toContain(TRACE);
    expect(text).toContain('6 spans');
    expect(text).toContain('1.23 s');
    await screenshot(page, 'shell-dark-side-bar');
    await runCommand(page, 'View: Show Explorer');
  });

  it('opens *.otlp.json in the custom editor, and shows a broken one as a load error inside it', async () => {
    // Custom editor webviews carry no title in code-server 1.99: take the one visible webview.
    await quickOpen(page, OTLP);
    const frame = await webviewFrame(page, { timeoutMs: 30_000 });
    await expect.poll(() => testId(frame, 'summary-root-name').textContent(), { timeout: 20_000 }).toBe("I'm a server span");

    await quickOpen(page, BROKEN);
    const broken = await webviewFrame(page, { timeoutMs: 30_000 });
    await expect.poll(() => testId(broken, 'load-error').textContent(), { timeout: 20_000 }).toContain(`Could not open ${BROKEN}: truncated JSON at byte 700`);
    expect(await page.locator('.tab.active').innerText()).toContain(BROKEN);
    await screenshot(page, 'shell-dark-editor-load-error');
  });

  it('loads a file over 5 MB (the cancellable-progress path) and shows all its spans', async () => {
    const file = join(workspace, BIG);
    writeFileSync(file, bigOtlpTrace(BIG_SPANS));
    expect(statSync(file).size).toBeGreaterThan(5 * 1024 * 1024);
    await timed(`open ${BIG_SPANS}-span file → summary`, async () => {
      await openViaDialog(BIG);
      const frame = await webviewFrame(page, { title: BIG, timeoutMs: 60_000 });
      const count = async () => Number((await testId(frame, 'summary-span-count').textContent())?.replace(/[^\d]/g, ''));
      await expect.poll(count, { timeout: 60_000 }).toBe(BIG_SPANS);
      await expect.poll(() => testId(frame, 'summary-root-name').textContent(), { timeout: 5_000 }).toBe('big root');
    });
    // Close it with the tab's own close button: quicker and steadier than the palette.
    const tab = page.locator('.tab', { hasText: BIG }).first();
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click({ timeout: 10_000 });
    await tab.waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('restores the trace panel after "Developer: Reload Window"', async () => {
    // Give the webview a moment to save its state (the file URI) before the reload.
    await page.waitForTimeout(1000);
    await timed('reload → panel restored', async () => {
      await runCommand(page, 'Developer: Reload Window');
      await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
      await page.locator('.tab', { hasText: TRACE }).first().click({ timeout: 30_000 });
      const frame = await webviewFrame(page, { title: TRACE, timeoutMs: 30_000 });
      await expectTraceShown(frame);
    });
  });

  it('looks right in the light theme too', async () => {
    const input = await runCommandIntoQuickInput(page, 'Preferences: Color Theme');
    await input.fill('Default Light Modern');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Default Light Modern' }).first().click({ timeout: 10_000 });
    await expect.poll(() => page.locator('.monaco-workbench').getAttribute('class'), { timeout: 20_000 }).toMatch(/\bvs\b(?!-dark)/);
    const frame = await webviewFrame(page, { title: TRACE });
    await expectTraceShown(frame);
    await page.waitForTimeout(500);
    await screenshot(page, 'shell-light-trace');
  });
});

/**
 * An OTLP/JSON trace of `n` spans (a root and n-1 children), each with a 200-character
 * attribute, so that 20,000 spans pass the 5 MB large-file threshold.
 */
function bigOtlpTrace(n: number): string {
  const traceId = 'ab'.repeat(16);
  const t0 = 1_700_000_000_000_000_000n;
  const spans = [];
  for (let i = 0; i < n; i++) {
    spans.push({
      traceId,
      spanId: (i + 1).toString(16).padStart(16, '0'),
      ...(i > 0 ? { parentSpanId: '1'.padStart(16, '0') } : {}),
      name: i === 0 ? 'big root' : `child ${i}`,
      startTimeUnixNano: String(t0 + BigInt(i) * 1000n),
      endTimeUnixNano: String(t0 + BigInt(i) * 1000n + (i === 0 ? BigInt(n) * 1000n : 500n)),
      attributes: [{ key: 'note', value: { stringValue: 'x'.repeat(200) } }],
    });
  }
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'e2e' }, spans }] }] });
}

/**
 * Runs a palette command that opens a quick input of its own (file dialog, theme picker),
 * which reuses the palette's widget: `runCommand` would wait for it to close. Returns the
 * input once it no longer holds the '>' command query.
 */
async function runCommandIntoQuickInput(page: Page, title: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const match = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
  // An extension's commands reach the palette a few seconds after the workbench shows, and the
  // first keypress can be lost while it settles: retry until the command is listed.
  const deadline = Date.now() + 45_000;
  for (;;) {
    await page.keyboard.press('Control+Shift+P');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill('>' + title);
      await match.waitFor({ state: 'visible', timeout: 5_000 });
      break;
    } catch (e) {
      if (Date.now() > deadline) {
        await screenshot(page, `failed-palette-${title}`);
        throw e;
      }
      await page.keyboard.press('Escape');
    }
  }
  await match.click();
  await expect.poll(async () => (await input.isVisible()) && !(await input.inputValue()).startsWith('>'), { timeout: 15_000 }).toBe(true);
  return input;
}

/** Quick Open (Ctrl+P): type a file name, Enter; the file opens in its default editor. */
async function quickOpen(page: Page, fileName: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}
