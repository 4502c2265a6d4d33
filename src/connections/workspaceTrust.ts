import * as vscode from 'vscode';
import { nt } from '../core/text/nativeText';
import { showWarning } from '../nativeUi/surfaces';
import type { Connection } from './connectionSettings';

/**
 * In an untrusted workspace (Restricted Mode) nothing connects to a backend without asking:
 * the first request to each connection in this window asks once, and the answer is kept until
 * the window closes. In a trusted workspace this returns true at once.
 */
export class ConnectPermission {
  private readonly allowed = new Set<string>();

  async allow(connection: Connection): Promise<boolean> {
    if (vscode.workspace.isTrusted || this.allowed.has(connection.id)) return true;
    const connect = nt`Connect`;
    const answer = await showWarning(
      nt`This workspace is not trusted (Restricted Mode). Connect to ${connection.name} at ${connection.baseUrl} anyway?`,
      connect,
    );
    if (answer !== connect) return false;
    this.allowed.add(connection.id);
    return true;
  }

  /** Whether a call would need to ask (the tree shows a "click to connect" row instead of listing). */
  needsAsking(connection: Connection): boolean {
    return !vscode.workspace.isTrusted && !this.allowed.has(connection.id);
  }
}
