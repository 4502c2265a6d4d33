import * as vscode from 'vscode';
import type { HostServices } from '../session/services';
import { nt } from '../core/text/nativeText';
import { showInfo, showWarning } from '../nativeUi/surfaces';

export const COPY_SUMMARY_COMMAND = 'agentTrace.copySummary';

/** "Agent Trace: Copy Trace Summary": the text summary of the active trace, to the clipboard. */
export async function copyTraceSummary(services: HostServices): Promise<void> {
  const active = services.openTraces.active();
  if (!active?.trace) {
    void showWarning(nt`No trace is open. Open one with "Agent Trace: Open Trace File…" first.`);
    return;
  }
  await vscode.env.clipboard.writeText(active.trace.summaryText());
  void showInfo(nt`Copied the summary of ${active.trace.fileName}.`);
}
