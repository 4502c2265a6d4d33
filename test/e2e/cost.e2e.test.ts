/**
 * The Cost tab on the demo workspace. The demo run has three gpt-4o-mini calls; with the
 * built-in prices ($/M: input 0.15, cached input 0.075, output 0.6):
 *   412 in, 58 out                → 412×0.15 + 58×0.6             = 96.6 µ$
 *   655 in (384 cached), 31 out   → 271×0.15 + 384×0.075 + 31×0.6 = 88.05 µ$
 *   748 in (640 cached), 44 out   → 108×0.15 + 640×0.075 + 44×0.6 = 90.6 µ$
 *   total 275.25 µ$ → "$0.000275"
 * Then `agentTrace.prices` is changed while the trace is open (gpt-4o-mini at 1 / 2 / 0.5 $/M):
 *   412×1 + 58×2 = 528; 271×1 + 384×0.5 + 31×2 = 525; 108×1 + 640×0.5 + 44×2 = 516
 *   total 1569 µ$ → "$0.00157", and the price row says "settings".
 * In high contrast, a small GenAI trace with an unpriced model and a markdown answer full of
 * hostile bits checks the unpriced total and the safe markdown rendering.
 * Screenshots in the dark, light and high-contrast themes.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PRICES_AS_OF } from '../../src/core/semantics/prices';
import { openWorkbench, REPO_ROOT, screenshot, startCodeServer, webviewFrame, showMainView, useE2eSession } from './harness';

describe('Cost tab on the demo workspace', { timeout: 300_000 }, () => {
  const session = useE2eSession('cost');
  let page: Page;

  /** `trace`: OTLP JSON to open on startup instead of the demo run. */
  async function openDemo(name: string, theme: string, trace?: string): Promise<{ web: FrameLocator; workspace: string }> {
    const workspace = join(session.tmp, name);
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    if (trace !== undefined) {
      writeFileSync(join(workspace, 'traces', 'markdown.otlp.json'), trace);
      writeFileSync(join(workspace, '.vscode', 'agent-trace.json'), JSON.stringify({ openOnStartup: ['traces/markdown.otlp.json'] }));
    }
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    page = await session.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web.locator('.side-tabs [role="tab"]', { hasText: 'Cost' }).click({ timeout: 60_000 });
    await web.locator('[data-testid="cost-panel"] [data-testid="cost-total"]').waitFor({ timeout: 60_000 });
    return { web, workspace };
  }

  const total = (web: FrameLocator) => web.locator('[data-testid="cost-panel"] [data-testid="cost-total"]');
  const detailName = (web: FrameLocator) => web.locator('[data-testid="detail-panel"] .detail-name').first();

  it('shows the hand-computed total, selects steps, and follows a price setting change (dark)', async () => {
    const { web, workspace } = await openDemo('cost-dark', 'Default Dark Modern');
    const panel = web.locator('[data-testid="cost-panel"]');
    expect(await total(web).textContent()).toBe('$0.000275');
    const totals = await panel.locator('[data-testid="cost-totals"]').textContent();
    expect(totals).toContain('1.81k tokens (1.02k cached)');
    expect(totals).toContain('133 tokens');
    // The price row: built-in table, its date, $/M 0.15 / 0.6 / 0.075.
    const row = panel.locator('[data-testid="cost-prices"] tbody tr');
    expect(await row.count()).toBe(1);
    const rowText = await row.first().textContent();
    expect(rowText).toContain('gpt-4o-mini');
    expect(rowText).toContain('built-in');
    expect(rowText).toContain(`as of ${PRICES_AS_OF}`);
    expect(rowText).toContain('$0.15');
    expect(rowText).toContain('$0.6');
    expect(rowText).toContain('$0.075');
    // Three steps in the table, three bars.
    expect(await panel.locator('[data-testid="cost-steps"] [role="row"][data-step]').count()).toBe(3);
    expect(await panel.locator('.cost-chart-svg rect.cost-bar-input').count()).toBe(3);

    // Clicking the second step selects its LLM span; the row is highlighted.
    await panel.locator('[data-testid="cost-steps"] [role="row"][data-step="1"]').click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 15_000 }).toBe('ai.generateText.doGenerate');
    await expect.poll(() => panel.locator('[data-testid="cost-steps"] [role="row"].selected').getAttribute('data-step')).toBe('1');
    // Keyboard: Down moves the selection to step 3.
    await panel.locator('[data-testid="cost-steps"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panel.locator('[data-testid="cost-steps"] [role="row"].selected').getAttribute('data-step')).toBe('2');
    // Hovering a bar shows its step.
    const chart = panel.locator('[data-testid="cost-chart"]');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 6, box.y + box.height - 5);
    await expect.poll(() => panel.locator('.cost-chart-readout').textContent()).toContain('Step 1 · gpt-4o-mini · 412 in · 58 out · $0.0000966');
    expect(await panel.locator('[data-testid="cost-steps"] [role="row"][data-step="2"] .c7').textContent()).toBe('$0.000275'); // running total after step 3 = 275.25 µ$
    // The chat messages of the selected call render as markdown containers.
    expect(await web.locator('[data-testid="detail-panel"] .chat-markdown').count()).toBeGreaterThan(0);
    await screenshot(page, 'cost-dark');

    // Change agentTrace.prices (workspace settings) while the trace is open: the panel re-prices.
    writeFileSync(
      join(workspace, '.vscode', 'settings.json'),
      JSON.stringify({ 'agentTrace.prices': { 'gpt-4o-mini': { input: 1, output: 2, cachedInput: 0.5 } } }, null, 2),
    );
    await web.locator('.side-tabs [role="tab"]', { hasText: 'Cost' }).click({ timeout: 30_000 });
    await expect.poll(() => total(web).textContent(), { timeout: 30_000 }).toBe('$0.00157');
    const after = await web.locator('[data-testid="cost-panel"] [data-testid="cost-prices"] tbody tr').first().textContent();
    expect(after).toContain('settings');
    expect(after).toContain('$1');
    await screenshot(page, 'cost-dark-settings');
    await page.close();
  });

  it('looks right in the light theme', async () => {
    const { web } = await openDemo('cost-light', 'Default Light Modern');
    expect(await total(web).textContent()).toBe('$0.000275');
    await web.locator('[data-testid="cost-steps"] [role="row"][data-step="0"]').click();
    await showMainView(web, 'Span tree');
    await screenshot(page, 'cost-light');
    await page.close();
  });

  it('shows an unpriced model and safe markdown in the high-contrast theme', async () => {
    const { web } = await openDemo('cost-hc', 'Default High Contrast', markdownTrace());
    // gpt-4o: 1000×2.5 + 100×10 = 3500 µ$ = $0.0035; acme-private-1 is in no table → unpriced.
    expect(await total(web).textContent()).toBe('unknown: 1 step unpriced · priced part $0.0035');
    const unpricedRow = web.locator('[data-testid="cost-prices"] tbody tr', { hasText: 'acme-private-1' });
    expect(await unpricedRow.textContent()).toContain('unpriced');
    expect(await unpricedRow.textContent()).toContain('200 in · 20 out');
    expect(await web.locator('[data-testid="cost-steps"] [role="row"][data-step="1"] .c6').textContent()).toBe('unpriced');

    await web.locator('[data-testid="cost-steps"] [role="row"][data-step="0"]').click();
    const md = web.locator('[data-testid="detail-panel"] .chat-markdown').last();
    await md.locator('h1').waitFor({ timeout: 15_000 });
    expect(await md.locator('h1').textContent()).toBe('Plan');
    expect(await md.locator('table td').count()).toBe(2);
    expect(await md.locator('ul > li').count()).toBe(2);
    expect(await md.locator('pre code').textContent()).toBe('console.log(1)');
    const links = md.locator('a');
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('href')).toBe('https://example.com/docs');
    const panel = web.locator('[data-testid="detail-panel"]');
    expect(await panel.locator('script, img, iframe').count()).toBe(0);
    const text = await md.textContent();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('[bad](javascript:alert(1))');
    expect(text).toContain('[image: img](https://evil.example/x.png)');
    await screenshot(page, 'cost-hc');
    await page.close();
  });
});

/** A GenAI OTLP trace: a gpt-4o call answering in markdown (with hostile bits), then an unpriced model. */
function markdownTrace(): string {
  const T0 = 1_767_225_600_000_000_000n;
  const ns = (ms: number) => String(T0 + BigInt(ms) * 1_000_000n);
  const str = (key: string, v: string) => ({ key, value: { stringValue: v } });
  const int = (key: string, v: number) => ({ key, value: { intValue: String(v) } });
  const answer = [
    '# Plan',
    '',
    'Here is **bold**, *em* and `code`.',
    '',
    '- item one',
    '- item two',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '> quoted',
    '',
    '```js',
    'console.log(1)',
    '```',
    '',
    '[docs](https://example.com/docs) [bad](javascript:alert(1)) ![img](https://evil.example/x.png)',
    '',
    '<script>alert(1)</script>',
  ].join('\n');
  const chat = (id: string, model: string, inTok: number, outTok: number, text: string, start: number) => ({
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: id,
    parentSpanId: '00000000000000a1',
    name: `chat ${model}`,
    kind: 3,
    startTimeUnixNano: ns(start),
    endTimeUnixNano: ns(start + 10),
    attributes: [
      str('gen_ai.operation.name', 'chat'),
      str('gen_ai.request.model', model),
      int('gen_ai.usage.input_tokens', inTok),
      int('gen_ai.usage.output_tokens', outTok),
      str('gen_ai.input.messages', JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Show me **markdown**' }] }])),
      str('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: text }] }])),
    ],
    status: {},
  });
  const root = {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: '00000000000000a1',
    name: 'invoke_agent helper',
    kind: 1,
    startTimeUnixNano: ns(0),
    endTimeUnixNano: ns(100),
    attributes: [str('gen_ai.operation.name', 'invoke_agent'), str('gen_ai.agent.name', 'helper')],
    status: {},
  };
  const spans = [root, chat('00000000000000b1', 'gpt-4o', 1000, 100, answer, 10), chat('00000000000000b2', 'acme-private-1', 200, 20, 'done', 40)];
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [str('service.name', 'md-demo')] }, scopeSpans: [{ scope: { name: 'e2e' }, spans }] }] });
}
