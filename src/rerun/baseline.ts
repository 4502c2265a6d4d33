import * as vscode from 'vscode';
import type { ComparedRun } from '../compare/comparedRun';

/**
 * The baseline run of this window: what Compare with Baseline and follow mode compare new runs
 * with. Set by Re-run Agent (the run shown when it was started) and by Set as Baseline.
 */
export class BaselineStore implements vscode.Disposable {
  private run: ComparedRun | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get current(): ComparedRun | undefined {
    return this.run;
  }

  set(run: ComparedRun): void {
    this.run = run;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
