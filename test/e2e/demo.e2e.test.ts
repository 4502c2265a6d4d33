/**
 * The demo as `scripts/demo.sh` serves it: code-server on a copy of demo/workspace with the
 * packaged VSIX. The example trace must open by itself (`.vscode/agent-trace.json`) and show
 * the real Vercel AI SDK run: root `ai.generateText`, 7 spans, the user's request as a chat
 * message, and the failed `book_hotel` call marked as an error. Screenshots in the dark, light
 * and high-contrast themes. A second server keeps Workspace Trust on: in the untrusted folder
 * nothing may open by itself.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cspViolations, openWorkbench, REPO_ROOT, screenshot, startCodeServer, webviewFrame, showMainView, useE2eSession } from './harness';

const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
  ['high-contrast', 'Default High Contrast'],
] as const;

describe('demo workspace', { timeout: 240_000 }, () => {
  const session = useE2eSession('demo');

  async function openDemo(name: string, opts: { trust?: boolean; theme?: string }): Promise<{ page: Page; workspace: string }> {
    const workspace = join(session.tmp, name);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const server = await startCodeServer({
      vsixPath: inject('vsixPath'),
      workspaceDir: workspace,
      trust: opts.trust ?? true,
      settings: opts.theme ? { 'workbench.colorTheme': opts.theme } : {},
    });
    session.track(server);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    return { page, workspace };
  }

  it.each(THEMES)('opens the example trace by itself (%s theme)', async (label, theme) => {
    const { page } = await openDemo(`demo-${label}`, { theme });
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    const root = web.locator('[data-testid="summary-root-name"]');
    await root.waitFor({ timeout: 60_000 });
    expect(await root.textContent()).toBe('ai.generateText');
    expect(await web.locator('[data-testid="summary-span-count"]').textContent()).toBe('7');
    // The failed hotel booking is marked in the tree.
    await showMainView(web, 'Span tree');
    const failed = web.locator('[data-testid="span-row"].is-error');
    await failed.first().waitFor({ timeout: 15_000 });
    expect(await failed.count()).toBe(1);
    expect(await failed.first().textContent()).toContain('book_hotel');
    // Select the first LLM call: its conversation holds the user's request.
    await web.locator('[data-testid="span-row"]', { hasText: 'ai.generateText.doGenerate' }).first().click();
    const message = web.locator('[data-testid="chat-message"]', { hasText: 'Plan a 3-night trip from Berlin to Lisbon' });
    await message.first().waitFor({ timeout: 15_000 });
    // The strict CSP blocked nothing the page tried (webview/cspViolations.ts records from page start).
    expect(await cspViolations(web)).toEqual({ count: 0, details: [] });
    await screenshot(page, `demo-${label}`);
    await page.close();
  });

  it('opens nothing by itself in an untrusted folder', async () => {
    const { page } = await openDemo('demo-untrusted', { trust: false });
    // Give the extension time it would need to open the trace (it does within ~10 s when trusted).
    await page.waitForTimeout(12_000);
    expect(await page.locator('iframe.webview').count()).toBe(0);
    await screenshot(page, 'demo-untrusted');
    await page.close();
  });
});
