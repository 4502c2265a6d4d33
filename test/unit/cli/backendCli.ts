/** Builds the CLI once per test file and runs it asynchronously (the stand-ins answer from this same process). */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

export async function buildCli(): Promise<string> {
  const cli = join(mkdtempSync(join(tmpdir(), 'cli-backend-')), 'cli.js');
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
