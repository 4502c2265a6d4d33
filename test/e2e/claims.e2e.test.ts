/**
 * The Claims panel (claimed-vs-executed diff) on the demo workspace: the example trace opens by
 * itself, and its final answer says "I have booked your hotel in Lisbon for 3 nights" while
 * book_hotel failed — one claimed-success-but-failed finding. Clicking the claim and the
 * finding's tool link selects those spans (tree + detail panel); Dismiss marks the finding, and
 * the dismissal survives "Developer: Reload Window". Screenshots in the dark and light themes.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openWorkbench, REPO_ROOT, runCommand, screenshot, startCodeServer, webviewFrame, showMainView, useE2eSession } from './harness';

const TRACE = 'travel-agent-run.otlp.json';

describe('Claims panel on the demo workspace', { timeout: 300_000 }, () => {
  const session = useE2eSession('claims');
  let page: Page;

  async function openDemo(name: string, theme: string): Promise<FrameLocator> {
    const workspace = join(session.tmp, name);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    page = await session.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web.locator('[data-testid="claims-panel"]').waitFor({ timeout: 60_000 });
    await showMainView(web, 'Span tree');
    return web;
  }

  const detailName = (web: FrameLocator) => web.locator('[data-testid="detail-panel"] .detail-name').first();
  const selectedRow = (web: FrameLocator) => web.locator('[data-testid="span-row"].selected').first();

  it('shows the failed hotel booking, selects its spans, and remembers a dismissal across a reload (dark)', async () => {
    let web = await openDemo('claims-dark', 'Default Dark Modern');
    const panel = web.locator('[data-testid="claims-panel"]');
    const findings = panel.locator('[data-testid="finding-item"]');
    await findings.first().waitFor({ timeout: 30_000 });
    expect(await findings.count()).toBe(1);
    expect(await findings.first().getAttribute('data-kind')).toBe('claimed-success-but-failed');
    expect(await findings.first().textContent()).toContain('book_hotel');
    expect(await web.locator('.side-tabs .tab', { hasText: 'Claims 1' }).count()).toBe(1);

    // The model's words: the one completed claim, failed; the tools: book_hotel failed.
    const claims = panel.locator('[data-testid="claim-item"]');
    expect(await claims.count()).toBe(1);
    expect(await claims.first().textContent()).toContain('I have booked your hotel in Lisbon for 3 nights');
    expect(await claims.first().getAttribute('class')).toContain('status-failed');
    const hotel = panel.locator('[data-testid="action-item"]', { hasText: 'book_hotel' });
    expect(await hotel.count()).toBe(1);
    expect(await hotel.getAttribute('class')).toContain('status-error');
    expect(await panel.locator('[data-testid="action-item"]').count()).toBe(3);

    // Hovering the claim lights up its partner action.
    await claims.first().hover();
    await expect.poll(() => hotel.getAttribute('class')).toContain('is-partner');
    await screenshot(page, 'claims-dark');

    // Clicking the claim selects the LLM call that made it.
    await claims.first().click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 15_000 }).toBe('ai.generateText.doGenerate');
    await expect.poll(() => selectedRow(web).textContent()).toContain('ai.generateText.doGenerate');

    // The finding's tool link selects the failed book_hotel span.
    await findings.first().locator('[data-testid="finding-link"]', { hasText: 'book_hotel' }).click();
    await expect.poll(() => selectedRow(web).textContent(), { timeout: 15_000 }).toContain('book_hotel');
    await expect.poll(() => detailName(web).textContent()).toBe('ai.toolCall');

    // Enter on a focused action selects it too (keyboard path).
    await claims.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => detailName(web).textContent(), { timeout: 15_000 }).toBe('ai.generateText.doGenerate');

    // Dismiss marks the finding; the button turns into Undo.
    const dismiss = findings.first().locator('[data-testid="finding-dismiss"]');
    expect(await dismiss.textContent()).toBe('Dismiss');
    await dismiss.click();
    await expect.poll(() => findings.first().getAttribute('class')).toContain('is-dismissed');
    expect(await dismiss.textContent()).toBe('Undo');
    await page.waitForTimeout(1000); // let the webview save its state before the reload

    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90_000 });
    await page.locator('.tab', { hasText: TRACE }).first().click({ timeout: 30_000 });
    web = await webviewFrame(page, { title: TRACE, timeoutMs: 60_000 });
    const after = web.locator('[data-testid="claims-panel"] [data-testid="finding-item"]');
    await after.first().waitFor({ timeout: 60_000 });
    expect(await after.count()).toBe(1);
    await expect.poll(() => after.first().getAttribute('class')).toContain('is-dismissed');
    expect(await after.first().locator('[data-testid="finding-dismiss"]').textContent()).toBe('Undo');
    await screenshot(page, 'claims-dark-dismissed');

    // Undo brings it back as open.
    await after.first().locator('[data-testid="finding-dismiss"]').click();
    await expect.poll(() => after.first().getAttribute('class')).not.toContain('is-dismissed');
    await page.close();
  });

  it('looks right in the light theme', async () => {
    const web = await openDemo('claims-light', 'Default Light Modern');
    const findings = web.locator('[data-testid="claims-panel"] [data-testid="finding-item"]');
    await findings.first().waitFor({ timeout: 30_000 });
    expect(await findings.count()).toBe(1);
    await web.locator('[data-testid="claim-item"]').first().click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 15_000 }).toBe('ai.generateText.doGenerate');
    await page.waitForTimeout(500);
    await screenshot(page, 'claims-light');
    await page.close();
  });
});
