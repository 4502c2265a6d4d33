/** Shared by the contract tests: a client for a running stand-in through the real Node transport. */
import { createBackendClient } from '../../../src/core/backends/index';
import type { BackendKind, ConnectionConfig, Credentials } from '../../../src/core/backends/types';
import { nodeTransport } from '../../../src/backendsNode/nodeTransport';

export function clientFor(kind: BackendKind, url: string, credentials: Credentials = {}, config: Partial<ConnectionConfig> = {}) {
  return createBackendClient({ kind, baseUrl: url, ...config }, credentials, nodeTransport, { timeoutMs: 5000 });
}

/** The last hour, in the SearchQuery's terms. */
export function lastHour(now = Date.now()) {
  return { fromMs: now - 3600_000, toMs: now + 60_000, limit: 20 };
}

/** Number of spans in every trace of a set. */
export function spanCount(set: { traces: readonly { spans: readonly unknown[] }[] }): number {
  return set.traces.reduce((n, t) => n + t.spans.length, 0);
}
