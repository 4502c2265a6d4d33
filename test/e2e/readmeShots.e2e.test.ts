/**
 * The README's pictures, taken in a real code-server on the demo workspace so they stay current:
 * the chain-of-thought timeline, the plan graph, the Claims panel with the demo's
 * claimed-success-but-failed finding, and the Cost panel, in the dark and light themes; and, in
 * the dark theme, a strip of the main loop (open the trace → step to the failing iteration → the
 * claim finding → Go to Handler). Every picture is taken only after the view it shows is checked
 * (visible, holding the expected text). They are written to media/screenshots/ as small JPEGs,
 * clipped to the editor area (the side bar is closed), the strip's frames scaled down to 640 px.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openWorkbench, REPO_ROOT, runCommand, screenshot, showMainView, startCodeServer, webviewFrame, useE2eSession } from './harness';

const OUT_DIR = join(REPO_ROOT, 'media', 'screenshots');
const VIEWPORT = { width: 1280, height: 760 };
const STRIP_WIDTH = 640;
const QUALITY = 60;
const TOOLS_TS = readFileSync(join(REPO_ROOT, 'demo', 'workspace', 'src', 'tools.ts'), 'utf8').split('\n');
const BOOK_HOTEL_LINE = TOOLS_TS.findIndex((l) => l.startsWith('export async function bookHotel')) + 1;

const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
] as const;

describe('README screenshots on the demo workspace', { timeout: 400_000 }, () => {
  const session = useE2eSession('readme-shots');

  async function openDemo(label: string, theme: string): Promise<{ page: Page; web: FrameLocator }> {
    const workspace = join(session.tmp, label);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    const page = await session.browser.newPage({ viewport: VIEWPORT });
    await openWorkbench(page, server.url, workspace);
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web
      .locator('[data-testid="summary-root-name"]')
      .waitFor({ timeout: 60_000 })
      .catch(async (e: unknown) => {
        throw new Error(`the demo trace did not open (screenshot: ${await screenshot(page, `readme-${label}-open`)})`, { cause: e });
      });
    // The whole width for the trace: no side bar.
    await runCommand(page, 'View: Close Primary Side Bar');
    await expect.poll(() => page.locator('.part.sidebar').isVisible()).toBe(false);
    return { page, web };
  }

  /** The editor area as a JPEG (no notifications or hovers on it). */
  async function editorShot(page: Page): Promise<Buffer> {
    await expect.poll(() => page.locator('.notifications-toasts .notification-toast').count()).toBe(0);
    const box = await page.locator('.part.editor').boundingBox();
    expect(box).toBeTruthy();
    await page.waitForTimeout(300); // let the last layout and paint settle
    return page.screenshot({ type: 'jpeg', quality: QUALITY, clip: box!, animations: 'disabled', caret: 'hide' });
  }

  function save(name: string, image: Buffer): void {
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, `${name}.jpg`), image);
    expect(image.length).toBeLessThan(130_000); // they are about 40-120 KB; a guard against a huge one
  }

  /** Scales a picture down to `width` px in the browser (a page holding only the image). */
  async function shrink(image: Buffer, width: number): Promise<Buffer> {
    const page = await session.browser.newPage({ viewport: { width, height: 600 } });
    try {
      await page.setContent(
        `<body style="margin:0"><img style="display:block;width:${width}px" src="data:image/jpeg;base64,${image.toString('base64')}"></body>`,
      );
      await page.waitForFunction('document.images[0].complete && document.images[0].naturalWidth > 0'); // a string: no DOM types here
      return await page.locator('img').screenshot({ type: 'jpeg', quality: 75 });
    } finally {
      await page.close();
    }
  }

  const cards = (web: FrameLocator) => web.locator('[data-testid="timeline-cards"] [data-testid="timeline-card"]');
  const selectedCard = (web: FrameLocator) => web.locator('[data-testid="timeline-card"][aria-selected="true"]');
  const detailName = (web: FrameLocator) => web.locator('[data-testid="detail-panel"] .detail-name').first();
  const sideTab = (web: FrameLocator, label: string) => web.locator('.side-tabs [role="tab"]', { hasText: label });

  async function timeline(page: Page, web: FrameLocator, label: string): Promise<void> {
    await showMainView(web, 'Timeline');
    await expect.poll(() => cards(web).count(), { timeout: 60_000 }).toBe(3);
    const failed = cards(web).nth(1);
    await expect.poll(() => failed.textContent(), { timeout: 15_000 }).toContain('book_hotel');
    expect(await failed.getAttribute('class')).toContain('is-error');
    expect(await failed.textContent()).toContain('no rooms available in Lisbon for 3 nights');
    await failed.locator('[data-testid="timeline-tool"]', { hasText: 'book_hotel' }).click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe('ai.toolCall');
    await expect(web.locator('[data-testid="waterfall"]').isVisible()).resolves.toBe(true);
    save(`timeline-${label}`, await editorShot(page));
  }

  async function graph(page: Page, web: FrameLocator, label: string): Promise<void> {
    await showMainView(web, 'Plan graph');
    const root = web.locator('[data-testid="plan-graph"]');
    await expect.poll(() => root.getAttribute('data-layout-engine'), { timeout: 30_000 }).toBe('elk');
    const nodes = root.locator('[data-testid="graph-node"]');
    expect(await nodes.count()).toBe(7);
    const hotel = nodes.filter({ hasText: 'book_hotel' });
    expect(await hotel.getAttribute('class')).toContain('is-error');
    await hotel.click();
    await expect.poll(() => hotel.getAttribute('class')).toContain('is-selected');
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2); // no hover on a node
    save(`graph-${label}`, await editorShot(page));
  }

  async function claims(page: Page, web: FrameLocator, label: string): Promise<void> {
    await showMainView(web, 'Span tree');
    await sideTab(web, 'Claims').dispatchEvent('click');
    const panel = web.locator('[data-testid="claims-panel"]');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    const finding = panel.locator('[data-testid="finding-item"]');
    await expect.poll(() => finding.count(), { timeout: 30_000 }).toBe(1);
    expect(await finding.getAttribute('data-kind')).toBe('claimed-success-but-failed');
    expect(await finding.textContent()).toContain('book_hotel');
    const claim = panel.locator('[data-testid="claim-item"]');
    expect(await claim.textContent()).toContain('I have booked your hotel in Lisbon for 3 nights');
    await finding.locator('[data-testid="finding-link"]', { hasText: 'book_hotel' }).click();
    await expect.poll(() => web.locator('[data-testid="span-row"].selected').textContent(), { timeout: 15_000 }).toContain('book_hotel');
    // Hovering the claim lights up the failed tool call it pairs with.
    await claim.hover();
    await expect.poll(() => panel.locator('[data-testid="action-item"]', { hasText: 'book_hotel' }).getAttribute('class')).toContain('is-partner');
    save(`claims-${label}`, await editorShot(page));
  }

  async function cost(page: Page, web: FrameLocator, label: string): Promise<void> {
    await showMainView(web, 'Timeline');
    await sideTab(web, 'Cost').dispatchEvent('click');
    const panel = web.locator('[data-testid="cost-panel"]');
    await panel.locator('[data-testid="cost-total"]').waitFor({ timeout: 30_000 });
    expect(await panel.locator('[data-testid="cost-total"]').textContent()).toBe('$0.000275');
    expect(await panel.locator('[data-testid="cost-steps"] [role="row"][data-step]').count()).toBe(3);
    expect(await panel.locator('.cost-chart-svg rect.cost-bar-input').count()).toBe(3);
    await panel.locator('[data-testid="cost-steps"] [role="row"][data-step="1"]').click();
    await expect.poll(() => panel.locator('[data-testid="cost-steps"] [role="row"].selected').getAttribute('data-step')).toBe('1');
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height / 2);
    save(`cost-${label}`, await editorShot(page));
  }

  it.each(THEMES)('timeline, plan graph, claims and cost (%s theme)', async (label, theme) => {
    const { page, web } = await openDemo(`shots-${label}`, theme);
    await timeline(page, web, label);
    await graph(page, web, label);
    await claims(page, web, label);
    await cost(page, web, label);
    await page.close();
  });

  it('the main loop as a strip: open, step to the failure, the finding, Go to Handler (dark theme)', async () => {
    expect(BOOK_HOTEL_LINE).toBeGreaterThan(0);
    const { page, web } = await openDemo('strip', 'Default Dark Modern');
    const frame = async (n: number, name: string) => save(`loop-${n}-${name}`, await shrink(await editorShot(page), STRIP_WIDTH));

    // 1. The trace as it opens: the run selected, the cards of its three iterations.
    await expect.poll(() => cards(web).count(), { timeout: 60_000 }).toBe(3);
    await sideTab(web, 'Claims').dispatchEvent('click');
    await web.locator('[data-testid="claims-panel"] [data-testid="finding-item"]').first().waitFor({ timeout: 30_000 });
    expect(await selectedCard(web).count()).toBe(0);
    await frame(1, 'open');

    // 2. n, n: the second iteration, where book_hotel failed.
    await web.locator('[data-testid="timeline-cards"]').focus();
    await page.keyboard.press('n');
    await expect
      .poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 })
      .toBe(await cards(web).nth(0).getAttribute('data-span-index'));
    await page.keyboard.press('n');
    await expect
      .poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 })
      .toBe(await cards(web).nth(1).getAttribute('data-span-index'));
    expect(await selectedCard(web).getAttribute('class')).toContain('is-error');
    expect(await selectedCard(web).textContent()).toContain('no rooms available in Lisbon for 3 nights');
    await frame(2, 'step');

    // 3. The finding: the model said it booked the hotel; the booking failed. Its link selects the tool call.
    const finding = web.locator('[data-testid="claims-panel"] [data-testid="finding-item"]');
    expect(await finding.getAttribute('data-kind')).toBe('claimed-success-but-failed');
    await finding.locator('[data-testid="finding-link"]', { hasText: 'book_hotel' }).click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 15_000 }).toBe('ai.toolCall');
    await finding.hover();
    await frame(3, 'finding');

    // 4. Go to Handler: src/tools.ts beside the trace, at bookHotel.
    await web.locator('[data-testid="go-to-handler"]').click({ timeout: 15_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'tools.ts' }).waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          (
            await page
              .locator('[id="status.editor.selection"]')
              .innerText()
              .catch(() => '')
          ).trim(),
        { timeout: 15_000 },
      )
      .toMatch(new RegExp(`^Ln ${BOOK_HOTEL_LINE}, Col 1\\b`));
    expect(await page.locator('.editor-group-container').count()).toBe(2);
    await page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 40);
    await frame(4, 'handler');
    await page.close();
  });
});
