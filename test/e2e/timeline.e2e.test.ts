/**
 * The chain-of-thought timeline and stepping, on the any-agent LangChain trace of the corpus
 * (test/fixtures/corpus/any-agent/LANGCHAIN_trace.json). From the file, in tree pre-order (children
 * of the root by start time):
 *   0 invoke_agent [any_agent]                       (root, the run: in no card)
 *   1 call_llm mistral/mistral-small-latest          card 0
 *   2 execute_tool get_current_time                  card 0
 *   3 call_llm mistral/mistral-small-latest          card 1
 *   4 execute_tool write_file                        card 1
 *   5 call_llm mistral/mistral-small-latest          card 2
 *   6 call_llm mistral/mistral-small-latest          card 3
 * The panel opens with the root selected; `n` three times steps to spans 1, 3, 5. Then, with a
 * text editor focused in another group, "Agent Trace: Next Iteration" from the command palette
 * moves the selection to span 6 and the editor keeps the keyboard. Screenshots of the Timeline
 * tab in the dark (this trace) and light (the demo trace: a failed step, waste, a finding) themes.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cspViolations, openWorkbench, REPO_ROOT, runCommand, screenshot, startCodeServer, webviewFrame, useE2eSession } from './harness';

const TRACE = 'LANGCHAIN_trace.json';
const LLM_NAME = 'call_llm mistral/mistral-small-latest';

describe('chain-of-thought timeline and stepping', { timeout: 300_000 }, () => {
  const session = useE2eSession('timeline');

  async function open(workspace: string, theme: string): Promise<Page> {
    const server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, trust: true, settings: { 'workbench.colorTheme': theme } });
    session.track(server);
    const page = await session.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await openWorkbench(page, server.url, workspace);
    return page;
  }

  const selectedCard = (web: FrameLocator) => web.locator('[data-testid="timeline-card"][aria-selected="true"]');
  const detailName = (web: FrameLocator) => web.locator('[data-testid="detail-panel"] .detail-name').first();

  it('steps through the iterations with n, and from the command palette while an editor has focus (dark)', async () => {
    const workspace = join(session.tmp, 'langchain');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    copyFileSync(join(REPO_ROOT, 'test/fixtures/corpus/any-agent', TRACE), join(workspace, TRACE));
    writeFileSync(join(workspace, '.vscode', 'agent-trace.json'), JSON.stringify({ openOnStartup: [TRACE] }));
    const page = await open(workspace, 'Default Dark Modern');
    let web = await webviewFrame(page, { timeoutMs: 60_000 });
    const cards = web.locator('[data-testid="timeline-cards"] [data-testid="timeline-card"]');
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(4);
    // The cards in the order of the file: spans 1, 3, 5, 6.
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-span-index')))).toEqual(['1', '3', '5', '6']);
    await expect.poll(() => cards.first().textContent(), { timeout: 15_000 }).toContain('get_current_time');
    expect(await selectedCard(web).count()).toBe(0); // the root (the run) is selected: no card

    await web.locator('[data-testid="timeline-cards"]').focus();
    for (const expected of [1, 3, 5]) {
      await page.keyboard.press('n');
      await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe(String(expected));
      expect(await selectedCard(web).count()).toBe(1);
      await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe(LLM_NAME);
      // The waterfall shares the selection (its attribute is set by the waterfall view).
      await expect.poll(() => web.locator('[data-testid="waterfall"]').getAttribute('data-selected-index'), { timeout: 10_000 }).toBe(String(expected));
    }
    // p goes back one; j goes to the next span in the tree (the write_file tool of card 1 → back to card 2's LLM span).
    await page.keyboard.press('p');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe('3');
    await page.keyboard.press('j');
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe('execute_tool write_file');
    expect(await selectedCard(web).getAttribute('data-span-index')).toBe('3'); // the tool is in card 1
    expect(await web.locator('[data-testid="timeline-tool"].selected').textContent()).toContain('write_file');
    await page.keyboard.press('j');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe('5');
    await screenshot(page, 'timeline-dark');

    // A text editor in another group has the keyboard; the palette command steps the trace.
    await runCommand(page, 'File: New Untitled Text File');
    await runCommand(page, 'View: Move Editor into Right Group');
    const editor = page.locator('.editor-group-container .monaco-editor textarea').last();
    await editor.waitFor({ state: 'attached', timeout: 15_000 });
    await page.keyboard.type('before ');
    web = await webviewFrame(page, { title: TRACE, timeoutMs: 30_000 });
    // The panel came back (it was hidden behind the new file for a moment) with its selection.
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 30_000 }).toBe('5');
    await runCommand(page, 'Agent Trace: Next Iteration');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe('6');
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe(LLM_NAME);
    // The editor kept the keyboard: typing goes on into the file.
    await page.keyboard.type('after');
    const editorText = () =>
      page
        .locator('.editor-group-container .monaco-editor .view-lines')
        .last()
        .textContent()
        .then((t) => (t ?? '').replace(/\u00a0/g, ' '));
    await expect.poll(editorText).toContain('before after');
    // The keybinding works from the editor too: Ctrl+Alt+[ is Previous Iteration.
    await page.keyboard.press('Control+Alt+BracketLeft');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe('5');
    // The strict CSP blocked nothing the page tried (webview/cspViolations.ts records from page start).
    expect(await cspViolations(web)).toEqual({ count: 0, details: [] });
    await screenshot(page, 'timeline-dark-command');
    await page.close();
  });

  it('shows the failed step, its waste and the finding on the demo trace (light)', async () => {
    const workspace = join(session.tmp, 'demo-light');
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const page = await open(workspace, 'Default Light Modern');
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    const cards = web.locator('[data-testid="timeline-card"]');
    await expect.poll(() => cards.count(), { timeout: 60_000 }).toBe(3);
    const failed = cards.nth(1);
    await expect.poll(() => failed.textContent(), { timeout: 15_000 }).toContain('book_hotel');
    expect(await failed.getAttribute('class')).toContain('is-error');
    expect(await failed.textContent()).toContain('no rooms available in Lisbon for 3 nights');
    expect(await failed.textContent()).toContain('wasted');
    // Findings come after the card text (the host's whole-trace work, getCardFindings).
    await expect.poll(() => cards.nth(2).textContent(), { timeout: 15_000 }).toContain('finding');
    // Clicking the failed tool row selects the tool span.
    await failed.locator('[data-testid="timeline-tool"]', { hasText: 'book_hotel' }).click();
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe('ai.toolCall');
    expect(await selectedCard(web).getAttribute('data-span-index')).toBe(await failed.getAttribute('data-span-index'));
    // Down moves to the next card (the keyboard stays in the cards); e wraps back to the only error.
    await selectedCard(web).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe(await cards.nth(2).getAttribute('data-span-index'));
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe('ai.generateText.doGenerate');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectedCard(web).getAttribute('data-span-index'), { timeout: 10_000 }).toBe(await failed.getAttribute('data-span-index'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('e');
    await expect.poll(() => detailName(web).textContent(), { timeout: 10_000 }).toBe('ai.toolCall');
    expect(await web.locator('[data-testid="timeline-tool"].selected').textContent()).toContain('book_hotel');
    // The strict CSP blocked nothing the page tried (webview/cspViolations.ts records from page start).
    expect(await cspViolations(web)).toEqual({ count: 0, details: [] });
    await screenshot(page, 'timeline-light');
    await page.close();
  });
});
