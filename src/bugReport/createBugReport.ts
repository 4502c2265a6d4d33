import { join } from 'node:path';
import * as vscode from 'vscode';
import { issueLinkForReport } from '../core/bugReport/issueTracker';
import type { ReportTarget } from '../core/bugReport/reportFocus';
import { redactTraces, type RedactionOptions } from '../core/redact/redactTraces';
import { parseRedactionSettings } from '../core/redact/redactionSettings';
import { nt } from '../core/text/nativeText';
import { showError, showInfo, showWarning, withNativeProgress } from '../nativeUi/surfaces';
import type { LoadedTrace } from '../session/loadedTrace';
import { workspaceTracker } from './gitRemote';
import { showRedactionPreview } from './redactionPreview';
import { linkSourceOf } from './spanLink';
import { chooseReportFolder } from './reportFolder';
import { REPORT_FILE, writeBugReportBundle } from './writeBundle';

export interface BugReportDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The backend web page of a trace fetched from a connection (src/connections), for "where the trace lives". */
  readonly webUrlOf?: (loaded: LoadedTrace) => string | undefined;
}

/**
 * Create Bug Report…: the redaction preview (counts by type and place, a keep toggle per
 * occurrence, drop message bodies), the folder, then the bundle (writeBundle.ts: the second leak
 * pass runs on the final bytes and blocks on a hit), then Copy Markdown / Open Folder / Open New
 * Issue (only when the workspace's git remote is on GitHub or GitLab). The user's trace file is
 * only read. `target` names the finding or span the report is about (empty: the first finding,
 * else the first error).
 */
export async function createBugReport(deps: BugReportDeps, loaded: LoadedTrace, target: ReportTarget): Promise<void> {
  const trace = loaded.trace;
  const settings = redactionSettings(deps.log);
  const preview = redactTraces([trace], settings);
  const choice = await showRedactionPreview(preview.occurrences);
  if (!choice) return;
  const folder = await chooseReportFolder(trace.traceId);
  if (!folder) return;
  if (folder.scheme !== 'file') {
    void showError(nt`Bug reports are written to local folders only.`);
    return;
  }
  const redaction: RedactionOptions = { ...settings, keep: choice.keep, dropMessageBodies: choice.dropMessageBodies };
  const fileUri = vscode.Uri.parse(loaded.fileUri, true);
  const outcome = await withNativeProgress({ location: vscode.ProgressLocation.Notification, title: nt`Writing the bug report…` }, () =>
    writeBugReportBundle(
      {
        trace,
        target,
        redaction,
        linkSource: linkSourceOf(loaded),
        scheme: vscode.env.uriScheme,
        prices: loaded.prices,
        viewerDir: join(deps.extensionUri.fsPath, 'dist', 'offline'),
        ...(deps.webUrlOf?.(loaded) !== undefined ? { backendUrl: deps.webUrlOf(loaded) } : {}),
        ...(fileUri.scheme === 'file' ? { inputFile: fileUri.fsPath } : {}),
      },
      folder.fsPath,
    ),
  );
  if (outcome.kind === 'blocked') {
    deps.log.warn(`bug report blocked: ${outcome.reason}`);
    void showError(nt`Bug report not written: ${outcome.reason}`);
    return;
  }
  deps.log.info(`bug report written to ${outcome.dir} (${outcome.files.join(', ')})${outcome.viewerNote ? `; ${outcome.viewerNote}` : ''}`);
  await offerActions(outcome.dir, outcome.report, outcome.files);
}

function redactionSettings(log: vscode.LogOutputChannel): RedactionOptions {
  const config = vscode.workspace.getConfiguration('agentTrace.redaction');
  const { settings, errors } = parseRedactionSettings(config.get('extraPatterns'), config.get('allow'));
  for (const e of errors) log.warn(`redaction settings: ${e}`);
  return settings;
}

/** The notification after writing, shown again after each action until dismissed. */
async function offerActions(dir: string, report: { title: string; markdown: string; summary: string }, files: readonly string[]): Promise<void> {
  const tracker = await workspaceTracker();
  const copy = nt`Copy Markdown`;
  const open = nt`Open Folder`;
  const issue = tracker ? (tracker.kind === 'github' ? nt`Open New Issue (GitHub)` : nt`Open New Issue (GitLab)`) : undefined;
  const actions = issue ? [copy, open, issue] : [copy, open];
  let message = nt`Bug report written to ${dir}`;
  for (let round = 0; round < 5; round++) {
    const picked = await showInfo(message, ...actions);
    if (picked === undefined) return;
    if (picked === copy) {
      await vscode.env.clipboard.writeText(report.markdown);
      message = nt`Markdown copied. Bug report in ${dir}`;
    } else if (picked === open) {
      const reportUri = vscode.Uri.file(join(dir, REPORT_FILE));
      await vscode.commands.executeCommand('vscode.open', reportUri);
      if (vscode.workspace.getWorkspaceFolder(reportUri)) await vscode.commands.executeCommand('revealInExplorer', reportUri);
      else await vscode.commands.executeCommand('revealFileInOS', reportUri);
      return;
    } else if (tracker) {
      const link = issueLinkForReport(tracker, report, dir, files);
      await openExternalExactly(link.url);
      if (!link.complete) void showWarning(nt`The report is too long for a link: the issue has its summary. Attach the files in ${dir}.`);
      return;
    }
  }
}

/**
 * Opens a URL exactly as written. `vscode.env.openExternal(Uri.parse(url))` does not: a Uri keeps
 * its query percent-decoded, and the workbench rebuilds the URL with `encodeURI(uri.toString(true))`,
 * so `#` in the body arrives as `%2523` and a decoded `&` splits the body (seen in the e2e test's
 * captured request). Given the string itself, the API's implementation (ExtHostWindow.openUri,
 * string | URI) parses it only for checks and the opener opens the original text.
 */
function openExternalExactly(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}
