import * as vscode from 'vscode';
import { BACKEND_NAMES } from '../core/backends/types';
import { nativeText, nt } from '../core/text/nativeText';
import { showInfo, showPick, showWarning, withNativeProgress } from '../nativeUi/surfaces';
import { connectClient, signalOf } from './backendClients';
import type { ConnectionsContext } from './connectionsContext';
import { askConnection } from './connectionForm';
import type { Connection } from './connectionSettings';
import { showBackendFailure } from './failureNotice';
import { askFilter } from './filterForm';

/**
 * The connection a command is about: a row of the Connections view (any row carries its
 * connection's id), an id (from a notification's button), else the user picks one.
 */
export async function connectionOf(ctx: ConnectionsContext, arg: unknown, placeHolder = 'Which connection?'): Promise<Connection | undefined> {
  const id =
    typeof arg === 'string'
      ? arg
      : typeof arg === 'object' && arg !== null && typeof (arg as { connectionId?: unknown }).connectionId === 'string'
        ? (arg as { connectionId: string }).connectionId
        : undefined;
  if (id !== undefined) return ctx.store.get(id);
  const list = ctx.store.list();
  if (list.length === 0) {
    const add = nt`Add Connection…`;
    if ((await showInfo(nt`No trace backend connections yet.`, add)) === add) await addConnection(ctx);
    return undefined;
  }
  if (list.length === 1) return list[0];
  const pick = await showPick(
    list.map((c) => ({ label: nativeText(c.name), description: nt`${BACKEND_NAMES[c.kind]} · ${c.baseUrl}`, connection: c })),
    { placeHolder: nativeText(placeHolder) },
  );
  return pick?.connection;
}

export async function addConnection(ctx: ConnectionsContext): Promise<void> {
  const answers = await askConnection(undefined);
  if (!answers) return;
  await ctx.store.save(answers.connection, answers.credentials === 'keep' ? undefined : answers.credentials);
  ctx.log.info(`added connection ${answers.connection.name} (${answers.connection.kind} at ${answers.connection.baseUrl})`);
  await testConnection(ctx, answers.connection);
}

export async function editConnection(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const existing = await connectionOf(ctx, arg, 'Edit which connection?');
  if (!existing) return;
  const answers = await askConnection(existing);
  if (!answers) return;
  if (answers.credentials === 'keep') await ctx.store.save(answers.connection, await ctx.store.credentials(existing.id));
  else await ctx.store.save(answers.connection, answers.credentials);
  ctx.browser.forget(existing.id);
  ctx.tree.redraw();
  await testConnection(ctx, answers.connection);
}

export async function removeConnection(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const c = await connectionOf(ctx, arg, 'Remove which connection?');
  if (!c) return;
  const remove = nt`Remove`;
  if ((await showWarning(nt`Remove the connection ${c.name} and its stored credentials?`, remove)) !== remove) return;
  await ctx.store.remove(c.id);
  ctx.browser.forget(c.id);
  ctx.remoteTraces.forgetConnection(c.id);
  ctx.log.info(`removed connection ${c.name}`);
}

/** Test Connection: the backend's probe; the version when the server tells it. */
export async function testConnection(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const c = typeof arg === 'object' && arg !== null && 'baseUrl' in arg ? (arg as Connection) : await connectionOf(ctx, arg, 'Test which connection?');
  if (!c || !(await ctx.permission.allow(c))) return;
  const { client, credentials } = await connectClient(c, ctx.store);
  await withNativeProgress({ location: vscode.ProgressLocation.Notification, title: nt`Testing ${c.name}`, cancellable: true }, async (_p, token) => {
    const cancel = signalOf(token);
    try {
      const probe = await client.probe(cancel.signal);
      const version = probe.version ? ` ${probe.version}` : '';
      const api = probe.api ? ` (${probe.api})` : '';
      ctx.log.info(`${c.name}: connected to ${BACKEND_NAMES[c.kind]}${version}${api}`);
      void showInfo(nt`${c.name}: connected to ${BACKEND_NAMES[c.kind]}${version}${api}.`);
    } catch (e) {
      showBackendFailure(ctx.log, e, c, 'connect', credentials);
    } finally {
      cancel.dispose();
    }
  });
}

export async function filterTraces(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const c = await connectionOf(ctx, arg, 'Filter the traces of which connection?');
  if (!c) return;
  const next = await askFilter(c, ctx.browser.state(c.id).filter);
  if (!next || !(await ctx.permission.allow(c))) return;
  await ctx.browser.setFilter(c.id, next);
}

export async function refreshConnection(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const c = await connectionOf(ctx, arg, 'Refresh which connection?');
  if (!c || !(await ctx.permission.allow(c))) return;
  await ctx.browser.refresh(c.id);
}

export async function loadMoreTraces(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  const c = await connectionOf(ctx, arg);
  if (c && (await ctx.permission.allow(c))) await ctx.browser.loadMore(c.id);
}
