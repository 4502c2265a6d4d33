#!/usr/bin/env node
/**
 * `npm run bench`: bundles each bench/*.bench.ts with esbuild, runs it in its own Node process
 * (with --expose-gc for heap figures), collects the `{name, value, unit}` lines it prints, and
 * writes them all to bench/results.json (one array, sorted by name), printing a table. A figure
 * measured several times carries `min`, `max` and `n` beside its median `value` (report.ts).
 * Run one file with `npm run bench -- load`.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv[2];
const benches = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.bench.ts') && (!only || f.startsWith(only)));
const out = join(root, 'bench', 'tmp');
mkdirSync(out, { recursive: true });
const resultsPath = join(root, 'bench', 'results.json');
const results = new Map(existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')).map((r) => [r.name, r]) : []);

for (const file of benches) {
  const outfile = join(out, file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    external: ['playwright-core', 'esbuild'],
  });
  console.log(`# ${file}`);
  const text = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', outfile], {
    cwd: out,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
  });
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    const r = JSON.parse(line);
    results.set(r.name, r);
    const spread = r.n ? ` (median of ${r.n}: ${r.min}–${r.max})` : '';
    console.log(`  ${r.name.padEnd(44)} ${String(r.value).padStart(12)} ${r.unit}${spread}`);
  }
}
writeFileSync(
  resultsPath,
  JSON.stringify(
    [...results.values()].sort((a, b) => a.name.localeCompare(b.name)),
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${resultsPath}`);
