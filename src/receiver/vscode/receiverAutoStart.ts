import * as vscode from 'vscode';
import { startReceiver } from './startReceiver';
import type { ReceiverController } from './receiverController';

/**
 * `agentTrace.receiver.autoStart`: starts the receiver when the extension activates, but only
 * in a trusted workspace. In Restricted Mode it waits for the user to grant trust (then starts
 * if the setting is still on). The setting is machine-scoped, so a workspace cannot turn it on.
 */
export function autoStartReceiver(receiver: ReceiverController, log: vscode.LogOutputChannel): vscode.Disposable {
  const tryStart = (why: string): void => {
    if (!vscode.workspace.isTrusted || !receiver.settings().autoStart || receiver.running) return;
    log.info(`receiver: auto-start (${why})`);
    void startReceiver(receiver, log, { quiet: true });
  };
  if (vscode.workspace.isTrusted) tryStart('activation');
  else if (receiver.settings().autoStart) log.info('receiver: auto-start skipped: the workspace is not trusted (Restricted Mode)');
  return vscode.workspace.onDidGrantWorkspaceTrust(() => tryStart('workspace trust granted'));
}
