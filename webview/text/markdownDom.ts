/**
 * Turns a `markdownTree` (text/markdown.ts) into DOM: elements and text nodes only, never markup
 * parsing. Links keep their vetted `href` (hover shows it, keyboard focus and Enter work) but the
 * browser never follows one: every activation is cancelled and handed to `openLink`, which asks
 * the host to open it through VS Code (src/session/webviewRequests.ts `openLink`), so VS Code's
 * link protection (the trusted-domains prompt) applies.
 */
import type { MdNode } from './markdown';

export interface MarkdownDomOptions {
  /** Called with a link's vetted URL when the reader activates it. */
  readonly openLink: (href: string) => void;
  readonly doc?: Document;
}

/** Builds the DOM of a tree made by `markdownTree`: elements and text nodes only, no markup parsing. */
export function treeToDom(nodes: readonly MdNode[], opts: MarkdownDomOptions): DocumentFragment {
  const doc = opts.doc ?? document;
  const frag = doc.createDocumentFragment();
  for (const n of nodes) frag.append(toNode(n, doc, opts.openLink));
  return frag;
}

function toNode(n: MdNode, doc: Document, openLink: (href: string) => void): Node {
  if (n.tag === '#text') return doc.createTextNode(n.text ?? '');
  const el = doc.createElement(n.tag);
  if (n.className) el.className = n.className;
  if (n.tag === 'a' && n.href !== undefined) {
    const a = el as HTMLAnchorElement;
    const href = n.href;
    // `href` is set as a property only here, for a URL `safeHref` vetted (http, https, mailto).
    a.href = href;
    a.title = href;
    a.rel = 'noopener noreferrer';
    // Left click, Enter (a click event) and middle click: never the browser's navigation, and
    // never VS Code's own webview link handler either: it listens on the window, ignores
    // `defaultPrevented` and opens the link as coming from the workspace, which skips the
    // trusted-domains prompt in a trusted folder. Only `openLink` (the host's openExternal) may.
    const follow = (ev: MouseEvent): void => {
      ev.preventDefault();
      ev.stopPropagation();
      if (ev.type === 'click' || ev.button === 1) openLink(href);
    };
    a.addEventListener('click', follow);
    a.addEventListener('auxclick', follow);
  }
  if (n.tag === 'ol' && n.start !== undefined) (el as HTMLOListElement).start = n.start;
  if (n.align && (n.tag === 'th' || n.tag === 'td')) el.style.textAlign = n.align;
  for (const c of n.children ?? []) el.append(toNode(c, doc, openLink));
  return el;
}
