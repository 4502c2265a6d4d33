/** Turns a `markdownTree` (text/markdown.ts) into DOM: elements and text nodes only, never markup parsing. */
import type { MdNode } from './markdown';

/** Builds the DOM of a tree made by `markdownTree`: elements and text nodes only, no markup parsing. */
export function treeToDom(nodes: readonly MdNode[], doc: Document = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const n of nodes) frag.append(toNode(n, doc));
  return frag;
}

function toNode(n: MdNode, doc: Document): Node {
  if (n.tag === '#text') return doc.createTextNode(n.text ?? '');
  const el = doc.createElement(n.tag);
  if (n.className) el.className = n.className;
  if (n.tag === 'a' && n.href !== undefined) {
    const a = el as HTMLAnchorElement;
    // `href` is set as a property only here, for a URL `safeHref` vetted (http, https, mailto).
    a.href = n.href;
    a.title = n.href;
    a.rel = 'noopener noreferrer';
  }
  if (n.tag === 'ol' && n.start !== undefined) (el as HTMLOListElement).start = n.start;
  if (n.align && (n.tag === 'th' || n.tag === 'td')) el.style.textAlign = n.align;
  for (const c of n.children ?? []) el.append(toNode(c, doc));
  return el;
}
