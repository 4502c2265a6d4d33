/**
 * Reading workspace source files for the text search, limited in count and size, skipping
 * dependency and build folders. Works in Restricted Mode (it only reads).
 */
import * as vscode from 'vscode';
import type { SourceFile } from '../core/analyze/source/toolPatterns';

export const CODE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}';
export const PROMPT_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,md,txt,prompt,jinja,jinja2,j2,yaml,yml,mustache,hbs}';
export const EXCLUDE_GLOB = '**/{node_modules,.git,dist,out,build,.next,.venv,venv,env,__pycache__,site-packages,.vscode-test,coverage,.tox,.mypy_cache}/**';
export const MAX_FILES = 3000;
export const MAX_FILE_BYTES = 512 * 1024;
const MAX_TOTAL_BYTES = 48 * 1024 * 1024;
const BATCH = 24;

export interface WorkspaceRead {
  /** `path` is the file's URI string. */
  readonly files: SourceFile[];
  /** Files found (at most MAX_FILES) and how many were skipped as too large. */
  readonly found: number;
  readonly skipped: number;
}

/** Reads the files matching `include`; open editors' unsaved text wins over the disk. */
export async function readWorkspaceFiles(include: string, token?: vscode.CancellationToken): Promise<WorkspaceRead> {
  if (!vscode.workspace.workspaceFolders?.length) return { files: [], found: 0, skipped: 0 };
  const uris = await vscode.workspace.findFiles(include, EXCLUDE_GLOB, MAX_FILES, token);
  const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const files: SourceFile[] = [];
  let skipped = 0;
  let total = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < uris.length && !token?.isCancellationRequested; i += BATCH) {
    const batch = await Promise.all(
      uris.slice(i, i + BATCH).map(async (uri): Promise<SourceFile | undefined> => {
        const doc = open.get(uri.toString());
        if (doc) return { path: uri.toString(), text: doc.getText() };
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > MAX_FILE_BYTES) return undefined;
          return { path: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
        } catch {
          return undefined;
        }
      }),
    );
    for (const f of batch) {
      if (!f || total + f.text.length > MAX_TOTAL_BYTES) {
        skipped++;
        continue;
      }
      total += f.text.length;
      files.push(f);
    }
  }
  return { files, found: uris.length, skipped };
}

/** Whether `uri` is a file inside one of the workspace folders. */
export function inWorkspace(uri: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(uri) !== undefined;
}

export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}
