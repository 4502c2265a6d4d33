import * as vscode from 'vscode';
import { TRACES_VIEW_ID } from '../sidebar/traceTreeProvider';

export const SHOW_IN_SIDE_BAR_COMMAND = 'agentTrace.showInSideBar';

/** "Agent Trace: Show Trace in Side Bar": reveals the Agent Traces view. */
export async function showInSideBar(): Promise<void> {
  await vscode.commands.executeCommand(`${TRACES_VIEW_ID}.focus`);
}
