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
import { HttpContext } from './http';
import { jaegerClient } from './jaeger/jaegerClient';
import { langfuseClient } from './langfuse/langfuseClient';
import { phoenixClient } from './phoenix/phoenixClient';
import { tempoClient } from './tempo/tempoClient';
import type { BackendClient, ConnectionConfig, Credentials, Transport } from './types';
import { normalizeBaseUrl } from './url';
import { zipkinClient } from './zipkin/zipkinClient';

export { cancelSource, NEVER_CANCELLED } from './cancel';
export { detectBackendKind } from './detect';
export { parseTraceUrl } from './traceUrl';

/** Throws a `bad-request` BackendError when the base URL is not an acceptable http(s) URL. */
export function createBackendClient(
  config: ConnectionConfig,
  credentials: Credentials,
  transport: Transport,
  options: { timeoutMs?: number } = {},
): BackendClient {
  const http = new HttpContext(config.kind, normalizeBaseUrl(config.baseUrl), config, credentials, transport, options.timeoutMs);
  switch (config.kind) {
    case 'jaeger':
      return jaegerClient(http);
    case 'tempo':
      return tempoClient(http);
    case 'langfuse':
      return langfuseClient(http, config.project);
    case 'phoenix':
      return phoenixClient(http, config.project || 'default');
    case 'zipkin':
      return zipkinClient(http);
  }
}
