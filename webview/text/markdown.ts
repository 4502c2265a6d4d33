/**
 * Markdown in chat messages, rendered safely and in bounded time. `marked`'s lexer splits the text into tokens; we
 * build our own small tree of {tag, text, children} from them (pure: unit-tested without a DOM),
 * and only then turn that tree into elements with createElement + textContent. Nothing is ever
 * parsed as HTML, so:
 * - raw HTML (block or inline: <script>, <img onerror=…>, …) is shown as the text it is;
 * - links are live only for http(s) and mailto URLs, and always show their URL; anything else
 *   (javascript:, data:, relative, …) is shown as the markdown text it was written as. The
 *   browser never follows a live link: a click asks the host to open it (markdownDom.ts);
 * - images are never loaded: they read "[image: alt](url)" as text;
 * - every text goes through `blockText`/`inlineText` (bidi and control characters made visible).
 * Only a bounded prefix is lexed, nested and delimited within limits (markdownBudget.ts); the
 * rest is one plain-text paragraph. A message that would need more than `MAX_NODES` elements,
 * or that makes the lexer throw, is shown whole as plain text instead, so no message can freeze
 * or crash the view. The DOM half is text/markdownDom.ts; this file has no DOM types, so tests
 * run it in node.
 */
import { type Token, type Tokens } from 'marked';
import { blockText, inlineText } from '../../src/core/text/visibleText';
import { lexWithBudget, planMarkdown } from './markdownBudget';

export type MdTag =
  | 'p'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'ul'
  | 'ol'
  | 'li'
  | 'blockquote'
  | 'pre'
  | 'code'
  | 'hr'
  | 'br'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'strong'
  | 'em'
  | 'del'
  | 'a'
  | 'span'
  | '#text';

/** One node of the rendered tree. `#text` nodes carry `text` only; `a` carries a vetted `href`. */
export interface MdNode {
  readonly tag: MdTag;
  readonly text?: string;
  readonly href?: string;
  /** `ol` start number. */
  readonly start?: number;
  /** `th`/`td` alignment. */
  readonly align?: 'left' | 'center' | 'right';
  /** Extra class: `md-raw` (raw HTML shown as text), `md-image`, `md-url`, `md-unsafe-link`. */
  readonly className?: string;
  readonly children?: readonly MdNode[];
}

export const MAX_NODES = 1500;
/** The node budget when the reader asked for the whole message as markdown. */
const FULL_MAX_NODES = 20_000;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The URL when it is absolute http(s) or mailto, else undefined. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  // Reject anything a browser would strip or reinterpret before the scheme (control chars, whitespace).
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the few HTML entities markdown text commonly carries (text, never markup). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

class Budget {
  used = 0;
  constructor(private readonly max: number) {}
  take(): void {
    if (++this.used > this.max) throw new OverBudget();
  }
}
class OverBudget extends Error {}

const text = (s: string, b: Budget): MdNode => (b.take(), { tag: '#text', text: blockText(s) });
const node = (tag: MdTag, children: MdNode[], b: Budget, extra: Partial<MdNode> = {}): MdNode => (b.take(), { tag, children, ...extra });

export interface MarkdownOptions {
  /** Lex the whole message (the reader asked): no length cut, larger node and emphasis budgets. */
  readonly full?: boolean;
}

/**
 * The rendered tree of `src`. Pure, never throws. Past the length or depth limit
 * (`planMarkdown`) the tree ends with one `md-plain md-rest` paragraph holding the rest.
 */
export function markdownTree(src: string, opts: MarkdownOptions = {}): MdNode[] {
  const full = opts.full === true;
  try {
    const plan = planMarkdown(src, full);
    const tree = blocks(lexWithBudget(plan.markdown, full).tokens, new Budget(full ? FULL_MAX_NODES : MAX_NODES));
    return plan.plain === '' ? tree : [...tree, plainParagraph(plan.plain, 'md-plain md-rest')];
  } catch {
    // Over the node budget, or anything marked throws (a RangeError from nesting the depth
    // scan did not foresee): the whole text, plain, is still shown.
    return [plainParagraph(src, 'md-plain')];
  }
}

const plainParagraph = (s: string, className: string): MdNode => ({ tag: 'p', className, children: [{ tag: '#text', text: blockText(s) }] });

function blocks(tokens: readonly Token[], b: Budget): MdNode[] {
  const out: MdNode[] = [];
  for (const t of tokens) {
    const n = block(t, b);
    if (n) out.push(n);
  }
  return out;
}

function block(t: Token, b: Budget): MdNode | undefined {
  switch (t.type) {
    case 'space':
    case 'def':
      return undefined;
    case 'paragraph':
      return node('p', inlines((t as Tokens.Paragraph).tokens, b), b);
    case 'heading': {
      const h = t as Tokens.Heading;
      return node(`h${Math.min(6, Math.max(1, h.depth))}` as MdTag, inlines(h.tokens, b), b);
    }
    case 'code':
      return node('pre', [node('code', [text((t as Tokens.Code).text, b)], b)], b);
    case 'blockquote':
      return node('blockquote', blocks((t as Tokens.Blockquote).tokens, b), b);
    case 'hr':
      return node('hr', [], b);
    case 'list': {
      const l = t as Tokens.List;
      const items = l.items.map((it) => node('li', listItem(it, b), b));
      const start = typeof l.start === 'number' && l.start !== 1 ? { start: l.start } : {};
      return node(l.ordered ? 'ol' : 'ul', items, b, start);
    }
    case 'table':
      return table(t as Tokens.Table, b);
    case 'html':
      return node('pre', [text((t as Tokens.HTML).raw, b)], b, { className: 'md-raw' });
    case 'text': {
      const x = t as Tokens.Text;
      return node('p', x.tokens ? inlines(x.tokens, b) : [text(decodeEntities(x.text), b)], b);
    }
    default:
      // Unknown block (an extension's token): its source, as text.
      return node('p', [text(t.raw, b)], b);
  }
}

function listItem(it: Tokens.ListItem, b: Budget): MdNode[] {
  const out: MdNode[] = [];
  if (it.task) out.push(text(it.checked ? '☑ ' : '☐ ', b));
  for (const t of it.tokens) {
    if (t.type === 'checkbox') continue;
    // Tight lists hold bare text tokens: keep them inline instead of wrapping each in <p>.
    if (t.type === 'text') {
      const x = t as Tokens.Text;
      out.push(...(x.tokens ? inlines(x.tokens, b) : [text(decodeEntities(x.text), b)]));
    } else {
      const n = block(t, b);
      if (n) out.push(n);
    }
  }
  return out;
}

function table(t: Tokens.Table, b: Budget): MdNode {
  const align = (a: Tokens.TableCell['align']) => (a ? { align: a } : {});
  const head = node(
    'thead',
    [
      node(
        'tr',
        t.header.map((c) => node('th', inlines(c.tokens, b), b, align(c.align))),
        b,
      ),
    ],
    b,
  );
  const body = node(
    'tbody',
    t.rows.map((r) =>
      node(
        'tr',
        r.map((c) => node('td', inlines(c.tokens, b), b, align(c.align))),
        b,
      ),
    ),
    b,
  );
  return node('table', [head, body], b);
}

function inlines(tokens: readonly Token[] | undefined, b: Budget): MdNode[] {
  const out: MdNode[] = [];
  for (const t of tokens ?? []) out.push(...inline(t, b));
  return out;
}

function inline(t: Token, b: Budget): MdNode[] {
  switch (t.type) {
    case 'text': {
      const x = t as Tokens.Text;
      return x.tokens ? inlines(x.tokens, b) : [text(decodeEntities(x.text), b)];
    }
    case 'escape':
      return [text((t as Tokens.Escape).text, b)];
    case 'strong':
      return [node('strong', inlines((t as Tokens.Strong).tokens, b), b)];
    case 'em':
      return [node('em', inlines((t as Tokens.Em).tokens, b), b)];
    case 'del':
      return [node('del', inlines((t as Tokens.Del).tokens, b), b)];
    case 'codespan':
      return [node('code', [text((t as Tokens.Codespan).text, b)], b)];
    case 'br':
      return [node('br', [], b)];
    case 'link': {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      if (!href) return [node('span', [text(l.raw, b)], b, { className: 'md-unsafe-link' })];
      const label = inlines(l.tokens, b);
      const shown = href.startsWith('mailto:') ? href.slice(7) : href;
      const labelText = l.text.trim();
      // The URL is always visible: after the label unless the label already is the URL.
      const url =
        labelText === shown || labelText === l.href.trim() ? [] : [node('span', [text(` <${inlineText(shown, 200)}>`, b)], b, { className: 'md-url' })];
      return [node('a', label, b, { href }), ...url];
    }
    case 'image': {
      const i = t as Tokens.Image;
      return [node('span', [text(`[image: ${i.text}](${i.href})`, b)], b, { className: 'md-image' })];
    }
    case 'html':
      return [node('span', [text((t as Tokens.HTML).raw, b)], b, { className: 'md-raw' })];
    default:
      return [text(t.raw, b)];
  }
}
