import * as vscode from 'vscode';
import { encodeOtlpJson } from '../core/export/otlpJson';
import type { Trace } from '../core/model/trace';
import { nt } from '../core/text/nativeText';
import { showError, showInfo } from '../nativeUi/surfaces';
import { connectionOf } from './connectionCommands';
import type { ConnectionsContext } from './connectionsContext';
import type { ConnectionNode } from './connectionsTree';
import { fetchRemoteTrace } from './remoteOpen';

/**
 * Save As…: writes a trace as an OTLP/JSON file (the portable single-trace file every backend's
 * users ask for). From a listed trace in the Connections view it fetches that trace; from the
 * palette it saves the trace shown in the active trace panel (fetched or read from a file).
 */
export async function saveTraceAs(ctx: ConnectionsContext, arg: unknown): Promise<void> {
  let trace: Trace | undefined;
  if (isTraceNode(arg)) {
    const connection = await connectionOf(ctx, arg);
    if (!connection) return;
    const fetched = await fetchRemoteTrace(ctx, connection, arg.trace.traceId);
    trace = fetched?.set.traces.find((t) => t.spans.length > 0);
    if (!trace) return;
  } else {
    trace = ctx.panels.openTraces.active()?.trace?.trace;
    if (!trace) {
      void showInfo(nt`Open a trace first: Save As… saves the trace shown in the active trace panel.`);
      return;
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `trace-${trace.traceId.slice(0, 32)}.otlp.json`;
  const target = await vscode.window.showSaveDialog({
    title: 'Save Trace as OTLP JSON',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { 'OTLP JSON': ['json'] },
  });
  if (!target) return;
  try {
    await vscode.workspace.fs.writeFile(target, encodeOtlpJson([trace]));
  } catch (e) {
    void showError(nt`Could not save the trace: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  ctx.log.info(`saved trace ${trace.traceId} (${trace.spans.length} spans) as OTLP JSON to ${target.toString()}`);
  void showInfo(nt`Saved ${trace.spans.length} spans as OTLP JSON to ${vscode.workspace.asRelativePath(target)}.`);
}

function isTraceNode(arg: unknown): arg is Extract<ConnectionNode, { kind: 'trace' }> {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'trace' && 'trace' in arg;
}
