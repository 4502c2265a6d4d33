/**
 * Messages built to make a markdown renderer slow or crash: the cases an attacker-style review
 * found (emphasis delimiter runs, deep quote and list nesting) and the other shapes a trace can
 * carry (long inline code, many links, huge tables, 1 MB of plain text). Shared by
 * bench/markdown.bench.ts (the ≤ 50 ms figure) and test/unit/webview/markdownBudget.test.ts.
 */
export interface AdversarialMessage {
  readonly name: string;
  readonly text: string;
}

const KB = 1024;
/** `unit` repeated to at least `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));

export function adversarialMessages(): AdversarialMessage[] {
  return [
    { name: 'a_ x100KB', text: fill('a_', 100 * KB) },
    { name: '*a x100KB', text: fill('*a', 100 * KB) },
    { name: '**a x100KB', text: fill('**a', 100 * KB) },
    { name: '_*a x100KB', text: fill('_*a', 100 * KB) },
    { name: '~a x100KB', text: fill('~a', 100 * KB) },
    { name: 'emphasis paragraphs', text: fill(`${fill('_*a', 900)}\n\n`, 100 * KB) },
    { name: 'emphasis list items', text: fill(`- ${fill('*a_', 600)}\n`, 100 * KB) },
    { name: '> x6000', text: '>'.repeat(6000) },
    { name: '> - x50KB', text: fill('> - ', 50 * KB) },
    { name: '1. x50KB', text: fill('1. ', 50 * KB) },
    { name: 'depth-20 quotes', text: fill(`${'> '.repeat(20)}quoted line\n`, 100 * KB) },
    { name: 'deep indented list', text: Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n') },
    { name: 'long inline code', text: `\`${fill('x', 100 * KB)}\`` },
    { name: 'unclosed backticks', text: fill('`a ', 100 * KB) },
    { name: 'many links', text: fill('[link](https://example.com/a?b=c) ', 100 * KB) },
    { name: 'many autolinks', text: fill('https://example.com/x www.example.org ', 100 * KB) },
    { name: 'brackets', text: fill('[a](', 100 * KB) },
    { name: 'huge table', text: `| a | b | c |\n|---|:-:|--:|\n${fill('| x | *y* | `z` |\n', 100 * KB)}` },
    { name: 'html soup', text: fill('<div><span onclick=x>', 100 * KB) },
    { name: 'plain 1MB', text: fill('lorem ipsum dolor sit amet ', 1024 * KB) },
    { name: 'one line 1MB', text: fill('x', 1024 * KB) },
    { name: 'bidi and controls', text: fill('a\u202eb\u0000c\u200b', 100 * KB) },
  ];
}
