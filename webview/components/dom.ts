/**
 * The only way webview code creates elements. Text always goes in through `textContent`; there
 * is deliberately no helper that parses markup. Attributes are set one by one and refuse the
 * names that could run code or style text (`on*`, `style`, `src`, `href`, `srcdoc`), so a
 * caller cannot route trace text into them by mistake. Inline styles are only ever set through
 * the CSSOM (`element.style.x = …`), which the webview CSP allows while it forbids style
 * attributes written as text.
 */

export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly testId?: string;
  readonly attrs?: Attrs;
}

const FORBIDDEN_ATTR = /^(on|style$|src$|href$|srcdoc$|formaction$|action$)/i;

export function setAttr(el: Element, name: string, value: string | number | boolean | undefined): void {
  if (FORBIDDEN_ATTR.test(name)) throw new Error(`refusing to set attribute ${name}`);
  if (value === undefined || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: ElementOptions = {},
  children: readonly (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (opts.className) el.className = opts.className;
  if (opts.testId) el.dataset.testid = opts.testId;
  if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) setAttr(el, k, v);
  if (opts.text !== undefined) el.textContent = opts.text;
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Sets text only when it changed (row recycling calls this on every scroll frame). */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
