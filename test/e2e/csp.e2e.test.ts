/**
 * The webview's CSP against our component layer, in plain Chromium (no VS Code): a page built by
 * the extension's own `buildWebviewHtml` (same CSP: nonce scripts, styles only from the webview's
 * origin, no 'unsafe-inline') loads a bundle of webview/cspViolations.ts plus one of every control
 * in webview/components (VS Code Elements underneath). Every control must render styled, answer
 * the keyboard and mouse, and leave zero recorded violations; then, as the positive control that makes the zero mean something, an
 * inline script and a style attribute are added to the same page and must be recorded as
 * violations by the same recorder.
 */
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWebviewHtml } from '../../src/panel/webviewHtml';
import { REPO_ROOT, SCREENSHOT_DIR, useE2eSession } from './harness';

const ORIGIN = 'https://webview.test';

/** The page's script: the recorder first (as in main.ts), then one of each control. */
const ENTRY = `
import './webview/cspViolations';
import { badge } from './webview/components/badge';
import { button } from './webview/components/button';
import { checkbox } from './webview/components/checkbox';
import { linkButton } from './webview/components/linkButton';
import { progressBar } from './webview/components/progress';
import { select } from './webview/components/select';
import { createTabs } from './webview/components/tabs';
import { textField } from './webview/components/textField';

const clicks = (window.clicks = { primary: 0, disabled: 0 });
const seen = (window.seen = { selected: '', checked: true, typed: '' });
const tabs = createTabs({ ariaLabel: 'Views', onSelect: () => {} });
tabs.setTabs([{ id: 'a', label: 'First' }, { id: 'b', label: 'Second' }], 'a');
const sel = select({ ariaLabel: 'Kind', options: [{ value: 'any', label: 'Any kind' }, { value: 'llm', label: 'LLM call' }], onChange: (v) => (seen.selected = v + '/' + sel.value()) });
const controls = [
  button({ label: 'Primary', variant: 'primary', onClick: () => clicks.primary++ }),
  button({ label: 'Secondary', onClick: () => {} }),
  button({ label: '+', variant: 'icon', ariaLabel: 'Zoom in', onClick: () => {} }),
  linkButton({ label: 'a link', onClick: () => {} }),
  textField({ ariaLabel: 'Search', placeholder: 'Search spans', onInput: (v) => (seen.typed = v) }),
  checkbox({ label: 'Only matches', checked: true, onChange: (on) => (seen.checked = on) }),
  sel.element,
  badge('error', 'error'),
  progressBar('Working'),
  tabs.element,
];
const off = button({ label: 'Disabled', testId: 'disabled', onClick: () => clicks.disabled++ });
off.disabled = true;
controls.push(off);
const app = document.getElementById('app');
for (const c of controls) app.append(c);
sel.element.dataset.testid = 'select';
`;

describe('webview CSP and VS Code Elements', { timeout: 60_000 }, () => {
  const session = useE2eSession('csp');

  it('renders and operates every control with zero CSP violations, and records deliberate ones', async () => {
    const bundle = await esbuild.build({
      stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'csp-page.ts' },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['chrome120'],
    });
    const css = await esbuild.build({ entryPoints: [join(REPO_ROOT, 'webview/styles/main.css')], bundle: true, write: false, loader: { '.svg': 'dataurl' } });
    const html = buildWebviewHtml({ cspSource: ORIGIN, nonce: 'dGVzdG5vbmNlMTIzNDU2', scriptUri: `${ORIGIN}/main.js`, styleUri: `${ORIGIN}/main.css` });
    const files: Record<string, { body: string | Buffer; type: string }> = {
      '/index.html': { body: html, type: 'text/html' },
      '/main.js': { body: Buffer.from(bundle.outputFiles[0].contents), type: 'text/javascript' },
      '/main.css': { body: Buffer.from(css.outputFiles[0].contents), type: 'text/css' },
    };
    const page = await session.browser.newPage({ viewport: { width: 900, height: 500 } });
    await page.route(`${ORIGIN}/**`, (route) => {
      const f = files[new URL(route.request().url()).pathname];
      return f ? route.fulfill({ status: 200, contentType: f.type, body: f.body }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/index.html`);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    // Every control is upgraded, rendered in its shadow root and styled by adopted stylesheets.
    const rendered = await page.evaluate(`(() => {
      const tags = ['vscode-button', 'vscode-textfield', 'vscode-checkbox', 'vscode-single-select', 'vscode-badge', 'vscode-progress-bar', 'vscode-tab-header'];
      return tags.map((t) => { const el = document.querySelector(t); return [t, !!el && !!el.shadowRoot && el.shadowRoot.childElementCount > 0 && el.shadowRoot.adoptedStyleSheets.length > 0]; });
    })()`);
    expect(rendered).toEqual([
      ['vscode-button', true],
      ['vscode-textfield', true],
      ['vscode-checkbox', true],
      ['vscode-single-select', true],
      ['vscode-badge', true],
      ['vscode-progress-bar', true],
      ['vscode-tab-header', true],
    ]);
    // Our stylesheet loaded (its rules apply): the icon button's background variable is set.
    expect(
      await page.evaluate(`getComputedStyle(document.querySelector('vscode-button.btn-icon')).getPropertyValue('--vscode-button-secondaryBackground').trim()`),
    ).toBe('transparent');
    // Keyboard: Tab reaches the first button, Enter and Space press it; a disabled one ignores clicks.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.tagName + " " + document.activeElement.textContent')).toBe('VSCODE-BUTTON Primary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await page.locator('[data-testid="disabled"]').click({ force: true });
    expect(await page.evaluate('JSON.stringify(window.clicks)')).toBe('{"primary":2,"disabled":0}');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'csp-controls-focus.png') });
    // Tabs: the arrows move the selection and the focus (automatic activation).
    await page.locator('vscode-tab-header', { hasText: 'First' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('vscode-tab-header[aria-selected="true"]').textContent()).toBe('Second');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Second');
    // The other controls report what the user did: pick from the drop-down (its list is
    // positioned by script), type, untick.
    await page.locator('[data-testid="select"]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('vscode-textfield input').fill('typed');
    await page.locator('vscode-checkbox').click();
    expect(await page.evaluate('JSON.stringify(window.seen)')).toBe('{"selected":"llm/llm","checked":false,"typed":"typed"}');
    await page.locator('[data-testid="select"]').click(); // open again for the screenshot
    await page.waitForTimeout(300);
    const html0 = page.locator('html');
    expect(await html0.getAttribute('data-csp-violations')).toBe('0');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'csp-controls.png') });

    // Positive control: what the CSP forbids is blocked and recorded by the same listener.
    await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      const d = document.createElement('div');
      d.setAttribute('style', 'color: red');
      document.body.append(d);
    })()`);
    await expect.poll(() => html0.getAttribute('data-csp-violations'), { timeout: 5_000 }).toBe('2');
    expect(await page.evaluate('window.inlineRan === true')).toBe(false);
    const details = JSON.parse((await html0.getAttribute('data-csp-violation-details')) ?? '[]') as { directive: string }[];
    expect(details.map((d) => d.directive).sort()).toEqual(['script-src-elem', 'style-src-attr']);
    await page.close();
  });
});
