import * as vscode from 'vscode';
import type { ReceiverController } from './receiverController';
import { describeStartFailure } from './receiverText';
import { COPY_EXPORTER_SETTINGS_COMMAND } from './copyExporterSettings';
import { nativeText, nt } from '../../core/text/nativeText';
import { showError, showInfo, showWarning } from '../../nativeUi/surfaces';

export const START_RECEIVER_COMMAND = 'agentTrace.startReceiver';

/**
 * "Agent Trace: Start Local Receiver": starts the OTLP/HTTP receiver on the configured port
 * (or `port`). A taken port offers the free one next to it (for this session; the setting is
 * left alone); a store locked by another window is said plainly. Never throws.
 */
export async function startReceiver(receiver: ReceiverController, log: vscode.LogOutputChannel, opts: { port?: number; quiet?: boolean } = {}): Promise<void> {
  const port = opts.port ?? receiver.settings().port;
  try {
    const already = receiver.running;
    const local = await receiver.start(port);
    if (opts.quiet) return;
    const copy = nt`Copy Exporter Settings`;
    const text = already ? nt`The Agent Trace receiver is already running on ${local.tracesUrl}.` : nt`Agent Trace receiver listening on ${local.tracesUrl}.`;
    const choice = await showInfo(text, copy);
    if (choice === copy) await vscode.commands.executeCommand(COPY_EXPORTER_SETTINGS_COMMAND);
  } catch (e) {
    const failure = describeStartFailure(e, port);
    log.warn(`receiver: ${failure.message} (${e instanceof Error ? e.message : String(e)})`);
    if (failure.kind === 'portInUse' && failure.suggestedPort !== undefined) {
      const use = nt`Use port ${failure.suggestedPort}`;
      const choice = await showWarning(nativeText(failure.message, 400), use);
      if (choice === use) await startReceiver(receiver, log, { ...opts, port: failure.suggestedPort });
      return;
    }
    void showError(nativeText(failure.message, 400));
  }
}
