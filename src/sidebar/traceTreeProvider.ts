import * as vscode from 'vscode';
import { formatCost, formatCount, formatDuration, formatTokens } from '../core/view/format';
import { formatSummaryLine } from '../core/view/summary';
import type { OpenTraces } from '../session/openTraces';
import type { RecentTrace } from '../session/recentList';
import type { RecentStore } from '../session/recentStore';
import type { ReceiverController } from '../receiver/vscode/receiverController';
import { receivedTraceDescription, receivedTraceLabel, sortNewestFirst } from '../receiver/vscode/receiverText';
import { Throttle } from '../session/throttle';
import { nativeText, nt, type NativeText } from '../core/text/nativeText';
import { treeItem } from '../nativeUi/surfaces';
import type { StoredTraceSummary } from '../core/receiver/traceSummary';

export const TRACES_VIEW_ID = 'agentTrace.traces';
/** Internal command behind a click on a tree item (not in the palette). */
export const OPEN_URI_COMMAND = 'agentTrace.openUri';

type Node =
  | { readonly kind: 'group'; readonly group: 'open' | 'received' | 'recent' }
  | { readonly kind: 'trace'; readonly group: 'open' | 'recent'; readonly entry: RecentTrace }
  | { readonly kind: 'received'; readonly summary: Readonly<StoredTraceSummary>; readonly path: string }
  | { readonly kind: 'waiting'; readonly url: string };

/** The side bar redraws the received traces at most this often while spans pour in. */
const RECEIVED_REFRESH_MS = 300;

/**
 * The "Agent Traces" side bar: the traces open in this window, then the recent ones, each
 * with its root name, status, span count, duration, tokens and cost. A click opens the file.
 * While the local receiver runs, a "Received" group lists its stored traces, newest first.
 */
export class TraceTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private readonly receivedRefresh = new Throttle(() => this.changed.fire(undefined), RECEIVED_REFRESH_MS);

  constructor(
    private readonly openTraces: OpenTraces,
    private readonly recent: RecentStore,
    private readonly receiver?: ReceiverController,
  ) {
    this.subscriptions = [openTraces.onDidChange(() => this.changed.fire(undefined)), recent.onDidChange(() => this.changed.fire(undefined))];
    if (receiver) {
      this.subscriptions.push(
        receiver.onDidChangeState(() => this.changed.fire(undefined)),
        receiver.onDidUpdateTrace(() => this.receivedRefresh.trigger()),
        receiver.onDidRemoveTrace(() => this.receivedRefresh.trigger()),
      );
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const groups: Node[] = [];
      if (this.openEntries().length) groups.push({ kind: 'group', group: 'open' });
      if (this.receiver?.running) groups.push({ kind: 'group', group: 'received' });
      if (this.recent.list().length) groups.push({ kind: 'group', group: 'recent' });
      return groups;
    }
    if (node.kind !== 'group') return [];
    const group = node.group;
    if (group === 'received') return this.receivedNodes();
    const entries = group === 'open' ? this.openEntries() : this.recent.list();
    return entries.map((entry) => ({ kind: 'trace', group, entry }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = treeItem({ label: GROUP_LABELS[node.group] }, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.contextValue = `group.${node.group}`;
      return item;
    }
    if (node.kind === 'waiting') {
      const item = treeItem({ label: nt`Waiting for spans…`, description: nativeText(node.url) }, vscode.TreeItemCollapsibleState.None);
      item.id = 'received:waiting';
      item.iconPath = new vscode.ThemeIcon('broadcast');
      return item;
    }
    if (node.kind === 'received') return receivedItem(node.summary, node.path);
    const e = node.entry;
    const item = treeItem(
      { label: nativeText(e.rootName || e.fileName), description: nt`${e.fileName} · ${formatSummaryLine(e)}`, tooltip: tooltip(e) },
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = `${node.group}:${e.uri}`;
    item.iconPath = e.status === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('pass');
    item.contextValue = `trace.${node.group}`;
    item.command = { command: OPEN_URI_COMMAND, title: 'Open Trace', arguments: [e.uri] };
    return item;
  }

  private receivedNodes(): Node[] {
    const local = this.receiver?.running;
    if (!local) return [];
    const list = sortNewestFirst(local.store.list());
    if (list.length === 0) return [{ kind: 'waiting', url: local.tracesUrl }];
    return list.map((summary) => ({ kind: 'received', summary, path: local.store.pathOf(summary.traceId) }));
  }

  private openEntries(): RecentTrace[] {
    return this.openTraces.loaded().map((o) => {
      const s = o.trace!.summary();
      return {
        uri: o.uri.toString(),
        fileName: s.fileName,
        formatLabel: s.formatLabel,
        rootName: s.rootName,
        status: s.status,
        spanCount: s.spanCount,
        durationMs: s.durationMs,
        tokens: s.tokens,
        costUsd: s.costUsd,
        openedAt: 0,
      };
    });
  }

  dispose(): void {
    this.receivedRefresh.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

const GROUP_LABELS = { open: nt`Open`, received: nt`Received`, recent: nt`Recent` } as const;

function receivedItem(s: Readonly<StoredTraceSummary>, path: string): vscode.TreeItem {
  const label = nativeText(receivedTraceLabel(s));
  const tooltip = [
    label,
    nt`trace ${s.traceId}${s.serviceName ? ` · service ${s.serviceName}` : ''}`,
    nativeText(path, 400),
    nt`last spans received ${new Date(s.lastReceivedMs).toLocaleString()}`,
  ];
  const item = treeItem({ label, description: nativeText(receivedTraceDescription(s), 200), tooltip }, vscode.TreeItemCollapsibleState.None);
  item.id = `received:${s.traceId}`;
  item.iconPath = s.status === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('broadcast');
  item.contextValue = 'trace.received';
  item.command = { command: OPEN_URI_COMMAND, title: 'Open Trace', arguments: [vscode.Uri.file(path).toString()] };
  return item;
}

function tooltip(e: RecentTrace): NativeText[] {
  return [
    nativeText(e.rootName || '(unnamed root)'),
    nativeText(vscode.Uri.parse(e.uri).fsPath || e.uri, 400),
    nativeText(
      [
        `${e.formatLabel}`,
        `status ${e.status}`,
        `${formatCount(e.spanCount)} spans`,
        formatDuration(e.durationMs),
        `${formatTokens(e.tokens.input)} in / ${formatTokens(e.tokens.output)} out tokens`,
        formatCost(e.costUsd),
      ].join(' · '),
      400,
    ),
  ];
}
