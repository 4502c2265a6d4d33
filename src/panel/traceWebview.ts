import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { HostMessage } from '../core/protocol';
import type { LoadedTrace } from '../session/loadedTrace';
import { baseName } from '../session/loadMessages';
import { FindingDismissals } from '../session/findingDismissals';
import type { OpenTrace, OpenTraces } from '../session/openTraces';
import type { RecentStore } from '../session/recentStore';
import { BackgroundWork } from '../session/backgroundWork';
import type { LoadOutcome } from '../session/traceLoader';
import { handleWebviewMessage, type RequestContext } from '../session/webviewRequests';
import { buildWebviewHtml } from './webviewHtml';

export interface WebviewDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly openTraces: OpenTraces;
  readonly recent: RecentStore;
  readonly workspaceState: vscode.Memento;
  /** Jump to source for the webview's goToHandler/goToPrompt requests (src/jumpToSource). */
  readonly source?: RequestContext['source'];
  /** Traces fetched from backend connections: the header's source line, Open in <backend>, Refresh (src/connections). */
  readonly remote?: RequestContext['remote'];
  /** Create Bug Report… for the webview's `createBugReport` requests (src/bugReport). */
  readonly bugReport?: RequestContext['bugReport'];
}

/** Folders the webview may load from: the built webview bundle and the icons. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * Connects one webview (panel or custom editor) to one trace file: sets its options and
 * HTML, answers its requests from the loaded trace (see webviewRequests.ts), records the file
 * in the recent list once loaded, and keeps the window's list of open traces up to date.
 */
export class TraceWebview implements OpenTrace, vscode.Disposable {
  trace: LoadedTrace | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly outcome: Promise<LoadOutcome>;
  /** Whole-trace answers (claims, findings, plan graph…), after the first screen's; cancelled on reload and close. */
  private readonly background = new BackgroundWork();
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    readonly kind: OpenTrace['kind'],
    load: Promise<LoadOutcome>,
    private readonly deps: WebviewDeps,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    webview.html = buildWebviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview', 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview', 'main.css')).toString(),
    });
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'trace.svg');
    this.outcome = load
      .catch((e: unknown): LoadOutcome => ({ kind: 'failed', message: `Could not open ${baseName(uri.path)}: ${e instanceof Error ? e.message : String(e)}` }))
      .then((o) => this.onLoaded(o));
    deps.openTraces.add(this);
    const dismissals = new FindingDismissals(deps.workspaceState);
    this.disposables.push(
      webview.onDidReceiveMessage((raw: unknown) => {
        void handleWebviewMessage(raw, {
          // `this.trace`, not `o.trace`: a live trace is replaced when its file grows (replaceTrace).
          trace: () =>
            this.outcome.then((o) =>
              o.kind === 'loaded' ? (this.trace ?? o.trace) : { error: o.kind === 'failed' ? o.message : `Opening ${baseName(this.uri.path)} was cancelled.` },
            ),
          post: (msg: HostMessage) => {
            if (this.disposed) return;
            void webview.postMessage(msg);
            if (msg.type === 'traceChanged') deps.openTraces.touch();
          },
          copyText: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
          // `url` passed checkLinkUrl (http, https, mailto); strict parsing keeps it as it is.
          openExternal: async (url) => {
            await vscode.env.openExternal(vscode.Uri.parse(url, true));
          },
          log: (line) => deps.log.warn(line),
          dismissals,
          source: deps.source,
          remote: deps.remote,
          bugReport: deps.bugReport,
          background: this.background,
        }).catch((e: unknown) => deps.log.error(`webview message handling failed: ${String(e)}`));
      }),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) deps.openTraces.markActive(this);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private onLoaded(o: LoadOutcome): LoadOutcome {
    if (o.kind === 'loaded') {
      this.trace = o.trace;
      this.deps.openTraces.touch();
      void this.deps.recent.add(o.trace.summary());
    }
    return o;
  }

  /** Pushes a host event (revealSpan, step) to the webview. */
  postEvent(ev: Extract<HostMessage, { type: 'revealSpan' | 'step' }>): void {
    void this.panel.webview.postMessage(ev);
  }

  replaceTrace(trace: LoadedTrace): void {
    if (!this.trace) return;
    this.trace = trace;
    this.background.cancel('the trace was reloaded');
    void this.panel.webview.postMessage({ type: 'traceChanged' } satisfies HostMessage);
    this.deps.openTraces.touch();
  }

  dispose(): void {
    this.disposed = true;
    this.background.cancel('the panel was closed');
    this.deps.openTraces.delete(this);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
