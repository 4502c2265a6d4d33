/**
 * A single-line text field: VS Code Elements' `<vscode-textfield>`. Its `<input>` lives in the
 * shadow root (focus is delegated to it, so `focus()` on the host puts the caret there); `value`,
 * `input` and `keydown` are read on the host. The accessible name goes to the inner input through
 * the element's `label` property (an `aria-label` on the host would name nothing focusable).
 */
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import { h } from './dom';

export interface TextFieldOptions {
  readonly ariaLabel: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly testId?: string;
  readonly onInput: (value: string) => void;
}

export function textField(opts: TextFieldOptions): VscodeTextfield {
  const el = h('vscode-textfield', { className: 'text-field', testId: opts.testId, attrs: { type: 'search', placeholder: opts.placeholder } });
  el.label = opts.ariaLabel;
  el.spellcheck = false;
  el.value = opts.value ?? '';
  el.addEventListener('input', () => opts.onInput(el.value));
  return el;
}

/** Selects the field's whole text (the inner input's `select()`; the host has none). */
export function selectAllText(field: VscodeTextfield): void {
  field.shadowRoot?.querySelector('input')?.select();
}
