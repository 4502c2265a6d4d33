#!/usr/bin/env node
/**
 * Enforces the dependency direction (run by `npm test`):
 *   src/core  → nothing but itself and pure npm packages (no vscode, no Node built-ins, no DOM)
 *   src/**    → src/core, vscode, Node; never webview/
 *   webview/  → src/core and browser packages; never src/ host code, vscode or Node
 * and inside core:
 *   core/model/   → nothing else of core (the data model stands alone)
 *   core/analyze/ → produces facts about a trace: never imports core/view/ or core/protocol
 *                   (protocol shapes are built from facts in core/view/, not the other way)
 * Prints every violation with file:line and exits 1 if there is any.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = process.argv[2] ? resolve(process.argv[2]) : resolve(dirname(new URL(import.meta.url).pathname), '..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => 'node:' + m)]);
/** npm packages that touch Node or the DOM and so may not be imported from core. */
const CORE_FORBIDDEN_PACKAGES = new Set(['vscode', 'ws', 'undici', 'playwright-core', 'd3-selection', 'd3-zoom', '@vscode-elements/elements', 'lit']);
const DOM_GLOBALS = /\b(document|window|acquireVsCodeApi|localStorage|navigator)\s*\./;

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|[^\w$.])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[^\w$.])import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[^\w$.])require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

/** The core folder of a core file (`model`, `analyze`, `view`, …), or '' outside core. */
function coreAreaOf(absPath) {
  const r = relative(root, absPath).split(sep).join('/');
  if (!r.startsWith('src/core/')) return '';
  const rest = r.slice('src/core/'.length);
  return rest.includes('/') ? rest.split('/')[0] : rest.replace(/\.ts$/, '');
}

function layerOf(absPath) {
  const r = relative(root, absPath).split(sep).join('/');
  if (r.startsWith('src/core/')) return 'core';
  if (r.startsWith('src/')) return 'host';
  if (r.startsWith('webview/')) return 'webview';
  return 'other';
}

const violations = [];
function check(file) {
  const layer = layerOf(file);
  const text = readFileSync(file, 'utf8');
  const lineOf = (idx) => text.slice(0, idx).split('\n').length;
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
    const where = `${relative(root, file)}:${lineOf(m.index)}`;
    const bad = (why) => violations.push(`${where}: ${layer} imports '${spec}' (${why})`);
    if (spec.startsWith('.')) {
      const target = layerOf(resolve(dirname(file), spec));
      if (layer === 'core' && target !== 'core') bad('core may only import core');
      if (layer === 'core' && target === 'core') {
        const from = coreAreaOf(file);
        const to = coreAreaOf(resolve(dirname(file), spec));
        if (from === 'model' && to !== 'model') bad('core/model imports nothing else of core');
        if (from === 'analyze' && (to === 'view' || to === 'protocol')) bad('core/analyze produces facts; protocol shapes belong in core/view');
      }
      if (layer === 'host' && target === 'webview') bad('host code must not import the webview');
      if (layer === 'webview' && target === 'host') bad('the webview must not import host code');
      continue;
    }
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (layer === 'core' && (NODE.has(spec) || NODE.has(pkg) || CORE_FORBIDDEN_PACKAGES.has(pkg))) bad('core must stay free of vscode, Node and DOM');
    if (layer === 'webview' && (NODE.has(spec) || NODE.has(pkg) || pkg === 'vscode')) bad('the webview runs in a browser sandbox');
  }
  if (layer === 'core') {
    text.split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/.*$/, '');
      if (DOM_GLOBALS.test(code) && !/^\s*\*/.test(line))
        violations.push(`${relative(root, file)}:${i + 1}: core uses a DOM global: ${line.trim().slice(0, 80)}`);
      if (/\b(Buffer|process|require)\s*[.(]/.test(code) && !/^\s*\*/.test(line))
        violations.push(`${relative(root, file)}:${i + 1}: core uses a Node global: ${line.trim().slice(0, 80)}`);
    });
  }
  if (layer === 'webview' && /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/.test(text)) {
    violations.push(`${relative(root, file)}: HTML sink in webview code (trace text must go through textContent)`);
  }
}

const files = [...walk(join(root, 'src')), ...walk(join(root, 'webview'))];
for (const f of files) check(f);
if (violations.length) {
  console.error(`layering check: ${violations.length} violation(s)\n` + violations.join('\n'));
  process.exit(1);
}
console.log(`layering check: ${files.length} files, core → (nothing), host → core, webview → core: ok`);
