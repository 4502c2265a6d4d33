import * as vscode from 'vscode';
import type { ReceiverController } from './receiverController';
import { receiverStatusText } from './receiverText';
import { Throttle } from '../../session/throttle';
import { nt } from '../../core/text/nativeText';
import { setStatusText } from '../../nativeUi/surfaces';

/** Internal command behind a click on the status bar item (not in the palette). */
export const RECEIVER_MENU_COMMAND = 'agentTrace.receiverMenu';

/**
 * "$(broadcast) OTLP :4318 · N traces" while the receiver runs; hidden while it is stopped
 * (the palette's "Start Local Receiver" starts it). Redrawn at most every 500 ms however fast
 * traces arrive.
 */
export class ReceiverStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('agentTrace.receiver', vscode.StatusBarAlignment.Left, 10);
  private readonly redraw = new Throttle(() => this.update(), 500);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly receiver: ReceiverController) {
    this.item.name = 'Agent Trace Receiver';
    this.item.command = RECEIVER_MENU_COMMAND;
    this.subscriptions = [
      receiver.onDidChangeState(() => this.update()),
      receiver.onDidUpdateTrace(() => this.redraw.trigger()),
      receiver.onDidRemoveTrace(() => this.redraw.trigger()),
    ];
    this.update();
  }

  private update(): void {
    const local = this.receiver.running;
    if (!local) {
      this.item.hide();
      return;
    }
    setStatusText(
      this.item,
      receiverStatusText(local.address.port, local.store.traceCount),
      nt`Agent Trace receiver: OTLP/HTTP on ${local.tracesUrl} — click for Stop / Copy exporter settings / Show received traces`,
    );
    this.item.show();
  }

  dispose(): void {
    this.redraw.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
