/** A labelled checkbox: VS Code Elements' `<vscode-checkbox>` (label text in the light DOM). */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import { h } from './dom';

export interface CheckboxOptions {
  readonly label: string;
  readonly checked: boolean;
  readonly testId?: string;
  readonly onChange: (checked: boolean) => void;
}

export function checkbox(opts: CheckboxOptions): VscodeCheckbox {
  const el = h('vscode-checkbox', { className: 'checkbox', testId: opts.testId, text: opts.label });
  el.checked = opts.checked;
  el.addEventListener('change', () => opts.onChange(el.checked));
  return el;
}
