/**
 * An indeterminate progress bar (VS Code Elements' `<vscode-progress-bar>`, the thin animated line
 * VS Code shows under a view title while it works). Its animation is set through the CSSOM.
 */
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import type { VscodeProgressBar } from '@vscode-elements/elements/dist/vscode-progress-bar/vscode-progress-bar.js';
import { h } from './dom';

export function progressBar(ariaLabel: string): VscodeProgressBar {
  const el = h('vscode-progress-bar', { className: 'progress-bar' });
  el.ariaLabel = ariaLabel;
  el.indeterminate = true;
  return el;
}
