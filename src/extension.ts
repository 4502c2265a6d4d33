import * as vscode from 'vscode';
import { CLEAR_RECENT_COMMAND, clearRecentTraces } from './commands/clearRecent';
import { COPY_SUMMARY_COMMAND, copyTraceSummary } from './commands/copySummary';
import { OPEN_FILE_COMMAND, openTraceFile } from './commands/openFile';
import { OPEN_RECENT_COMMAND, openRecentTrace } from './commands/openRecent';
import { openTraceUri } from './commands/openUri';
import { SHOW_IN_SIDE_BAR_COMMAND, showInSideBar } from './commands/showInSideBar';
import { registerStepCommands } from './commands/stepCommands';
import { OpenTraces } from './session/openTraces';
import { openStartupTraces } from './session/startupTraces';
import { RecentStore } from './session/recentStore';
import type { HostServices } from './session/services';
import { JSON_TRACE_EDITOR_VIEW_TYPE, TRACE_EDITOR_VIEW_TYPE, TraceEditorProvider } from './panel/traceEditorProvider';
import { TRACE_PANEL_VIEW_TYPE, TracePanelSerializer } from './panel/tracePanels';
import { OPEN_URI_COMMAND, TRACES_VIEW_ID, TraceTreeProvider } from './sidebar/traceTreeProvider';
import { COPY_EXPORTER_SETTINGS_COMMAND, copyExporterSettings } from './receiver/vscode/copyExporterSettings';
import { showReceiverMenu } from './receiver/vscode/receiverMenu';
import { START_RECEIVER_COMMAND, startReceiver } from './receiver/vscode/startReceiver';
import { STOP_RECEIVER_COMMAND, stopReceiver } from './receiver/vscode/stopReceiver';
import { LiveTraces } from './receiver/vscode/liveTraces';
import { watchPriceSettings } from './session/priceSettings';
import { autoStartReceiver } from './receiver/vscode/receiverAutoStart';
import { ReceiverController } from './receiver/vscode/receiverController';
import { RECEIVER_MENU_COMMAND, ReceiverStatusBar } from './receiver/vscode/receiverStatusBar';
import { registerSource } from './jumpToSource/registerSource';
import { registerConnections } from './connections/registerConnections';
import { registerRerun } from './rerun/registerRerun';
import { registerBugReport } from './bugReport/registerBugReport';

let receiver: ReceiverController | undefined;

/** Wiring only: every piece lives in commands/, panel/, views/ and host/. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Agent Trace Debugger', { log: true });
  const openTraces = new OpenTraces();
  const recent = new RecentStore(context.globalState);
  // `source` reaches the trace webviews (WebviewDeps.source) through the services object.
  const source = registerSource(context, openTraces, log);
  // Trace-backend connections; their panels are opened with `services` (made next, with `remote`).
  const connections = registerConnections(context, log, () => services);
  // Create Bug Report… and the vscode:// deep links (URI handler); `bugReport` reaches the webviews through the services.
  const bugReport = registerBugReport(context, log, () => services, {
    openFromConnection: connections.openFromConnection,
    webUrl: (t) => connections.remote.webUrl(t),
  });
  const services: HostServices & { readonly source: typeof source; readonly remote: typeof connections.remote; readonly bugReport: typeof bugReport } = {
    extensionUri: context.extensionUri,
    log,
    openTraces,
    recent,
    workspaceState: context.workspaceState,
    source,
    remote: connections.remote,
    bugReport,
  };
  receiver = new ReceiverController(context.globalStorageUri, context.environmentVariableCollection, log);
  const tree = new TraceTreeProvider(openTraces, recent, receiver);
  const editor = new TraceEditorProvider(services);
  const editorOptions = { webviewOptions: { retainContextWhenHidden: false }, supportsMultipleEditorsPerDocument: true };

  context.subscriptions.push(
    log,
    openTraces,
    recent,
    tree,
    vscode.commands.registerCommand(OPEN_FILE_COMMAND, () => openTraceFile(services)),
    vscode.commands.registerCommand(OPEN_RECENT_COMMAND, () => openRecentTrace(services)),
    vscode.commands.registerCommand(SHOW_IN_SIDE_BAR_COMMAND, () => showInSideBar()),
    vscode.commands.registerCommand(COPY_SUMMARY_COMMAND, () => copyTraceSummary(services)),
    vscode.commands.registerCommand(CLEAR_RECENT_COMMAND, () => clearRecentTraces(services)),
    vscode.commands.registerCommand(OPEN_URI_COMMAND, (arg: unknown) => openTraceUri(services, arg)),
    registerStepCommands(openTraces),
    vscode.window.registerTreeDataProvider(TRACES_VIEW_ID, tree),
    vscode.window.registerCustomEditorProvider(TRACE_EDITOR_VIEW_TYPE, editor, editorOptions),
    vscode.window.registerCustomEditorProvider(JSON_TRACE_EDITOR_VIEW_TYPE, editor, editorOptions),
    vscode.window.registerWebviewPanelSerializer(TRACE_PANEL_VIEW_TYPE, new TracePanelSerializer(services)),
  );
  const rc = receiver;
  context.subscriptions.push(
    rc,
    new ReceiverStatusBar(rc),
    new LiveTraces(rc, openTraces, log),
    watchPriceSettings(vscode.workspace, openTraces, log),
    vscode.commands.registerCommand(START_RECEIVER_COMMAND, () => startReceiver(rc, log)),
    vscode.commands.registerCommand(STOP_RECEIVER_COMMAND, () => stopReceiver(rc)),
    vscode.commands.registerCommand(COPY_EXPORTER_SETTINGS_COMMAND, () => copyExporterSettings(rc)),
    vscode.commands.registerCommand(RECEIVER_MENU_COMMAND, () => showReceiverMenu(rc)),
    autoStartReceiver(rc, log),
    registerRerun(services, rc),
  );
  void openStartupTraces(services).catch((e: unknown) => log.error(`opening startup traces: ${String(e)}`));
}

/** Stops the receiver (flushing its store) before the host goes away. */
export async function deactivate(): Promise<void> {
  const r = receiver;
  receiver = undefined;
  await r?.stop();
}
