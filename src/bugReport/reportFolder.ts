import * as vscode from 'vscode';
import { nt } from '../core/text/nativeText';
import { showPick } from '../nativeUi/surfaces';

/** Where bundles go by default, inside the workspace folder. */
export const REPORTS_DIR = ['.agent-trace', 'reports'] as const;

/**
 * The folder for a new bundle: `<workspace>/.agent-trace/reports/<yyyy-mm-dd>-<trace8>/` (a
 * `-2`, `-3`… suffix when it exists), or one the user picks. Without a workspace folder the
 * user picks one. Undefined when the user cancelled.
 */
export async function chooseReportFolder(traceId: string, now = new Date()): Promise<vscode.Uri | undefined> {
  const ws = vscode.workspace.workspaceFolders?.[0];
  const pickOther = { label: nt`$(folder-opened) Choose a folder…`, other: true as const };
  if (ws && ws.uri.scheme === 'file') {
    const base = `${now.toISOString().slice(0, 10)}-${traceId.slice(0, 8)}`;
    const folder = await freeFolder(vscode.Uri.joinPath(ws.uri, ...REPORTS_DIR), base);
    const rel = vscode.workspace.asRelativePath(folder, false);
    const choice = await showPick([{ label: nt`$(folder) ${rel}`, description: nt`in the workspace (default)`, folder }, pickOther], {
      title: nt`Create Bug Report: where should the bundle go?`,
      placeHolder: nt`report.md, trace.otlp.json and trace.html are written to this folder`,
      ignoreFocusOut: true,
    });
    if (!choice) return undefined;
    if (!('other' in choice)) return choice.folder;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Write the bug report here',
  });
  return picked?.[0];
}

async function freeFolder(parent: vscode.Uri, base: string): Promise<vscode.Uri> {
  for (let n = 1; n < 100; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? base : `${base}-${n}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  return vscode.Uri.joinPath(parent, `${base}-${Date.now()}`);
}
