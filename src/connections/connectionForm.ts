import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { BACKEND_KINDS, BACKEND_NAMES, type BackendKind, type Credentials } from '../core/backends/types';
import { nativeText, nt } from '../core/text/nativeText';
import { showPick, type NativePickItem } from '../nativeUi/surfaces';
import { checkBaseUrl, type Connection } from './connectionSettings';

/** What Add / Edit Connection asks for and returns: the connection, and its credentials when they changed. */
export interface ConnectionAnswers {
  readonly connection: Connection;
  /** `keep`: Edit left every secret field empty (the stored credentials stay). */
  readonly credentials: Credentials | undefined | 'keep';
}

const DEFAULT_URLS: Readonly<Record<BackendKind, string>> = {
  jaeger: 'http://localhost:16686',
  tempo: 'http://localhost:3200',
  langfuse: 'https://cloud.langfuse.com',
  phoenix: 'http://localhost:6006',
  zipkin: 'http://localhost:9411',
};

const KIND_DETAILS: Readonly<Record<BackendKind, string>> = {
  jaeger: 'Jaeger query service (api_v3), port 16686',
  tempo: 'Grafana Tempo query frontend, port 3200 (tenant for X-Scope-OrgID)',
  langfuse: 'Langfuse Cloud or self-hosted (public and secret key)',
  phoenix: 'Arize Phoenix, port 6006 (project, API key when auth is on)',
  zipkin: 'Zipkin v2 API, port 9411',
};

type AuthChoice = 'none' | 'bearer' | 'basic' | 'header';

/**
 * The Add / Edit Connection steps as input boxes and quick picks: kind, base URL, the kind's own
 * fields (Tempo tenant, Phoenix project, Langfuse project id for links), the credentials
 * (password boxes), and a name. Escape at any step cancels the whole form (undefined).
 */
export async function askConnection(existing: Connection | undefined): Promise<ConnectionAnswers | undefined> {
  const title = existing ? `Edit Connection: ${existing.name}` : 'Add Connection';
  const kind = existing?.kind ?? (await pickKind(title));
  if (!kind) return undefined;
  const baseUrl = await input(title, {
    prompt: `${BACKEND_NAMES[kind]} base URL (with any path prefix, e.g. https://host/jaeger)`,
    value: existing?.baseUrl ?? DEFAULT_URLS[kind],
    validateInput: (v) => {
      const c = checkBaseUrl(v);
      return c.ok ? undefined : c.reason;
    },
  });
  if (baseUrl === undefined) return undefined;
  const url = checkBaseUrl(baseUrl);
  if (!url.ok) return undefined;
  let tenant: string | undefined;
  let project: string | undefined;
  if (kind === 'tempo') {
    const t = await input(title, { prompt: 'Tempo tenant (X-Scope-OrgID); leave empty when Tempo is single-tenant', value: existing?.tenant ?? '' });
    if (t === undefined) return undefined;
    tenant = t.trim() || undefined;
  }
  if (kind === 'phoenix' || kind === 'langfuse') {
    const prompt = kind === 'phoenix' ? 'Phoenix project (name or id)' : 'Langfuse project id (optional: used for "Open in Langfuse" links)';
    const p = await input(title, { prompt, value: existing?.project ?? (kind === 'phoenix' ? 'default' : '') });
    if (p === undefined) return undefined;
    project = p.trim() || undefined;
  }
  const credentials = await askCredentials(kind, title, existing !== undefined);
  if (credentials === null) return undefined;
  const name = await input(title, { prompt: 'A name for this connection', value: existing?.name ?? `${BACKEND_NAMES[kind]} ${new URL(url.url).host}` });
  if (name === undefined) return undefined;
  const connection: Connection = {
    id: existing?.id ?? `c-${randomBytes(6).toString('hex')}`,
    name: name.trim() || url.url,
    kind,
    baseUrl: url.url,
    ...(tenant !== undefined ? { tenant } : {}),
    ...(project !== undefined ? { project } : {}),
  };
  return { connection, credentials };
}

async function pickKind(title: string): Promise<BackendKind | undefined> {
  const items: (NativePickItem & { backend: BackendKind })[] = BACKEND_KINDS.map((k) => ({
    label: nativeText(BACKEND_NAMES[k]),
    detail: nativeText(KIND_DETAILS[k]),
    backend: k,
  }));
  const pick = await showPick(items, { title: nativeText(title), placeHolder: nt`Which kind of trace backend?`, ignoreFocusOut: true });
  return pick?.backend;
}

/** The credentials asked per kind; null: cancelled; 'keep': editing and every secret left empty. */
async function askCredentials(kind: BackendKind, title: string, editing: boolean): Promise<Credentials | undefined | 'keep' | null> {
  const keepHint = editing ? ' (leave empty to keep the stored one)' : '';
  if (kind === 'langfuse') {
    const pub = await input(title, { prompt: `Langfuse public key (pk-lf-…)${keepHint}`, password: true });
    if (pub === undefined) return null;
    const sec = await input(title, { prompt: `Langfuse secret key (sk-lf-…)${keepHint}`, password: true });
    if (sec === undefined) return null;
    if (editing && pub === '' && sec === '') return 'keep';
    return { basic: { username: pub.trim(), password: sec.trim() } };
  }
  if (kind === 'phoenix') {
    const key = await input(title, { prompt: `Phoenix API key; leave empty when auth is off${keepHint}`, password: true });
    if (key === undefined) return null;
    if (editing && key === '') return 'keep';
    return key.trim() ? { bearer: key.trim() } : undefined;
  }
  const choices: (NativePickItem & { auth: AuthChoice | 'keep' })[] = [
    ...(editing ? [{ label: nt`Keep the stored credentials`, auth: 'keep' as const }] : []),
    { label: nt`No authentication`, auth: 'none' },
    { label: nt`Bearer token`, detail: nt`Authorization: Bearer <token>`, auth: 'bearer' },
    { label: nt`User name and password`, detail: nt`HTTP Basic (Grafana Cloud: instance id and token)`, auth: 'basic' },
    { label: nt`Custom header`, detail: nt`A header with a secret value (e.g. api_key)`, auth: 'header' },
  ];
  const pick = await showPick(choices, { title: nativeText(title), placeHolder: nt`How does ${BACKEND_NAMES[kind]} authenticate?`, ignoreFocusOut: true });
  if (!pick) return null;
  switch (pick.auth) {
    case 'keep':
      return 'keep';
    case 'none':
      return undefined;
    case 'bearer': {
      const token = await input(title, { prompt: 'Bearer token', password: true });
      return token === undefined ? null : token.trim() ? { bearer: token.trim() } : undefined;
    }
    case 'basic': {
      const username = await input(title, { prompt: 'User name' });
      if (username === undefined) return null;
      const password = await input(title, { prompt: 'Password or token', password: true });
      return password === undefined ? null : { basic: { username: username.trim(), password } };
    }
    case 'header': {
      const header = await input(title, {
        prompt: 'Header name',
        validateInput: (v) => (/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/.test(v.trim()) ? undefined : 'not a valid header name'),
      });
      if (header === undefined) return null;
      const value = await input(title, { prompt: `Value of ${header.trim()}`, password: true });
      return value === undefined ? null : { headers: { [header.trim().toLowerCase()]: value } };
    }
  }
}

/** An input box that stays open when focus moves (so a click elsewhere does not cancel the form). */
function input(title: string, opts: Omit<vscode.InputBoxOptions, 'title' | 'ignoreFocusOut'>): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title, ignoreFocusOut: true, ...opts });
}
