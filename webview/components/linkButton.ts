/**
 * Native `<button>`s for what VS Code Elements has no control for: text links that act (select a
 * span, show the whole value) and whole list rows that select something (claims, findings, plan
 * steps), whose content is rich (badges, several lines). A vscode-button would draw them as filled
 * buttons. Both are styled with VS Code's colours in styles/components.css and keep native focus,
 * Enter/Space and `disabled`.
 */
import { h } from './dom';

interface NativeButtonOptions {
  readonly className?: string;
  readonly title?: string;
  readonly ariaLabel?: string;
  readonly testId?: string;
  readonly onClick?: (ev: MouseEvent) => void;
}

export interface LinkButtonOptions extends NativeButtonOptions {
  readonly label: string;
}

/** A button that looks like a text link (`.btn-link`). */
export function linkButton(opts: LinkButtonOptions): HTMLButtonElement {
  return nativeButton(`btn btn-link${opts.className ? ` ${opts.className}` : ''}`, opts, [opts.label]);
}

/** A list row that is one button (`className` styles it; no `.btn` look). */
export function itemButton(opts: NativeButtonOptions, children: readonly (Node | string)[]): HTMLButtonElement {
  return nativeButton(opts.className ?? '', opts, children);
}

function nativeButton(className: string, opts: NativeButtonOptions, children: readonly (Node | string)[]): HTMLButtonElement {
  const el = h('button', { className, testId: opts.testId, attrs: { type: 'button', title: opts.title, 'aria-label': opts.ariaLabel } }, children);
  const onClick = opts.onClick;
  if (onClick) el.addEventListener('click', onClick);
  return el;
}
