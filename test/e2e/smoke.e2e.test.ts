/**
 * Guards the e2e harness itself (not the product): builds a throwaway extension whose
 * command "Smoke: Hello" opens a webview showing "hello-from-webview", installs it into
 * a real code-server, runs the command from the palette and reads the webview text.
 * Run: npx vitest run -c vitest.e2e.config.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openWorkbench, packageVsix, runCommand, screenshot, startCodeServer, webviewFrame, type CodeServer } from './harness';

const EXTENSION_JS = `
const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('smoke.hello', () => {
    const panel = vscode.window.createWebviewPanel('smoke.hello', 'Smoke Hello', vscode.ViewColumn.One, {});
    panel.webview.html = '<!DOCTYPE html><html><head>'
      + '<meta http-equiv="Content-Security-Policy" content="default-src \\'none\\';">'
      + '</head><body><h1 id="msg">hello-from-webview</h1></body></html>';
  }));
};
exports.deactivate = () => {};
`;

function buildSmokeExtension(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'e2e-smoke',
        displayName: 'E2E Smoke',
        publisher: 'atd-e2e',
        version: '0.0.1',
        description: 'Throwaway extension that guards the e2e harness',
        engines: { vscode: '^1.99.0' },
        main: './extension.js',
        activationEvents: [],
        contributes: { commands: [{ command: 'smoke.hello', title: 'Hello', category: 'Smoke' }] },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'extension.js'), EXTENSION_JS);
  writeFileSync(join(dir, 'README.md'), '# e2e smoke\n');
  return packageVsix(dir);
}

describe('e2e harness smoke', { timeout: 180_000 }, () => {
  let tmp: string;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atd-smoke-'));
    const vsix = buildSmokeExtension(join(tmp, 'ext'));
    const workspaceDir = join(tmp, 'workspace');
    mkdirSync(workspaceDir);
    writeFileSync(join(workspaceDir, 'hello.txt'), 'hi\n');
    server = await startCodeServer({ vsixPath: vsix, workspaceDir, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
    console.log(`code-server boot: ${server.bootMs} ms`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = Date.now();
    await openWorkbench(page, server.url, workspaceDir);
    console.log(`workbench load: ${Date.now() - t0} ms`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('runs a palette command and reads text inside its webview', async () => {
    const t0 = Date.now();
    await runCommand(page, 'Smoke: Hello');
    const web = await webviewFrame(page, { title: 'Smoke Hello' });
    await expect.poll(() => web.locator('#msg').textContent(), { timeout: 15_000 }).toBe('hello-from-webview');
    console.log(`command -> webview text: ${Date.now() - t0} ms`);
    // Untitled lookup works too while it is the only webview.
    expect(await (await webviewFrame(page)).locator('#msg').textContent()).toBe('hello-from-webview');
    await screenshot(page, 'smoke-webview');
  });
});
