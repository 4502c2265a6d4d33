/**
 * The CLI as users run it, for the CLI tests: bundled once per test file with esbuild (as
 * `npm run build` does) and spawned as a process. `runCli` is asynchronous (the backend
 * stand-ins answer from this same process) and runs without the backends' key variables;
 * `runCliSync` spawns it with the test's own environment.
 */
import { build } from 'esbuild';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** Bundles src/cli/main.ts to `<dir>/cli.js` (a fresh temporary folder unless `dir` is given). */
export async function buildCli(dir = mkdtempSync(join(tmpdir(), 'cli-'))): Promise<string> {
  const cli = join(dir, 'cli.js');
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  return cli;
}

export function runCliSync(cli: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runCli(cli: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ['LANGFUSE_PUBLIC_KEY', 'LANGFUSE_SECRET_KEY', 'PHOENIX_API_KEY']) delete clean[k];
    execFile(process.execPath, [cli, ...args], { env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
