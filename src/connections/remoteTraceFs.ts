import * as vscode from 'vscode';
import { BACKEND_NAMES } from '../core/backends/types';
import { encodeOtlpJson } from '../core/export/otlpJson';
import { NEVER_CANCELLED } from '../core/backends/index';
import { connectClient } from './backendClients';
import type { ConnectionsContext } from './connectionsContext';
import { redactSecrets } from './connectionErrors';
import { parseRemoteTraceUri } from './remoteTraces';

/**
 * A read-only file system for `agent-trace-remote:` URIs, so a fetched trace behaves like a
 * file where the extension reopens files by URI: the recent list and panels restored after a
 * window reload. Reading gives the trace as OTLP/JSON: the copy fetched in this window, else
 * fetched again from its connection (asking first in Restricted Mode). Writes are refused.
 */
export class RemoteTraceFs implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly ctx: ConnectionsContext) {}

  stat(uri: vscode.Uri): vscode.FileStat {
    if (!parseRemoteTraceUri(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    const now = Date.now();
    return { type: vscode.FileType.File, ctime: now, mtime: now, size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const named = parseRemoteTraceUri(uri);
    if (!named) throw vscode.FileSystemError.FileNotFound(uri);
    const cached = this.ctx.remoteTraces.get(uri.toString());
    if (cached) return encodeOtlpJson(cached.set.traces);
    const connection = this.ctx.store.get(named.connectionId);
    if (!connection) throw vscode.FileSystemError.FileNotFound('the connection this trace came from no longer exists');
    if (!(await this.ctx.permission.allow(connection))) throw vscode.FileSystemError.NoPermissions('not connected: the workspace is not trusted');
    const { client, credentials } = await connectClient(connection, this.ctx.store);
    try {
      const fetched = await client.fetchTrace(named.traceId, NEVER_CANCELLED);
      this.ctx.remoteTraces.remember(uri, connection.id, named.traceId, fetched);
      return encodeOtlpJson(fetched.set.traces);
    } catch (e) {
      const why = redactSecrets(e instanceof Error ? e.message : String(e), credentials);
      throw vscode.FileSystemError.Unavailable(`${connection.name} (${BACKEND_NAMES[connection.kind]}): ${why}`);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }
  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('traces of a backend connection are not a folder');
  }
  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('read-only');
  }
  writeFile(): never {
    throw vscode.FileSystemError.NoPermissions('read-only: use Save As… to write the trace to a file');
  }
  delete(): never {
    throw vscode.FileSystemError.NoPermissions('read-only');
  }
  rename(): never {
    throw vscode.FileSystemError.NoPermissions('read-only');
  }
}
