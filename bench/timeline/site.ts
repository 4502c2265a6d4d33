/**
 * The bench pages and their server: the real webview bundle (webview/main.ts and its CSS, and
 * the lazily loaded ELK script, built like esbuild.mjs does, minified as in the VSIX) behind the probe and the VS Code theme
 * variables, and the SVG baseline page, served from 127.0.0.1 under the webview's own CSP.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

/** CSP of the real webview (webviewHtml.ts) with 'self' as the resource origin, plus the host worker. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'";

function page(title: string, styles: string[], scripts: string[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
${styles.map((s) => `<link rel="stylesheet" href="./${s}">`).join('\n')}
<title>${title}</title>
</head>
<body class="vscode-dark" data-vscode-theme-kind="vscode-dark">
<div id="app"></div>
${scripts.map((s) => `<script src="./${s}"></script>`).join('\n')}
</body>
</html>
`;
}

/** Bundles the pages into `site` (from the repository at `root`). */
export async function buildSite(root: string, site: string): Promise<void> {
  mkdirSync(site, { recursive: true });
  const js = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  await Promise.all([
    build({ ...js, entryPoints: [join(root, 'webview', 'main.ts')], outfile: join(site, 'main.js'), loader: { '.svg': 'dataurl' } }),
    // Loaded by the page only when the plan graph is laid out (webview/graph/elkWorker.ts).
    build({ ...js, entryPoints: [join(root, 'webview', 'graph', 'elkLayoutScript.ts')], outfile: join(site, 'elkLayout.js') }),
    build({
      entryPoints: [join(root, 'webview', 'styles', 'main.css')],
      outfile: join(site, 'main.css'),
      bundle: true,
      target: ['chrome120'],
      logLevel: 'warning',
      loader: { '.svg': 'dataurl', '.woff2': 'file', '.ttf': 'file' },
    }),
    build({ ...js, entryPoints: [join(root, 'bench', 'timeline', 'pageProbe.ts')], outfile: join(site, 'probe.js') }),
    build({ ...js, entryPoints: [join(root, 'bench', 'timeline', 'fakeHost.worker.ts')], outfile: join(site, 'fakeHost.worker.js') }),
    build({ ...js, entryPoints: [join(root, 'bench', 'timeline', 'svgBaseline.ts')], outfile: join(site, 'svgBaseline.js') }),
  ]);
  copyFileSync(join(root, 'bench', 'timeline', 'darkTheme.css'), join(site, 'darkTheme.css'));
  copyFileSync(join(root, 'bench', 'timeline', 'svgBaseline.css'), join(site, 'svgBaseline.css'));
  writeFileSync(join(site, 'index.html'), page('Agent Trace (bench)', ['darkTheme.css', 'main.css'], ['probe.js', 'main.js']));
  writeFileSync(join(site, 'blank.html'), page('Blank (bench baselines)', [], []));
  writeFileSync(join(site, 'baseline.html'), page('SVG waterfall baseline (bench)', ['darkTheme.css', 'svgBaseline.css'], ['probe.js', 'svgBaseline.js']));
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** Serves `site` plus `files` (path → contents, undefined while not ready) on 127.0.0.1, a free port. */
export function serve(
  site: string,
  files: Record<string, () => { type: string; body: Buffer | string } | undefined>,
  onMissing: (path: string) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/favicon.ico') return send(204, 'image/png', '');
    if (path in files) {
      const f = files[path]();
      return f ? send(200, f.type, f.body) : send(404, 'text/plain', `not ready: ${path}`);
    }
    const file = join(site, path === '/' ? 'index.html' : path);
    if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
      onMissing(path);
      return send(404, 'text/plain', `not found: ${path}`);
    }
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}
