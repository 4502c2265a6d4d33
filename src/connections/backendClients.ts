import type * as vscode from 'vscode';
import { nodeTransport } from '../backendsNode/nodeTransport';
import { cancelSource, createBackendClient } from '../core/backends/index';
import type { BackendClient, CancelSignal, Credentials } from '../core/backends/types';
import type { Connection } from './connectionSettings';
import type { ConnectionStore } from './connectionStore';

/** A client for one connection, with its credentials read fresh from SecretStorage. */
export interface ConnectedClient {
  readonly client: BackendClient;
  /** For `redactSecrets` in error messages only; never shown. */
  readonly credentials: Credentials | undefined;
}

export async function connectClient(connection: Connection, store: ConnectionStore): Promise<ConnectedClient> {
  const credentials = await store.credentials(connection.id);
  const config = {
    kind: connection.kind,
    baseUrl: connection.baseUrl,
    ...(connection.tenant !== undefined ? { tenant: connection.tenant } : {}),
    ...(connection.project !== undefined ? { project: connection.project } : {}),
  };
  return { client: createBackendClient(config, credentials ?? {}, nodeTransport), credentials };
}

/** Core's cancel signal, fired by a VS Code cancellation token (a progress notification's Cancel). */
export function signalOf(token: vscode.CancellationToken | undefined): { readonly signal: CancelSignal; dispose(): void } {
  const source = cancelSource();
  if (!token) return { signal: source.signal, dispose: () => {} };
  if (token.isCancellationRequested) source.cancel();
  const sub = token.onCancellationRequested(() => source.cancel());
  return { signal: source.signal, dispose: () => sub.dispose() };
}
