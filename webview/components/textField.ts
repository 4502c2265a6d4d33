import { h } from './dom';

export interface TextFieldOptions {
  readonly ariaLabel: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly testId?: string;
  readonly onInput: (value: string) => void;
}

/** A single-line input styled like VS Code's (`.text-field`). */
export function textField(opts: TextFieldOptions): HTMLInputElement {
  const el = h('input', {
    className: 'text-field',
    testId: opts.testId,
    attrs: { type: 'search', 'aria-label': opts.ariaLabel, placeholder: opts.placeholder, spellcheck: 'false' },
  });
  el.value = opts.value ?? '';
  el.addEventListener('input', () => opts.onInput(el.value));
  return el;
}
