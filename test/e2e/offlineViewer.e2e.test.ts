/**
 * trace.html, the offline viewer of a bug report, in plain headless Chromium (no VS Code): the
 * viewer bundle taken out of the packaged VSIX (so the test also proves the VSIX ships it), a page
 * written by `buildOfflineViewerHtml` for the demo trace, opened from file:// with every request
 * other than the page itself aborted and counted. The page must make none, log no console errors
 * or CSP violations, and show the demo run: timeline cards, span tree, claims panel, selected
 * span, in light and dark. A second page carries hostile trace text and must show it as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { buildOfflineViewerHtml } from '../../src/offlineViewer/buildOfflineViewerHtml';
import { REPO_ROOT, screenshot, useE2eSession } from './harness';

const DEMO_TRACE = join(REPO_ROOT, 'demo', 'workspace', 'traces', 'travel-agent-run.otlp.json');
/** In the demo trace: the run's trace id and the failing book_hotel tool call. */
const DEMO_TRACE_ID = 'a936d92e0e9a300165a22784fd673f2c';
const BOOK_HOTEL_SPAN = '8ff34524e9d37b2b';

/** What a page did that it must not: requests other than its own file, console errors, uncaught errors, dialogs. */
interface PageRecord {
  readonly requests: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

async function openOffline(page: Page, file: string): Promise<PageRecord> {
  const url = pathToFileURL(file).href;
  const rec: PageRecord = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => {
    if (r.url() !== url) rec.requests.push(r.url());
  });
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  page.on('console', (m) => {
    if (m.type() === 'error') rec.errors.push(m.text());
  });
  page.on('pageerror', (e) => rec.errors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    rec.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return rec;
}

/** Clicks a main view's tab (as harness.ts `showMainView` does inside the webview frame). */
async function showView(page: Page, title: 'Span tree' | 'Plan graph'): Promise<void> {
  await page.locator('[role="tablist"][aria-label="Views"] [role="tab"]', { hasText: title }).click();
  await page.locator('[role="tablist"][aria-label="Views"] [role="tab"][aria-selected="true"]', { hasText: title }).waitFor({ timeout: 5_000 });
}

const treeRows = (page: Page) => page.locator('[role="tree"][aria-label="Spans"] [data-testid="span-row"]:visible');

async function cspViolationsOf(page: Page): Promise<{ count: number; details: string }> {
  const html = page.locator('html');
  const count = await html.getAttribute('data-csp-violations');
  if (count === null) throw new Error('the CSP violation recorder is missing from the page');
  return { count: Number(count), details: (await html.getAttribute('data-csp-violation-details')) ?? '[]' };
}

describe('trace.html (offline viewer)', { timeout: 120_000 }, () => {
  const session = useE2eSession('offline-viewer');

  /** The viewer bundle as the VSIX ships it: extension/dist/offline/. */
  function viewerDirFromVsix(): string {
    const out = join(session.tmp, 'vsix');
    execFileSync('unzip', ['-q', '-o', inject('vsixPath'), 'extension/dist/offline/*', '-d', out]);
    return join(out, 'extension', 'dist', 'offline');
  }

  it('shows the demo run from file:// with the network blocked: cards, span tree, claims, the failing step selected', async () => {
    const viewerDir = viewerDirFromVsix();
    const html = await buildOfflineViewerHtml({
      otlpJson: readFileSync(DEMO_TRACE),
      title: 'book_hotel failed but the model said it booked',
      viewerDir,
      select: { traceId: DEMO_TRACE_ID, spanId: BOOK_HOTEL_SPAN },
    });
    const file = join(session.tmp, 'report', 'trace.html');
    mkdirSync(join(session.tmp, 'report'), { recursive: true });
    writeFileSync(file, html);

    for (const scheme of ['light', 'dark'] as const) {
      const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme });
      const rec = await openOffline(page, file);
      // The header: the demo run's root span and its span count (7: the root, 3 LLM steps, 3 tool calls).
      await expect.poll(() => page.getByTestId('summary-root-name').textContent()).toBe('ai.generateText');
      expect(await page.title()).toBe('book_hotel failed but the model said it booked');
      // The timeline cards: one per LLM step, with the user's request and the failed tool's error from the trace.
      const cards = page.getByTestId('timeline-card');
      await expect.poll(() => cards.count()).toBe(3);
      expect(await cards.nth(0).textContent()).toContain('Plan a 3-night trip from Berlin to Lisbon on 14 May 2026 and book a hotel.');
      expect(await cards.nth(1).textContent()).toContain('no rooms available in Lisbon for 3 nights');
      // The claims panel: the model's sentence next to the three tool runs, book_hotel failed.
      const claims = page.getByTestId('claims-panel');
      await expect.poll(() => claims.getByTestId('claim-item').count()).toBe(1);
      expect(await claims.getByTestId('claim-item').textContent()).toContain('I have booked your hotel in Lisbon for 3 nights');
      expect(await claims.getByTestId('action-item').allTextContents()).toEqual([
        expect.stringContaining('get_weather'),
        expect.stringContaining('search_flights'),
        expect.stringContaining('book_hotel'),
      ]);
      expect(await claims.getByTestId('finding-item').count()).toBe(1);
      // The span the page was written for is selected: book_hotel's tool call, with its error,
      // and without Go to Handler (no editor offline).
      const detail = page.getByTestId('detail-panel');
      await expect.poll(() => detail.textContent()).toContain(BOOK_HOTEL_SPAN);
      expect(await detail.textContent()).toContain('no rooms available in Lisbon for 3 nights');
      // No control that needs the extension host: Go to Handler, Bug report…, Report on a finding.
      expect(await page.getByTestId('go-to-handler').count()).toBe(0);
      expect(await page.getByTestId('create-bug-report').count()).toBe(0);
      expect(await claims.getByTestId('finding-report').count()).toBe(0);
      await screenshot(page, `offline-viewer-${scheme}`);

      // The span tree: every span of the trace, by name.
      await showView(page, 'Span tree');
      const rows = treeRows(page);
      await expect.poll(() => rows.count()).toBe(7);
      expect((await rows.allTextContents()).filter((t) => t.includes('ai.toolCall'))).toHaveLength(3);
      await screenshot(page, `offline-viewer-tree-${scheme}`);
      // The plan graph is left out, and says where to see it.
      await showView(page, 'Plan graph');
      expect(await page.getByTestId('offline-plan-graph-note').textContent()).toContain('Plan graph: open in VS Code.');

      expect(rec.requests).toEqual([]);
      expect(rec.errors).toEqual([]);
      expect(rec.dialogs).toEqual([]);
      expect(await cspViolationsOf(page)).toEqual({ count: 0, details: '[]' });
      await page.close();
    }
  });

  it('shows hostile trace text as text: no markup, script, dialog or request comes out of it', async () => {
    const payloads = ['</script><script>alert("data")</script>', '<img src=x onerror=alert("img")>', '<!--<script>', 'a\u2028b'];
    const spans = payloads.map((name, i) => ({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: `00f067aa0ba902b${i}`,
      ...(i > 0 && { parentSpanId: '00f067aa0ba902b0' }),
      name,
      startTimeUnixNano: `170000000000000000${i}`,
      endTimeUnixNano: `170000000100000000${i}`,
      attributes: [{ key: 'note', value: { stringValue: `<b>${name}</b>` } }],
    }));
    const otlp = JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }] });
    const file = join(session.tmp, 'hostile.html');
    writeFileSync(
      file,
      await buildOfflineViewerHtml({ otlpJson: new TextEncoder().encode(otlp), title: '</title><script>alert(1)</script>', viewerDir: viewerDirFromVsix() }),
    );

    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const rec = await openOffline(page, file);
    await showView(page, 'Span tree');
    const rows = treeRows(page);
    await expect.poll(() => rows.count()).toBe(4);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('</script><script>alert("data")</script>');
    expect(texts[1]).toContain('<img src=x onerror=alert("img")>');
    expect(await page.title()).toBe('</title><script>alert(1)</script>');
    // The page's own three script elements and nothing the trace made: no img, no extra script.
    expect(await page.evaluate('[document.scripts.length, document.images.length]')).toEqual([3, 0]);
    expect(rec).toEqual({ requests: [], errors: [], dialogs: [] });
    expect((await cspViolationsOf(page)).count).toBe(0);
    await page.close();
  });

  it('control: the same blocking sees a request and the recorder sees a violation when there is one', async () => {
    const file = join(session.tmp, 'report', 'trace.html');
    const page = await session.browser.newPage();
    const rec = await openOffline(page, file);
    await expect.poll(() => page.getByTestId('summary-root-name').textContent()).toBe('ai.generateText');
    // A navigation is a request the CSP does not govern: it must reach (and be aborted by) the route.
    await page.evaluate("void window.open('http://127.0.0.1:9/nothing', '_self')").catch(() => undefined);
    await expect.poll(() => rec.requests).toEqual(['http://127.0.0.1:9/nothing']);
    await page.close();

    const page2 = await session.browser.newPage();
    await openOffline(page2, file);
    await expect.poll(() => page2.getByTestId('summary-root-name').textContent()).toBe('ai.generateText');
    // An element the CSP blocks: recorded by the page's own recorder.
    await page2.evaluate("document.body.append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }))");
    await expect.poll(async () => (await cspViolationsOf(page2)).count).toBe(1);
    await page2.close();
  });
});
