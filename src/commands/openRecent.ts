import * as vscode from 'vscode';
import { formatCount } from '../core/view/format';
import type { RecentTrace } from '../session/recentList';
import type { HostServices } from '../session/services';
import { openTracePanel } from '../panel/tracePanels';
import { nativeText, nt } from '../core/text/nativeText';
import { showInfo, showPick, type NativePickItem } from '../nativeUi/surfaces';

export const OPEN_RECENT_COMMAND = 'agentTrace.openRecent';

interface RecentItem extends NativePickItem {
  readonly entry: RecentTrace;
}

/** "Agent Trace: Open Recent Trace": a quick pick of the recent list, most recent first. */
export async function openRecentTrace(services: HostServices): Promise<void> {
  const list = services.recent.list();
  if (list.length === 0) {
    void showInfo(nt`No recent traces yet. Use "Agent Trace: Open Trace File…" to open one.`);
    return;
  }
  const items: RecentItem[] = list.map((entry) => ({
    entry,
    label: nativeText(entry.fileName),
    description: nt`${entry.formatLabel} · ${formatCount(entry.spanCount)} ${entry.spanCount === 1 ? 'span' : 'spans'}`,
    detail: nativeText(`${entry.rootName ? entry.rootName + ' — ' : ''}${displayPath(entry.uri)}`, 300),
  }));
  const pick = await showPick(items, {
    title: nt`Open Recent Trace`,
    placeHolder: nt`Trace file`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (pick) await openTracePanel(vscode.Uri.parse(pick.entry.uri), services);
}

function displayPath(uri: string): string {
  const u = vscode.Uri.parse(uri);
  return u.scheme === 'file' ? u.fsPath : uri;
}
