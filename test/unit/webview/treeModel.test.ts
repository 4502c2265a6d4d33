import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, computeVisibleRows, positionOf, siblingPositions, TreeModel } from '../../../webview/tree/treeModel';
import { randomPreOrderTree, SAMPLE_PARENTS, structureOf } from './structureOf';

const s = structureOf(SAMPLE_PARENTS);

describe('computeVisibleRows', () => {
  it('shows every span when nothing is collapsed', () => {
    expect([...computeVisibleRows(s, new Set())]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('hides the subtree of a collapsed span but not the span itself', () => {
    expect([...computeVisibleRows(s, new Set([1]))]).toEqual([0, 1, 5, 6, 7, 8]);
    expect([...computeVisibleRows(s, new Set([3, 6]))]).toEqual([0, 1, 2, 3, 5, 6, 8]);
  });

  it('a collapsed root hides everything below it, up to the next root', () => {
    expect([...computeVisibleRows(s, new Set([0]))]).toEqual([0, 8]);
  });

  it('collapsing a span inside a collapsed subtree changes nothing more', () => {
    expect([...computeVisibleRows(s, new Set([0, 3]))]).toEqual([0, 8]);
  });

  it('matches the definition (no collapsed ancestor) on random trees', () => {
    fc.assert(
      fc.property(randomPreOrderTree(60), fc.array(fc.nat({ max: 59 }), { maxLength: 20 }), (parents, collapsedList) => {
        const st = structureOf(parents);
        const collapsed = new Set(collapsedList);
        const expected = parents.map((_, i) => i).filter((i) => ancestorsOf(st, i).every((a) => !collapsed.has(a)));
        expect([...computeVisibleRows(st, collapsed)]).toEqual(expected);
      }),
      { seed: 20241122, numRuns: 300 },
    );
  });
});

describe('positionOf', () => {
  it('finds visible spans by binary search and -1 for hidden ones', () => {
    const visible = computeVisibleRows(s, new Set([1]));
    expect(positionOf(visible, 0)).toBe(0);
    expect(positionOf(visible, 5)).toBe(2);
    expect(positionOf(visible, 8)).toBe(5);
    expect(positionOf(visible, 3)).toBe(-1);
  });
});

describe('siblingPositions', () => {
  it('numbers each span among its siblings (roots are siblings of each other)', () => {
    const { posInSet, setSize } = siblingPositions(s);
    // root: 1 of 2 roots; a: 1 of 3 (a, b, c); a2: 2 of 2; a2x: 1 of 1; c1: 1 of 1; second root: 2 of 2.
    expect([...posInSet]).toEqual([1, 1, 1, 2, 1, 2, 3, 1, 2]);
    expect([...setSize]).toEqual([2, 3, 2, 2, 1, 3, 3, 1, 2]);
  });
});

describe('TreeModel', () => {
  it('ignores collapsed indices of leaves and out-of-range ones', () => {
    const t = new TreeModel(s, [2, 99, -1, 3]);
    expect(t.collapsed).toEqual([3]);
  });

  it('expands, collapses and toggles, reporting whether anything changed', () => {
    const t = new TreeModel(s);
    expect(t.isExpanded(1)).toBe(true);
    expect(t.setExpanded(1, false)).toBe(true);
    expect(t.setExpanded(1, false)).toBe(false);
    expect([...t.visible]).toEqual([0, 1, 5, 6, 7, 8]);
    expect(t.toggle(1)).toBe(true);
    expect(t.visible.length).toBe(9);
    expect(t.setExpanded(2, false)).toBe(false); // a leaf cannot be collapsed
    expect(t.isExpanded(2)).toBe(false);
  });

  it('reveal expands every collapsed ancestor', () => {
    const t = new TreeModel(s, [0, 1, 3]);
    expect(t.positionOf(4)).toBe(-1);
    expect(t.reveal(4)).toBe(true);
    expect(t.positionOf(4)).toBe(4);
    expect(t.collapsed).toEqual([]);
    expect(t.reveal(4)).toBe(false);
  });
});
