import * as vscode from 'vscode';
import type { TraceSummary } from '../core/protocol';
import { addRecent, parseRecentList, recentFromSummary, removeRecent, type RecentTrace } from './recentList';

const KEY = 'agentTrace.recentTraces';

/** The recent-traces list in globalState (shared by all windows), most recent first. */
export class RecentStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): RecentTrace[] {
    return parseRecentList(this.state.get<unknown>(KEY));
  }

  async add(summary: TraceSummary): Promise<void> {
    await this.state.update(KEY, addRecent(this.list(), recentFromSummary(summary, Date.now())));
    this.changed.fire();
  }

  async remove(uri: string): Promise<void> {
    await this.state.update(KEY, removeRecent(this.list(), uri));
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
