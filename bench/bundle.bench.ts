/**
 * `npm run bench -- bundle`: the webview's script sizes as the VSIX ships them (built like
 * `esbuild.mjs --production`: minified, no legal comments, production defines):
 * - webview.initial_js_kb: dist/webview/main.js, what every panel parses before its first paint
 *   (target ≤ 400);
 * - webview.lazy_elk_js_kb: dist/webview/elkLayout.js, loaded only when the plan graph is first
 *   laid out (webview/graph/elkWorker.ts).
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emit } from './report';

function findRoot(from: string): string {
  for (let d = resolve(from); ; d = resolve(d, '..')) {
    if (existsSync(join(d, 'webview', 'main.ts')) && existsSync(join(d, 'package.json'))) return d;
    if (d === resolve(d, '..')) throw new Error(`bundle bench: no repository root above ${from}`);
  }
}

async function sizeOf(entry: string): Promise<number> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    legalComments: 'none',
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    logLevel: 'warning',
    loader: { '.svg': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: 'out.js',
  });
  return out.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.contents.length, 0);
}

async function main(): Promise<void> {
  const root = findRoot(__dirname);
  emit('webview.initial_js_kb', (await sizeOf(join(root, 'webview', 'main.ts'))) / 1024, 'KB');
  emit('webview.lazy_elk_js_kb', (await sizeOf(join(root, 'webview', 'graph', 'elkLayoutScript.ts'))) / 1024, 'KB');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
