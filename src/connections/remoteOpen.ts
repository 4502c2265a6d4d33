import * as vscode from 'vscode';
import { BACKEND_NAMES, BackendError, type FetchResult } from '../core/backends/types';
import type { TraceSourceView } from '../core/protocol';
import { MAX_SOURCE_NOTES } from '../core/protocol';
import { nt } from '../core/text/nativeText';
import { withNativeProgress } from '../nativeUi/surfaces';
import { showTracePanel } from '../panel/tracePanels';
import type { LoadedTrace } from '../session/loadedTrace';
import type { OpenTrace } from '../session/openTraces';
import { checkLinkUrl } from '../session/linkUrl';
import { loadedTraceFromSet } from '../session/traceLoader';
import { connectClient, signalOf } from './backendClients';
import type { ConnectionsContext } from './connectionsContext';
import type { Connection } from './connectionSettings';
import { showBackendFailure } from './failureNotice';
import { parseRemoteTraceUri, remoteTraceUri } from './remoteTraces';

/**
 * Fetches one trace from a connection behind a cancellable progress notification. Failures
 * are shown (plain words, next step) and give undefined; so does Cancel, silently.
 */
export async function fetchRemoteTrace(ctx: ConnectionsContext, connection: Connection, traceId: string): Promise<FetchResult | undefined> {
  if (!(await ctx.permission.allow(connection))) return undefined;
  const { client, credentials } = await connectClient(connection, ctx.store);
  const started = Date.now();
  return withNativeProgress(
    { location: vscode.ProgressLocation.Notification, title: nt`Fetching trace ${shortId(traceId)} from ${connection.name}`, cancellable: true },
    async (_progress, token) => {
      const cancel = signalOf(token);
      try {
        const fetched = await client.fetchTrace(traceId, cancel.signal);
        if (!fetched.set.traces.some((t) => t.spans.length > 0)) {
          throw new BackendError('not-found', `${BACKEND_NAMES[connection.kind]} returned trace ${shortId(traceId)} without spans`);
        }
        ctx.log.info(
          `${connection.name}: fetched trace ${traceId} (${fetched.set.inputSpanCount} span records) in ${Date.now() - started} ms${fetched.notes.length ? `; ${fetched.notes.join('; ')}` : ''}`,
        );
        return fetched;
      } catch (e) {
        showBackendFailure(ctx.log, e, connection, `fetch trace ${shortId(traceId)}`, credentials);
        return undefined;
      } finally {
        cancel.dispose();
      }
    },
  );
}

/** Opens a trace of a connection in a trace panel (reveals the panel already showing it). */
export async function openRemoteTrace(ctx: ConnectionsContext, connection: Connection, traceId: string): Promise<void> {
  const uri = remoteTraceUri(connection.id, traceId);
  const open = ctx.panels.openTraces.find(uri, 'panel');
  if (open) {
    open.panel.reveal();
    return;
  }
  const fetched = await fetchRemoteTrace(ctx, connection, traceId);
  if (!fetched) return;
  const loaded = loadedFrom(ctx, connection, traceId, fetched);
  await showTracePanel(uri, loaded, ctx.panels);
}

/**
 * Opens a trace of the connection with this id for a deep link (`…&connection=<id>`): the panel
 * showing it, or why not in plain words. Only configured connections are used; the link names no
 * URL. Fetch failures are already shown by `fetchRemoteTrace`.
 */
export function openFromConnection(ctx: ConnectionsContext): (connectionId: string, traceId: string) => Promise<OpenTrace | string> {
  return async (connectionId, traceId) => {
    const connection = ctx.store.get(connectionId);
    if (!connection) return `no connection with the id "${connectionId}" is configured here (add it with Add Connection…)`;
    await openRemoteTrace(ctx, connection, traceId);
    return ctx.panels.openTraces.find(remoteTraceUri(connection.id, traceId), 'panel') ?? 'the trace was not opened (see the notification)';
  };
}

/** Fetches the trace of a panel again and shows it in every panel showing it. */
async function refreshRemoteTrace(ctx: ConnectionsContext, trace: LoadedTrace): Promise<string | undefined> {
  const named = parseRemoteTraceUri(trace.fileUri);
  const connection = named && ctx.store.get(named.connectionId);
  if (!named || !connection) return 'the connection this trace came from no longer exists';
  const fetched = await fetchRemoteTrace(ctx, connection, named.traceId);
  if (!fetched) return 'the trace was not fetched again (see the notification)';
  const loaded = loadedFrom(ctx, connection, named.traceId, fetched);
  for (const panel of ctx.panels.openTraces.showing(vscode.Uri.parse(trace.fileUri, true))) panel.replaceTrace(loaded);
  return undefined;
}

/**
 * Opens the trace's page in the backend's web UI. The link is the core client's; it is opened
 * only when it passes the host's link check and has the connection's own origin.
 */
export async function openInBackend(ctx: ConnectionsContext, connection: Connection, traceId: string, webUrl?: string): Promise<string | undefined> {
  let url = webUrl;
  if (url === undefined) {
    const { client } = await connectClient(connection, ctx.store);
    url = client.webUrl(traceId);
  }
  if (url === undefined) return `${BACKEND_NAMES[connection.kind]} has no web page for a trace`;
  const checked = checkLinkUrl(url);
  if (!checked.ok) return `the ${BACKEND_NAMES[connection.kind]} link was refused: ${checked.reason}`;
  if (new URL(checked.url).origin !== new URL(connection.baseUrl).origin) return `the ${BACKEND_NAMES[connection.kind]} link is not on ${connection.baseUrl}`;
  ctx.log.info(`${connection.name}: opening ${checked.url}`);
  await vscode.env.openExternal(vscode.Uri.parse(checked.url, true));
  return undefined;
}

/** The backend's web link when it passes the link check and is on the connection's own origin. */
function checkedWebUrl(connection: Connection, url: string): string | undefined {
  const checked = checkLinkUrl(url);
  return checked.ok && new URL(checked.url).origin === new URL(connection.baseUrl).origin ? checked.url : undefined;
}

/** The webview's remote actions (header source line, Open in <backend>, Refresh). */
export function remoteTraceActions(ctx: ConnectionsContext) {
  const find = (trace: LoadedTrace) => {
    const remote = ctx.remoteTraces.get(trace.fileUri);
    const connection = remote && ctx.store.get(remote.connectionId);
    return remote && connection ? { remote, connection } : undefined;
  };
  return {
    source(trace: LoadedTrace): TraceSourceView | null {
      const hit = find(trace);
      if (!hit) return null;
      return {
        backendName: BACKEND_NAMES[hit.connection.kind],
        connectionName: hit.connection.name,
        traceId: hit.remote.traceId,
        fetchedAt: hit.remote.fetchedAt,
        canOpenInBackend: hit.remote.webUrl !== undefined,
        notes: hit.remote.notes.slice(0, MAX_SOURCE_NOTES),
      };
    },
    async openInBackend(trace: LoadedTrace): Promise<string | undefined> {
      const hit = find(trace);
      if (!hit) return 'this trace was not fetched from a backend';
      return openInBackend(ctx, hit.connection, hit.remote.traceId, hit.remote.webUrl);
    },
    refresh: (trace: LoadedTrace) => refreshRemoteTrace(ctx, trace),
    webUrl(trace: LoadedTrace): string | undefined {
      const hit = find(trace);
      return hit?.remote.webUrl !== undefined ? checkedWebUrl(hit.connection, hit.remote.webUrl) : undefined;
    },
  };
}

function loadedFrom(ctx: ConnectionsContext, connection: Connection, traceId: string, fetched: FetchResult): LoadedTrace {
  const uri = remoteTraceUri(connection.id, traceId);
  ctx.remoteTraces.remember(uri, connection.id, traceId, fetched);
  const root = fetched.set.traces.find((t) => t.spans.length > 0)?.spans[0]?.name;
  const title = `${root ? root.slice(0, 60) : shortId(traceId)} · ${connection.name}`;
  return loadedTraceFromSet(fetched.set, uri.toString(), title, { log: ctx.log });
}

function shortId(id: string): string {
  return id.length > 16 ? id.slice(0, 16) + '…' : id;
}
