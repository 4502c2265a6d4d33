/**
 * The page of the offline viewer (`trace.html` of a bug report): one self-contained HTML file
 * with the viewer's script and stylesheet inlined and the trace embedded as data.
 *
 * Why the trace is inlined here when the panel never inlines it (src/panel/webviewHtml.ts): a
 * file that opens from `file://` in any browser has no host to post data to it. So the data goes
 * into a `<script type="application/json">` element, which the browser never runs, and only
 * after `embeddableJsonText` has removed every `<`, `>` and `&` from it (JSON `\u003c` escapes):
 * trace text such as `</script><script>…` has no way to end the element or start markup.
 *
 * CSP (a `<meta http-equiv>`, the only way a file can carry one): nothing by default; the one
 * inline script allowed by its SHA-256 hash, the one inline style block by its hash; no images,
 * fonts, connections, workers, frames, forms or `<base>`. No 'unsafe-inline', no 'unsafe-eval',
 * no origin at all: the page cannot fetch anything, so neither can trace text inside it.
 */
import { createHash } from 'node:crypto';
import { OFFLINE_TRACE_DATA_ID, OFFLINE_VIEWER_OPTIONS_ID, type OfflineViewerOptions } from '../core/protocol/offlineViewer';

export interface OfflineViewerPage {
  /** Plain text for `<title>` (escaped here). */
  readonly title: string;
  /** The trace as JSON text (OTLP JSON); embedded with `embeddableJsonText`. */
  readonly traceJson: string;
  /** What the viewer reads next to the trace (the contract: src/core/protocol/offlineViewer.ts). */
  readonly options: OfflineViewerOptions;
  /** The viewer bundle (dist/offline/viewer.js) and its stylesheet (dist/offline/viewer.css). */
  readonly script: string;
  readonly css: string;
}

export function renderOfflineViewerHtml(page: OfflineViewerPage): string {
  // The HTML parser turns CR LF into LF before the browser hashes an inline element's text.
  const script = page.script.replace(/\r\n?/g, '\n');
  const css = page.css.replace(/\r\n?/g, '\n');
  // esbuild escapes `</script` and `</style` in its output. A bundle that still had one would end
  // its element early, and `<!--` followed by `<script` would make the parser skip the real end
  // tag: such a bundle is refused rather than patched.
  if (/<\/script/i.test(script) || (/<!--/.test(script) && /<script/i.test(script)))
    throw new Error('the viewer script contains "</script" (or "<!--" and "<script") and cannot be inlined');
  if (/<\/style/i.test(css)) throw new Error('the viewer stylesheet contains "</style" and cannot be inlined');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(offlineViewerCsp(script, css))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style>${css}</style>
</head>
<body>
<noscript>This trace viewer needs JavaScript. The trace itself is in the OTLP JSON file next to this page.</noscript>
<div id="app"></div>
<script type="application/json" id="${OFFLINE_TRACE_DATA_ID}">${embeddableJsonText(page.traceJson)}</script>
<script type="application/json" id="${OFFLINE_VIEWER_OPTIONS_ID}">${embeddableJsonText(JSON.stringify(page.options))}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** The page's policy: only the inlined script and style (by hash), nothing from anywhere. */
export function offlineViewerCsp(script: string, css: string): string {
  return [
    `default-src 'none'`,
    `script-src '${sha256Source(script)}'`,
    `style-src '${sha256Source(css)}'`,
    `img-src 'none'`,
    `font-src 'none'`,
    `connect-src 'none'`,
    `worker-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

function sha256Source(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * JSON text that is inert inside a `<script>` element and means the same JSON: `<`, `>`, `&`,
 * U+2028/U+2029 and NUL become `\uXXXX` escapes. In valid JSON these characters can only occur
 * inside string literals, where the escape denotes the same character, so the value (including
 * big integers, which are left as written) is unchanged. Text that is not valid JSON stays
 * invalid but is still inert: the viewer reports it as an unreadable trace.
 */
export function embeddableJsonText(json: string): string {
  return json.replace(/[<>&\u2028\u2029\0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
