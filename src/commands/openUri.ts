import * as vscode from 'vscode';
import type { HostServices } from '../session/services';
import { openTracePanel } from '../panel/tracePanels';

/**
 * Behind a click in the Agent Traces view: reveals the webview already showing the file, else
 * opens it in a panel. The argument comes from our own tree items; anything else is ignored.
 */
export async function openTraceUri(services: HostServices, arg: unknown): Promise<void> {
  if (typeof arg !== 'string') return;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(arg, true);
  } catch {
    return;
  }
  const open = services.openTraces.find(uri, 'panel') ?? services.openTraces.find(uri, 'editor');
  if (open) {
    open.panel.reveal();
    return;
  }
  await openTracePanel(uri, services);
}
