import { describe, expect, it } from 'vitest';
import { treeKeyAction } from '../../../webview/tree/treeKeys';
import { TreeModel } from '../../../webview/tree/treeModel';
import { SAMPLE_PARENTS, structureOf } from './structureOf';

// SAMPLE_PARENTS: 0 root (1 a (2 a1, 3 a2 (4 a2x)), 5 b, 6 c (7 c1)), 8 second root.
const tree = (collapsed: number[] = []) => new TreeModel(structureOf(SAMPLE_PARENTS), collapsed);
const key = (t: TreeModel, selected: number, k: string, page = 3) => treeKeyAction(t, selected, k, page);

describe('treeKeyAction', () => {
  it('Up/Down move between visible rows and stop at the ends', () => {
    const t = tree([3]);
    expect(key(t, 3, 'ArrowDown')).toEqual({ kind: 'select', index: 5 }); // 4 is hidden under collapsed 3
    expect(key(t, 5, 'ArrowUp')).toEqual({ kind: 'select', index: 3 });
    expect(key(t, 0, 'ArrowUp')).toEqual({ kind: 'select', index: 0 });
    expect(key(t, 8, 'ArrowDown')).toEqual({ kind: 'select', index: 8 });
  });

  it('Home/End go to the first/last visible row; PageUp/PageDown move a page, clamped', () => {
    const t = tree([6]); // visible: 0 1 2 3 4 5 6 8
    expect(key(t, 4, 'Home')).toEqual({ kind: 'select', index: 0 });
    expect(key(t, 4, 'End')).toEqual({ kind: 'select', index: 8 });
    expect(key(t, 1, 'PageDown', 3)).toEqual({ kind: 'select', index: 4 });
    expect(key(t, 5, 'PageDown', 3)).toEqual({ kind: 'select', index: 8 });
    expect(key(t, 4, 'PageUp', 3)).toEqual({ kind: 'select', index: 1 });
    expect(key(t, 2, 'PageUp', 3)).toEqual({ kind: 'select', index: 0 });
  });

  it('Right expands a collapsed parent, then moves to its first child; does nothing on a leaf', () => {
    expect(key(tree([3]), 3, 'ArrowRight')).toEqual({ kind: 'expand', index: 3 });
    expect(key(tree(), 3, 'ArrowRight')).toEqual({ kind: 'select', index: 4 });
    expect(key(tree(), 2, 'ArrowRight')).toEqual({ kind: 'none' });
  });

  it('Left collapses an expanded parent, else moves to the parent; nothing on a collapsed root', () => {
    expect(key(tree(), 3, 'ArrowLeft')).toEqual({ kind: 'collapse', index: 3 });
    expect(key(tree([3]), 3, 'ArrowLeft')).toEqual({ kind: 'select', index: 1 });
    expect(key(tree(), 4, 'ArrowLeft')).toEqual({ kind: 'select', index: 3 });
    expect(key(tree([0]), 0, 'ArrowLeft')).toEqual({ kind: 'none' });
  });

  it('Enter asks to focus the detail panel; other keys do nothing', () => {
    expect(key(tree(), 2, 'Enter')).toEqual({ kind: 'focusDetail' });
    expect(key(tree(), 2, 'a')).toEqual({ kind: 'none' });
  });

  it('with nothing selected, movement keys land on the first row (End and Up: on the last/first)', () => {
    expect(key(tree(), -1, 'ArrowDown')).toEqual({ kind: 'select', index: 0 });
    expect(key(tree(), -1, 'End')).toEqual({ kind: 'select', index: 8 });
    expect(key(tree(), -1, 'Enter')).toEqual({ kind: 'none' });
  });

  it('a selection hidden under a collapsed ancestor first surfaces that ancestor', () => {
    expect(key(tree([1]), 4, 'ArrowDown')).toEqual({ kind: 'select', index: 1 });
  });
});
