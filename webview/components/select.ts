/**
 * A drop-down of fixed options: VS Code Elements' `<vscode-single-select>` with `<vscode-option>`
 * children. Its list is drawn inside the shadow root and positioned through the CSSOM (no style
 * attributes, so the CSP's `style-src` does not block it).
 */
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import { h } from './dom';

export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

export interface SelectOptions<V extends string> {
  readonly ariaLabel: string;
  readonly options: readonly SelectOption<V>[];
  readonly testId?: string;
  readonly className?: string;
  readonly onChange: (value: V) => void;
}

export interface Select<V extends string> {
  readonly element: VscodeSingleSelect;
  /** The chosen option's value (the first option's until the user picks another). */
  value(): V;
}

export function select<V extends string>(opts: SelectOptions<V>): Select<V> {
  const values = opts.options.map((o) => o.value);
  const element = h(
    'vscode-single-select',
    { className: opts.className, testId: opts.testId },
    opts.options.map((o) => h('vscode-option', { text: o.label, attrs: { value: o.value } })),
  );
  element.label = opts.ariaLabel;
  // The element's value is a plain string; map it back onto the declared values.
  const value = (): V => values.find((v) => v === element.value) ?? values[0];
  element.addEventListener('change', () => opts.onChange(value()));
  return { element, value };
}
