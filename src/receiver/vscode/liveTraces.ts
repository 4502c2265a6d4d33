import * as vscode from 'vscode';
import type { OpenTraces } from '../../session/openTraces';
import { currentPriceOverrides, deriveWithPrices, repriceTrace } from '../../session/priceSettings';
import type { ReceiverController } from './receiverController';
import { reloadTrace } from '../../session/reloadTrace';
import { Throttle } from '../../session/throttle';

/**
 * Start-to-start gap between two reloads of one live trace, ms. The store flushes ~50 ms after
 * spans arrive, so an open panel shows them within ~50 ms + this + the import when spans keep
 * coming, and within ~50 ms + the import after a quiet moment (the first reload runs at once).
 */
export const LIVE_RELOAD_INTERVAL_MS = 150;

/**
 * Keeps open webviews of received traces live: when the receiver's store appends to a file
 * that a panel or editor shows, the file is re-imported and the webview told to pull again.
 * Throttled per file (see Throttle: also never more than half the time on a slow import).
 */
export class LiveTraces implements vscode.Disposable {
  private readonly reloads = new Map<string, Throttle>();
  private readonly subscription: vscode.Disposable;

  constructor(
    receiver: ReceiverController,
    private readonly openTraces: OpenTraces,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = receiver.onDidUpdateTrace((e) => this.onFileGrew(vscode.Uri.file(e.path)));
  }

  private onFileGrew(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.openTraces.showing(uri).length === 0) {
      this.reloads.get(key)?.dispose();
      this.reloads.delete(key);
      return;
    }
    let reload = this.reloads.get(key);
    if (!reload) {
      reload = new Throttle(
        () => this.reload(uri),
        LIVE_RELOAD_INTERVAL_MS,
        (e) => this.log.error(`live update of ${uri.fsPath} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
      );
      this.reloads.set(key, reload);
    }
    reload.trigger();
  }

  private async reload(uri: vscode.Uri): Promise<void> {
    const views = this.openTraces.showing(uri);
    if (views.length === 0) return;
    const bytes = await vscode.workspace.fs.readFile(uri);
    const prices = currentPriceOverrides(vscode.workspace, this.log);
    for (const view of this.openTraces.showing(uri)) {
      const previous = view.trace;
      if (!previous) continue;
      const next = reloadTrace(bytes, previous, deriveWithPrices(prices), (i, e) =>
        this.log.error(`${previous.fileName}: the agent view of trace ${i} could not be derived: ${String(e)}`),
      );
      // reloadTrace keeps no prices on the LoadedTrace; re-wrap (views derive lazily, so nothing is derived twice).
      if (next) view.replaceTrace(prices ? repriceTrace(next, prices, this.log) : next);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    for (const t of this.reloads.values()) t.dispose();
    this.reloads.clear();
  }
}
