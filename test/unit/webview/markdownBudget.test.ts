import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { adversarialMessages } from '../../../bench/adversarialMessages';
import { MAX_NODES, markdownTree, type MdNode } from '../../../webview/text/markdown';
import { EMPHASIS_BUDGET, MARKDOWN_CHARS, MAX_DEPTH, lexWithBudget, lineDepth, planMarkdown } from '../../../webview/text/markdownBudget';

const textOf = (nodes: readonly MdNode[]): string => nodes.map((n) => (n.tag === '#text' ? (n.text ?? '') : textOf(n.children ?? []))).join('');
const letters = (s: string): number => s.replace(/[^a-z0-9]/gi, '').length;
const all = (nodes: readonly MdNode[]): MdNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);

describe('markdown budget: every adversarial message renders, whole, without throwing', () => {
  it.each(adversarialMessages().map((m) => [m.name, m.text] as const))('%s', (_name, text) => {
    for (const full of [false, true]) {
      const nodes = markdownTree(text, { full });
      expect(nodes.length).toBeGreaterThan(0);
      // Nothing is dropped: every letter and digit of the source is still visible (markup may go).
      expect(letters(textOf(nodes))).toBeGreaterThanOrEqual(letters(text));
    }
  });

  it('the cases that used to overflow the stack in the lexer are cut by depth before lexing', () => {
    for (const text of ['>'.repeat(6000), '> - '.repeat(12_800), '1. '.repeat(17_000)]) {
      expect(planMarkdown(text).cut).toBe('depth');
      const nodes = markdownTree(text, { full: true });
      expect(nodes.at(-1)?.className).toBe('md-plain md-rest');
      expect(textOf(nodes)).toBe(text);
    }
  });
});

describe('planMarkdown', () => {
  it('keeps short, shallow text whole', () => {
    expect(planMarkdown('# hi\n\n- a\n  - b\n')).toEqual({ markdown: '# hi\n\n- a\n  - b\n', plain: '' });
  });

  it('cuts long text at a line end near the limit; the rest stays plain, nothing lost', () => {
    const line = 'word '.repeat(19) + '\n';
    const src = line.repeat(Math.ceil((MARKDOWN_CHARS * 2) / line.length));
    const plan = planMarkdown(src);
    expect(plan.cut).toBe('length');
    expect(plan.markdown.length).toBeLessThanOrEqual(MARKDOWN_CHARS);
    expect(plan.markdown.endsWith('\n')).toBe(true);
    expect(plan.markdown + plan.plain).toBe(src);
    expect(planMarkdown(src, true)).toEqual({ markdown: src, plain: '' });
    const nodes = markdownTree(src);
    expect(nodes.at(-1)).toMatchObject({ tag: 'p', className: 'md-plain md-rest' });
    expect(textOf([nodes.at(-1)!])).toBe(plan.plain);
  });

  it('cuts one huge line at the limit, never inside a surrogate pair', () => {
    const src = 'x'.repeat(MARKDOWN_CHARS - 1) + '😀'.repeat(10);
    const plan = planMarkdown(src);
    expect(plan.markdown.length).toBe(MARKDOWN_CHARS - 1);
    expect(plan.markdown + plan.plain).toBe(src);
  });

  it('ends the markdown before the first line nested deeper than MAX_DEPTH', () => {
    const ok = '> '.repeat(MAX_DEPTH) + 'fine\n';
    const deep = '> '.repeat(MAX_DEPTH + 1) + 'too deep\n';
    const plan = planMarkdown(ok + deep + ok);
    expect(plan).toEqual({ markdown: ok, plain: deep + ok, cut: 'depth' });
  });

  it('counts quote and list markers and the indentation before them, not indented code', () => {
    const depth = (line: string) => lineDepth(line, 0, line.length);
    expect(depth('plain text')).toBe(0);
    expect(depth('> > - 1. x')).toBe(4);
    expect(depth('    - nested')).toBe(3);
    expect(depth(' '.repeat(80) + 'code, no marker')).toBe(0);
    expect(depth('-not a marker')).toBe(0);
    expect(depth('12) item')).toBe(1);
    expect(depth('3.14 is pi')).toBe(0);
  });
});

describe('lexWithBudget', () => {
  it('keeps an inline run with too many emphasis delimiters as its own text', () => {
    const heavy = '_*a'.repeat(Math.ceil(Math.sqrt(EMPHASIS_BUDGET)));
    const { tokens, plainRuns } = lexWithBudget(`Some **bold** here.\n\n${heavy}\n\nand *em* after`);
    expect(plainRuns).toBe(1);
    const para = tokens.filter((t) => t.type === 'paragraph') as { tokens: { type: string; text?: string }[] }[];
    expect(para[0].tokens.map((t) => t.type)).toContain('strong');
    expect(para[1].tokens).toEqual([{ type: 'text', raw: heavy, text: heavy }]);
    expect(para[2].tokens.map((t) => t.type)).toContain('em');
  });

  it('lexes ordinary markdown exactly as marked does', () => {
    const src = '# T\r\n\nSome **bold** and _em_ in [a](https://x.org)\n\n- a list with `code`\n  > quoted ~~del~~\n\n| a | b |\n|-|-|\n| *1* | 2 |\n';
    expect(JSON.stringify(lexWithBudget(src).tokens)).toBe(JSON.stringify(new Lexer({ gfm: true }).lex(src)));
    expect(all(markdownTree(src)).some((n) => n.tag === 'em')).toBe(true);
  });

  it('the node budget still falls back to the whole text, plain', () => {
    const src = Array.from({ length: MAX_NODES }, (_, i) => `[${i}](https://x.org/${i})`).join(' ');
    expect(markdownTree(src)).toEqual([{ tag: 'p', className: 'md-plain', children: [{ tag: '#text', text: src }] }]);
  });
});
