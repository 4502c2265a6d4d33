import * as vscode from 'vscode';
import { nativeText, nt } from '../core/text/nativeText';
import { showInfo, showWarning } from '../nativeUi/surfaces';
import type { ReceiverController } from '../receiver/vscode/receiverController';
import { exporterEnvironment } from '../receiver/server/localReceiver';
import type { OpenTraces } from '../session/openTraces';
import type { BaselineStore } from './baseline';
import type { FollowLatest } from './followLatest';

export const RERUN_AGENT_COMMAND = 'agentTrace.rerunAgent';
const SECTION = 'agentTrace.rerun';
/** workspaceState key: the workspace-provided command the user confirmed (asked again when it changes). */
const CONFIRMED_KEY = 'agentTrace.rerun.confirmedCommand';
const TERMINAL_NAME = 'Agent Trace: Re-run';

export interface RerunDeps {
  readonly receiver: ReceiverController;
  readonly openTraces: OpenTraces;
  readonly workspaceState: vscode.Memento;
  readonly log: vscode.LogOutputChannel;
  readonly baseline: BaselineStore;
  readonly follow: FollowLatest;
}

/**
 * "Agent Trace: Re-run Agent": marks the shown run as the baseline, starts the receiver, turns
 * on follow mode and runs the agent again — the VS Code task named in `agentTrace.rerun.task`,
 * else `agentTrace.rerun.command` in a terminal (in `agentTrace.rerun.cwd`) with the receiver's
 * exporter variables (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, _PROTOCOL, OTEL_TRACES_EXPORTER) set.
 * Tasks get them from the receiver's terminal environment (`agentTrace.receiver.injectTerminalEnv`).
 *
 * Never runs anything in an untrusted workspace. A command that comes from the workspace's
 * settings (not the user's) is shown and must be confirmed before its first run, and again
 * whenever it changes.
 */
export async function rerunAgent(deps: RerunDeps): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void showWarning(nt`Re-run Agent runs a command, which Restricted Mode does not allow. Trust the workspace to use it.`);
    return;
  }
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const task = cfg.get<string>('task')?.trim() ?? '';
  const command = cfg.get<string>('command')?.trim() ?? '';
  if (!task && !command) {
    const open = nt`Open Settings`;
    const pick = await showInfo(nt`Set agentTrace.rerun.command (or agentTrace.rerun.task) to the command that runs your agent.`, open);
    if (pick === open) await vscode.commands.executeCommand('workbench.action.openSettings', SECTION);
    return;
  }
  const what = task ? `task:${task}` : command;
  const fromWorkspace = [cfg.inspect<string>(task ? 'task' : 'command')].some((i) => i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined);
  if (fromWorkspace && deps.workspaceState.get<string>(CONFIRMED_KEY) !== what) {
    const run = nt`Run`;
    const text = task
      ? nt`This workspace's settings run the task "${nativeText(task, 200)}" on Re-run Agent. Run it?`
      : nt`This workspace's settings run this command on Re-run Agent: ${nativeText(command, 300)} — run it?`;
    if ((await showWarning(text, run)) !== run) return;
    await deps.workspaceState.update(CONFIRMED_KEY, what);
  }

  const open = deps.openTraces.active();
  if (open?.trace) deps.baseline.set({ uri: open.uri, trace: open.trace });
  let env: Record<string, string>;
  try {
    const local = await deps.receiver.start();
    env = exporterEnvironment(local.tracesUrl);
  } catch (e) {
    void showWarning(nt`Re-run Agent could not start the receiver: ${nativeText(e instanceof Error ? e.message : String(e), 300)}`);
    return;
  }
  deps.follow.start();
  if (task) {
    const tasks = await vscode.tasks.fetchTasks();
    const found = tasks.find((t) => t.name === task);
    if (!found) {
      void showWarning(nt`No task named "${nativeText(task, 200)}" (agentTrace.rerun.task).`);
      return;
    }
    await vscode.tasks.executeTask(found);
    return;
  }
  const cwd = resolveCwd(cfg.get<string>('cwd')?.trim() ?? '');
  vscode.window.terminals.find((t) => t.name === TERMINAL_NAME)?.dispose();
  const terminal = vscode.window.createTerminal({ name: TERMINAL_NAME, cwd, env });
  terminal.show(true);
  terminal.sendText(command);
  deps.log.info(`re-run: ${command}${cwd ? ` (in ${cwd})` : ''}`);
}

/** `cwd` relative to the first workspace folder; the folder itself when empty. */
function resolveCwd(cwd: string): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!cwd) return folder?.fsPath;
  if (/^([a-zA-Z]:)?[\\/]/.test(cwd) || !folder) return cwd;
  return vscode.Uri.joinPath(folder, cwd).fsPath;
}
