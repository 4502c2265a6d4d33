import * as vscode from 'vscode';
import type { ReceiverController } from './receiverController';
import { exporterSettingsText, shellKindOf } from './receiverText';
import { urlFor } from '../server/ports';
import { nt } from '../../core/text/nativeText';
import { showInfo } from '../../nativeUi/surfaces';

export const COPY_EXPORTER_SETTINGS_COMMAND = 'agentTrace.copyExporterSettings';

/**
 * "Agent Trace: Copy Exporter Settings": the OTEL_EXPORTER_OTLP_* variables pointing at the
 * receiver, in the syntax of the default terminal's shell. Uses the running receiver's
 * address, else the configured port (and says the receiver is not running yet).
 */
export async function copyExporterSettings(receiver: ReceiverController): Promise<void> {
  const local = receiver.running;
  const base = local?.address.url ?? urlFor('127.0.0.1', receiver.settings().port);
  const tracesUrl = local?.tracesUrl ?? `${base}/v1/traces`;
  await vscode.env.clipboard.writeText(exporterSettingsText(base, tracesUrl, shellKindOf(vscode.env.shell, process.platform)));
  const note = local ? '' : ' The receiver is not running: start it with "Agent Trace: Start Local Receiver".';
  void showInfo(nt`Copied the exporter settings for ${tracesUrl}.${note}`);
}
