import * as vscode from 'vscode';
import type { ReceiverController } from './receiverController';
import { COPY_EXPORTER_SETTINGS_COMMAND } from './copyExporterSettings';
import { SHOW_IN_SIDE_BAR_COMMAND } from '../../commands/showInSideBar';
import { START_RECEIVER_COMMAND } from './startReceiver';
import { STOP_RECEIVER_COMMAND } from './stopReceiver';
import { nativeText, nt } from '../../core/text/nativeText';
import { showPick, type NativePickItem } from '../../nativeUi/surfaces';

/** Behind a click on the receiver's status bar item: what one can do with the receiver. */
export async function showReceiverMenu(receiver: ReceiverController): Promise<void> {
  const items: (NativePickItem & { command: string })[] = receiver.running
    ? [
        { label: nt`$(debug-stop) Stop Local Receiver`, description: nativeText(receiver.running.tracesUrl), command: STOP_RECEIVER_COMMAND },
        { label: nt`$(copy) Copy Exporter Settings`, command: COPY_EXPORTER_SETTINGS_COMMAND },
        { label: nt`$(list-tree) Show Received Traces`, command: SHOW_IN_SIDE_BAR_COMMAND },
      ]
    : [{ label: nt`$(broadcast) Start Local Receiver`, command: START_RECEIVER_COMMAND }];
  const pick = await showPick(items, { title: nt`Agent Trace Receiver` });
  if (pick) await vscode.commands.executeCommand(pick.command);
}
