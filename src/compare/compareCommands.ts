import * as vscode from 'vscode';
import { nativeText, nt, type NativeText } from '../core/text/nativeText';
import { showInfo, showPick, type NativePickItem } from '../nativeUi/surfaces';
import { openTracePanel } from '../panel/tracePanels';
import type { BaselineStore } from '../rerun/baseline';
import type { HostServices } from '../session/services';
import { loadTrace } from '../session/traceLoader';
import type { ComparedRun } from './comparedRun';
import { ComparePanel, type ComparePanelDeps } from './comparePanel';

export const COMPARE_WITH_BASELINE_COMMAND = 'agentTrace.compareWithBaseline';
export const COMPARE_RUNS_COMMAND = 'agentTrace.compareRuns';
export const SET_BASELINE_COMMAND = 'agentTrace.setBaseline';
export const COMPARE_NEXT_STEP_COMMAND = 'agentTrace.compareNextStep';
export const COMPARE_PREVIOUS_STEP_COMMAND = 'agentTrace.comparePreviousStep';

/** The compare panel's dependencies from the host services. */
export function comparePanelDeps(services: HostServices): ComparePanelDeps {
  return { extensionUri: services.extensionUri, log: services.log, openTraces: services.openTraces, openRun: (uri) => openTracePanel(uri, services) };
}

/** The run of the focused (or last focused) trace webview. */
function activeRun(services: HostServices): ComparedRun | undefined {
  const open = services.openTraces.active();
  return open?.trace ? { uri: open.uri, trace: open.trace } : undefined;
}

/**
 * Compare with Baseline (the active run against the baseline), Compare Runs… (any two open or
 * recent traces: first the baseline A, then B), Set as Baseline, and the compare step commands
 * (ctrl+alt+] / ctrl+alt+[ while the compare view is open: the selected pair moves and both
 * runs' timelines follow).
 */
export function registerCompareCommands(services: HostServices, baseline: BaselineStore): vscode.Disposable {
  const deps = comparePanelDeps(services);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SET_BASELINE_COMMAND, () => {
      const run = activeRun(services);
      if (!run) return void showInfo(nt`No trace is open. Open the run to use as the baseline first.`);
      baseline.set(run);
      void showInfo(nt`${nativeText(run.trace.fileName, 120)} is the baseline now.`);
    }),
    vscode.commands.registerCommand(COMPARE_WITH_BASELINE_COMMAND, () => {
      const base = baseline.current;
      const run = activeRun(services);
      if (!base) return void showInfo(nt`No baseline yet: use "Agent Trace: Set as Baseline" or "Agent Trace: Re-run Agent" first, or "Compare Runs…".`);
      if (!run) return void showInfo(nt`No trace is open to compare with the baseline.`);
      ComparePanel.show(deps, base, run);
    }),
    vscode.commands.registerCommand(COMPARE_RUNS_COMMAND, async () => {
      const a = await pickRun(services, nt`Compare Runs: baseline (A)`);
      if (!a) return;
      const b = await pickRun(services, nt`Compare Runs: run to compare (B)`, a.uri);
      if (!b) return;
      ComparePanel.show(deps, a, b);
    }),
    vscode.commands.registerCommand(COMPARE_NEXT_STEP_COMMAND, () => ComparePanel.open?.step(1)),
    vscode.commands.registerCommand(COMPARE_PREVIOUS_STEP_COMMAND, () => ComparePanel.open?.step(-1)),
  );
}

interface RunItem extends NativePickItem {
  readonly uri: string;
}

/** A quick pick over the open traces, then the recent ones; loads a recent file when picked. */
async function pickRun(services: HostServices, title: NativeText, except?: vscode.Uri): Promise<ComparedRun | undefined> {
  const open = services.openTraces.loaded();
  const seen = new Set(open.map((o) => o.uri.toString()));
  const items: RunItem[] = [
    ...open.map((o) => ({ uri: o.uri.toString(), label: nativeText(o.trace!.fileName, 120), description: nt`open` })),
    ...services.recent
      .list()
      .filter((r) => !seen.has(r.uri))
      .map((r) => ({ uri: r.uri, label: nativeText(r.fileName, 120), description: nt`recent` })),
  ].filter((i) => i.uri !== except?.toString());
  if (items.length === 0) return void showInfo(nt`No open or recent traces to compare.`);
  const pick = await showPick(items, { title, placeHolder: nt`Trace` });
  if (!pick) return undefined;
  const loaded = open.find((o) => o.uri.toString() === pick.uri);
  if (loaded?.trace) return { uri: loaded.uri, trace: loaded.trace };
  const uri = vscode.Uri.parse(pick.uri);
  const outcome = await loadTrace(uri, { log: services.log });
  if (outcome.kind !== 'loaded') {
    if (outcome.kind === 'failed') void showInfo(nativeText(outcome.message, 400));
    return undefined;
  }
  return { uri, trace: outcome.trace };
}
