import * as vscode from 'vscode';
import { parseTraceUrl } from '../core/backends/index';
import { checkTraceId } from '../core/backends/traceIds';
import { BACKEND_NAMES, BackendError } from '../core/backends/types';
import { nativeText, nt } from '../core/text/nativeText';
import { showError, showPick } from '../nativeUi/surfaces';
import { COMMANDS } from './commandIds';
import { connectionOf } from './connectionCommands';
import type { ConnectionsContext } from './connectionsContext';
import type { Connection } from './connectionSettings';
import { openRemoteTrace } from './remoteOpen';
import { looksLikeUrl, matchTraceUrl } from './urlMatch';

/**
 * Open Trace by ID or URL…: a trace id (opened from the one connection, or the one picked), or
 * a pasted URL of a backend's UI or API, matched to a configured connection by origin. A URL
 * that matches no connection is never fetched: the user is offered Add Connection instead.
 */
export async function openTraceByIdOrUrl(ctx: ConnectionsContext, arg?: unknown): Promise<void> {
  const text =
    typeof arg === 'string'
      ? arg
      : await vscode.window.showInputBox({
          title: 'Open Trace by ID or URL',
          prompt: 'A trace id, or the URL of a trace in Jaeger, Tempo, Langfuse, Phoenix or Zipkin (UI or API)',
          placeHolder: '4bf92f3577b34da6a3ce929d0e0e4736 or http://localhost:16686/trace/4bf92f…',
          ignoreFocusOut: true,
        });
  if (text === undefined || text.trim() === '') return;
  if (looksLikeUrl(text)) return openUrl(ctx, text.trim());
  const connection = await connectionOf(ctx, undefined, 'Open the trace from which connection?');
  if (!connection) return;
  let traceId: string;
  try {
    traceId = checkTraceId(connection.kind, text);
  } catch (e) {
    void showError(nt`${e instanceof BackendError ? e.message : 'not a trace id'}.`);
    return;
  }
  await openRemoteTrace(ctx, connection, traceId);
}

async function openUrl(ctx: ConnectionsContext, url: string): Promise<void> {
  let parsed;
  try {
    parsed = parseTraceUrl(url);
  } catch (e) {
    void showError(nt`Not opened: ${e instanceof BackendError ? e.message : 'not a trace URL'}.`);
    return;
  }
  const match = matchTraceUrl(parsed, ctx.store.list());
  let connection: Connection | undefined;
  if (match.ok) connection = match.connection;
  else if (match.reason === 'ambiguous') {
    const pick = await showPick(
      match.candidates.map((c) => ({ label: nativeText(c.name), description: nt`${BACKEND_NAMES[c.kind]} · ${c.baseUrl}`, connection: c })),
      { placeHolder: nt`Several connections serve ${match.origin}: which one?` },
    );
    connection = pick?.connection;
  } else {
    const add = nt`Add Connection…`;
    const kind = parsed.kind ? `${BACKEND_NAMES[parsed.kind]} ` : '';
    const answer = await showError(
      nt`No ${kind}connection is configured for ${match.origin}, so the trace was not fetched. Add a connection to it first.`,
      add,
    );
    if (answer === add) void vscode.commands.executeCommand(COMMANDS.add);
    return;
  }
  if (!connection) return;
  let traceId: string;
  try {
    traceId = checkTraceId(connection.kind, parsed.traceId);
  } catch (e) {
    void showError(nt`Not opened: ${e instanceof BackendError ? e.message : 'not a trace id'}.`);
    return;
  }
  ctx.log.info(`Open Trace by URL: ${parsed.baseUrl} → connection ${connection.name}, trace ${traceId}`);
  await openRemoteTrace(ctx, connection, traceId);
}
