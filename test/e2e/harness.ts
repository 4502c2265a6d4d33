/**
 * Real-VS-Code e2e harness: code-server (VS Code 1.99 as a server) + Debian chromium
 * driven by playwright-core. Recipe: /work/shared/docs/real-vscode-e2e.md.
 *
 * Typical use (see smoke.e2e.test.ts):
 *   const vsix = packageVsix(extDir);
 *   const server = await startCodeServer({ vsixPath: vsix, workspaceDir });
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
 *   await openWorkbench(page, server.url, workspaceDir);
 *   await runCommand(page, 'Smoke: Hello');
 *   const web = await webviewFrame(page, { title: 'Smoke Hello' });
 *   await web.locator('#msg').waitFor();
 *   await screenshot(page, 'smoke');
 *   await browser.close(); await server.stop();
 *
 * Environment knobs: CHROMIUM_PATH (default /usr/bin/chromium), E2E_KEEP=1 keeps the
 * temp user-data-dir after stop() for post-mortem, E2E_HEADED=1 shows the browser.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CODE_SERVER_VERSION = '4.99.4';
export const CODE_SERVER_DIR = join(REPO_ROOT, '.vscode-test', 'code-server');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test', 'e2e', 'screenshots');

const SETUP_SCRIPT = join(REPO_ROOT, 'scripts', 'setup-code-server.sh');
const STAMP = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);

/** Path of code-server's entry.js in the cache folder; throws if not installed. */
export function codeServerEntry(): string {
  const entry = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(STAMP) || !existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${CODE_SERVER_DIR}; run scripts/setup-code-server.sh`);
  }
  return entry;
}

/** Installs code-server if missing (runs the idempotent setup script, ~90 s cold, ~0 s warm). */
export function ensureCodeServer(): string {
  if (!existsSync(STAMP)) execFileSync('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
  return codeServerEntry();
}

/**
 * Packages an extension folder into a VSIX with the repo's own vsce 3 (plain `npx`
 * from a temp dir would try to download vsce). Relative links are left alone, like `npm run package`
 * (the README's screenshots are relative and no repository URL is known). Returns the .vsix path.
 */
export function packageVsix(extDir: string, outFile = join(extDir, 'extension.vsix')): string {
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '--out', outFile],
    {
      cwd: extDir,
      stdio: 'pipe',
    },
  );
  return outFile;
}

export interface StartOptions {
  /** VSIX to install into the fresh extensions dir (omit to start without one). */
  vsixPath?: string;
  /** Folder code-server opens. */
  workspaceDir: string;
  /** Default true: Workspace Trust disabled. false: trust stays on (restricted-mode tests). */
  trust?: boolean;
  /** Merged over the defaults into User/settings.json, e.g. { 'workbench.colorTheme': 'Default Dark Modern' }. */
  settings?: Record<string, unknown>;
  /** Milliseconds to wait for GET / to answer (default 60 s). */
  bootTimeoutMs?: number;
}

export interface CodeServer {
  url: string; // http://127.0.0.1:PORT (no trailing slash)
  port: number;
  userDataDir: string; // fresh, under a temp dir; removed by stop() unless E2E_KEEP=1
  extensionsDir: string;
  bootMs: number; // spawn -> GET / answered
  logs(): string; // code-server stdout+stderr so far (tail)
  stop(): Promise<void>; // kills the whole process tree (idempotent)
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Kills a detached child's whole process group (server + extension host etc.), even
 * when the leader has already exited (its children may linger in the group).
 */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Starts code-server on a free port with a fresh user-data-dir and extensions-dir. */
export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const entry = ensureCodeServer();
  const trust = opts.trust ?? true;
  const base = mkdtempSync(join(tmpdir(), 'atd-e2e-'));
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    ...(trust ? { 'security.workspace.trust.enabled': false } : {}),
    ...opts.settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  // Own config file, so code-server never writes ~/.config/code-server/config.yaml.
  const config = join(base, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (opts.vsixPath) {
    const out = execFileSync(process.execPath, [entry, ...common, '--install-extension', resolve(opts.vsixPath)], { encoding: 'utf8', stdio: 'pipe' });
    if (readdirSync(extensionsDir).filter((d) => !d.startsWith('.') && d !== 'extensions.json').length === 0) {
      throw new Error(`VSIX ${opts.vsixPath} did not install:\n${out}`);
    }
  }

  const port = await freePort();
  const args = [
    entry,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trust ? ['--disable-workspace-trust'] : []),
    resolve(opts.workspaceDir),
  ];
  const t0 = Date.now();
  // detached: own process group, so stop() can kill the extension host too.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const onData = (b: Buffer) => {
    log = (log + b.toString()).slice(-64_000);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const onExit = () => killGroup(child, 'SIGKILL'); // never leak a server if the runner dies
  process.once('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    killGroup(child, 'SIGTERM');
    for (let i = 0; i < 50 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    killGroup(child, 'SIGKILL');
    if (!process.env.E2E_KEEP) rmSync(base, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = t0 + (opts.bootTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`code-server exited (${child.exitCode}):\n${log}`);
    }
    try {
      const res = await fetch(url + '/', { redirect: 'manual' });
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}:\n${log}`);
    }
    await sleep(100);
  }
  return { url, port, userDataDir, extensionsDir, bootMs: Date.now() - t0, logs: () => log, stop };
}

/** Headless Debian chromium (never `playwright install`: it downloads and fails here). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: !process.env.E2E_HEADED,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Navigates to the workbench (optionally with ?folder=) and waits for it (first load 5-15 s). */
export async function openWorkbench(page: Page, url: string, folder?: string, timeoutMs = 90_000): Promise<void> {
  const target = folder ? `${url}/?folder=${encodeURIComponent(resolve(folder))}` : `${url}/`;
  await page.goto(target, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  // The status bar appears once the layout is done; keybindings work from then on.
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
}

const PALETTE_INPUT = '.quick-input-widget .quick-input-box input';

/**
 * Runs a command by its palette title (e.g. 'Smoke: Hello'): Control+Shift+P, types
 * '>' + title, waits until a matching row is listed, then Enter (or clicks the
 * matching row when the focused one is something else).
 * The palette snapshots the command list when it opens, and right after the workbench
 * appears the extension host may not have registered the extension's commands yet:
 * so when no row matches within a few seconds it closes and reopens the palette,
 * until timeoutMs.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator(PALETTE_INPUT);
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const match = rows.filter({ hasText: title }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+Shift+P');
    const opened = await input.waitFor({ state: 'visible', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (opened) {
      await input.fill('>' + title);
      if (
        await match.waitFor({ state: 'visible', timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        break;
    }
    if (Date.now() > deadline) {
      const listed = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      const shot = await screenshot(page, 'runCommand-failed');
      throw new Error(`command "${title}" not in the palette; listed: ${JSON.stringify(listed)}; screenshot: ${shot}`);
    }
    if (opened) await page.keyboard.press('Escape');
    await sleep(500);
  }
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first();
  const focusedText = (await focused.count()) ? await focused.innerText() : '';
  if (focusedText.includes(title)) await input.press('Enter');
  else await match.click();
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

export interface WebviewQuery {
  /** Webview panel title (the inner iframe carries it), exact string or RegExp. */
  title?: string | RegExp;
  timeoutMs?: number;
}

/**
 * The content frame of a webview: `iframe.webview` (one per webview, stable unique
 * `name`) then `iframe#active-frame` (whose `title` is the panel title).
 * With `title`: the webview with that title. Without: the only webview, else the only
 * visible one; throws (listing titles) when that is ambiguous. Waits until found.
 */
export async function webviewFrame(page: Page, q: WebviewQuery = {}): Promise<FrameLocator> {
  const deadline = Date.now() + (q.timeoutMs ?? 20_000);
  const outers = page.locator('iframe.webview');
  let seen: string[];
  for (;;) {
    const found: { name: string; title: string; visible: boolean }[] = [];
    for (const outer of await outers.all()) {
      const name = await outer.getAttribute('name').catch(() => null);
      if (!name) continue;
      const inner = outer.contentFrame().locator('iframe#active-frame');
      if (!(await inner.count().catch(() => 0))) continue; // still loading (pending-frame)
      const title = (await inner.getAttribute('title').catch(() => null)) ?? '';
      found.push({ name, title, visible: await outer.isVisible().catch(() => false) });
    }
    seen = found.map((f) => `${JSON.stringify(f.title)}${f.visible ? '' : ' (hidden)'}`);
    const t = q.title;
    const pick =
      t !== undefined
        ? found.filter((f) => (typeof t === 'string' ? f.title === t : t.test(f.title)))
        : found.length === 1
          ? found
          : found.filter((f) => f.visible);
    if (pick.length === 1) {
      return page.frameLocator(`iframe.webview[name="${pick[0].name}"]`).frameLocator('iframe#active-frame');
    }
    if (t === undefined && pick.length > 1) {
      throw new Error(`several visible webviews, pass a title: ${seen.join(', ')}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`no webview${t !== undefined ? ` titled ${String(t)}` : ''} found; webviews: ${seen.join(', ') || 'none'}`);
    }
    await sleep(200);
  }
}

/** Saves a full-page PNG into test/e2e/screenshots/<name>.png (git-ignored); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Shows one of the trace webview's main views by clicking its tab (the first, "Timeline", is shown by default). */
export async function showMainView(frame: FrameLocator, title: 'Timeline' | 'Span tree' | 'Plan graph'): Promise<void> {
  const tab = frame.locator('[role="tablist"][aria-label="Views"] [role="tab"]', { hasText: title });
  // A DOM click, not a mouse click: a workbench hover (e.g. a side bar item's tooltip) can lie over the webview.
  await tab.dispatchEvent('click', undefined, { timeout: 30_000 });
  await frame.locator('[role="tablist"][aria-label="Views"] [role="tab"][aria-selected="true"]', { hasText: title }).waitFor({ timeout: 5_000 });
}

/**
 * What most e2e files share: a temporary folder and one browser for the file's tests, and the
 * code-servers they start, all cleaned up after the last test. Call at the top of a `describe`;
 * `tmp` and `browser` are there from the first test on.
 */
export interface E2eSession {
  readonly tmp: string;
  readonly browser: Browser;
  /** Registers a started code-server to be stopped after the tests; returns it. */
  track(server: CodeServer): CodeServer;
}

export function useE2eSession(name: string): E2eSession {
  let tmp = '';
  let browser: Browser | undefined;
  const servers: CodeServer[] = [];
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), `atd-${name}-`));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await s.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });
  return {
    get tmp() {
      return tmp;
    },
    get browser() {
      if (!browser) throw new Error('useE2eSession: the browser is not launched yet (use it inside a test)');
      return browser;
    },
    track(server) {
      servers.push(server);
      return server;
    },
  };
}

export interface CspViolations {
  readonly count: number;
  readonly details: readonly { readonly directive: string; readonly blocked: string; readonly sample: string }[];
}

/**
 * The CSP violations the trace webview recorded since its page started (webview/cspViolations.ts
 * writes them on `<html>`). Throws when the recorder is missing, so a page without it cannot pass
 * as "no violations".
 */
export async function cspViolations(frame: FrameLocator): Promise<CspViolations> {
  const html = frame.locator('html');
  const count = await html.getAttribute('data-csp-violations', { timeout: 10_000 });
  if (count === null) throw new Error('the webview records no CSP violations (data-csp-violations missing on <html>)');
  const details = await html.getAttribute('data-csp-violation-details');
  return { count: Number(count), details: details ? (JSON.parse(details) as CspViolations['details']) : [] };
}
