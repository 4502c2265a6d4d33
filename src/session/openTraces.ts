import * as vscode from 'vscode';
import type { HostEvent } from '../core/protocol';
import type { LoadedTrace } from './loadedTrace';

/** One webview showing a trace: a panel opened by command, or the custom editor. */
export interface OpenTrace {
  readonly uri: vscode.Uri;
  readonly panel: vscode.WebviewPanel;
  readonly kind: 'panel' | 'editor';
  /** Set once the file has loaded. */
  readonly trace: LoadedTrace | undefined;
  /**
   * Shows `trace` (the same file, read again because it grew) in place of the loaded one and
   * tells the webview to pull again (`traceChanged`). Ignored before the first load finished.
   */
  replaceTrace(trace: LoadedTrace): void;
  /** Pushes a host event (revealSpan, step) to the webview. */
  postEvent(ev: Extract<HostEvent, { type: 'revealSpan' | 'step' }>): void;
}

/**
 * The trace webviews of this window, and which one was focused last (the "active trace" of
 * Copy Trace Summary). Fires `onDidChange` when the set or a loaded trace changes.
 */
export class OpenTraces implements vscode.Disposable {
  private readonly entries = new Set<OpenTrace>();
  private lastActive: OpenTrace | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  add(entry: OpenTrace): void {
    this.entries.add(entry);
    if (entry.panel.active) this.lastActive = entry;
    this.changed.fire();
  }

  delete(entry: OpenTrace): void {
    this.entries.delete(entry);
    if (this.lastActive === entry) this.lastActive = undefined;
    this.changed.fire();
  }

  markActive(entry: OpenTrace): void {
    this.lastActive = entry;
  }

  /** A loaded trace changed (loaded, or another trace of the file selected). */
  touch(): void {
    this.changed.fire();
  }

  /** The focused trace webview, else the last focused, else the only one. */
  active(): OpenTrace | undefined {
    for (const e of this.entries) if (e.panel.active) return e;
    if (this.lastActive) return this.lastActive;
    return this.entries.size === 1 ? [...this.entries][0] : undefined;
  }

  find(uri: vscode.Uri, kind: OpenTrace['kind']): OpenTrace | undefined {
    const key = uri.toString();
    for (const e of this.entries) if (e.kind === kind && e.uri.toString() === key) return e;
    return undefined;
  }

  /** Every loaded webview showing `uri` (panels and editors). */
  showing(uri: vscode.Uri): OpenTrace[] {
    const key = uri.toString();
    return [...this.entries].filter((e) => e.trace && e.uri.toString() === key);
  }

  /** Loaded traces, one per file (a file open twice is listed once). */
  loaded(): OpenTrace[] {
    const byUri = new Map<string, OpenTrace>();
    for (const e of this.entries) if (e.trace && !byUri.has(e.uri.toString())) byUri.set(e.uri.toString(), e);
    return [...byUri.values()];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
