import * as vscode from 'vscode';
import { buildDeepLink, type DeepLinkSource } from '../core/bugReport/deepLink';
import { nt } from '../core/text/nativeText';
import { showInfo } from '../nativeUi/surfaces';
import { parseRemoteTraceUri } from '../connections/remoteTraces';
import type { LoadedTrace } from '../session/loadedTrace';

/**
 * Where the deep link says a loaded trace is: `connection=<id>` for a trace fetched from a
 * backend connection (the recipient fetches it from their connection of that id), else `file=`,
 * workspace-relative inside the workspace (portable between clones), else absolute.
 */
export function linkSourceOf(loaded: LoadedTrace): DeepLinkSource {
  const remote = parseRemoteTraceUri(loaded.fileUri);
  if (remote) return { connection: remote.connectionId };
  const uri = vscode.Uri.parse(loaded.fileUri, true);
  if (vscode.workspace.getWorkspaceFolder(uri)) return { file: vscode.workspace.asRelativePath(uri, false) };
  return { file: uri.scheme === 'file' ? uri.fsPath : uri.path };
}

/**
 * Copy Link to Span: the deep link that opens this trace at span `index` for anyone with the
 * same file or connection (the recipient's VS Code asks before opening a file outside their
 * workspace), and on the next line the backend's own web page when the trace came from one.
 */
export async function copySpanLink(loaded: LoadedTrace, index: number, backendUrl?: string): Promise<void> {
  const span = loaded.trace.spans[index];
  if (!span) return;
  const link = buildDeepLink({ traceId: span.traceId, spanId: span.spanId, ...linkSourceOf(loaded) }, vscode.env.uriScheme);
  await vscode.env.clipboard.writeText(backendUrl ? `${link}\n${backendUrl}` : link);
  void showInfo(nt`Link to span ${span.spanId} copied.`);
}
