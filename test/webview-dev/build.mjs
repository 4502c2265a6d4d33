// Builds the dev harness: the webview bundle exactly as the extension ships it (IIFE + bundled
// CSS), plus fakeHost.js. Output goes to a temp folder, never into the repo.
//   node test/webview-dev/build.mjs  → prints the output folder
import * as esbuild from 'esbuild';
import { mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '../..');
export const OUT_DIR = join(tmpdir(), 'atd-webview-dev');

export async function buildHarness() {
  mkdirSync(OUT_DIR, { recursive: true });
  const common = { bundle: true, target: 'es2022', logLevel: 'warning', sourcemap: 'inline', legalComments: 'none' };
  await esbuild.build({ ...common, entryPoints: [join(repo, 'webview/main.ts')], format: 'iife', platform: 'browser', outfile: join(OUT_DIR, 'main.js'), tsconfig: join(repo, 'webview/tsconfig.json') });
  await esbuild.build({ ...common, entryPoints: [join(repo, 'webview/styles/main.css')], outfile: join(OUT_DIR, 'main.css') });
  await esbuild.build({ ...common, entryPoints: [join(here, 'fakeHost.ts')], format: 'iife', platform: 'browser', outfile: join(OUT_DIR, 'fakeHost.js') });
  for (const t of ['dark', 'light', 'hc']) copyFileSync(join(here, 'themes', `${t}.css`), join(OUT_DIR, `theme-${t}.css`));
  return { outDir: OUT_DIR };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await buildHarness();
  console.log(JSON.stringify(r));
}
