import * as vscode from 'vscode';
import type { StepAction } from '../core/protocol';
import type { OpenTraces } from '../session/openTraces';
import { nt } from '../core/text/nativeText';
import { showInfo } from '../nativeUi/surfaces';

/**
 * "Agent Trace: Next Iteration / Previous Iteration / Next Span / Previous Span / First Error":
 * step the selection of the trace webview focused last, also while a text editor has focus
 * (keybindings in package.json). The webview only changes its selection: nothing is revealed or
 * focused, so the editor keeps the keyboard.
 */
export const STEP_COMMANDS: readonly { readonly id: string; readonly action: StepAction }[] = [
  { id: 'agentTrace.nextIteration', action: 'nextIteration' },
  { id: 'agentTrace.previousIteration', action: 'previousIteration' },
  { id: 'agentTrace.nextSpan', action: 'nextSpan' },
  { id: 'agentTrace.previousSpan', action: 'previousSpan' },
  { id: 'agentTrace.firstError', action: 'firstError' },
];

/** Context key: true while a loaded trace is open in a webview (the step keybindings' `when`). */
export const HAS_OPEN_TRACE_CONTEXT = 'agentTrace.hasOpenTrace';

export function stepTrace(openTraces: OpenTraces, action: StepAction): void {
  const target = openTraces.active() ?? openTraces.loaded()[0];
  if (!target) {
    void showInfo(nt`No trace is open. Open one with "Agent Trace: Open Trace File…" first.`);
    return;
  }
  target.postEvent({ type: 'step', action });
}

/** Registers the step commands and keeps `HAS_OPEN_TRACE_CONTEXT` up to date. */
export function registerStepCommands(openTraces: OpenTraces): vscode.Disposable {
  const updateContext = () => void vscode.commands.executeCommand('setContext', HAS_OPEN_TRACE_CONTEXT, openTraces.loaded().length > 0);
  updateContext();
  return vscode.Disposable.from(
    openTraces.onDidChange(updateContext),
    ...STEP_COMMANDS.map(({ id, action }) => vscode.commands.registerCommand(id, () => stepTrace(openTraces, action))),
  );
}
