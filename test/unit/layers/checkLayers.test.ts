import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve(__dirname, '../../../scripts/check-layers.mjs');

/** Runs the layering check on a tree of files and returns [exit code, output]. */
function runOn(files: Record<string, string>): [number, string] {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  try {
    return [0, execFileSync('node', [script, root], { encoding: 'utf8', stdio: 'pipe' })];
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return [err.status, err.stderr];
  }
}

describe('layering check', () => {
  it('accepts the allowed directions', () => {
    const [code] = runOn({
      'src/core/a.ts': "import { b } from './b';\nimport { gunzipSync } from 'fflate';",
      'src/core/b.ts': 'export const b = 1;',
      'src/core/view/v.ts': "import { f } from '../analyze/f';\nimport type { M } from '../model/m';",
      'src/core/analyze/f.ts': "import type { M } from '../model/m';\nexport const f = 1;",
      'src/core/model/m.ts': "import { n } from './n';\nexport type M = 1;",
      'src/core/model/n.ts': 'export const n = 1;',
      'src/extension.ts': "import * as vscode from 'vscode';\nimport { readFile } from 'node:fs';\nimport { b } from './core/b';",
      'webview/main.ts': "import { b } from '../src/core/b';\nimport { scaleLinear } from 'd3-scale';",
    });
    expect(code).toBe(0);
  });

  it.each([
    ['core importing vscode', { 'src/core/a.ts': "import * as vscode from 'vscode';" }, "core imports 'vscode'"],
    ['core importing a node built-in', { 'src/core/a.ts': "import { readFileSync } from 'fs';" }, "core imports 'fs'"],
    ['core importing node: scheme', { 'src/core/a.ts': "const z = require('node:zlib');" }, "core imports 'node:zlib'"],
    ['core importing host code', { 'src/core/a.ts': "import { x } from '../panel/x';", 'src/panel/x.ts': '' }, "core imports '../panel/x'"],
    ['core touching the DOM', { 'src/core/a.ts': 'export const w = document.body;' }, 'core uses a DOM global'],
    ['core using Buffer', { 'src/core/a.ts': "export const w = Buffer.from('x');" }, 'core uses a Node global'],
    ['host importing the webview', { 'src/panel/p.ts': "import { x } from '../../webview/x';", 'webview/x.ts': '' }, 'host code must not import the webview'],
    ['webview importing host code', { 'webview/m.ts': "import { x } from '../src/panel/x';", 'src/panel/x.ts': '' }, 'the webview must not import host code'],
    ['webview importing vscode', { 'webview/m.ts': "import * as vscode from 'vscode';" }, 'browser sandbox'],
    ['webview using innerHTML', { 'webview/m.ts': 'el.innerHTML = name;' }, 'HTML sink'],
    [
      'core/model importing semantics',
      { 'src/core/model/a.ts': "import { x } from '../semantics/x';", 'src/core/semantics/x.ts': '' },
      'core/model imports nothing else',
    ],
    [
      'core/analyze importing view',
      { 'src/core/analyze/t/a.ts': "import { x } from '../../view/format';", 'src/core/view/format.ts': '' },
      'core/analyze produces facts',
    ],
    [
      'core/analyze importing the protocol',
      { 'src/core/analyze/a.ts': "import type { CardView } from '../protocol';", 'src/core/protocol.ts': '' },
      'core/analyze produces facts',
    ],
    [
      'core/analyze importing a protocol module',
      { 'src/core/analyze/a.ts': "import { x } from '../protocol/cost';", 'src/core/protocol/cost.ts': '' },
      'core/analyze produces facts',
    ],
  ])('rejects %s', (_name, files, message) => {
    const [code, out] = runOn(files as Record<string, string>);
    expect(code).toBe(1);
    expect(out).toContain(message);
  });
});
