import { isAbsolute, relative } from 'node:path';
import * as vscode from 'vscode';
import { parseDeepLink, type DeepLink } from '../core/bugReport/deepLink';
import { nt } from '../core/text/nativeText';
import { askModal } from '../nativeUi/choiceSurfaces';
import { showError, showWarning } from '../nativeUi/surfaces';
import { openTracePanel } from '../panel/tracePanels';
import type { OpenTrace } from '../session/openTraces';
import type { HostServices } from '../session/services';
import { revealSpan } from '../jumpToSource/toolLenses';

/**
 * Opens a connection's trace by id (src/connections, `openFromConnection`) and returns the
 * webview showing it, or a plain-words reason. Without it (tests), `connection=` links are
 * answered with a message naming the connection and trace.
 */
export type OpenFromConnection = (connectionId: string, traceId: string) => Promise<OpenTrace | string>;

/**
 * `vscode://agent-trace-debugger.agent-trace-debugger/open?trace=…&span=…&file=…|connection=…`.
 * The link is untrusted input (pasted into an issue by anyone): it is validated whole by
 * `parseDeepLink`; it never names a URL to fetch (only a configured connection, by id); a file
 * outside the workspace folders, or any file in an untrusted workspace, is opened only after the
 * user says so. Then the trace opens and the span is selected. Every failure is a message, never
 * a thrown error in the host.
 */
export class TraceUriHandler implements vscode.UriHandler {
  constructor(
    private readonly servicesOf: () => HostServices,
    private readonly openFromConnection?: OpenFromConnection,
  ) {}

  private get services(): HostServices {
    return this.servicesOf();
  }

  handleUri(uri: vscode.Uri): void {
    void this.open(uri).catch((e: unknown) => {
      this.services.log.error(`opening a trace link failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void showError(nt`Could not open the trace link (details in the Agent Trace output).`);
    });
  }

  private async open(uri: vscode.Uri): Promise<void> {
    const link = parseDeepLink(uri.path, uri.query);
    if (!link.ok) {
      this.services.log.warn(`refused a trace link: ${link.error}`);
      void showWarning(nt`This Agent Trace link is not valid: ${link.error}.`);
      return;
    }
    const l = link.value;
    let entry: OpenTrace | undefined;
    if ('connection' in l) {
      if (!this.openFromConnection) {
        void showWarning(
          nt`The link opens trace ${l.traceId} from the connection "${l.connection}": opening a connection's trace from a link is not available yet. Open it with "Agent Trace: Open Trace by ID or URL…".`,
        );
        return;
      }
      const opened = await this.openFromConnection(l.connection, l.traceId);
      if (typeof opened === 'string') {
        void showWarning(nt`Could not open trace ${l.traceId} from "${l.connection}": ${opened}`);
        return;
      }
      entry = opened;
    } else {
      const file = await this.resolveFile(l.file);
      if (!file) return;
      entry = await this.openFile(file);
    }
    if (entry) await selectLinked(entry, l);
  }

  /** The file the link names: a relative path against the workspace folders, an absolute one as it is; asks before leaving the workspace. */
  private async resolveFile(path: string): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const candidates = isAbsolute(path) ? [vscode.Uri.file(path)] : folders.map((f) => vscode.Uri.joinPath(f.uri, path));
    let found: vscode.Uri | undefined;
    for (const c of candidates) {
      try {
        if ((await vscode.workspace.fs.stat(c)).type & vscode.FileType.File) {
          found = c;
          break;
        }
      } catch {
        // try the next folder
      }
    }
    if (!found) {
      void showWarning(nt`The trace file of this link is not here: ${path}`);
      return undefined;
    }
    const inside = folders.some((f) => f.uri.scheme === found.scheme && isInside(f.uri.fsPath, found.fsPath));
    if (!inside || !vscode.workspace.isTrusted) {
      const open = nt`Open`;
      const why = inside ? nt`This workspace is not trusted.` : nt`The file is outside the workspace folders.`;
      const answer = await askModal(nt`Open the trace file named by this link?`, nt`${found.fsPath}\n\n${why} The trace is only read and shown.`, open);
      if (answer !== open) return undefined;
    }
    return found;
  }

  private async openFile(file: vscode.Uri): Promise<OpenTrace | undefined> {
    const services = this.services;
    const existing = services.openTraces.find(file, 'panel') ?? services.openTraces.find(file, 'editor');
    if (existing) return existing;
    await openTracePanel(file, services);
    return services.openTraces.find(file, 'panel');
  }
}

function isInside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * Shows the linked trace of the file and selects the linked span, once the webview has loaded
 * it. A new webview may still be starting when the first event arrives (revealSpan sends again
 * after 1.5 s); one more is sent later for slow starts. Selecting the same span twice is harmless.
 */
async function selectLinked(entry: OpenTrace, link: DeepLink): Promise<void> {
  const loaded = await waitForLoad(entry);
  if (!loaded) return;
  const traceIndex = loaded.set.traces.findIndex((t) => t.traceId === link.traceId);
  if (traceIndex < 0) {
    void showWarning(nt`The file has no trace ${link.traceId}; it shows another one.`);
    return;
  }
  if (traceIndex !== loaded.traceIndex) {
    loaded.select(traceIndex);
    entry.replaceTrace(loaded);
  }
  if (!link.spanId) {
    entry.panel.reveal(entry.panel.viewColumn, false);
    return;
  }
  const index = loaded.indexOfSpan(link.spanId);
  if (index < 0) {
    void showWarning(nt`Trace ${link.traceId} has no span ${link.spanId}.`);
    return;
  }
  revealSpan(entry, index);
  setTimeout(() => entry.postEvent({ type: 'revealSpan', index }), 4000);
}

async function waitForLoad(entry: OpenTrace): Promise<OpenTrace['trace']> {
  for (let waited = 0; waited < 60_000 && !entry.trace; waited += 100) await new Promise((r) => setTimeout(r, 100));
  return entry.trace;
}
