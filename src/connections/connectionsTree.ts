import * as vscode from 'vscode';
import { BACKEND_NAMES, type TraceSummary } from '../core/backends/types';
import { nativeText, nt } from '../core/text/nativeText';
import { formatCount, formatDuration } from '../core/view/format';
import { treeItem } from '../nativeUi/surfaces';
import { describeFailure } from './connectionErrors';
import type { Connection } from './connectionSettings';
import type { ConnectionStore } from './connectionStore';
import type { TraceBrowser } from './traceBrowser';
import { describeFilter } from './traceFilter';
import type { ConnectPermission } from './workspaceTrust';
import { COMMANDS } from './commandIds';

export const CONNECTIONS_VIEW_ID = 'agentTrace.connections';

/** A row of the Connections view; every row below a connection carries its id (commands take it). */
export type ConnectionNode =
  | { readonly kind: 'connection'; readonly connectionId: string }
  | { readonly kind: 'filter'; readonly connectionId: string }
  | { readonly kind: 'trace'; readonly connectionId: string; readonly trace: TraceSummary }
  | { readonly kind: 'more'; readonly connectionId: string }
  | { readonly kind: 'status'; readonly connectionId: string; readonly status: 'loading' | 'empty' | 'error' | 'untrusted' };

/**
 * The Connections view: one collapsible row per configured backend; expanded, the filter in use,
 * the recent traces (newest first) from the backend's summary endpoint, and "Load more". The
 * first expand loads the first page; nothing is fetched for collapsed connections.
 */
export class ConnectionsTree implements vscode.TreeDataProvider<ConnectionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Connections whose first load is scheduled. */
  private readonly starting = new Set<string>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly browser: TraceBrowser,
    private readonly permission: ConnectPermission,
  ) {
    this.subscriptions = [store.onDidChange(() => this.changed.fire(undefined)), vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire(undefined))];
  }

  /**
   * Redraws the view. Always the whole (small) tree: refreshing one connection's element while
   * VS Code was still resolving its children left the connection expanded with no rows.
   */
  redraw(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: ConnectionNode): ConnectionNode[] {
    if (!node) return this.store.list().map((c) => ({ kind: 'connection', connectionId: c.id }));
    if (node.kind !== 'connection') return [];
    const connection = this.store.get(node.connectionId);
    if (!connection) return [];
    const id = connection.id;
    const filter: ConnectionNode = { kind: 'filter', connectionId: id };
    if (this.permission.needsAsking(connection)) return [{ kind: 'status', connectionId: id, status: 'untrusted' }];
    const s = this.browser.state(id);
    // The first expand loads the first page, after this call returns (no redraw while VS Code asks for the children).
    if (!s.loaded && !s.loading && !this.starting.has(id)) {
      this.starting.add(id);
      setTimeout(() => {
        this.starting.delete(id);
        void this.browser.refresh(id);
      }, 0);
    }
    if (!s.loaded) return [filter, { kind: 'status', connectionId: id, status: 'loading' }];
    const rows: ConnectionNode[] = [filter];
    if (s.error !== undefined) rows.push({ kind: 'status', connectionId: id, status: 'error' });
    else if (s.traces.length === 0) rows.push({ kind: 'status', connectionId: id, status: s.loading ? 'loading' : 'empty' });
    for (const trace of s.traces) rows.push({ kind: 'trace', connectionId: id, trace });
    if (s.nextCursor !== undefined) rows.push({ kind: 'more', connectionId: id });
    return rows;
  }

  getTreeItem(node: ConnectionNode): vscode.TreeItem {
    const connection = this.store.get(node.connectionId);
    if (!connection) return treeItem({ label: nt`(removed connection)` }, vscode.TreeItemCollapsibleState.None);
    switch (node.kind) {
      case 'connection':
        return connectionItem(connection, this.browser.state(connection.id).loading);
      case 'filter': {
        const item = treeItem(
          { label: nt`Filter: ${describeFilter(this.browser.state(connection.id).filter)}`, tooltip: nt`Click to change the filter of this list` },
          vscode.TreeItemCollapsibleState.None,
        );
        item.id = `filter:${connection.id}`;
        item.iconPath = new vscode.ThemeIcon('filter');
        item.contextValue = 'connectionFilter';
        item.command = { command: COMMANDS.filter, title: 'Filter…', arguments: [node] };
        return item;
      }
      case 'trace':
        return traceItem(connection, node.trace, node);
      case 'more': {
        const item = treeItem({ label: nt`Load more…` }, vscode.TreeItemCollapsibleState.None);
        item.id = `more:${connection.id}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: COMMANDS.loadMore, title: 'Load more', arguments: [node] };
        return item;
      }
      case 'status':
        return this.statusItem(connection, node);
    }
  }

  private statusItem(connection: Connection, node: Extract<ConnectionNode, { kind: 'status' }>): vscode.TreeItem {
    let item: vscode.TreeItem;
    switch (node.status) {
      case 'loading':
        item = treeItem({ label: nt`Loading traces…` }, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        break;
      case 'empty':
        item = treeItem({ label: nt`No traces match the filter` }, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        break;
      case 'untrusted':
        item = treeItem(
          {
            label: nt`Restricted Mode: click to connect`,
            tooltip: nt`This workspace is not trusted; nothing connects to ${connection.name} until you say so.`,
          },
          vscode.TreeItemCollapsibleState.None,
        );
        item.iconPath = new vscode.ThemeIcon('shield');
        item.command = { command: COMMANDS.refresh, title: 'Connect', arguments: [node] };
        break;
      case 'error': {
        const failure = describeFailure(this.browser.state(connection.id).error, connection, 'list traces');
        item = treeItem({ label: nativeText(failure.message, 200), tooltip: nativeText(failure.message, 1000) }, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.command = { command: failure.action === 'edit' ? COMMANDS.edit : COMMANDS.refresh, title: 'Fix', arguments: [node] };
        break;
      }
    }
    item.id = `status:${connection.id}:${node.status}`;
    return item;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

function connectionItem(c: Connection, loading: boolean): vscode.TreeItem {
  const where = c.kind === 'phoenix' && c.project ? `${c.baseUrl} · project ${c.project}` : c.tenant ? `${c.baseUrl} · tenant ${c.tenant}` : c.baseUrl;
  const item = treeItem(
    {
      label: nativeText(c.name),
      description: nt`${BACKEND_NAMES[c.kind]} · ${where}`,
      tooltip: [nativeText(c.name), nt`${BACKEND_NAMES[c.kind]} at ${where}`],
    },
    vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = `conn:${c.id}`;
  item.iconPath = new vscode.ThemeIcon(loading ? 'sync~spin' : 'plug');
  item.contextValue = 'connection';
  return item;
}

function traceItem(c: Connection, t: TraceSummary, node: ConnectionNode): vscode.TreeItem {
  const errors = t.errorCount ?? 0;
  const parts = [t.service, relativeTime(t.startTime), formatDuration(t.durationMs)];
  if (t.spanCount !== undefined) parts.push(`${formatCount(t.spanCount)} span${t.spanCount === 1 ? '' : 's'}`);
  if (errors > 0) parts.push(`${formatCount(errors)} error${errors === 1 ? '' : 's'}`);
  const item = treeItem(
    {
      label: nativeText(t.rootName || `trace ${t.traceId.slice(0, 12)}`),
      description: nativeText(parts.filter((p) => p !== '').join(' · '), 200),
      tooltip: [
        nativeText(t.rootName || '(unnamed root)', 400),
        nt`trace ${t.traceId}`,
        nt`started ${new Date(t.startTime).toLocaleString()} · ${BACKEND_NAMES[c.kind]}`,
      ],
    },
    vscode.TreeItemCollapsibleState.None,
  );
  item.id = `trace:${c.id}:${t.traceId}`;
  item.iconPath = errors > 0 ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('pulse');
  item.contextValue = 'remoteTrace';
  item.command = { command: COMMANDS.open, title: 'Open Trace', arguments: [node] };
  return item;
}

/** "just now", "5 min ago", "3 h ago", else the local date and time. */
function relativeTime(ms: number): string {
  const ago = Date.now() - ms;
  if (ago < 60_000) return 'just now';
  if (ago < 3_600_000) return `${Math.floor(ago / 60_000)} min ago`;
  if (ago < 86_400_000) return `${Math.floor(ago / 3_600_000)} h ago`;
  return new Date(ms).toLocaleString();
}
