import * as vscode from 'vscode';
import type { WebviewDeps } from '../panel/traceWebview';
import { COMMANDS } from './commandIds';
import {
  addConnection,
  connectionOf,
  editConnection,
  filterTraces,
  loadMoreTraces,
  refreshConnection,
  removeConnection,
  testConnection,
} from './connectionCommands';
import type { ConnectionsContext } from './connectionsContext';
import { CONNECTIONS_VIEW_ID, ConnectionsTree, type ConnectionNode } from './connectionsTree';
import { ConnectionStore } from './connectionStore';
import { connectClient } from './backendClients';
import { openTraceByIdOrUrl } from './openByIdOrUrl';
import { openFromConnection, openInBackend, openRemoteTrace, remoteTraceActions } from './remoteOpen';
import { RemoteTraceFs } from './remoteTraceFs';
import { REMOTE_SCHEME, RemoteTraces } from './remoteTraces';
import { saveTraceAs } from './saveTraceAs';
import { TraceBrowser } from './traceBrowser';
import { ConnectPermission } from './workspaceTrust';
import { nt } from '../core/text/nativeText';
import { showError } from '../nativeUi/surfaces';

/** Seconds between polls for new traces in expanded connections; 0 turns it off. */
const AUTO_REFRESH_SETTING = 'browse.autoRefreshSeconds';

/**
 * Trace-backend connections in VS Code: the Connections view, its commands, the remote-trace
 * file system and auto-refresh. `panels` gives the services trace panels are opened with (they
 * are made after this, with `remote` from the returned actions).
 */
export function registerConnections(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  panels: () => WebviewDeps & { readonly workspaceState: vscode.Memento },
): { readonly remote: ReturnType<typeof remoteTraceActions>; readonly openFromConnection: ReturnType<typeof openFromConnection> } {
  const store = new ConnectionStore(context.secrets, log);
  const permission = new ConnectPermission();
  const browser = new TraceBrowser(
    async (id, query, signal) => {
      const connection = store.get(id);
      if (!connection) return { traces: [] };
      const { client } = await connectClient(connection, store);
      return client.search(query, signal);
    },
    // Called on list changes, which only ever happen after `tree` exists (it starts the loads).
    () => tree.redraw(),
  );
  const tree = new ConnectionsTree(store, browser, permission);
  const ctx: ConnectionsContext = {
    log,
    store,
    browser,
    permission,
    remoteTraces: new RemoteTraces(),
    tree,
    get panels() {
      return panels();
    },
  };
  const view = vscode.window.createTreeView(CONNECTIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const expanded = new Set<string>();
  const run = (f: (arg: unknown) => Promise<void>) => (arg: unknown) =>
    f(arg).catch((e: unknown) => {
      log.error(`connections: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void showError(nt`The connection command failed; see the Agent Trace Debugger output.`);
    });
  const openNode = async (arg: unknown) => {
    const node = arg as ConnectionNode | undefined;
    if (node?.kind !== 'trace') return;
    const c = store.get(node.connectionId);
    if (c) await openRemoteTrace(ctx, c, node.trace.traceId);
  };
  const openInBackendNode = async (arg: unknown) => {
    const node = arg as ConnectionNode | undefined;
    if (node?.kind !== 'trace') return;
    const c = await connectionOf(ctx, node);
    const why = c && (await openInBackend(ctx, c, node.trace.traceId));
    if (why) void showError(nt`Not opened: ${why}.`);
  };
  context.subscriptions.push(
    store,
    tree,
    view,
    view.onDidExpandElement((e) => e.element.kind === 'connection' && expanded.add(e.element.connectionId)),
    view.onDidCollapseElement((e) => {
      if (e.element.kind !== 'connection') return;
      expanded.delete(e.element.connectionId);
      browser.cancel(e.element.connectionId); // a list nobody looks at need not finish loading
    }),
    store.onDidChange(() => {
      for (const id of [...expanded]) if (!store.get(id)) expanded.delete(id);
    }),
    vscode.workspace.registerFileSystemProvider(REMOTE_SCHEME, new RemoteTraceFs(ctx), { isReadonly: true, isCaseSensitive: true }),
    vscode.commands.registerCommand(
      COMMANDS.add,
      run(() => addConnection(ctx)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.edit,
      run((a) => editConnection(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.remove,
      run((a) => removeConnection(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.test,
      run((a) => testConnection(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.filter,
      run((a) => filterTraces(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.refresh,
      run((a) => refreshConnection(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.loadMore,
      run((a) => loadMoreTraces(ctx, a)),
    ),
    vscode.commands.registerCommand(COMMANDS.open, run(openNode)),
    vscode.commands.registerCommand(
      COMMANDS.openByIdOrUrl,
      run((a) => openTraceByIdOrUrl(ctx, a)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.saveAs,
      run((a) => saveTraceAs(ctx, a)),
    ),
    vscode.commands.registerCommand(COMMANDS.openInBackend, run(openInBackendNode)),
    autoRefresh(ctx, view, expanded),
  );
  return { remote: remoteTraceActions(ctx), openFromConnection: openFromConnection(ctx) };
}

/** Polls the expanded connections for new traces while the view is visible (setting in seconds, 0: off). */
function autoRefresh(ctx: ConnectionsContext, view: vscode.TreeView<ConnectionNode>, expanded: ReadonlySet<string>): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const restart = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    const seconds = vscode.workspace.getConfiguration('agentTrace').get<number>(AUTO_REFRESH_SETTING, 0);
    if (!(typeof seconds === 'number' && seconds > 0)) return;
    timer = setInterval(
      () => {
        if (!view.visible) return;
        for (const id of expanded) {
          const c = ctx.store.get(id);
          if (c && !ctx.permission.needsAsking(c)) void ctx.browser.pollNew(id);
        }
      },
      Math.max(5, seconds) * 1000,
    );
  };
  restart();
  const sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`agentTrace.${AUTO_REFRESH_SETTING}`)) restart();
  });
  return new vscode.Disposable(() => {
    if (timer) clearInterval(timer);
    sub.dispose();
  });
}
