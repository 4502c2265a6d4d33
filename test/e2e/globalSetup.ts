/**
 * Once per e2e run: make sure code-server is installed and package the VSIX (vsce runs the
 * production build through `vscode:prepublish`), then hand its path to every test file with
 * `inject('vsixPath')`. E2E_VSIX=path skips packaging.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureCodeServer, packageVsix, REPO_ROOT } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    vsixPath: string;
  }
}

export default function setup(project: TestProject): void {
  ensureCodeServer();
  const vsix = process.env.E2E_VSIX ?? packageVsix(REPO_ROOT, join(mkdtempSync(join(tmpdir(), 'atd-vsix-')), 'agent-trace-debugger.vsix'));
  project.provide('vsixPath', vsix);
}
