import type * as vscode from 'vscode';
import type { WebviewDeps } from '../panel/traceWebview';
import type { ConnectionStore } from './connectionStore';
import type { ConnectionsTree } from './connectionsTree';
import type { RemoteTraces } from './remoteTraces';
import type { TraceBrowser } from './traceBrowser';
import type { ConnectPermission } from './workspaceTrust';

/** What the Connections commands share; made once in `registerConnections`. */
export interface ConnectionsContext {
  readonly log: vscode.LogOutputChannel;
  readonly store: ConnectionStore;
  readonly browser: TraceBrowser;
  readonly permission: ConnectPermission;
  readonly remoteTraces: RemoteTraces;
  readonly tree: ConnectionsTree;
  /** For opening trace panels (the same services a file's panel gets). */
  readonly panels: WebviewDeps & { readonly workspaceState: vscode.Memento };
}
