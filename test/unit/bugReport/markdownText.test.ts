import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { mdCode, mdFence, mdText } from '../../../src/core/bugReport/markdownText';

/** Renders like a tracker would (GFM), so the tests check what the reader of the issue gets. */
const render = (md: string) => marked.parse(md, { gfm: true, async: false });

const HOSTILE = [
  '[click](https://evil.example/x) ![img](https://evil.example/p.png)',
  '<img src=x onerror=alert(1)><script>alert(1)</script><a href="https://evil.example">a</a>',
  'see https://evil.example/steal and www.evil.example',
  '# Heading\n\n> quote\n\n* list',
  'ping @octocat and close #12',
  '`code` ``` fence ```` more',
  '[ref]: https://evil.example\n[ref]',
  '<https://evil.example>',
];

describe('mdText', () => {
  it.each(HOSTILE)('renders %j as plain text: no link, image, HTML or heading', (text) => {
    const html = render(`Finding: ${mdText(text)}`);
    expect(html).not.toMatch(/<a |<img|<script|<h1|<blockquote|<ul/);
  });

  it('keeps the words readable and on one line', () => {
    const html = render(mdText('book_hotel failed: *no rooms*\nretry later'));
    expect(html.replace(/<[^>]+>/g, '').trim()).toBe('book_hotel failed: *no rooms* ⏎ retry later');
  });

  it('breaks mentions, issue references and autolinks with a zero-width space', () => {
    const md = mdText('ping @octocat about #12 at https://evil.example');
    expect(md).toContain('@\u200b');
    expect(md).toContain('#\u200b');
    expect(md).not.toContain('https://');
  });
});

describe('mdCode', () => {
  it.each(HOSTILE)('keeps %j inside one code span', (text) => {
    const html = render(`Value: ${mdCode(text)}`);
    expect(html).not.toMatch(/<a |<img|<script|<h1/);
    expect((html.match(/<code>/g) ?? []).length).toBe(1);
  });

  it('uses a backtick run longer than any inside', () => {
    expect(mdCode('a ``` b')).toBe('````a ``` b````');
    expect(mdCode('`x')).toBe('`` `x ``');
    expect(mdCode('')).toBe('`(empty)`');
  });
});

describe('mdFence', () => {
  it('cannot be closed by the text inside', () => {
    const text = 'before\n```\n# not a heading\n[x](https://evil.example)\n````\nafter';
    const md = mdFence(text);
    expect(md.startsWith('`````text\n')).toBe(true);
    const html = render(md);
    expect((html.match(/<pre>/g) ?? []).length).toBe(1);
    expect(html).not.toMatch(/<a |<h1/);
    expect(html).toContain('# not a heading');
  });

  it('clips long text and says so', () => {
    const md = mdFence('x'.repeat(50), 10);
    expect(md).toContain('x'.repeat(10) + '\n```');
    expect(md).not.toContain('x'.repeat(11));
    expect(md).toContain('clipped: 40 more characters');
  });

  it('shows control and bidi characters as markers', () => {
    expect(mdFence('a\u202eb\u0007c')).toContain('a⟦RLO⟧b⟦BEL⟧c');
  });
});
