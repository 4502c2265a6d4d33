/**
 * Go to Handler and the tool CodeLens on the demo workspace. The demo spans carry no code.*
 * attributes, so this runs the workspace text search: `get_weather: tool({ … execute: getWeather })`
 * in src/tools.ts is followed to `export async function getWeather`. Then the lens
 * "called 1× · …" must sit above that function, and clicking it must bring the trace back with
 * the get_weather span selected.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWorkbench, REPO_ROOT, screenshot, showMainView, startCodeServer, webviewFrame, type CodeServer } from './harness';

const TOOLS_TS = readFileSync(join(REPO_ROOT, 'demo', 'workspace', 'src', 'tools.ts'), 'utf8').split('\n');
/** 1-based line of the get_weather handler, worked out from the file itself. */
const HANDLER_LINE = TOOLS_TS.findIndex((l) => l.startsWith('export async function getWeather')) + 1;

describe('Go to Handler on the demo workspace', { timeout: 300_000 }, () => {
  let tmp: string;
  let browser: Browser;
  let server: CodeServer | undefined;
  let page: Page;
  let workspace: string;

  beforeAll(async () => {
    expect(HANDLER_LINE).toBeGreaterThan(0);
    tmp = mkdtempSync(join(tmpdir(), 'atd-handler-'));
    workspace = join(tmp, 'demo');
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    browser = await launchBrowser();
    server = await startCodeServer({
      vsixPath: inject('vsixPath'),
      workspaceDir: workspace,
      settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.codeLens': true },
    });
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await openWorkbench(page, server.url, workspace);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const toolRow = (web: FrameLocator, name: string) =>
    web.locator('[data-testid="span-row"]', { hasText: name, has: web.locator('.cat-chip.cat-tool') }).first();

  it('opens src/tools.ts beside the trace at the handler, and the lens there reveals the call', async () => {
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web.locator('[data-testid="summary-root-name"]').waitFor({ timeout: 60_000 });
    await showMainView(web, 'Span tree');

    // The row carries its span for the native context menu.
    const row = toolRow(web, 'get_weather');
    await row.waitFor({ timeout: 15_000 });
    const context = JSON.parse((await row.getAttribute('data-vscode-context')) ?? '{}') as Record<string, unknown>;
    expect(context).toMatchObject({ webviewSection: 'span', spanCategory: 'tool' });
    expect(context.spanIndex).toBe(Number(await row.getAttribute('data-index')));

    await row.click();
    const goTo = web.locator('[data-testid="go-to-handler"]');
    await goTo.waitFor({ timeout: 15_000 });
    const t0 = Date.now();
    await goTo.click();

    const editorTab = page.locator('.tabs-container .tab.active', { hasText: 'tools.ts' });
    await editorTab.waitFor({ timeout: 30_000 });
    // Beside the trace: two editor groups, the trace in one, tools.ts in the other.
    expect(await page.locator('.editor-group-container').count()).toBe(2);
    const selection = page.locator('[id="status.editor.selection"]');
    await expect
      .poll(async () => (await selection.innerText().catch(() => '')).trim(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Ln ${HANDLER_LINE}, Col 1\\b`));
    console.log(`[handler e2e] Go to Handler → editor at line ${HANDLER_LINE}: ${Date.now() - t0} ms`);
    await screenshot(page, 'handler-opened');

    // The lens above the handler: the one get_weather call of the demo run.
    const lens = page.locator('.codelens-decoration', { hasText: 'called 1×' }).first();
    await lens.waitFor({ timeout: 30_000 });
    const lenses = await page.locator('.codelens-decoration').allInnerTexts();
    // Three tools, one call each; book_hotel failed.
    expect(lenses.filter((t) => /^called 1× · .* total$/.test(t.trim())).length).toBe(3);
    expect(lenses.some((t) => t.includes('1 error'))).toBe(true);
    const handlerLine = page.locator('.view-line', { hasText: 'export async function getWeather' });
    const lensBox = await lens.boundingBox();
    const lineBox = await handlerLine.boundingBox();
    expect(lensBox && lineBox).toBeTruthy();
    // Directly above the function: its bottom within a line of the function's top.
    expect(lineBox!.y - (lensBox!.y + lensBox!.height)).toBeGreaterThanOrEqual(-2);
    expect(lineBox!.y - (lensBox!.y + lensBox!.height)).toBeLessThan(lineBox!.height);
    expect(await lens.innerText()).toMatch(/^called 1× · [\d.]+ [nµm]?s total$/);
    await screenshot(page, 'handler-codelens');

    // Select another span in the trace, then the lens must bring get_weather back.
    await web.locator('[data-testid="span-row"]', { hasText: 'ai.generateText.doGenerate' }).first().click();
    await web.locator('[data-testid="go-to-prompt"]').waitFor({ timeout: 15_000 });
    await page.locator('.monaco-editor .view-lines').first().click();
    await lens.locator('a', { hasText: 'called 1×' }).click();
    const selected = web.locator('[data-testid="span-row"].selected');
    await expect.poll(async () => (await selected.innerText().catch(() => '')).trim(), { timeout: 15_000 }).toContain('get_weather');
    // The detail panel follows the selection: a tool span again, so Go to Handler is offered.
    await web.locator('[data-testid="go-to-handler"]').waitFor({ timeout: 15_000 });
    await screenshot(page, 'handler-lens-revealed');
  });

  it('Go to Prompt finds the system prompt in src/agent.ts', async () => {
    const web = await webviewFrame(page, { timeoutMs: 30_000 });
    await web.locator('[data-testid="span-row"]', { hasText: 'ai.generateText.doGenerate' }).first().click();
    await web.locator('[data-testid="go-to-prompt"]').click({ timeout: 15_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'agent.ts' }).waitFor({ timeout: 30_000 });
    const promptLine =
      readFileSync(join(REPO_ROOT, 'demo', 'workspace', 'src', 'agent.ts'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('You are a travel assistant')) + 1;
    const selection = page.locator('[id="status.editor.selection"]');
    await expect.poll(async () => (await selection.innerText().catch(() => '')).trim(), { timeout: 15_000 }).toMatch(new RegExp(`^Ln ${promptLine},`));
    await screenshot(page, 'handler-prompt');
  });

  it('the span row context menu and key g go to the handler too', async () => {
    const web = await webviewFrame(page, { timeoutMs: 30_000 });
    const selection = page.locator('[id="status.editor.selection"]');
    const lineOf = (prefix: string) => TOOLS_TS.findIndex((l) => l.startsWith(prefix)) + 1;

    // Right-click the failed book_hotel call: VS Code's own context menu lists Go to Handler.
    const hotel = toolRow(web, 'book_hotel');
    await hotel.click();
    await hotel.click({ button: 'right' });
    const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Go to Handler' });
    await item.waitFor({ timeout: 15_000 });
    await screenshot(page, 'handler-context-menu');
    await item.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'tools.ts' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await selection.innerText().catch(() => '')).trim(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Ln ${lineOf('export async function bookHotel')}, Col 1\\b`));

    // Key g on the focused search_flights row.
    await toolRow(web, 'search_flights').click();
    await page.keyboard.press('g');
    await expect
      .poll(async () => (await selection.innerText().catch(() => '')).trim(), { timeout: 15_000 })
      .toMatch(new RegExp(`^Ln ${lineOf('export async function searchFlights')}, Col 1\\b`));
    await screenshot(page, 'handler-key-g');
  });

  it('says what it tried when the code no longer has the handler', async () => {
    // Rename the search_flights tool and its handler on disk: no spelling of the name is left.
    const renamed = TOOLS_TS.join('\n')
      .replace(/searchFlights/g, 'lookUpFares')
      .replace(/search_flights/g, 'fare_lookup');
    writeFileSync(join(workspace, 'src', 'tools.ts'), renamed);
    // The open editor reloads the file; its lens for search_flights goes away.
    await expect.poll(async () => (await page.locator('.view-line', { hasText: 'lookUpFares' }).count()) > 0, { timeout: 20_000 }).toBe(true);
    const web = await webviewFrame(page, { timeoutMs: 30_000 });
    await toolRow(web, 'search_flights').click();
    await web.locator('[data-testid="go-to-handler"]').click({ timeout: 15_000 });
    const note = web.locator('[data-testid="source-jump-message"]');
    await expect
      .poll(async () => (await note.innerText().catch(() => '')).trim(), { timeout: 20_000 })
      .toMatch(/^Could not find the handler of tool "search_flights"\. Tried: /);
    const text = await note.innerText();
    expect(text).toContain('code.* attributes: none');
    expect(text).toContain('search_flights, searchFlights');
    expect(text).toContain('agentTrace.source.toolHandlers: no entry for "search_flights"');
    await screenshot(page, 'handler-not-found');
  });
});
