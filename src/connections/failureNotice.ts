import * as vscode from 'vscode';
import type { Credentials } from '../core/backends/types';
import { nativeText, nt } from '../core/text/nativeText';
import { showError } from '../nativeUi/surfaces';
import { COMMANDS } from './commandIds';
import { describeFailure } from './connectionErrors';
import type { Connection } from './connectionSettings';

/**
 * Shows a failed backend call as an error notification in plain words, with the next step as
 * its button (Edit Connection / Test Connection for that connection), and logs the same words.
 * Nothing is shown for a cancelled call.
 */
export function showBackendFailure(
  log: vscode.LogOutputChannel,
  error: unknown,
  connection: Connection,
  what: string,
  credentials: Credentials | undefined,
): void {
  const failure = describeFailure(error, connection, what, credentials);
  if (failure.cancelled) return;
  log.warn(failure.message);
  const edit = nt`Edit Connection`;
  const test = nt`Test Connection`;
  const buttons = failure.action === 'edit' ? [edit] : failure.action === 'test' ? [test] : [];
  void showError(nativeText(failure.message, 500), ...buttons).then((pick) => {
    if (pick === edit) void vscode.commands.executeCommand(COMMANDS.edit, connection.id);
    else if (pick === test) void vscode.commands.executeCommand(COMMANDS.test, connection.id);
  });
}
