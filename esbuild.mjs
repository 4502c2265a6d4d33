#!/usr/bin/env node
/**
 * One build script, one build() per target (type-checking is a separate step: npm run check-types):
 *   host     src/extension.ts → dist/extension.js      node, cjs, `vscode` external
 *   webview  webview/main.ts  → dist/webview/main.js   browser, iife
 *            webview/styles/main.css → dist/webview/main.css (@imports inlined)
 *            webview/graph/elkLayoutScript.ts → dist/webview/elkLayout.js (ELK, loaded when the plan graph is laid out)
 *   compare  webview/compare/main.ts → dist/webview/compare.js + compare.css (the compare page)
 *   cli      src/cli/main.ts  → dist/cli.js            node, cjs, with a shebang
 *   offline  webview/offline/main.ts → dist/offline/viewer.js   browser, iife (trace.html's viewer)
 *            webview/offline/viewer.css → dist/offline/viewer.css
 * Every bundle carries its dependencies, so the VSIX needs no node_modules.
 *
 * Flags: --production (minified, no source maps; used by vscode:prepublish), --watch.
 * A target whose entry file does not exist yet is skipped with a note.
 */
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: production ? 'none' : 'eof',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** Prints start/end markers for the problem matcher of `npm run watch` tasks. */
const problemMatcher = (name) => ({
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log(`[watch] ${name} build started`));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location) console.error(`✘ [ERROR] ${text}\n    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log(`[watch] ${name} build finished`);
    });
  },
});

/**
 * The webview's stylesheet is one file, dist/webview/main.css, bundled from the CSS entry
 * (webview/styles/main.css or webview/main.css, @imports inlined). The host links only that
 * file (webviewHtml.ts) and the CSP allows no inline styles. Without a CSS entry, the CSS that
 * main.ts imports (if any) lands in the same file.
 */
const CSS_ENTRIES = ['webview/styles/main.css', 'webview/main.css'];
const cssEntry = CSS_ENTRIES.find((f) => existsSync(join(root, f)));

const markExecutable = (file) => ({
  name: 'chmod',
  setup(build) {
    build.onEnd((result) => {
      if (!result.errors.length && existsSync(file)) chmodSync(file, 0o755);
    });
  },
});

/** trace.html opens in any current browser, not only VS Code's Chromium. */
const OFFLINE_TARGETS = ['chrome120', 'firefox120', 'safari16'];

const targets = [
  {
    name: 'host',
    entry: 'src/extension.ts',
    options: { outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  },
  {
    name: 'webview',
    entry: 'webview/main.ts',
    options: { outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: ['chrome120'], loader: { '.svg': 'dataurl' } },
  },
  // The plan graph's ELK layout script (1.6 MB): the page loads it only when the graph is first
  // laid out (webview/graph/elkWorker.ts), so the initial main.js stays small.
  {
    name: 'webview-elk',
    entry: 'webview/graph/elkLayoutScript.ts',
    options: { outfile: 'dist/webview/elkLayout.js', platform: 'browser', format: 'iife', target: ['chrome120'] },
  },
  // The compare page (src/compare/comparePanel.ts): its CSS import lands in dist/webview/compare.css.
  {
    name: 'compare',
    entry: 'webview/compare/main.ts',
    options: {
      outfile: 'dist/webview/compare.js',
      platform: 'browser',
      format: 'iife',
      target: ['chrome120'],
      loader: { '.svg': 'dataurl', '.woff2': 'file', '.ttf': 'file' },
    },
  },
  {
    name: 'webview-css',
    entry: cssEntry ?? CSS_ENTRIES[0],
    options: { outfile: 'dist/webview/main.css', target: ['chrome120'], loader: { '.svg': 'dataurl', '.woff2': 'file', '.ttf': 'file' } },
  },
  // The offline viewer: src/offlineViewer/ inlines both files into every trace.html, so they are
  // always minified and carry no source map comment (it would name a file the page cannot load).
  {
    name: 'offline',
    entry: 'webview/offline/main.ts',
    options: { outfile: 'dist/offline/viewer.js', platform: 'browser', format: 'iife', target: OFFLINE_TARGETS, minify: true, sourcemap: false },
  },
  {
    name: 'offline-css',
    entry: 'webview/offline/viewer.css',
    options: { outfile: 'dist/offline/viewer.css', target: OFFLINE_TARGETS, minify: true, sourcemap: false },
  },
  {
    name: 'cli',
    entry: 'src/cli/main.ts',
    options: { outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
    plugins: [markExecutable(join(root, 'dist', 'cli.js'))],
  },
];

async function main() {
  if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });
  mkdirSync(join(root, 'dist', 'webview'), { recursive: true });
  const contexts = [];
  for (const t of targets) {
    if (!existsSync(join(root, t.entry))) {
      console.warn(`esbuild: skipping ${t.name}: ${t.entry} does not exist yet`);
      continue;
    }
    const plugins = [...(t.plugins ?? []), ...(watch ? [problemMatcher(t.name)] : [])];
    contexts.push(await esbuild.context({ ...common, ...t.options, entryPoints: [join(root, t.entry)], absWorkingDir: root, plugins }));
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  try {
    await Promise.all(contexts.map((c) => c.rebuild()));
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
