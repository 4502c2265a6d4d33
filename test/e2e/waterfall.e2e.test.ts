/**
 * The waterfall in the real extension (code-server + Chromium): the demo trace opens by itself;
 * the canvas paints (data-paints > 0); clicking a row selects its span; search counts and
 * steps through matches; the keyboard moves the selection. Screenshots in the dark, light and
 * high-contrast themes (test/e2e/screenshots/waterfall-*.png). A second test opens a generated
 * 100k-span trace and times zoom and scroll frames in the webview.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generateAgentSpans } from '../../bench/generateAgentTrace';
import { cspViolations, openWorkbench, REPO_ROOT, screenshot, SCREENSHOT_DIR, startCodeServer, webviewFrame, useE2eSession } from './harness';

const THEMES = [
  ['dark', 'Default Dark Modern'],
  ['light', 'Default Light Modern'],
  ['high-contrast', 'Default High Contrast'],
] as const;

const ROW_HEIGHT = 22;

async function paints(wf: Locator): Promise<number> {
  return Number((await wf.getAttribute('data-paints')) ?? 0);
}

async function waitForPaint(wf: Locator, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await paints(wf)) === 0) {
    if (Date.now() > deadline) throw new Error('the waterfall never painted');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('waterfall', { timeout: 300_000 }, () => {
  const session = useE2eSession('waterfall');

  async function open(_name: string, workspace: string, theme: string): Promise<{ page: Page; web: FrameLocator }> {
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    const web = await webviewFrame(page, { timeoutMs: 90_000 });
    return { page, web };
  }

  it.each(THEMES)('draws the demo trace, selects by click, searches (%s theme)', async (label, theme) => {
    const workspace = join(session.tmp, `demo-${label}`);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const { page, web } = await open(label, workspace, theme);
    const wf = web.locator('[data-testid="waterfall"]');
    await wf.waitFor({ timeout: 60_000 });
    await waitForPaint(wf, 30_000);
    expect(await paints(wf)).toBeGreaterThan(0);
    // The DOM stays small: the rows are pixels.
    expect(await wf.evaluate((el) => el.querySelectorAll('*').length)).toBeLessThan(200);

    // Click the third row (span 2 in pre-order: nothing is collapsed in the demo) on its name.
    const area = web.locator('[data-testid="wf-canvas-area"]');
    await area.click({ position: { x: 80, y: ROW_HEIGHT * 2 + 11 } });
    await expect.poll(() => wf.getAttribute('data-selected-index'), { timeout: 5_000 }).toBe('2');

    // Keyboard: Down selects the next row, Home the first.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => wf.getAttribute('data-selected-index'), { timeout: 5_000 }).toBe('3');
    await page.keyboard.press('Home');
    await expect.poll(() => wf.getAttribute('data-selected-index'), { timeout: 5_000 }).toBe('0');

    // Search: the failed hotel booking is the one "book" match (by its tool name); Enter selects it.
    // The text field is a vscode-textfield: its <input> is in the shadow root (CSS locators pierce it).
    const search = web.locator('[data-testid="wf-search"] input');
    await search.fill('book');
    const count = web.locator('[data-testid="wf-count"]');
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe('1 match');
    await search.press('Enter');
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe('1 of 1');
    const selected = Number(await wf.getAttribute('data-selected-index'));
    expect(selected).toBeGreaterThan(0);

    // Hover the selected row's name: the tooltip shows self and critical time.
    await search.fill('');
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe('');
    const before = await paints(wf);
    await area.hover({ position: { x: 80, y: ROW_HEIGHT * selected + 11 } });
    const tip = web.locator('[data-testid="wf-tooltip"]');
    await expect.poll(() => tip.textContent(), { timeout: 5_000 }).toContain('Critical');
    expect(await tip.textContent()).toContain('book_hotel');
    expect(await paints(wf)).toBeGreaterThan(before);

    // The strict CSP blocked nothing the page tried (webview/cspViolations.ts records from page start).
    expect(await cspViolations(web)).toEqual({ count: 0, details: [] });
    await screenshot(page, `waterfall-${label}`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await wf.screenshot({ path: join(SCREENSHOT_DIR, `waterfall-${label}-view.png`) });
    await page.close();
  });

  it('stays fast with 100k spans: zoom and scroll frames', async () => {
    const workspace = join(session.tmp, 'big');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, 'agent-100000.otlp.json'), JsonTraceSerializer.serializeRequest(generateAgentSpans(100_000))!);
    writeFileSync(join(workspace, '.vscode', 'agent-trace.json'), JSON.stringify({ openOnStartup: ['agent-100000.otlp.json'] }));
    const { page, web } = await open('big', workspace, 'Default Dark Modern');
    const wf = web.locator('[data-testid="waterfall"]');
    await wf.waitFor({ timeout: 120_000 });
    await waitForPaint(wf, 60_000);
    expect(await wf.evaluate((el) => el.querySelectorAll('*').length)).toBeLessThan(200);
    // Let the first row windows and the other views' requests settle: their answers are big
    // messages that would land in the measured frames.
    await page.waitForTimeout(5_000);

    // In the webview. (1) Script cost of a frame: from a rAF callback queued before the event to
    // the data-paints change after the draw (a MutationObserver microtask right after the draw
    // callback); scroll events fire one frame later, which this also covers. (2) Frame intervals
    // while one wheel event per frame keeps the view zooming (includes style, layout and paint).
    const timings = await wf.evaluate(
      async (rootEl) => {
        // Runs in the webview; the root tsconfig has no DOM lib, hence these minimal shapes.
        interface El {
          scrollTop: number;
          dispatchEvent(ev: unknown): boolean;
          getBoundingClientRect(): { left: number; top: number; width: number };
          querySelector(sel: string): El | null;
          dataset: Record<string, string | undefined>;
        }
        const g = globalThis as unknown as {
          requestAnimationFrame(cb: (t: number) => void): number;
          setTimeout(cb: () => void, ms: number): number;
          clearTimeout(id: number): void;
          performance: { now(): number };
          WheelEvent: new (type: string, init: Record<string, unknown>) => unknown;
          MutationObserver: new (cb: () => void) => { observe(el: unknown, o: Record<string, unknown>): void; disconnect(): void };
        };
        const root = rootEl as unknown as El;
        const area = root.querySelector('[data-testid="wf-canvas-area"]')!;
        const r = area.getBoundingClientRect();
        const wheelAt = (dy: number) =>
          new g.WheelEvent('wheel', { deltaY: dy, clientX: r.left + r.width * 0.7, clientY: r.top + 40, bubbles: true, cancelable: true });
        const drawMs: number[] = [];
        const frame = (act: () => void) =>
          new Promise<number>((resolve) =>
            g.requestAnimationFrame(() => {
              let t0 = 0;
              g.requestAnimationFrame(() => (t0 = g.performance.now()));
              // No paint within a second (e.g. the view was re-mounted): counted as missed (-1).
              const timer = g.setTimeout(() => {
                obs.disconnect();
                resolve(-1);
              }, 1000);
              const obs = new g.MutationObserver(() => {
                obs.disconnect();
                g.clearTimeout(timer);
                drawMs.push(Number(root.dataset.drawMs));
                resolve(g.performance.now() - t0);
              });
              obs.observe(rootEl, { attributes: true, attributeFilter: ['data-paints'] });
              act();
            }),
          );
        const intervals = await new Promise<number[]>((resolve) => {
          const out: number[] = [];
          let last = -1;
          let i = 0;
          const tick = (t: number) => {
            if (last >= 0) out.push(t - last);
            last = t;
            area.dispatchEvent(wheelAt(i++ < 30 ? -60 : 60));
            if (i < 61) g.requestAnimationFrame(tick);
            else resolve(out);
          };
          g.requestAnimationFrame(tick);
        });
        const wheel: number[] = [];
        for (let i = 0; i < 40; i++) wheel.push(await frame(() => area.dispatchEvent(wheelAt(i < 20 ? -120 : 120))));
        const scroll: number[] = [];
        for (let i = 0; i < 40; i++) scroll.push(await frame(() => (area.scrollTop += 500)));
        // Baseline: frame intervals of the same page with nothing happening.
        const idle = await new Promise<number[]>((resolve) => {
          const out: number[] = [];
          let last = -1;
          const tick = (t: number) => {
            if (last >= 0) out.push(t - last);
            last = t;
            if (out.length < 60) g.requestAnimationFrame(tick);
            else resolve(out);
          };
          g.requestAnimationFrame(tick);
        });
        // Once the page is quiet (the other views done with the 100k trace): zoom again.
        const busyDrawMs = drawMs.splice(0);
        const quietWheel: number[] = [];
        for (let i = 0; i < 30; i++) quietWheel.push(await frame(() => area.dispatchEvent(wheelAt(i < 15 ? -120 : 120))));
        return { wheel, scroll, intervals, idle, quietWheel, busyDrawMs, quietDrawMs: drawMs, paintsAfter: Number(root.dataset.paints) };
      },
      undefined,
      { timeout: 120_000 },
    );
    const missed = [...timings.wheel, ...timings.scroll].filter((t) => t < 0).length;
    timings.wheel = timings.wheel.filter((t) => t >= 0);
    timings.scroll = timings.scroll.filter((t) => t >= 0);
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const summary = {
      quietDrawP95Ms: p95(timings.quietDrawMs),
      quietDrawMaxMs: Math.max(...timings.quietDrawMs),
      quietWheelFrameScriptP95Ms: p95(timings.quietWheel.filter((t) => t >= 0)),
      busyDrawP95Ms: p95(timings.busyDrawMs),
      wheelScriptP95Ms: p95(timings.wheel),
      wheelScriptMaxMs: Math.max(...timings.wheel),
      zoomFrameIntervalMedianMs: median(timings.intervals),
      zoomFrameIntervalP95Ms: p95(timings.intervals),
      idleFrameIntervalMedianMs: median(timings.idle),
      idleFrameIntervalP95Ms: p95(timings.idle),
      missedPaints: missed,
    };
    console.log('[waterfall 100k]', JSON.stringify(summary));
    expect(missed).toBeLessThan(5);
    // The draw itself (data-draw-ms), once the page is quiet, must stay well inside a 16 ms
    // frame. The other numbers are logged only: while the host and the other views still work
    // on the 100k trace (claims, cards), the shared 2-core machine is saturated.
    expect(summary.quietDrawP95Ms).toBeLessThan(8);
    await screenshot(page, 'waterfall-100k');
    await page.close();
  });
});
