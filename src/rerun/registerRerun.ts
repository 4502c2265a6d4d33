import * as vscode from 'vscode';
import { comparePanelDeps, registerCompareCommands } from '../compare/compareCommands';
import type { ReceiverController } from '../receiver/vscode/receiverController';
import type { HostServices } from '../session/services';
import { BaselineStore } from './baseline';
import { FOLLOW_LATEST_COMMAND, FollowLatest } from './followLatest';
import { RERUN_AGENT_COMMAND, rerunAgent } from './rerunAgent';

/** Wiring of the prompt-iteration loop: baseline, compare commands, Re-run Agent and follow mode. */
export function registerRerun(services: HostServices, receiver: ReceiverController): vscode.Disposable {
  const baseline = new BaselineStore();
  const follow = new FollowLatest(receiver, services, baseline, comparePanelDeps(services));
  const deps = { receiver, openTraces: services.openTraces, workspaceState: services.workspaceState, log: services.log, baseline, follow };
  return vscode.Disposable.from(
    baseline,
    follow,
    registerCompareCommands(services, baseline),
    vscode.commands.registerCommand(RERUN_AGENT_COMMAND, () => rerunAgent(deps)),
    vscode.commands.registerCommand(FOLLOW_LATEST_COMMAND, () => follow.toggle()),
  );
}
