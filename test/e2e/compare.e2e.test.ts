/**
 * The prompt-iteration loop in a real VS Code (code-server + chromium, see harness.ts), on the
 * demo workspace: the baseline run (test/fixtures/compare/travel-before.otlp.jsonl: the hotel
 * booking fails and the answer claims it anyway) opens on startup; the prompt file has been
 * edited (the fix: "retry"). "Agent Trace: Re-run Agent" runs the configured command — the
 * scripted Vercel AI SDK agent test/fixtures/compare/travel-agent.mjs — in a terminal with the
 * receiver's exporter variables; the new run arrives through the receiver and is shown in the
 * compare view against the baseline: pairs same, same, added (the retry), changed (the answer's
 * tokens), the claim finding fixed. ctrl+alt+] then moves the compare selection and both
 * runs' timelines. Screenshots in dark and light.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { cspViolations, openWorkbench, REPO_ROOT, runCommand, screenshot, startCodeServer, useE2eSession, webviewFrame } from './harness';

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => res(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

describe('re-run, follow and compare', { timeout: 300_000 }, () => {
  const session = useE2eSession('compare');

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' || ctx.task.result?.errors?.length)
      for (const p of session.browser.contexts().flatMap((c) => c.pages())) await screenshot(p, 'failed-compare').catch(() => {});
  });

  it('re-runs the agent, shows the new run against the baseline, and steps both sides', async () => {
    const workspace = join(session.tmp, 'demo');
    cpSync(join(REPO_ROOT, 'demo/workspace'), workspace, { recursive: true });
    const fixtures = join(REPO_ROOT, 'test/fixtures/compare');
    copyFileSync(join(fixtures, 'travel-before.otlp.jsonl'), join(workspace, 'traces/baseline.otlp.jsonl'));
    mkdirSync(join(workspace, 'prompts'), { recursive: true });
    // The prompt as the user has just edited it (the fix).
    copyFileSync(join(fixtures, 'prompt-after.md'), join(workspace, 'prompts/travel.md'));
    writeFileSync(join(workspace, '.vscode/agent-trace.json'), JSON.stringify({ openOnStartup: ['traces/baseline.otlp.jsonl'] }));
    const port = await freePort();
    const settings = {
      'workbench.colorTheme': 'Default Dark Modern',
      'agentTrace.receiver.port': port,
      'agentTrace.rerun.command': `node "${join(fixtures, 'travel-agent.mjs')}" prompts/travel.md`,
    };
    const server = session.track(await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings }));
    // code-server is a remote: machine-scoped settings (the receiver port) are read from its Machine settings.
    mkdirSync(join(server.userDataDir, 'Machine'), { recursive: true });
    writeFileSync(join(server.userDataDir, 'Machine', 'settings.json'), JSON.stringify({ 'agentTrace.receiver.port': port }));
    const page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openWorkbench(page, server.url, workspace);

    // Frames are looked up again on every poll: the editor layout changes as the new run opens.
    const frame = (title: string | RegExp) => webviewFrame(page, { title, timeoutMs: 60_000 });
    const cardsOf = (web: FrameLocator) => web.locator('[data-testid="timeline-cards"] [data-testid="timeline-card"]');
    const baseline = () => frame('baseline.otlp.jsonl');
    const latest = () => frame(/^[0-9a-f]{32}\.otlp\.jsonl$/);
    await expect.poll(async () => cardsOf(await baseline()).count(), { timeout: 60_000 }).toBe(3);

    await runCommand(page, 'Agent Trace: Re-run Agent');

    // The new run arrives through the receiver and opens compared with the baseline.
    // (The frame is looked up again while polling: the editor layout changes as the new run opens.)
    const compareFrame = () => webviewFrame(page, { title: 'Compare Runs', timeoutMs: 90_000 });
    await expect.poll(async () => (await compareFrame()).locator('[data-testid="compare-pair"]').count(), { timeout: 90_000 }).toBe(4);
    const compare = await compareFrame();
    const pairs = compare.locator('[data-testid="compare-pair"]');
    expect(await pairs.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual(['same', 'same', 'added', 'changed']);
    // The changed step: the answer, whose tokens grew 290 + 64 = 354 → 330 + 58 = 388.
    expect(await pairs.nth(3).textContent()).toContain('tokens 354 → 388');
    expect(await pairs.nth(2).textContent()).toContain('book_hotel');
    expect(await compare.locator('[data-testid="compare-findings-fixed"]').textContent()).toContain('claimed-success-but-failed');
    // Totals: 739 → 1055 tokens (+316, +42.8 %), 3 → 4 iterations.
    const totals = await compare.locator('[data-testid="compare-totals"]').textContent();
    expect(totals).toContain('+316 (+42.8 %)');
    expect(await compare.locator('[data-testid="compare-title-a"]').textContent()).toBe('baseline.otlp.jsonl');

    // The new run's own panel (the receiver's file is named by its trace id).
    await expect.poll(async () => cardsOf(await latest()).count(), { timeout: 60_000 }).toBe(4);
    await expect.poll(async () => cardsOf(await baseline()).count(), { timeout: 60_000 }).toBe(3);

    // ctrl+alt+] while comparing: pair 0, then pair 1; both timelines select that step's card.
    await compare.locator('[data-testid="compare-title-a"]').click();
    const selectedIndex = async (web: () => Promise<FrameLocator>) =>
      cardsOf(await web()).evaluateAll((els) => els.findIndex((e) => e.getAttribute('aria-selected') === 'true'));
    const selectedPair = () => pairs.evaluateAll((els) => els.findIndex((e) => e.getAttribute('aria-selected') === 'true'));
    try {
      for (const step of [0, 1]) {
        await page.keyboard.press('Control+Alt+BracketRight');
        await expect.poll(selectedPair, { timeout: 10_000 }).toBe(step);
        await expect.poll(() => selectedIndex(baseline), { timeout: 10_000 }).toBe(step);
        await expect.poll(() => selectedIndex(latest), { timeout: 10_000 }).toBe(step);
      }
    } catch (e) {
      await screenshot(page, 'failed-compare-step');
      throw e;
    }
    expect((await cspViolations(compare)).count).toBe(0);
    await screenshot(page, 'compare-dark');

    // Light theme (the preferred light theme, Default Light Modern): the workbench and the webviews recolour.
    await runCommand(page, 'Preferences: Toggle Between Light/Dark Themes');
    await expect.poll(async () => (await page.locator('.monaco-workbench').getAttribute('class'))?.split(/\s+/), { timeout: 20_000 }).toContain('vs');
    await page.waitForTimeout(1500);
    await screenshot(page, 'compare-light');
  });
});
