import * as vscode from 'vscode';
import { parsePanelState } from '../core/protocol';
import { baseName } from '../session/loadMessages';
import type { LoadedTrace } from '../session/loadedTrace';
import { loadTrace, type LoadOutcome } from '../session/traceLoader';
import { TraceWebview, webviewOptions, type WebviewDeps } from './traceWebview';
import { nativeText } from '../core/text/nativeText';
import { showError } from '../nativeUi/surfaces';

/** Longest load-error notification (the log has the whole message). */
const LOAD_ERROR_LIMIT = 400;

/** viewType of the trace panels opened by command (restored by `TracePanelSerializer`). */
export const TRACE_PANEL_VIEW_TYPE = 'agentTrace.tracePanel';

/** workspaceState key: files shown in trace panels lately, for restoring panels whose webview saved no state. */
const PANEL_FILES_KEY = 'agentTrace.panelFiles';
const PANEL_FILES_LIMIT = 20;

/**
 * Opens `uri` in a trace panel: reveals the panel already showing it, else loads the file
 * first (so a broken file gives one error message and no empty panel) and opens a panel.
 */
export async function openTracePanel(uri: vscode.Uri, deps: WebviewDeps & { readonly workspaceState: vscode.Memento }): Promise<void> {
  const existing = deps.openTraces.find(uri, 'panel');
  if (existing) {
    existing.panel.reveal();
    return;
  }
  const outcome = await loadTrace(uri, { log: deps.log });
  if (outcome.kind === 'cancelled') return;
  if (outcome.kind === 'failed') {
    // The message may quote the file's content (its top-level keys): made inert, kept whole in the log.
    void showError(nativeText(outcome.message, LOAD_ERROR_LIMIT));
    return;
  }
  await showTracePanel(uri, outcome.trace, deps);
}

/**
 * Opens a trace panel on a trace already loaded (a file, or a trace fetched from a backend,
 * whose `uri` names its connection and id: src/connections/remoteTraces.ts).
 */
export async function showTracePanel(uri: vscode.Uri, trace: LoadedTrace, deps: WebviewDeps & { readonly workspaceState: vscode.Memento }): Promise<void> {
  const panel = vscode.window.createWebviewPanel(TRACE_PANEL_VIEW_TYPE, trace.fileName, vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
  new TraceWebview(panel, uri, 'panel', Promise.resolve({ kind: 'loaded', trace }), deps);
  await rememberPanelFile(deps.workspaceState, uri, trace.fileName);
}

/**
 * Restores trace panels after a window reload. The webview's saved state carries the file's
 * URI (`PanelState` in src/core/protocol/panelState.ts); the file is read again, never taken from the state.
 * A webview that saved no state yet (reloaded before it finished starting) is matched by its
 * title against the files this workspace showed in panels lately.
 */
export class TracePanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly deps: WebviewDeps & { readonly workspaceState: vscode.Memento }) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = webviewOptions(this.deps.extensionUri);
    const saved = parsePanelState(state);
    let uri: vscode.Uri | undefined;
    let traceIndex: number | undefined;
    let why = saved.ok ? '' : saved.error;
    if (saved.ok) {
      try {
        uri = vscode.Uri.parse(saved.value.fileUri, true);
        traceIndex = saved.value.traceIndex;
      } catch {
        why = 'the saved file URI is not valid';
      }
    } else {
      uri = panelFileByTitle(this.deps.workspaceState, panel.title);
    }
    let load: Promise<LoadOutcome>;
    if (uri) {
      load = loadTrace(uri, { log: this.deps.log, traceIndex });
    } else {
      this.deps.log.warn(`could not restore the trace panel "${panel.title}": ${why}`);
      load = Promise.resolve({
        kind: 'failed',
        message: `This trace panel could not be restored (${why}). Open the file again with "Agent Trace: Open Trace File…".`,
      });
      uri = vscode.Uri.parse('untitled:' + encodeURIComponent(panel.title));
    }
    new TraceWebview(panel, uri, 'panel', load, this.deps);
  }
}

interface PanelFile {
  readonly uri: string;
  readonly title: string;
}

async function rememberPanelFile(state: vscode.Memento, uri: vscode.Uri, title: string): Promise<void> {
  const list = readPanelFiles(state).filter((f) => f.uri !== uri.toString());
  await state.update(PANEL_FILES_KEY, [{ uri: uri.toString(), title }, ...list].slice(0, PANEL_FILES_LIMIT));
}

function readPanelFiles(state: vscode.Memento): PanelFile[] {
  const raw = state.get<unknown>(PANEL_FILES_KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (f): f is PanelFile => typeof f === 'object' && f !== null && typeof (f as PanelFile).uri === 'string' && typeof (f as PanelFile).title === 'string',
  );
}

function panelFileByTitle(state: vscode.Memento, title: string): vscode.Uri | undefined {
  const hit = readPanelFiles(state).find((f) => f.title === title || baseName(f.uri) === title);
  if (!hit) return undefined;
  try {
    return vscode.Uri.parse(hit.uri, true);
  } catch {
    return undefined;
  }
}
