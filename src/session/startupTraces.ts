import * as vscode from 'vscode';
import { parseStartupConfig, STARTUP_CONFIG_PATH } from '../core/config/startupConfig';
import { openTracePanel } from '../panel/tracePanels';
import type { HostServices } from './services';

const OPENED_KEY = 'agentTrace.startupOpened';

/**
 * Opens the traces a folder lists in `.vscode/agent-trace.json`, once per workspace: a trace
 * already opened this way (or restored by the panel serializer after a reload) is not opened
 * again. Nothing is opened in an untrusted workspace: a folder from the internet must not make
 * the extension do anything until the user trusts it.
 */
export async function openStartupTraces(services: HostServices): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    services.log.info(`workspace is not trusted: ${STARTUP_CONFIG_PATH} ignored`);
    return;
  }
  const opened = new Set(services.workspaceState.get<string[]>(OPENED_KEY, []));
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, STARTUP_CONFIG_PATH)));
    } catch {
      continue; // no config in this folder
    }
    const config = parseStartupConfig(text);
    for (const problem of config.problems) services.log.warn(`${folder.name}: ${problem}`);
    for (const rel of config.openOnStartup) {
      const uri = vscode.Uri.joinPath(folder.uri, rel);
      const key = uri.toString();
      if (opened.has(key) || services.openTraces.find(uri, 'panel') || services.openTraces.find(uri, 'editor')) continue;
      opened.add(key);
      await services.workspaceState.update(OPENED_KEY, [...opened]);
      await openTracePanel(uri, services);
    }
  }
}
