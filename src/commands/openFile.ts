import * as vscode from 'vscode';
import type { HostServices } from '../session/services';
import { openTracePanel } from '../panel/tracePanels';

export const OPEN_FILE_COMMAND = 'agentTrace.openFile';

/** Extensions offered by the file picker; any JSON is accepted (detection is by content). */
export const TRACE_FILE_FILTERS: Record<string, string[]> = {
  'Trace files': ['json', 'jsonl', 'pb', 'gz'],
  'All files': ['*'],
};

/** "Agent Trace: Open Trace File…": pick a file, open it in a trace panel. */
export async function openTraceFile(services: HostServices): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    openLabel: 'Open Trace',
    title: 'Open Trace File',
    filters: TRACE_FILE_FILTERS,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (!picked || picked.length === 0) return;
  await openTracePanel(picked[0], services);
}
