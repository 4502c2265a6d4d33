/**
 * `agentTrace.connections`: the user's trace-backend connections as they live in user settings.
 * Pure (no vscode), so the parsing and the "a workspace value never counts" rule are unit-tested.
 *
 * No secret is ever part of a connection: keys and tokens live in SecretStorage under the
 * connection's `id` (connectionSecrets.ts). The setting is `"scope": "application"` in
 * package.json, so VS Code itself drops workspace and folder values; `userConnections` also reads
 * only the user (global) value of `inspect()`, so a workspace cannot add or redirect a connection
 * even if the scope were ever loosened.
 */
import { BACKEND_KINDS, type BackendKind, type ConnectionConfig } from '../core/backends/types';

export const CONNECTIONS_SETTING = 'agentTrace.connections';
/** The key under the `agentTrace` section (`getConfiguration('agentTrace')`). */
export const CONNECTIONS_KEY = 'connections';

/** One configured connection: the core client's `ConnectionConfig` plus an id and a name. */
export interface Connection extends ConnectionConfig {
  /** Stable, generated when added; the SecretStorage key of its credentials. */
  readonly id: string;
  /** What the side bar shows ("prod Tempo"). */
  readonly name: string;
}

/** The one stored shape of an entry (exactly these keys; anything else is dropped). */
export interface StoredConnection {
  readonly id: string;
  readonly name: string;
  readonly kind: BackendKind;
  readonly baseUrl: string;
  readonly tenant?: string;
  readonly project?: string;
}

export interface ParsedConnections {
  readonly connections: readonly Connection[];
  /** Entries that were skipped, and why (for the output channel; never shown with secrets: there are none here). */
  readonly problems: readonly string[];
}

/** What `WorkspaceConfiguration.inspect` returns, reduced to what we read. */
export interface InspectedSetting {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_NAME = 200;
const MAX_FIELD = 500;
const MAX_CONNECTIONS = 100;

/** The connections of the user's own settings; workspace and folder values are ignored. */
export function userConnections(inspected: InspectedSetting | undefined): ParsedConnections {
  return parseConnections(inspected?.globalValue);
}

/** Parses the setting's value: valid entries in order, duplicates and bad entries reported. */
export function parseConnections(raw: unknown): ParsedConnections {
  if (raw === undefined || raw === null) return { connections: [], problems: [] };
  if (!Array.isArray(raw)) return { connections: [], problems: [`${CONNECTIONS_SETTING} must be an array`] };
  const connections: Connection[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of raw.slice(0, MAX_CONNECTIONS).entries()) {
    const c = parseConnection(entry);
    if (typeof c === 'string') problems.push(`${CONNECTIONS_SETTING}[${i}]: ${c}`);
    else if (seen.has(c.id)) problems.push(`${CONNECTIONS_SETTING}[${i}]: id ${c.id} is used twice; the first one counts`);
    else {
      seen.add(c.id);
      connections.push(c);
    }
  }
  if (raw.length > MAX_CONNECTIONS) problems.push(`${CONNECTIONS_SETTING}: only the first ${MAX_CONNECTIONS} connections are read`);
  return { connections, problems };
}

/** One entry, or why it is not a connection. */
function parseConnection(v: unknown): Connection | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'not an object';
  const o = v as Record<string, unknown>;
  if (typeof o.id !== 'string' || !ID_PATTERN.test(o.id)) return 'id must be 1-64 letters, digits, "-" or "_"';
  if (typeof o.kind !== 'string' || !(BACKEND_KINDS as readonly string[]).includes(o.kind)) return `kind must be one of ${BACKEND_KINDS.join(', ')}`;
  const base = checkBaseUrl(o.baseUrl);
  if (!base.ok) return base.reason;
  const name = typeof o.name === 'string' && o.name.trim() !== '' ? o.name.trim().slice(0, MAX_NAME) : base.url;
  const tenant = optionalField(o.tenant, 'tenant');
  if (tenant instanceof Error) return tenant.message;
  const project = optionalField(o.project, 'project');
  if (project instanceof Error) return project.message;
  return {
    id: o.id,
    name,
    kind: o.kind as BackendKind,
    baseUrl: base.url,
    ...(tenant !== undefined ? { tenant } : {}),
    ...(project !== undefined ? { project } : {}),
  };
}

function optionalField(v: unknown, what: string): string | undefined | Error {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > MAX_FIELD) return new Error(`${what} must be a string of at most ${MAX_FIELD} characters`);
  // eslint-disable-next-line no-control-regex -- header values with control characters would break the request
  if (/[\u0000-\u001f\u007f]/.test(v)) return new Error(`${what} must not contain control characters`);
  return v.trim();
}

export type BaseUrlCheck = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/**
 * A backend's base URL as we keep it: http or https, a host, no user name or password (those
 * belong in SecretStorage), no query or fragment, no trailing slash. The path prefix stays
 * (`https://host/jaeger`).
 */
export function checkBaseUrl(raw: unknown): BaseUrlCheck {
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2048) return { ok: false, reason: 'baseUrl must be an http(s) URL' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'baseUrl is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'baseUrl must start with http:// or https://' };
  if (url.hostname === '') return { ok: false, reason: 'baseUrl needs a host' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'baseUrl must not hold a user name or password (keys go to the secret store)' };
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'baseUrl must not have a query or fragment' };
  return { ok: true, url: (url.origin + url.pathname).replace(/\/+$/, '') };
}

/** The entry as written to settings: exactly the stored keys, nothing secret. */
export function toStored(c: Connection): StoredConnection {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    baseUrl: c.baseUrl,
    ...(c.tenant !== undefined ? { tenant: c.tenant } : {}),
    ...(c.project !== undefined ? { project: c.project } : {}),
  };
}
