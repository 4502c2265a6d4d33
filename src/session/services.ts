import type * as vscode from 'vscode';
import type { OpenTraces } from './openTraces';
import type { RecentStore } from './recentStore';

/** What commands, panels and views share; made once in `activate`. */
export interface HostServices {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly openTraces: OpenTraces;
  readonly recent: RecentStore;
  readonly workspaceState: vscode.Memento;
}
