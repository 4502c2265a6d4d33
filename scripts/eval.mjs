#!/usr/bin/env node
/**
 * `npm run eval`: bundles scripts/eval/runClaimsEval.ts with esbuild (as bench.mjs does for
 * benches) and runs it: precision and recall of the claimed-vs-executed analyser per category
 * and overall on the labelled set in test/fixtures/claims, plus false findings on honest runs.
 * Exits 1 when the targets are not met.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = mkdtempSync(join(tmpdir(), 'agent-trace-eval-'));
const outfile = join(out, 'runClaimsEval.cjs');
await build({
  entryPoints: [join(root, 'scripts', 'eval', 'runClaimsEval.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
// `npm run eval -- blind2`: a blind batch folder under test/fixtures instead of the default set.
const r = spawnSync(process.execPath, [outfile, root, ...process.argv.slice(2, 3)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
