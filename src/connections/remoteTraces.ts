import * as vscode from 'vscode';
import type { FetchResult } from '../core/backends/types';
import type { TraceSet } from '../core/model/trace';

/**
 * Traces fetched from backend connections and shown in panels, by the URI their panel has:
 * `agent-trace-remote:/<connection id>/<trace id>`. The URI names the trace without any
 * secret and without the backend's address (a connection id only), so it can go into the
 * recent list and the webview's saved state. What the fetch said (notes, web UI link) is kept
 * here for the panel header.
 */
export const REMOTE_SCHEME = 'agent-trace-remote';

export interface RemoteTrace {
  readonly connectionId: string;
  readonly traceId: string;
  readonly fetchedAt: number;
  readonly notes: readonly string[];
  readonly webUrl?: string;
  readonly set: TraceSet;
}

export function remoteTraceUri(connectionId: string, traceId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${connectionId}/${traceId}` });
}

/** The connection and trace a remote URI names, or undefined for any other URI. */
export function parseRemoteTraceUri(uri: vscode.Uri | string): { connectionId: string; traceId: string } | undefined {
  let u: vscode.Uri;
  try {
    u = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri;
  } catch {
    return undefined;
  }
  if (u.scheme !== REMOTE_SCHEME) return undefined;
  const m = /^\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9._:~-]{1,200})$/.exec(u.path);
  return m ? { connectionId: m[1], traceId: m[2] } : undefined;
}

export class RemoteTraces {
  private readonly byUri = new Map<string, RemoteTrace>();

  remember(uri: vscode.Uri, connectionId: string, traceId: string, fetched: FetchResult): RemoteTrace {
    const entry: RemoteTrace = {
      connectionId,
      traceId,
      fetchedAt: Date.now(),
      notes: fetched.notes,
      set: fetched.set,
      ...(fetched.webUrl !== undefined ? { webUrl: fetched.webUrl } : {}),
    };
    this.byUri.set(uri.toString(), entry);
    return entry;
  }

  get(uri: string): RemoteTrace | undefined {
    return this.byUri.get(uri);
  }

  /** Forgets the traces of a connection (removed). */
  forgetConnection(connectionId: string): void {
    for (const [k, v] of this.byUri) if (v.connectionId === connectionId) this.byUri.delete(k);
  }
}
