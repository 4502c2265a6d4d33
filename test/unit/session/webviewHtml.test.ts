import { describe, expect, it } from 'vitest';
import { buildWebviewHtml, contentSecurityPolicy } from '../../../src/panel/webviewHtml';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123+/=',
  scriptUri: 'https://x/dist/webview/main.js',
  styleUri: 'https://x/dist/webview/main.css',
};

describe('webview HTML', () => {
  it('has the strict CSP: nonce scripts, own styles/fonts, no images, blob: workers only, nothing inline or eval', () => {
    const csp = contentSecurityPolicy(input.cspSource, input.nonce);
    expect(csp).toBe(
      "default-src 'none'; script-src 'nonce-abc123+/='; style-src https://file+.vscode-resource.vscode-cdn.net; img-src 'none'; font-src https://file+.vscode-resource.vscode-cdn.net; worker-src blob:",
    );
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:\/\/(?!file\+)/);
  });

  it('loads only the bundled script (with the nonce) and stylesheet, and no inline script or style', () => {
    const html = buildWebviewHtml(input);
    expect(html).toContain(`<script nonce="abc123+/=" src="https://x/dist/webview/main.js"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="https://x/dist/webview/main.css">`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|style=/);
    expect(html).toContain(`content="default-src 'none'; script-src 'nonce-abc123+/=';`);
  });

  it('escapes attribute values', () => {
    const html = buildWebviewHtml({ ...input, scriptUri: 'https://x/"><script>alert(1)</script>' });
    expect(html).not.toContain('"><script>alert');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
  });
});
