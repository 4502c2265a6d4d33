import * as vscode from 'vscode';
import { formatCost, formatCount, formatDuration, formatTokens } from '../core/view/format';
import { formatSummaryLine } from '../core/view/summary';
import type { OpenTraces } from '../host/openTraces';
import type { RecentTrace } from '../host/recentList';
import type { RecentStore } from '../host/recentStore';

export const TRACES_VIEW_ID = 'agentTrace.traces';
/** Internal command behind a click on a tree item (not in the palette). */
export const OPEN_URI_COMMAND = 'agentTrace.openUri';

type Node =
  | { readonly kind: 'group'; readonly group: 'open' | 'recent' }
  | { readonly kind: 'trace'; readonly group: 'open' | 'recent'; readonly entry: RecentTrace };

/**
 * The "Agent Traces" side bar: the traces open in this window, then the recent ones, each
 * with its root name, status, span count, duration, tokens and cost. A click opens the file.
 */
export class TraceTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly openTraces: OpenTraces,
    private readonly recent: RecentStore,
  ) {
    this.subscriptions = [openTraces.onDidChange(() => this.changed.fire(undefined)), recent.onDidChange(() => this.changed.fire(undefined))];
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const groups: Node[] = [];
      if (this.openEntries().length) groups.push({ kind: 'group', group: 'open' });
      if (this.recent.list().length) groups.push({ kind: 'group', group: 'recent' });
      return groups;
    }
    if (node.kind === 'trace') return [];
    const entries = node.group === 'open' ? this.openEntries() : this.recent.list();
    return entries.map((entry) => ({ kind: 'trace', group: node.group, entry }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group === 'open' ? 'Open' : 'Recent', vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.group}`;
      item.contextValue = `group.${node.group}`;
      return item;
    }
    const e = node.entry;
    const item = new vscode.TreeItem(e.rootName || e.fileName, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.group}:${e.uri}`;
    item.description = `${e.fileName} · ${formatSummaryLine(e)}`;
    item.tooltip = tooltip(e);
    item.iconPath = e.status === 'error' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')) : new vscode.ThemeIcon('pass');
    item.contextValue = `trace.${node.group}`;
    item.command = { command: OPEN_URI_COMMAND, title: 'Open Trace', arguments: [e.uri] };
    return item;
  }

  private openEntries(): RecentTrace[] {
    return this.openTraces.loaded().map((o) => {
      const s = o.trace!.summary();
      return { uri: o.uri.toString(), fileName: s.fileName, formatLabel: s.formatLabel, rootName: s.rootName, status: s.status, spanCount: s.spanCount, durationMs: s.durationMs, tokens: s.tokens, costUsd: s.costUsd, openedAt: 0 };
    });
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.changed.dispose();
  }
}

function tooltip(e: RecentTrace): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendText(`${e.rootName || '(unnamed root)'}\n\n`);
  md.appendText(`${vscode.Uri.parse(e.uri).fsPath || e.uri}\n\n`);
  md.appendText(
    [
      `${e.formatLabel}`,
      `status ${e.status}`,
      `${formatCount(e.spanCount)} spans`,
      formatDuration(e.durationMs),
      `${formatTokens(e.tokens.input)} in / ${formatTokens(e.tokens.output)} out tokens`,
      formatCost(e.costUsd),
    ].join(' · '),
  );
  return md;
}
