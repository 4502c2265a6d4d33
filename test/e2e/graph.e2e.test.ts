/**
 * The Plan graph tab in code-server: the demo trace's graph is laid out by ELK in a blob: worker
 * (proves the webview CSP lets it start inside the workbench iframe: the root says
 * data-layout-engine="elk", not the main-thread fallback), failed book_hotel is marked, clicking
 * a node selects its span; a generated looping agent trace shows folded groups and loop
 * findings, a group expands on Enter. Screenshots in dark, light and high-contrast themes.
 */
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generateAgentSpans } from '../../bench/generateAgentTrace';
import { openWorkbench, REPO_ROOT, screenshot, showMainView, startCodeServer, webviewFrame, useE2eSession } from './harness';

const LOOP_TRACE = 'looping-agent.otlp.json';

describe('Plan graph tab', { timeout: 400_000 }, () => {
  const session = useE2eSession('graph');
  let page: Page;

  async function openDemo(name: string, theme: string): Promise<{ web: FrameLocator; workspace: string }> {
    const workspace = join(session.tmp, name);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    writeFileSync(join(workspace, LOOP_TRACE), JsonTraceSerializer.serializeRequest(generateAgentSpans(400))!);
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    page = await session.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web.locator('[data-testid="span-row"]').first().waitFor({ state: 'attached', timeout: 60_000 });
    await showMainView(web, 'Plan graph');
    await web.locator('[data-testid="plan-graph"] [data-testid="graph-node"]').first().waitFor({ timeout: 60_000 });
    return { web, workspace };
  }

  const nodes = (web: FrameLocator) => web.locator('[data-testid="plan-graph"] [data-testid="graph-node"]');

  it('lays out the demo run in the worker, marks the failure and selects on click (dark), then shows loops and groups', async () => {
    const { web } = await openDemo('graph-dark', 'Default Dark Modern');
    const root = web.locator('[data-testid="plan-graph"]');
    await expect.poll(() => root.getAttribute('data-layout-engine'), { timeout: 30_000 }).toBe('elk');
    // The demo run: agent, 3 LLM calls, get_weather, search_flights, book_hotel = 7 nodes.
    expect(await nodes(web).count()).toBe(7);
    const hotel = nodes(web).filter({ hasText: 'book_hotel' });
    expect(await hotel.getAttribute('class')).toContain('is-error');
    expect(await hotel.textContent()).toContain('✕');
    await hotel.click();
    await expect.poll(() => web.locator('[data-testid="detail-panel"] .detail-name').first().textContent(), { timeout: 15_000 }).toBe('ai.toolCall');
    await expect.poll(() => hotel.getAttribute('class')).toContain('is-selected');
    await screenshot(page, 'graph-dark');

    // Keyboard: the focused node moves with the arrows and Enter selects it.
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => web.locator('[data-testid="detail-panel"] .detail-name').first().textContent(), { timeout: 15_000 }).not.toBe('ai.toolCall');

    // A generated 400-span run whose tools repeat their arguments: loop findings and folded groups.
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(LOOP_TRACE);
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: LOOP_TRACE }).first().waitFor({ timeout: 15_000 });
    await input.press('Enter');
    const loop = await webviewFrame(page, { timeoutMs: 60_000 });
    await loop.locator('[data-testid="span-row"]').first().waitFor({ state: 'attached', timeout: 60_000 });
    await showMainView(loop, 'Plan graph');
    await nodes(loop).first().waitFor({ timeout: 60_000 });
    const findings = loop.locator('[data-testid="graph-finding"]');
    await findings.first().waitFor({ timeout: 30_000 });
    expect(await findings.count()).toBeGreaterThan(0);
    expect(await findings.first().textContent()).toContain('wasted');
    await screenshot(page, 'graph-dark-loops');
    // Enter on a folded group expands it in place: its node goes, its iterations' nodes come.
    const group = loop.locator('[data-testid="graph-node"][aria-expanded="false"]').first();
    const gid = (await group.getAttribute('data-node-id'))!;
    await group.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => loop.locator(`[data-node-id="${gid}"]`).count(), { timeout: 30_000 }).toBe(0);
    expect(await loop.locator('[data-testid="graph-node"].in-group').count()).toBeGreaterThan(2);
    await screenshot(page, 'graph-dark-expanded');
    // Shift+Enter on one of them folds the group back.
    await loop.locator('[data-testid="graph-node"].in-group').first().focus();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => loop.locator(`[data-node-id="${gid}"]`).count(), { timeout: 30_000 }).toBe(1);
    expect(await loop.locator('[data-testid="graph-node"].in-group').count()).toBe(0);
    // Zoomed far out, the drawing switches to the overview (no per-node elements).
    await loop.locator('[data-testid="graph-fit"]').click();
    await expect.poll(() => nodes(loop).count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'graph-dark-overview');
    await page.close();
  });

  for (const [name, theme] of [
    ['light', 'Default Light Modern'],
    ['hc', 'Default High Contrast'],
  ] as const) {
    it(`looks right in the ${name} theme`, async () => {
      const { web } = await openDemo(`graph-${name}`, theme);
      await expect.poll(() => web.locator('[data-testid="plan-graph"]').getAttribute('data-layout-engine'), { timeout: 30_000 }).toBe('elk');
      await nodes(web).filter({ hasText: 'search_flights' }).click();
      await screenshot(page, `graph-${name}`);
      await page.close();
    });
  }
});
