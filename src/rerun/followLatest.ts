import * as vscode from 'vscode';
import { agentIdentity, sameAgent } from '../core/compare/agentIdentity';
import { nativeText, nt } from '../core/text/nativeText';
import { ComparePanel, type ComparePanelDeps } from '../compare/comparePanel';
import { showInfo } from '../nativeUi/surfaces';
import { showTracePanel } from '../panel/tracePanels';
import type { ReceiverController } from '../receiver/vscode/receiverController';
import type { HostServices } from '../session/services';
import { loadTrace } from '../session/traceLoader';
import type { BaselineStore } from './baseline';

export const FOLLOW_LATEST_COMMAND = 'agentTrace.followLatest';

/**
 * Follow latest run: while on, a trace that the receiver finishes (quiet long enough for its
 * agent figures to be computed) and that is the same agent as the baseline (see
 * core/compare/agentIdentity.ts) opens in a trace panel below the one shown before and is
 * shown in the compare view against the baseline; a notification offers "Back to previous" (the panel shown before).
 * Without a baseline the first finished trace is followed. Each trace is followed once.
 */
export class FollowLatest implements vscode.Disposable {
  private on = false;
  private readonly done = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    receiver: ReceiverController,
    private readonly services: HostServices,
    private readonly baseline: BaselineStore,
    private readonly compareDeps: ComparePanelDeps,
  ) {
    this.subscription = receiver.onDidUpdateTrace((e) => {
      const s = e.summary;
      if (!this.on || !s.agent || s.agent.analyzedBytes !== s.bytes || this.done.has(s.traceId)) return;
      this.done.add(s.traceId);
      void this.follow(vscode.Uri.file(e.path)).catch((err: unknown) => this.services.log.error(`follow latest run: ${String(err)}`));
    });
  }

  get following(): boolean {
    return this.on;
  }

  start(): void {
    this.on = true;
  }

  toggle(): void {
    this.on = !this.on;
    void showInfo(this.on ? nt`Following the latest run: new runs of the same agent open compared with the baseline.` : nt`Stopped following the latest run.`);
  }

  private async follow(uri: vscode.Uri): Promise<void> {
    const base = this.baseline.current;
    if (base && base.trace.trace.traceId === uri.path.split('/').pop()?.split('.')[0]) return;
    const outcome = await loadTrace(uri, { log: this.services.log });
    if (outcome.kind !== 'loaded') return;
    const run = outcome.trace;
    if (base && !sameAgent(agentIdentity(base.trace.trace, base.trace.view()), agentIdentity(run.trace, run.view()))) return;
    const previous = this.services.openTraces.active();
    // The new run opens in a new group below the previous run, so both timelines stay visible
    // (opened in the same group it would hide it, and a hidden webview is not kept alive).
    if (previous?.panel.visible) await vscode.commands.executeCommand('workbench.action.newGroupBelow');
    await showTracePanel(uri, run, this.services);
    if (base) ComparePanel.show(this.compareDeps, base, { uri, trace: run });
    const back = nt`Back to previous`;
    const name = nativeText(run.fileName, 120);
    void showInfo(base ? nt`New run ${name}, compared with the baseline.` : nt`New run ${name}.`, back).then((pick) => {
      if (pick === back && previous) previous.panel.reveal();
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
