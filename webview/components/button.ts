import { h } from './dom';

export interface ButtonOptions {
  readonly label: string;
  readonly title?: string;
  readonly variant?: 'primary' | 'secondary' | 'icon' | 'link';
  readonly testId?: string;
  readonly onClick: (ev: MouseEvent) => void;
}

/** A VS Code-styled button (`.btn`, see styles/components.css). */
export function button(opts: ButtonOptions): HTMLButtonElement {
  const el = h('button', {
    className: `btn btn-${opts.variant ?? 'secondary'}`,
    text: opts.label,
    testId: opts.testId,
    attrs: { type: 'button', title: opts.title },
  });
  el.addEventListener('click', opts.onClick);
  return el;
}
