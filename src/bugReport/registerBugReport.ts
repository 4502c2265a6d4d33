/** Wiring of bug reports and deep links: the commands, the URI handler and the webview's request. */
import * as vscode from 'vscode';
import { spanIndexFromArg } from '../core/analyze/source/commandArgs';
import type { ReportTarget } from '../core/bugReport/reportFocus';
import type { BugReportRequestTarget } from '../core/protocol';
import { findingKey } from '../core/view/claimsView';
import { nt } from '../core/text/nativeText';
import { showInfo, showWarning } from '../nativeUi/surfaces';
import { TraceUriHandler, type OpenFromConnection } from '../deepLink/traceUriHandler';
import type { LoadedTrace } from '../session/loadedTrace';
import type { HostServices } from '../session/services';
import { createBugReport } from './createBugReport';
import { copySpanLink } from './spanLink';

export const CREATE_BUG_REPORT_COMMAND = 'agentTrace.createBugReport';
export const CREATE_BUG_REPORT_FOR_SPAN_COMMAND = 'agentTrace.createBugReportForSpan';
export const COPY_SPAN_LINK_COMMAND = 'agentTrace.copySpanLink';

/** What the trace webviews' `createBugReport` requests are answered with (RequestContext.bugReport). */
export interface BugReportService {
  /** Starts Create Bug Report… for `target` of `trace`; false when the target is not in the trace. */
  start(trace: LoadedTrace, target: BugReportRequestTarget): boolean;
}

/** What bug reports and deep links use of the backend connections (src/connections). */
export interface ReportConnections {
  /** Opens the trace of a `connection=` deep link. */
  readonly openFromConnection: OpenFromConnection;
  /** The backend's web page of a trace fetched from a connection. */
  readonly webUrl: (loaded: LoadedTrace) => string | undefined;
}

/** `servicesOf` is called only when a command or link runs (activate makes the services after this). */
export function registerBugReport(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  servicesOf: () => HostServices,
  connections?: ReportConnections,
): BugReportService {
  const webUrlOf = (loaded: LoadedTrace) => connections?.webUrl(loaded);
  const deps = { extensionUri: context.extensionUri, log, webUrlOf };
  let running = false;
  const run = (loaded: LoadedTrace, target: ReportTarget) => {
    if (running) {
      void showInfo(nt`A bug report is already being created.`);
      return;
    }
    running = true;
    createBugReport(deps, loaded, target)
      .catch((e: unknown) => {
        log.error(`Create Bug Report failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        void showWarning(nt`Create Bug Report failed (details in the Agent Trace output).`);
      })
      .finally(() => (running = false));
  };
  const activeTrace = () => {
    const loaded = servicesOf().openTraces.active()?.trace;
    if (!loaded) void showInfo(nt`Open a trace first: a bug report is made from the active trace.`);
    return loaded;
  };
  const spanCommand = (arg: unknown, then: (loaded: LoadedTrace, index: number) => void) => {
    const loaded = activeTrace();
    if (!loaded) return;
    const index = spanIndexFromArg(arg);
    if (index === undefined || index === 'invalid' || index >= loaded.trace.spans.length) {
      void showWarning(nt`The span reference passed to the command is not valid.`);
      return;
    }
    then(loaded, index);
  };
  context.subscriptions.push(
    vscode.window.registerUriHandler(new TraceUriHandler(servicesOf, connections?.openFromConnection)),
    vscode.commands.registerCommand(CREATE_BUG_REPORT_COMMAND, () => {
      const loaded = activeTrace();
      if (loaded) run(loaded, {});
    }),
    vscode.commands.registerCommand(CREATE_BUG_REPORT_FOR_SPAN_COMMAND, (arg: unknown) =>
      spanCommand(arg, (loaded, index) => run(loaded, { spanId: loaded.trace.spans[index].spanId })),
    ),
    vscode.commands.registerCommand(COPY_SPAN_LINK_COMMAND, (arg: unknown) =>
      spanCommand(arg, (loaded, index) => void copySpanLink(loaded, index, webUrlOf(loaded))),
    ),
  );
  return {
    start(loaded, target) {
      const t = reportTargetOf(loaded, target);
      if (!t) return false;
      run(loaded, t);
      return true;
    },
  };
}

/** The webview's target as a report target: a finding by its key, a span by index; undefined when the trace has no such one. */
function reportTargetOf(loaded: LoadedTrace, target: BugReportRequestTarget): ReportTarget | undefined {
  switch (target.kind) {
    case 'trace':
      return {};
    case 'span': {
      const span = loaded.trace.spans[target.index];
      return span ? { spanId: span.spanId } : undefined;
    }
    case 'finding': {
      const n = loaded
        .analyses()
        .findings()
        .findIndex((f) => findingKey(f) === target.key);
      return n >= 0 ? { findingIndex: n } : undefined;
    }
  }
}
