import { describe, expect, it } from 'vitest';
import { TreeModel } from '../../../webview/tree/treeModel';
import { displayRows, keepMask, matchMask } from '../../../webview/waterfall/rowModel';
import { SAMPLE_PARENTS, structureOf } from '../webview/structureOf';

//   0 root
//   ├─ 1 a
//   │  ├─ 2 a1
//   │  └─ 3 a2
//   │     └─ 4 a2x
//   ├─ 5 b
//   └─ 6 c
//      └─ 7 c1
//   8 second root
const s = structureOf(SAMPLE_PARENTS);

describe('waterfall rows', () => {
  it('matchMask marks the given indices and ignores out-of-range ones', () => {
    expect([...matchMask(9, [2, 7, 42, -1])]).toEqual([0, 0, 1, 0, 0, 0, 0, 1, 0]);
  });

  it('keepMask keeps the matches and all their ancestors, nothing else', () => {
    // 4 → ancestors 3, 1, 0; 7 → 6, 0.
    expect([...keepMask(s, matchMask(9, [4, 7]))]).toEqual([1, 1, 0, 1, 1, 0, 1, 1, 0]);
    expect([...keepMask(s, matchMask(9, [8]))]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('without "only matches" the rows are the tree\'s visible rows (collapse respected)', () => {
    const tree = new TreeModel(s, [1]);
    expect([...displayRows(tree.visible, undefined)]).toEqual([0, 1, 5, 6, 7, 8]);
  });

  it('"only matches" hides non-matching rows but keeps ancestors, in display order', () => {
    const tree = new TreeModel(s);
    const keep = keepMask(s, matchMask(9, [2, 5]));
    expect([...displayRows(tree.visible, keep)]).toEqual([0, 1, 2, 5]);
  });

  it('"only matches" combined with collapse: a collapsed ancestor of a match stays, its hidden subtree stays hidden', () => {
    const tree = new TreeModel(s, [3, 6]);
    const keep = keepMask(s, matchMask(9, [4, 7]));
    expect([...displayRows(tree.visible, keep)]).toEqual([0, 1, 3, 6]);
  });

  it('no match leaves no rows', () => {
    const tree = new TreeModel(s);
    expect(displayRows(tree.visible, keepMask(s, matchMask(9, []))).length).toBe(0);
  });
});
