import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockText, inlineText } from '../../../src/core/text/visibleText';

/** True when the text still holds a bidi control character. */
const hasBidiControl = (text: string) => /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text);

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

describe('visible text', () => {
  it('replaces each bidi control with a visible, named marker', () => {
    expect(blockText('invoice\u202Efdp.exe')).toBe('invoice⟦RLO⟧fdp.exe');
    expect(inlineText('a\u2066b\u2069c')).toBe('a⟦LRI⟧b⟦PDI⟧c');
    expect(blockText('x\u200fy')).toBe('x⟦RLM⟧y');
  });

  it('no bidi control survives, whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...BIDI))), (parts) => {
        const text = parts.join('');
        expect(hasBidiControl(blockText(text))).toBe(false);
        expect(hasBidiControl(inlineText(text, 10_000))).toBe(false);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('shows C0/C1 controls by name; blocks keep newlines and tabs, inline text does not', () => {
    expect(blockText('a\u0007b\u0000c\u001bd\u007fe\u0085f')).toBe('a⟦BEL⟧b⟦NUL⟧c⟦ESC⟧d⟦DEL⟧e⟦U+0085⟧f');
    expect(blockText('line 1\r\nline 2\tend')).toBe('line 1\nline 2\tend');
    expect(inlineText('line 1\r\nline 2\tend')).toBe('line 1 ⏎ line 2 end');
  });

  it('leaves markup as text (it is never parsed) and ordinary Unicode alone', () => {
    const s = '<script>alert(1)</script> émoji 👩‍💻 中文 עברית';
    expect(blockText(s)).toBe(s);
  });

  it('clips inline text with an ellipsis, without splitting a surrogate pair', () => {
    expect(inlineText('abcdef', 3)).toBe('abc…');
    expect(inlineText('ab😀cd', 3)).toBe('ab…');
    expect(inlineText('abc', 3)).toBe('abc');
  });
});
