import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { compareRuns, type RunComparison } from '../core/compare/compareRuns';
import type { CompareHostMessage } from '../core/protocol/compare';
import { parseCompareWebviewMessage } from '../core/protocol/validate/compare';
import { buildCompareView } from '../core/view/compareView';
import { buildWebviewHtml } from '../panel/webviewHtml';
import type { OpenTraces } from '../session/openTraces';
import type { ComparedRun } from './comparedRun';

export const COMPARE_PANEL_VIEW_TYPE = 'agentTrace.comparePanel';
/** Context key: true while the compare view is open (the compare step keybindings' `when`). */
export const COMPARING_CONTEXT = 'agentTrace.comparing';

export interface ComparePanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly openTraces: OpenTraces;
  /** Opens a run in its own trace panel ("either side opens in its own panel"). */
  readonly openRun: (uri: vscode.Uri) => Promise<void>;
}

/**
 * The compare view: one webview panel per window showing run B against the baseline A
 * (core/compare for the facts, view/compareView.ts for the shape, webview/compare/ for the
 * page). Selecting a pair (in the page or by the compare step commands) reveals each side's
 * step (its LLM call span) in the trace webviews that show that file. Every message from the
 * page is validated; the page never names a command or a file.
 */
export class ComparePanel implements vscode.Disposable {
  private static current: ComparePanel | undefined;
  private comparison: RunComparison | undefined;
  private runs: { a: ComparedRun; b: ComparedRun } | undefined;
  private selected = -1;
  private ready = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Shows B against A, in the open compare panel or a new one beside the active editor. */
  static show(deps: ComparePanelDeps, a: ComparedRun, b: ComparedRun): ComparePanel {
    const panel = (ComparePanel.current ??= new ComparePanel(deps));
    panel.setRuns(a, b);
    panel.panel.reveal(undefined, true);
    return panel;
  }

  /** The open compare panel, if any (for the step commands and follow mode). */
  static get open(): ComparePanel | undefined {
    return ComparePanel.current;
  }

  private readonly panel: vscode.WebviewPanel;

  private constructor(private readonly deps: ComparePanelDeps) {
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      COMPARE_PANEL_VIEW_TYPE,
      'Compare Runs',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false },
    );
    const webview = this.panel.webview;
    webview.html = buildWebviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'compare.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'compare.css')).toString(),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
    void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, true);
  }

  get baseline(): ComparedRun | undefined {
    return this.runs?.a;
  }

  private setRuns(a: ComparedRun, b: ComparedRun): void {
    this.runs = { a, b };
    this.comparison = compareRuns(a.trace.analyses(), b.trace.analyses());
    this.selected = Math.min(this.selected, this.comparison.pairs.length - 1);
    this.postView();
  }

  /** Moves the selection by `delta` pairs (the compare step commands) and selects both sides' steps. */
  step(delta: 1 | -1): void {
    const n = this.comparison?.pairs.length ?? 0;
    if (n === 0) return;
    const next = this.selected < 0 ? (delta > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, this.selected + delta));
    this.select(next);
    this.post({ type: 'selectPair', pair: next });
  }

  private select(pair: number): void {
    const c = this.comparison;
    const runs = this.runs;
    if (!c || !runs || pair < 0 || pair >= c.pairs.length) return;
    this.selected = pair;
    const p = c.pairs[pair];
    const reveal = (run: ComparedRun, index: number | null, steps: RunComparison['stepsA']) => {
      if (index === null) return;
      for (const view of this.deps.openTraces.showing(run.uri)) view.postEvent({ type: 'revealSpan', index: steps[index].llmSpanIndex });
    };
    reveal(runs.a, p.a, c.stepsA);
    reveal(runs.b, p.b, c.stepsB);
  }

  private postView(): void {
    const c = this.comparison;
    const runs = this.runs;
    if (!c || !runs || !this.ready) return;
    this.post({ type: 'compareView', view: buildCompareView(c, runs.a.trace.fileName, runs.b.trace.fileName, this.selected) });
  }

  private post(msg: CompareHostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(msg);
  }

  private onMessage(raw: unknown): void {
    const parsed = parseCompareWebviewMessage(raw, this.comparison?.pairs.length ?? 0);
    if (!parsed.ok) {
      this.deps.log.warn(`compare view: dropped a message: ${parsed.error}`);
      return;
    }
    const msg = parsed.value;
    switch (msg.type) {
      case 'compareReady':
        this.ready = true;
        this.postView();
        return;
      case 'pairSelected':
        this.select(msg.pair);
        return;
      case 'openSide': {
        const run = msg.side === 'a' ? this.runs?.a : this.runs?.b;
        if (run) void this.deps.openRun(run.uri);
        return;
      }
    }
  }

  dispose(): void {
    if (ComparePanel.current === this) ComparePanel.current = undefined;
    void vscode.commands.executeCommand('setContext', COMPARING_CONTEXT, false);
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
