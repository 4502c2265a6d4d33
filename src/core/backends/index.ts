/**
 * The entry points hosts use (VS Code side, CLI). Clients are pure; the host passes a Transport
 * (src/backendsNode/nodeTransport.ts in Node) and the connection's credentials.
 *
 *   const client = createBackendClient(config, credentials, transport);
 *   await client.probe(signal);            // Test Connection
 *   await client.search(query, signal);    // Browse (paged by nextCursor)
 *   await client.fetchTrace(id, signal);   // Open: { set, notes, webUrl }
 *   await detectBackendKind(baseUrl, credentials, transport, signal); // no kind given
 *   parseTraceUrl(pastedUrl);              // Open Trace by ID or URL…
 */
export { parseTraceUrl } from './traceUrl';
export { cancelSource, NEVER_CANCELLED } from './cancel';
import type { BackendClient, BackendKind, CancelSignal, ConnectionConfig, Credentials, Transport } from './types';

export function createBackendClient(config: ConnectionConfig, credentials: Credentials, transport: Transport): BackendClient {
  void config;
  void credentials;
  void transport;
  throw new Error('not implemented yet');
}

/** Probes Jaeger, Tempo, Langfuse, Phoenix, Zipkin in that order (one cheap request each); the first that answers as itself wins. */
export function detectBackendKind(baseUrl: string, credentials: Credentials, transport: Transport, signal: CancelSignal): Promise<BackendKind> {
  void baseUrl;
  void credentials;
  void transport;
  void signal;
  throw new Error('not implemented yet');
}
