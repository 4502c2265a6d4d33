/** Finding a recorded or configured path among the workspace's files. */
import * as vscode from 'vscode';
import { isInsideFolders } from '../core/analyze/source/handlerMapping';
import { isAbsolutePath, mapRecordedPath, normalizeRelative, pathSuffixes } from '../core/analyze/source/pathMap';
import { fileExists } from './workspaceFiles';

function folderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath.replace(/\\/g, '/'));
}

/**
 * The workspace file an absolute or folder-relative `path` names, when it exists. Absolute
 * paths outside every workspace folder are refused (a trace or a setting must not open files
 * elsewhere on the machine).
 */
export async function workspaceFile(path: string): Promise<vscode.Uri | undefined> {
  if (isAbsolutePath(path)) {
    if (path.startsWith('file:')) return undefined;
    if (!isInsideFolders(path, folderPaths())) return undefined;
    const uri = vscode.Uri.file(path);
    return (await fileExists(uri)) ? uri : undefined;
  }
  const rel = normalizeRelative(path);
  if (rel === undefined) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, rel);
    if (await fileExists(uri)) return uri;
  }
  return undefined;
}

/**
 * The workspace file for a path recorded in a trace: through the path-prefix map, as recorded,
 * then by its trailing segments below a workspace folder (`/app/src/tools.ts` → `src/tools.ts`).
 */
export async function resolveRecordedFile(recorded: string, pathMap: Readonly<Record<string, string>>): Promise<vscode.Uri | undefined> {
  for (const p of [...mapRecordedPath(recorded, pathMap), ...pathSuffixes(recorded)]) {
    const uri = await workspaceFile(p);
    if (uri) return uri;
  }
  return undefined;
}
