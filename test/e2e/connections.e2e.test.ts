/**
 * Trace-backend connections in a real VS Code (code-server + chromium, see harness.ts), against a
 * Langfuse stand-in server started in this process (test/standins: v2 observations, Basic auth,
 * the agent trace 10 min ago and the billing trace 2 h ago). In order:
 * - Add Connection… with a wrong secret key: Test Connection fails with the plain-words 401 and
 *   an "Edit Connection" button, which opens Edit for that connection; the right key then passes
 *   (the probe tells the version). settings.json holds the connection and no key; the requests
 *   carry the right Basic credentials, so the key went to and came back from SecretStorage.
 * - Browse (newest first), Filter… to the last 15 minutes (the 2-hour-old run goes), open the
 *   agent trace: the panel shows its 4 spans, where it came from and the 200-character note.
 * - Open in Langfuse: the trace's page on the stand-in is what the extension opens externally.
 * - Save As…: the OTLP JSON file re-imports to the same trace.
 * - Open Trace by ID or URL… with a pasted Langfuse UI URL opens the billing trace; a URL of a
 *   server that is not configured is refused and that server gets no request at all, although
 *   the workspace's .vscode/settings.json lists it as a connection (ignored: user settings only).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { importTrace } from '../../src/core/import/index';
import { startStandin } from '../standins';
import { AGENT_TRACE_ID, BILLING_TRACE_ID } from '../standins/dataset';
import type { RunningStandin } from '../standins/server';
import { openWorkbench, runCommand, screenshot, startCodeServer, useE2eSession, webviewFrame, type CodeServer } from './harness';

const PUBLIC_KEY = 'pk-lf-e2e-public';
const SECRET_KEY = 'sk-lf-e2e-secret-4f1c';
const WRONG_KEY = 'sk-lf-e2e-wrong-9a2b';
const NAME = 'E2E Langfuse';
const PROJECT = 'e2e-project';

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findFiles(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : [],
  );
}

describe('trace-backend connections', { timeout: 300_000 }, () => {
  const session = useE2eSession('connections');
  let standin: RunningStandin;
  let other: RunningStandin;
  let server: CodeServer;
  let page: Page;
  let workspace: string;
  const input = () => page.locator('.quick-input-widget .quick-input-box input');
  const testId = (frame: ReturnType<Page['frameLocator']>, id: string) => frame.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    standin = await startStandin('langfuse', { auth: { basic: { username: PUBLIC_KEY, password: SECRET_KEY } } });
    other = await startStandin('langfuse', {});
    workspace = join(session.tmp, 'ws');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'README.md'), '# connections e2e\n');
    // A workspace trying to add a connection (to the other stand-in): it must be ignored.
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    const planted = [{ id: 'planted', name: 'Workspace Planted', kind: 'langfuse', baseUrl: other.url, project: PROJECT }];
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'agentTrace.connections': planted }));
    server = session.track(
      await startCodeServer({ vsixPath: inject('vsixPath'), workspaceDir: workspace, settings: { 'workbench.colorTheme': 'Default Dark Modern' } }),
    );
    page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openWorkbench(page, server.url, workspace);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    if (page) await screenshot(page, `failed-connections-${ctx.task.name.slice(0, 40)}`).catch(() => {});
    // The extension's own output channel, for the post-mortem.
    console.log(extensionLog().slice(-4000));
  });

  /** What the extension wrote to its output channel (a log file in the user data folder). */
  function extensionLog(): string {
    return findFiles(join(server.userDataDir, 'logs'), 'Agent Trace Debugger.log')
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
  }

  afterAll(async () => {
    await standin?.close();
    await other?.close();
  });

  /** Runs a palette command that opens its own quick input at once (runCommand would wait for it to close). */
  async function paletteIntoInput(title: string): Promise<void> {
    const match = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    const deadline = Date.now() + 45_000;
    for (;;) {
      await page.keyboard.press('Control+Shift+P');
      try {
        await input().waitFor({ state: 'visible', timeout: 5_000 });
        await input().fill('>' + title);
        await match.waitFor({ state: 'visible', timeout: 5_000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
        await page.keyboard.press('Escape');
      }
    }
    await match.click();
    await expect.poll(async () => (await input().isVisible()) && !(await input().inputValue()).startsWith('>'), { timeout: 15_000 }).toBe(true);
  }

  /** Answers the input box whose prompt contains `prompt`. */
  async function answer(prompt: string, value: string): Promise<void> {
    await page.locator('.quick-input-widget', { hasText: prompt }).waitFor({ state: 'visible', timeout: 15_000 });
    await input().fill(value);
    await input().press('Enter');
  }

  /** Picks the quick pick row with `label` once it shows. */
  async function pick(label: string | RegExp): Promise<void> {
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  function toast(text: string | RegExp): Locator {
    return page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  function sideBarRow(text: string | RegExp): Locator {
    return page.locator('.sidebar .monaco-list-row', { hasText: text });
  }

  it('adds a connection; a wrong key gives the plain-words error whose button edits that connection; the key lives in SecretStorage only', async () => {
    await paletteIntoInput('Agent Trace: Add Connection…');
    await pick('Langfuse');
    await answer('Langfuse base URL', standin.url);
    await answer('Langfuse project id', PROJECT);
    await answer('Langfuse public key', PUBLIC_KEY);
    await answer('Langfuse secret key', WRONG_KEY);
    await answer('A name for this connection', NAME);

    const refused = toast('keys were refused');
    await refused.waitFor({ state: 'visible', timeout: 30_000 });
    const text = await refused.innerText();
    expect(text).toContain(`${NAME}: could not connect`);
    expect(text).toContain('Edit Connection');
    expect(text).not.toContain(WRONG_KEY);
    expect(text).not.toContain(PUBLIC_KEY);
    await screenshot(page, 'connections-dark-wrong-key');

    // The notification's button runs Edit Connection for this connection (no connection picker).
    await refused.getByRole('button', { name: 'Edit Connection' }).click();
    await answer('Langfuse base URL', standin.url);
    await answer('Langfuse project id', PROJECT);
    await answer('Langfuse public key', PUBLIC_KEY);
    await answer('Langfuse secret key', SECRET_KEY);
    await answer('A name for this connection', NAME);
    await toast(`${NAME}: connected to Langfuse 4.2.1`).waitFor({ state: 'visible', timeout: 30_000 });

    // settings.json: the connection, no key of any kind.
    const settingsFile = join(server.userDataDir, 'User', 'settings.json');
    await expect.poll(() => readFileSync(settingsFile, 'utf8'), { timeout: 10_000 }).toContain(standin.url);
    const settingsText = readFileSync(settingsFile, 'utf8');
    const saved = (JSON.parse(settingsText) as Record<string, { id: string; kind: string; baseUrl: string; project?: string; name: string }[]>)[
      'agentTrace.connections'
    ];
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ kind: 'langfuse', baseUrl: standin.url, project: PROJECT, name: NAME });
    expect(Object.keys(saved[0]).sort()).toEqual(['baseUrl', 'id', 'kind', 'name', 'project']);
    for (const secret of [PUBLIC_KEY, SECRET_KEY, WRONG_KEY, 'pk-lf', 'sk-lf']) expect(settingsText).not.toContain(secret);
    const machine = join(server.userDataDir, 'Machine', 'settings.json');
    if (existsSync(machine)) expect(readFileSync(machine, 'utf8')).not.toContain('sk-lf');
    // The probe after the edit carried the right Basic credentials: stored in and read back from SecretStorage.
    const basic = `Basic ${Buffer.from(`${PUBLIC_KEY}:${SECRET_KEY}`).toString('base64')}`;
    expect(standin.requests.at(-1)?.headers.authorization).toBe(basic);
  });

  it('browses the traces newest first, filters them, and opens one in a trace panel with its source', async () => {
    await runCommand(page, 'Agent Trace: Show Trace in Side Bar');
    await sideBarRow(NAME).first().click();
    const agent = sideBarRow('invoke_agent weather');
    const billing = sideBarRow('POST /invoice');
    await agent.waitFor({ state: 'visible', timeout: 30_000 });
    await billing.waitFor({ state: 'visible', timeout: 10_000 });
    // The connection in the workspace's .vscode/settings.json is not listed.
    expect(await sideBarRow('Workspace Planted').count()).toBe(0);
    const rows = await page.locator('.sidebar .monaco-list-row').allInnerTexts();
    // Newest first: the agent run (10 min ago) above the billing run (2 h ago).
    expect(rows.findIndex((r) => r.includes('invoke_agent weather'))).toBeLessThan(rows.findIndex((r) => r.includes('POST /invoice')));
    // Started 10 min before the stand-in did, a minute or two ago.
    expect(await agent.innerText()).toMatch(/\b1[0-2] min ago/);
    // Its duration: root 0–3000 ms, shown with three significant digits.
    expect(await agent.innerText()).toContain('3.00 s');
    await screenshot(page, 'connections-dark-browse');

    await paletteIntoInput('Agent Trace: Filter Traces…');
    await pick('Time range');
    await pick('Last 15 minutes');
    await pick(/Apply/);
    await expect.poll(() => billing.count(), { timeout: 20_000 }).toBe(0);
    expect(await agent.count()).toBe(1);
    expect(await sideBarRow('Filter:').innerText()).toContain('last 15 minutes');
    const searches = standin.requests.filter((r) => r.url.startsWith('/api/public/v2/observations') && r.url.includes('fromStartTime'));
    const last = new URL(searches.at(-1)!.url, standin.url);
    const window = Date.parse(last.searchParams.get('toStartTime')!) - Date.parse(last.searchParams.get('fromStartTime')!);
    expect(window).toBe(15 * 60_000);

    await page.waitForTimeout(500); // a click while the tree redraws the row can be lost
    await agent.click();
    const frame = await webviewFrame(page, { title: `invoke_agent weather · ${NAME}`, timeoutMs: 40_000 });
    await expect.poll(() => testId(frame, 'summary-span-count').textContent(), { timeout: 20_000 }).toBe('4');
    await expect.poll(() => testId(frame, 'trace-source-label').textContent(), { timeout: 10_000 }).toContain(`from ${NAME} (Langfuse)`);
    expect(await testId(frame, 'trace-source-notes').innerText()).toContain('200 characters');
    await screenshot(page, 'connections-dark-panel');

    // Open in Langfuse: the extension checks the web UI link (same origin as the connection) and
    // hands it to vscode.env.openExternal, logging the URL it opened in its output channel. (The
    // browser window code-server then opens is not observable here: headless chromium blocks a
    // window.open that does not come straight from a user gesture.)
    await testId(frame, 'open-in-backend').click();
    const openButton = page.locator('.monaco-dialog-box').getByRole('button', { name: 'Open' });
    await openButton.click({ timeout: 5_000 }).catch(() => {}); // VS Code may ask before opening an external site
    const wanted = `${standin.url}/project/${PROJECT}/traces/${AGENT_TRACE_ID}`;
    await expect.poll(() => extensionLog().includes(`${NAME}: opening ${wanted}`), { timeout: 15_000 }).toBe(true);
  });

  it('saves the fetched trace as OTLP JSON that re-imports to the same trace', async () => {
    const target = join(workspace, 'saved-agent.otlp.json');
    await paletteIntoInput('Agent Trace: Save Trace As OTLP JSON…');
    // The save dialog (code-server's own, a quick input) fills in its default path a moment after
    // it shows: wait for it, or typing races it and the default wins.
    await expect.poll(async () => input().inputValue(), { timeout: 15_000 }).toMatch(/\.otlp\.json$/);
    await input().fill(target);
    await expect.poll(async () => input().inputValue(), { timeout: 5_000 }).toBe(target);
    await input().press('Enter');
    await expect.poll(() => existsSync(target), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => readFileSync(target).length, { timeout: 5_000 }).toBeGreaterThan(0);
    const set = importTrace(new Uint8Array(readFileSync(target)));
    expect(set.traces).toHaveLength(1);
    expect(set.traces[0].traceId).toBe(AGENT_TRACE_ID);
    expect(set.traces[0].spans.map((s) => s.name).sort()).toEqual(['chat gpt-4o', 'chat gpt-4o', 'execute_tool get_weather', 'invoke_agent weather']);
  });

  it('opens a pasted trace URL through its connection, and never fetches from an unconfigured server', async () => {
    await paletteIntoInput('Agent Trace: Open Trace by ID or URL…');
    await input().fill(`${standin.url}/project/${PROJECT}/traces/${BILLING_TRACE_ID}`);
    await input().press('Enter');
    const frame = await webviewFrame(page, { title: `POST /invoice · ${NAME}`, timeoutMs: 40_000 });
    await expect.poll(() => testId(frame, 'summary-span-count').textContent(), { timeout: 20_000 }).toBe('3');

    await paletteIntoInput('Agent Trace: Open Trace by ID or URL…');
    await input().fill(`${other.url}/project/${PROJECT}/traces/${AGENT_TRACE_ID}`);
    await input().press('Enter');
    const refused = toast('No Langfuse connection is configured');
    await refused.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await refused.innerText()).toContain(other.url);
    expect(other.requests).toHaveLength(0);
    await screenshot(page, 'connections-dark-url-refused');
  });

  it('opens a connection= deep link through its configured connection, at the linked span', async () => {
    const settings = JSON.parse(readFileSync(join(server.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, { id: string; name: string }[]>;
    const id = settings['agentTrace.connections'].find((c) => c.name === NAME)!.id;
    // SELECT invoices (span 2000000000000002) of the billing trace, fetched through that connection only.
    const link = `vscode://agent-trace-debugger.agent-trace-debugger/open?trace=${BILLING_TRACE_ID}&span=2000000000000002&connection=${encodeURIComponent(id)}`;
    // Close the panel the previous test opened, so the link has to fetch the trace again.
    await runCommand(page, 'View: Close All Editors');
    const before = standin.requests.length;
    await paletteIntoInput('Developer: Open URL');
    await input().fill(link);
    await input().press('Enter');
    // VS Code asks once before an extension handles a URI.
    const allow = page.locator('.monaco-dialog-box .monaco-button', { hasText: /^Open$/ });
    if (
      await allow.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      await allow.click();
    const frame = await webviewFrame(page, { title: `POST /invoice · ${NAME}`, timeoutMs: 40_000 });
    const selected = frame.locator('[data-testid="span-row"].selected');
    await expect.poll(async () => (await selected.innerText().catch(() => '')).trim(), { timeout: 20_000 }).toContain('SELECT invoices');
    expect(standin.requests.length).toBeGreaterThan(before);
    expect(other.requests).toHaveLength(0);
  });
});
