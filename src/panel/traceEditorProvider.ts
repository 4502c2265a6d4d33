import type * as vscode from 'vscode';
import { loadTrace, type LoadOutcome } from '../session/traceLoader';
import { TraceWebview, type WebviewDeps } from './traceWebview';

/** The read-only custom editor for trace files (default for *.otlp.*, "Open With…" for JSON). */
export const TRACE_EDITOR_VIEW_TYPE = 'agentTrace.traceEditor';
export const JSON_TRACE_EDITOR_VIEW_TYPE = 'agentTrace.jsonTraceEditor';

class TraceDocument implements vscode.CustomDocument {
  constructor(
    readonly uri: vscode.Uri,
    readonly load: Promise<LoadOutcome>,
  ) {}
  dispose(): void {}
}

/**
 * Opens trace files as documents without ever writing them. The file starts loading when the
 * document opens; the webview is up at once and waits for it, showing the load error (in
 * plain words, naming the file) when there is one. VS Code restores these editors by itself
 * after a reload.
 */
export class TraceEditorProvider implements vscode.CustomReadonlyEditorProvider<TraceDocument> {
  constructor(private readonly deps: WebviewDeps) {}

  openCustomDocument(uri: vscode.Uri): TraceDocument {
    return new TraceDocument(uri, loadTrace(uri, { log: this.deps.log }));
  }

  resolveCustomEditor(document: TraceDocument, panel: vscode.WebviewPanel): void {
    new TraceWebview(panel, document.uri, 'editor', document.load, this.deps);
  }
}
