import { describe, expect, it } from 'vitest';
import { decodeEntities, MAX_NODES, markdownTree, safeHref, type MdNode } from '../../../webview/text/markdown';

/** Every node of the tree, depth first. */
function all(nodes: readonly MdNode[]): MdNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
}
const tags = (nodes: readonly MdNode[]) => new Set(all(nodes).map((n) => n.tag));
/** The visible text of a tree, as textContent would give it. */
const textOf = (nodes: readonly MdNode[]): string => nodes.map((n) => (n.tag === '#text' ? (n.text ?? '') : textOf(n.children ?? []))).join('');
/** Tags the renderer may ever produce: nothing that loads or runs anything. */
const ALLOWED = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'del',
  'a',
  'span',
  '#text',
]);

describe('markdownTree: structure', () => {
  it('renders headings, emphasis, inline code, lists, quotes, code blocks and tables', () => {
    const t = markdownTree(
      '# Title\n\nSome **bold**, *em*, ~~gone~~ and `x < y`.\n\n- one\n- two\n\n3. c\n4. d\n\n> quoted\n\n```ts\nconst a = 1;\n```\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n',
    );
    expect(t.map((n) => n.tag)).toEqual(['h1', 'p', 'ul', 'ol', 'blockquote', 'pre', 'table']);
    expect(textOf([t[0]])).toBe('Title');
    expect(t[1].children?.map((c) => c.tag)).toEqual(['#text', 'strong', '#text', 'em', '#text', 'del', '#text', 'code', '#text']);
    expect(textOf([t[1]])).toBe('Some bold, em, gone and x < y.');
    expect(t[2].children?.map((c) => textOf([c]))).toEqual(['one', 'two']);
    expect(t[3].start).toBe(3);
    expect(t[5].children?.[0]).toMatchObject({ tag: 'code' });
    expect(textOf([t[5]])).toBe('const a = 1;');
    const table = all([t[6]]);
    expect(table.filter((n) => n.tag === 'th').map((n) => n.align)).toEqual(['left', 'right']);
    expect(table.filter((n) => n.tag === 'td').map((n) => textOf([n]))).toEqual(['1', '2']);
  });

  it('decodes entities in text, but not in code', () => {
    expect(textOf(markdownTree('a &amp; b &lt;3 &#x1F600; `&amp;`'))).toBe('a & b <3 😀 &amp;');
    expect(decodeEntities('&bogus; &#0; &#xD800;')).toBe('&bogus; &#0; &#xD800;');
  });
});

describe('markdownTree: safety', () => {
  const hostile = [
    '<script>alert(1)</script>',
    'before <script>alert(1)</script> after',
    '<img src=x onerror="alert(1)">',
    'text <b onmouseover="alert(1)">bold?</b>',
    '<div><p><iframe src="javascript:alert(1)"></iframe></p></div>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click]( javascript:alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox)',
    '[rel](/etc/passwd)',
    '![pixel](https://evil.example/track.png)',
    '![x](javascript:alert(1))',
    '<a href="javascript:alert(1)">a</a>',
    '<style>body{display:none}</style>',
    '- item <svg onload=alert(1)>',
  ];

  it.each(hostile)('never produces anything but inert tags for %s', (src) => {
    const nodes = all(markdownTree(src));
    for (const n of nodes) {
      expect(ALLOWED.has(n.tag)).toBe(true);
      if (n.tag === 'a') expect(n.href).toMatch(/^(https?:|mailto:)/);
      else expect(n.href).toBeUndefined();
    }
  });

  it('shows raw HTML as its own text', () => {
    const t = markdownTree('<script>alert(1)</script>');
    expect(tags(t)).toEqual(new Set(['pre', '#text']));
    expect(t[0].className).toBe('md-raw');
    expect(textOf(t)).toBe('<script>alert(1)</script>');
    const inline = markdownTree('x <img src=x onerror=alert(1)> y');
    expect(textOf(inline)).toBe('x <img src=x onerror=alert(1)> y');
    expect(all(inline).some((n) => n.className === 'md-raw')).toBe(true);
  });

  it('keeps nested HTML as one text, with nothing inside it parsed', () => {
    const src = '<div><p><iframe src="javascript:alert(1)"></iframe></p></div>';
    const t = markdownTree(src);
    expect(textOf(t)).toBe(src);
    expect(tags(t)).toEqual(new Set(['pre', '#text']));
  });

  it('turns javascript:, data: and relative links into their markdown text, not links', () => {
    for (const src of ['[click](javascript:alert(1))', '[x](data:text/html,hi)', '[rel](/etc/passwd)']) {
      const t = markdownTree(src);
      expect(tags(t).has('a')).toBe(false);
      expect(textOf(t)).toBe(src);
    }
  });

  it('links http(s) and mailto, showing the URL next to a different label', () => {
    const t = all(markdownTree('[docs](https://example.com/a?b=1) and <mailto:me@example.com> and https://x.org'));
    const links = t.filter((n) => n.tag === 'a');
    expect(links.map((n) => n.href)).toEqual(['https://example.com/a?b=1', 'mailto:me@example.com', 'https://x.org/']);
    const shown = textOf(markdownTree('[docs](https://example.com/a?b=1)'));
    expect(shown).toBe('docs <https://example.com/a?b=1>');
    // a bare URL is its own label: not repeated
    expect(textOf(markdownTree('https://x.org'))).toBe('https://x.org');
  });

  it('never loads images: they become "[image: alt](url)" text', () => {
    const t = markdownTree('see ![a cat](https://evil.example/cat.png)');
    expect(tags(t).has('a')).toBe(false);
    expect(textOf(t)).toBe('see [image: a cat](https://evil.example/cat.png)');
    expect(all(t).find((n) => n.className === 'md-image')).toBeDefined();
  });

  it('makes bidi controls visible in text', () => {
    expect(textOf(markdownTree('abc\u202Edef'))).toBe('abc⟦RLO⟧def');
  });

  it('falls back to one plain-text paragraph past the node budget', () => {
    const src = Array.from({ length: MAX_NODES }, (_, i) => `- **${i}**`).join('\n');
    const t = markdownTree(src);
    expect(t).toHaveLength(1);
    expect(t[0].className).toBe('md-plain');
    expect(textOf(t)).toBe(src);
  });
});

describe('safeHref', () => {
  it('accepts only absolute http, https and mailto URLs', () => {
    expect(safeHref('https://a.b/c')).toBe('https://a.b/c');
    expect(safeHref('HTTP://A.B')).toBe('http://a.b/');
    expect(safeHref('mailto:x@y.z')).toBe('mailto:x@y.z');
    for (const bad of [
      'javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vscode://x',
      '//evil.com',
      '/a',
      'command:workbench.action.quit',
    ]) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });
});
