import * as vscode from 'vscode';
import type { Credentials } from '../core/backends/types';
import { ConnectionSecrets } from './connectionSecrets';
import { CONNECTIONS_KEY, CONNECTIONS_SETTING, toStored, userConnections, type Connection } from './connectionSettings';

/**
 * The configured connections: read from the user's settings only (see connectionSettings.ts),
 * written back to them (ConfigurationTarget.Global), with each one's credentials kept in
 * SecretStorage. Fires `onDidChange` when the list changes (here or by editing settings.json).
 */
export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly secrets: ConnectionSecrets;
  private readonly watcher: vscode.Disposable;
  private lastProblems = '';

  constructor(
    secretStorage: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.secrets = new ConnectionSecrets(secretStorage);
    this.watcher = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(CONNECTIONS_SETTING)) this.changed.fire();
    });
  }

  list(): readonly Connection[] {
    const inspected = vscode.workspace.getConfiguration('agentTrace').inspect<unknown>(CONNECTIONS_KEY);
    const parsed = userConnections(inspected);
    const problems = parsed.problems.join('; ');
    if (problems !== this.lastProblems) {
      this.lastProblems = problems;
      if (problems) this.log.warn(`connections: ${problems}`);
    }
    if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) {
      this.log.warn(`${CONNECTIONS_SETTING} in workspace settings is ignored: connections are read from user settings only`);
    }
    return parsed.connections;
  }

  get(id: string): Connection | undefined {
    return this.list().find((c) => c.id === id);
  }

  credentials(id: string): Promise<Credentials | undefined> {
    return this.secrets.get(id);
  }

  /** Adds or replaces (same id) a connection and its credentials (`undefined` credentials: none). */
  async save(connection: Connection, credentials: Credentials | undefined): Promise<void> {
    await this.secrets.set(connection.id, credentials);
    const others = this.list().filter((c) => c.id !== connection.id);
    const index = this.list().findIndex((c) => c.id === connection.id);
    const next = [...others];
    next.splice(index >= 0 ? index : next.length, 0, connection);
    await this.write(next);
  }

  /** Keeps the connection, replaces only its credentials. */
  async setCredentials(id: string, credentials: Credentials | undefined): Promise<void> {
    await this.secrets.set(id, credentials);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.secrets.delete(id);
    await this.write(this.list().filter((c) => c.id !== id));
  }

  private async write(list: readonly Connection[]): Promise<void> {
    await vscode.workspace.getConfiguration('agentTrace').update(CONNECTIONS_KEY, list.map(toStored), vscode.ConfigurationTarget.Global);
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
