import * as vscode from 'vscode';
import { trackerFromGitConfig, type IssueTracker } from '../core/bugReport/issueTracker';

/**
 * The issue tracker of the workspace's git remote, read from `<folder>/.git/config` (never by
 * running git: a workspace's git config can name programs to run). A `.git` file (worktree,
 * submodule) points at the real git dir with `gitdir: <path>`; it is followed once.
 */
export async function workspaceTracker(): Promise<IssueTracker | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const config = await readGitConfig(vscode.Uri.joinPath(folder.uri, '.git'));
    const tracker = config === undefined ? undefined : trackerFromGitConfig(config);
    if (tracker) return tracker;
  }
  return undefined;
}

async function readGitConfig(gitPath: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(gitPath);
    if (stat.type & vscode.FileType.Directory) return await readText(vscode.Uri.joinPath(gitPath, 'config'));
    const pointer = /^gitdir:\s*(.+)$/m.exec(await readText(gitPath))?.[1]?.trim();
    if (!pointer) return undefined;
    const dir = pointer.startsWith('/') || /^[A-Za-z]:[\\/]/.test(pointer) ? vscode.Uri.file(pointer) : vscode.Uri.joinPath(gitPath, '..', pointer);
    // A worktree's git dir holds a `commondir` file; the remotes are in the common dir's config.
    const common = (await readText(vscode.Uri.joinPath(dir, 'commondir')).catch(() => ''))?.trim();
    const gitDir = !common ? dir : common.startsWith('/') ? vscode.Uri.file(common) : vscode.Uri.joinPath(dir, common);
    return await readText(vscode.Uri.joinPath(gitDir, 'config'));
  } catch {
    return undefined;
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.byteLength > 1_000_000) throw new Error('git config too large');
  return new TextDecoder().decode(bytes);
}
