/**
 * The trace webview's HTML: a fixed shell that loads the bundled script and stylesheet. No
 * trace data is ever written into it (everything arrives by postMessage, after `ready`), so a
 * `</script>` inside an LLM message has no way to reach the markup.
 *
 * CSP: nothing by default; scripts only with this page's nonce; styles and fonts only from the
 * extension's own webview resources; no images at all (the page uses none: no <img>, no CSS
 * url(), no data: URIs; markdown images are shown as text), so trace text cannot make the page
 * fetch anything; workers only from blob: URLs (the plan graph's ELK layout worker, built in the page from the script text of
 * dist/webview/elkLayout.js, which the page adds with this nonce when the graph is first laid out: webview/graph/elkWorker.ts).
 * No 'unsafe-inline', no 'unsafe-eval', no remote origin.
 */
export interface WebviewHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** A fresh random value per page: 18 random bytes in base64, made by `TraceWebview` (traceWebview.ts). */
  readonly nonce: string;
  /** `webview.asWebviewUri(...)` of dist/webview/main.js and main.css, as strings. */
  readonly scriptUri: string;
  readonly styleUri: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${cspSource}`, `img-src 'none'`, `font-src ${cspSource}`, `worker-src blob:`].join(
    '; ',
  );
}

export function buildWebviewHtml({ cspSource, nonce, scriptUri, styleUri }: WebviewHtmlInput): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(styleUri)}">
<title>Agent Trace</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeAttr(nonce)}" src="${escapeAttr(scriptUri)}"></script>
</body>
</html>
`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
