import { describe, expect, it } from 'vitest';
import { alignSteps, type AlignKey } from '../../../src/core/compare/alignSteps';

/**
 * Hand-built step keys: 'tool:args' is the signature, 'tool' the shape; an optional '!fp'
 * suffix sets the fingerprint (e.g. 'book:x!err' = same signature as 'book:x', failed).
 */
function keys(...specs: string[]): AlignKey[] {
  return specs.map((s) => {
    const [sig, fp = ''] = s.split('!');
    return { signature: sig, shape: sig.split(':')[0], fingerprint: fp };
  });
}
const pairs = (a: string[], b: string[]) => alignSteps(keys(...a), keys(...b)).map((p) => [p.a, p.b]);

describe('alignSteps', () => {
  it('pairs identical runs one to one', () => {
    expect(pairs(['search:q', 'book:x', 'answer'], ['search:q', 'book:x', 'answer'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('an inserted step is added and the rest stays paired', () => {
    // A: search, book, answer   B: search, check, book, answer
    expect(pairs(['search:q', 'book:x', 'answer'], ['search:q', 'check:y', 'book:x', 'answer'])).toEqual([
      [0, 0],
      [null, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('a removed step is removed and the rest stays paired', () => {
    expect(pairs(['search:q', 'check:y', 'book:x', 'answer'], ['search:q', 'book:x', 'answer'])).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
      [3, 2],
    ]);
  });

  it('a substituted step pairs with the one at its place (7 < 4 + 4), with other tools or other arguments', () => {
    expect(pairs(['search:q', 'check:y', 'answer'], ['search:q', 'lookup:z', 'answer'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(pairs(['search:q', 'book:x', 'answer'], ['search:q', 'book:w', 'answer'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('steps that only shifted are not substituted: delete + keep + insert (4 + 0 + 4) beats two substitutions (7 + 7)', () => {
    expect(pairs(['a:1', 'b:1'], ['b:1', 'c:1'])).toEqual([
      [0, null],
      [1, 0],
      [null, 1],
    ]);
  });

  it('a repeated tool: the later copy is the removed one', () => {
    expect(pairs(['search:q', 'search:q', 'answer'], ['search:q', 'answer'])).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
    ]);
    expect(pairs(['search:q', 'answer'], ['search:q', 'search:q', 'search:q', 'answer'])).toEqual([
      [0, 0],
      [null, 1],
      [null, 2],
      [1, 3],
    ]);
  });

  it('a retry: the failed first attempt is the added step, the successful one pairs with the baseline (fingerprints break the tie)', () => {
    // A: book(ok), answer      B: book(failed), book(ok), answer (new text)
    // pairing book(ok)~book(failed) + insert book(ok) costs 4 + 2 tie units; insert book(failed) + book(ok)~book(ok) costs 4 + 1.
    expect(pairs(['book:x', 'answer!t1'], ['book:x!err', 'book:x', 'answer!t2'])).toEqual([
      [null, 0],
      [0, 1],
      [1, 2],
    ]);
  });

  it('an empty side: all added or all removed', () => {
    expect(pairs([], ['a:1', 'b:1'])).toEqual([
      [null, 0],
      [null, 1],
    ]);
    expect(pairs(['a:1'], [])).toEqual([[0, null]]);
    expect(pairs([], [])).toEqual([]);
  });

  it('prefers a same-shape pairing (3) to another tool (7) when both are possible', () => {
    // B's middle step could pair with A's 'book:x' (same shape) or 'check:y' (other tool);
    // pairing book~book:w (3) and removing check (4) = 7 beats check~book:w (7) + removing book (4) = 11.
    expect(pairs(['search:q', 'check:y', 'book:x', 'answer'], ['search:q', 'book:w', 'answer'])).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
      [3, 2],
    ]);
  });
});
