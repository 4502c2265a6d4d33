/**
 * Create Bug Report… on the demo workspace (code-server + the packaged VSIX). The demo trace is
 * the Vercel AI SDK travel run whose book_hotel call failed while the final answer claims the
 * hotel is booked; a copy of it is seeded with an OpenAI key and an e-mail address in the user's
 * request, so the redaction preview has something to count. From the failing step's context
 * menu: the preview shows the counts → the bundle is written under .agent-trace/reports →
 * report.md has the finding, the claim and a deep link; the secrets are in no file. Then the
 * deep link, opened through VS Code's own URL handling (Developer: Open URL, the same path an
 * OS-level vscode:// link takes into the extension's URI handler), selects that span again.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openWorkbench, REPO_ROOT, screenshot, showMainView, startCodeServer, webviewFrame, type CodeServer } from './harness';

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789';
const EMAIL = 'ana.silva@example.org';
const TRACE_FILE = 'traces/travel-agent-run.otlp.json';

describe('Create Bug Report on the demo run', { timeout: 300_000 }, () => {
  let tmp: string;
  let browser: Browser;
  let server: CodeServer | undefined;
  let page: Page;
  let workspace: string;
  /** Occurrences of each seeded secret in the trace file: one per attribute value holding it. */
  let seeded: { key: number; email: number };
  let deepLink = '';

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atd-bugreport-'));
    workspace = join(tmp, 'demo');
    cpSync(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const file = join(workspace, TRACE_FILE);
    const text = readFileSync(file, 'utf8').replaceAll('Plan a 3-night trip', `Plan a 3-night trip (my key is ${KEY}, mail me at ${EMAIL})`);
    writeFileSync(file, text);
    seeded = { key: text.split(KEY).length - 1, email: text.split(EMAIL).length - 1 };
    // A GitHub remote, for Open New Issue (only .git/config is read).
    mkdirSync(join(workspace, '.git'));
    writeFileSync(join(workspace, '.git', 'config'), '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/travel-agent.git\n');
    browser = await launchBrowser();
    server = await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await openWorkbench(page, server.url, workspace);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const row = (web: FrameLocator, name: string) => web.locator('[data-testid="span-row"]', { hasText: name }).first();
  const quickTitle = () => page.locator('.quick-input-widget .quick-input-title');

  it('previews the redaction, writes the bundle and report.md has the finding, the claim and a deep link', async () => {
    expect(seeded.key).toBeGreaterThan(0);
    const web = await webviewFrame(page, { timeoutMs: 60_000 });
    await web.locator('[data-testid="summary-root-name"]').waitFor({ timeout: 60_000 });
    await showMainView(web, 'Span tree');
    const hotel = row(web, 'book_hotel');
    await hotel.waitFor({ timeout: 15_000 });
    const hotelIndex = Number(await hotel.getAttribute('data-index'));
    await hotel.click();
    await hotel.click({ button: 'right' });
    const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Create Bug Report About This Span' });
    await item.waitFor({ timeout: 15_000 });
    expect(await page.locator('.context-view .monaco-menu .action-item', { hasText: 'Copy Link to Span' }).count()).toBe(1);
    await item.click();

    // The preview: the totals by type in the title, one separator per type, a keep box per occurrence.
    await expect
      .poll(
        async () =>
          (
            await quickTitle()
              .innerText()
              .catch(() => '')
          ).trim(),
        { timeout: 30_000 },
      )
      .toContain('values will be redacted');
    const title = (await quickTitle().innerText()).trim();
    const total = seeded.key + seeded.email;
    expect(title).toBe(`Create Bug Report: ${total} values will be redacted (openai-key ${seeded.key} · email ${seeded.email})`);
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    expect(await rows.filter({ hasText: 'Drop message bodies entirely' }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Keep [REDACTED:openai-key#1]' }).count()).toBeGreaterThan(0);
    // The masked context never shows the value.
    expect((await page.locator('.quick-input-widget').innerText()).includes(KEY)).toBe(false);
    await screenshot(page, 'bug-report-preview');
    await page.keyboard.press('Enter');

    // The folder: the default under the workspace.
    await expect
      .poll(
        async () =>
          (
            await quickTitle()
              .innerText()
              .catch(() => '')
          ).trim(),
        { timeout: 15_000 },
      )
      .toContain('where should the bundle go');
    await page.keyboard.press('Enter');

    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Bug report written to' });
    await toast.waitFor({ timeout: 60_000 });
    for (const action of ['Copy Markdown', 'Open Folder', 'Open New Issue (GitHub)'])
      expect(await toast.locator('.monaco-button', { hasText: action }).count()).toBe(1);
    await screenshot(page, 'bug-report-written');

    const reports = join(workspace, '.agent-trace', 'reports');
    const dirs = readdirSync(reports);
    expect(dirs).toHaveLength(1);
    expect(dirs[0]).toMatch(/^\d{4}-\d{2}-\d{2}-a936d92e$/);
    const dir = join(reports, dirs[0]);
    expect(readdirSync(dir).sort()).toEqual(
      existsSync(join(dir, 'trace.html')) ? ['report.md', 'trace.html', 'trace.otlp.json'] : ['report.md', 'trace.otlp.json'],
    );
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toMatch(/^# Claimed success but failed: /);
    expect(md).toContain('`claimed-success-but-failed`');
    expect(md).toContain('Claim: `Your trip is set: flight TP1351');
    expect(md).toContain('Span `ai.toolCall` (`8ff34524e9d37b2b`), status error');
    for (const f of readdirSync(dir)) {
      const body = readFileSync(join(dir, f), 'utf8');
      expect(body.includes(KEY), f).toBe(false);
      expect(body.includes(EMAIL), f).toBe(false);
    }
    const m = /`([a-z-]+:\/\/agent-trace-debugger\.agent-trace-debugger\/open\?trace=a936d92e0e9a300165a22784fd673f2c&span=8ff34524e9d37b2b&file=[^`]+)`/.exec(
      md,
    );
    expect(m, 'deep link in report.md').not.toBeNull();
    deepLink = m![1];
    expect(decodeURIComponent(deepLink.split('file=')[1])).toBe(TRACE_FILE);
    expect(hotelIndex).toBeGreaterThan(0);
    // The user's trace file is untouched.
    expect(readFileSync(join(workspace, TRACE_FILE), 'utf8')).toContain(KEY);

    // Open New Issue: the new-issue page of the remote's repository, title and body prefilled.
    // The new tab's request is answered here (no network): what matters is the URL VS Code opened.
    let opened = '';
    await page.context().route('https://github.com/**', async (route) => {
      opened = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'new issue' });
    });
    await toast.locator('.monaco-button', { hasText: 'Open New Issue (GitHub)' }).click();
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
    if (
      await confirm.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      await confirm.click();
    await expect.poll(() => opened, { timeout: 30_000 }).not.toBe('');
    const url = new URL(opened);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/acme/travel-agent/issues/new');
    expect(url.searchParams.get('title')).toMatch(/^Claimed success but failed: /);
    // The whole report when it fits in a URL (≤ 8000 characters), else the summary and "attach the files".
    const body = url.searchParams.get('body') ?? '';
    expect(body).toContain('## Findings (1)');
    expect(body).toContain('Claim: `Your trip is set: flight TP1351');
    expect(body.includes(KEY)).toBe(false);
    if (md.length < 4000) expect(body).toBe(md);
  });

  it('opening the deep link selects that span', async () => {
    expect(deepLink).not.toBe('');
    const web = await webviewFrame(page, { timeoutMs: 30_000 });
    // Select another span first.
    await row(web, 'ai.generateText.doGenerate').click();
    const selected = web.locator('[data-testid="span-row"].selected');
    await expect.poll(async () => (await selected.innerText().catch(() => '')).trim(), { timeout: 15_000 }).toContain('ai.generateText.doGenerate');

    // Developer: Open URL keeps the quick input open for the URL (runCommand waits for it to close).
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Developer: Open URL');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Developer: Open URL' }).first().click();
    await expect.poll(async () => input.inputValue(), { timeout: 15_000 }).toBe('');
    await input.fill(deepLink);
    await input.press('Enter');
    // VS Code asks once before an extension handles a URI.
    const allow = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
    if (
      await allow.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      await allow.click();
    await expect.poll(async () => (await selected.innerText().catch(() => '')).trim(), { timeout: 30_000 }).toContain('book_hotel');
    await screenshot(page, 'bug-report-deep-link');
  });

  it("Copy Link to Span copies the deep link; the header button and a finding's Report open the preview", async () => {
    const web = await webviewFrame(page, { timeoutMs: 30_000 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server!.url });
    // The deep link's handler re-sends its selection for slow webview starts (up to 4 s): let it settle, it closes menus.
    await page.waitForTimeout(5_000);
    const hotel = row(web, 'book_hotel');
    await hotel.click();
    await hotel.click({ button: 'right' });
    const copyItem = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Copy Link to Span' });
    await copyItem.waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
    await copyItem.click();
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Link to span 8ff34524e9d37b2b copied' }).waitFor({ timeout: 15_000 });
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(deepLink);

    for (const button of ['finding-report', 'create-bug-report']) {
      await web.locator(`[data-testid="${button}"]`).first().click();
      await expect
        .poll(
          async () =>
            (
              await quickTitle()
                .innerText()
                .catch(() => '')
            ).trim(),
          { timeout: 30_000 },
        )
        .toContain('values will be redacted');
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    }
  });
});
