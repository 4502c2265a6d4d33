import type * as vscode from 'vscode';
import type { LoadedTrace } from '../session/loadedTrace';

/** One side of a comparison: a loaded trace file (its shown trace is the run) and where it came from. */
export interface ComparedRun {
  readonly uri: vscode.Uri;
  readonly trace: LoadedTrace;
}
