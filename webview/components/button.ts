/**
 * Buttons. `button` is VS Code Elements' `<vscode-button>` (its look follows the theme's
 * `--vscode-button-*` colours, with the focus ring and high-contrast border VS Code draws);
 * `icon` is a secondary vscode-button made transparent by `.btn-icon` (styles/components.css),
 * for the one-glyph toolbar buttons. Labels are text in the light DOM, so `textContent` reads and
 * replaces them; `disabled` and `click()` behave like a native button's.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import { h } from './dom';

export interface ButtonOptions {
  readonly label: string;
  readonly title?: string;
  /** The accessible name when the label is a glyph (`↑`, `+`). */
  readonly ariaLabel?: string;
  readonly variant?: 'primary' | 'secondary' | 'icon';
  readonly testId?: string;
  readonly onClick: (ev: MouseEvent) => void;
}

export function button(opts: ButtonOptions): VscodeButton {
  const variant = opts.variant ?? 'secondary';
  const el = h('vscode-button', {
    className: `btn btn-${variant}`,
    text: opts.label,
    testId: opts.testId,
    attrs: { title: opts.title, 'aria-label': opts.ariaLabel, secondary: variant !== 'primary' },
  });
  el.addEventListener('click', (ev) => {
    // A disabled vscode-button still lets a click on its host through; a native one does not.
    if (el.disabled) return;
    opts.onClick(ev);
  });
  return el;
}
