/** The panel state the host restores a webview from after a window reload. */
import { fail, isInt, isRecord, ok, type Checked } from './validate/kit';

/**
 * What the webview must keep in `vscode.setState(...)` (it may add keys of its own): after a
 * window reload the host's panel serializer gets this state back and re-reads the file from
 * `fileUri` (copied from `TraceSummary.fileUri`), showing trace `traceIndex` of it.
 */
export interface PanelState {
  readonly fileUri: string;
  readonly traceIndex: number;
}

/** Validates a saved webview state (host side, on restore). Extra keys are the webview's own. */
export function parsePanelState(state: unknown): Checked<PanelState> {
  if (!isRecord(state)) return fail('saved state is not an object');
  const { fileUri, traceIndex } = state;
  if (typeof fileUri !== 'string' || fileUri === '' || fileUri.length > 8192) return fail('saved state has no fileUri');
  if (traceIndex !== undefined && !isInt(traceIndex)) return fail('saved state: traceIndex must be a non-negative integer');
  return ok({ fileUri, traceIndex: traceIndex ?? 0 });
}
