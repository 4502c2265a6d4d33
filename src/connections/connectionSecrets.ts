/**
 * A connection's credentials in VS Code's SecretStorage (the OS keychain, or code-server's
 * encrypted store), keyed by connection id. Nothing here logs, and nothing returned from here
 * may reach a message, the settings or the webview: `Credentials` go straight to the core client.
 */
import type { Credentials } from '../core/backends/types';

/** The minimal SecretStorage surface we use (vscode.SecretStorage satisfies it; tests use a Map). */
export interface SecretStore {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

/** The SecretStorage key of a connection's credentials. */
export function secretKeyOf(connectionId: string): string {
  return `agentTrace.connection.${connectionId}`;
}

export class ConnectionSecrets {
  constructor(private readonly store: SecretStore) {}

  async get(connectionId: string): Promise<Credentials | undefined> {
    const raw = await this.store.get(secretKeyOf(connectionId));
    return raw === undefined ? undefined : parseCredentials(raw);
  }

  /** Stores `credentials`, or deletes the entry when there are none. */
  async set(connectionId: string, credentials: Credentials | undefined): Promise<void> {
    const text = credentials ? serialiseCredentials(credentials) : undefined;
    if (text === undefined) await this.store.delete(secretKeyOf(connectionId));
    else await this.store.store(secretKeyOf(connectionId), text);
  }

  async delete(connectionId: string): Promise<void> {
    await this.store.delete(secretKeyOf(connectionId));
  }
}

/** JSON of the non-empty parts, or undefined when nothing is secret. */
export function serialiseCredentials(c: Credentials): string | undefined {
  const out: { basic?: { username: string; password: string }; bearer?: string; headers?: Record<string, string> } = {};
  if (c.basic && (c.basic.username !== '' || c.basic.password !== '')) out.basic = { username: c.basic.username, password: c.basic.password };
  if (c.bearer) out.bearer = c.bearer;
  const headers = Object.entries(c.headers ?? {}).filter(([k, v]) => k !== '' && v !== '');
  if (headers.length) out.headers = Object.fromEntries(headers);
  return Object.keys(out).length ? JSON.stringify(out) : undefined;
}

/** Reads what `serialiseCredentials` wrote; anything malformed counts as no credentials. */
export function parseCredentials(raw: string): Credentials | undefined {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const basic = o.basic as Record<string, unknown> | undefined;
  const headers = o.headers as Record<string, unknown> | undefined;
  const c: { basic?: { username: string; password: string }; bearer?: string; headers?: Record<string, string> } = {};
  if (basic && typeof basic.username === 'string' && typeof basic.password === 'string') c.basic = { username: basic.username, password: basic.password };
  if (typeof o.bearer === 'string' && o.bearer !== '') c.bearer = o.bearer;
  if (headers && typeof headers === 'object') {
    const entries = Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string');
    if (entries.length) c.headers = Object.fromEntries(entries);
  }
  return Object.keys(c).length ? c : undefined;
}
