import * as vscode from 'vscode';
import type { ReceiverController } from './receiverController';

export const STOP_RECEIVER_COMMAND = 'agentTrace.stopReceiver';

/** "Agent Trace: Stop Local Receiver": stops it (the store is flushed; received traces stay listed on the next start). */
export async function stopReceiver(receiver: ReceiverController): Promise<void> {
  if (!receiver.running) {
    void vscode.window.showInformationMessage('The Agent Trace receiver is not running.');
    return;
  }
  await receiver.stop();
  void vscode.window.showInformationMessage('Agent Trace receiver stopped.');
}
