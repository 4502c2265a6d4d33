/**
 * Keyboard behaviour of the span tree (WAI-ARIA tree pattern), as a pure function from the
 * current selection and a key to the action to take. The DOM layer applies the action.
 *
 *   Up/Down     previous/next visible row        Home/End   first/last visible row
 *   PageUp/Down one page up/down (clamped)       Enter      move focus to the detail panel
 *   Right       expand; if expanded, first child Left       collapse; if collapsed or a leaf, parent
 */
import type { TreeModel } from './treeModel';

export type TreeAction =
  | { readonly kind: 'select'; readonly index: number }
  | { readonly kind: 'expand'; readonly index: number }
  | { readonly kind: 'collapse'; readonly index: number }
  | { readonly kind: 'focusDetail' }
  | { readonly kind: 'none' };

const NONE: TreeAction = { kind: 'none' };

/** Keys this module handles; others should be left to the browser. */
export const TREE_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter']);

type TreeView = Pick<TreeModel, 'visible' | 'structure' | 'isExpanded' | 'hasChildren' | 'positionOf'>;

/** Visible position to move from: the selection, or its nearest visible ancestor when it is hidden. */
function anchorPosition(tree: TreeView, selected: number): number {
  for (let i = selected; i !== -1; i = tree.structure.parentIndex[i]) {
    const pos = tree.positionOf(i);
    if (pos !== -1) return pos;
  }
  return -1;
}

export function treeKeyAction(tree: TreeView, selected: number, key: string, pageSize: number): TreeAction {
  const visible = tree.visible;
  const count = visible.length;
  if (count === 0) return NONE;
  const valid = selected >= 0 && selected < tree.structure.parentIndex.length;
  const pos = valid ? anchorPosition(tree, selected) : -1;
  const selectAt = (p: number): TreeAction => ({ kind: 'select', index: visible[Math.max(0, Math.min(count - 1, p))] });
  const page = Math.max(1, pageSize);

  if (pos === -1) {
    // Nothing selected yet: any movement key lands on the first (or last) row.
    if (key === 'End' || key === 'ArrowUp' || key === 'PageUp') return selectAt(key === 'End' ? count - 1 : 0);
    return TREE_KEYS.has(key) && key !== 'Enter' ? selectAt(0) : NONE;
  }
  const current = visible[pos];
  if (current !== selected) return selectAt(pos); // the selection was hidden: surface its ancestor first

  switch (key) {
    case 'ArrowDown':
      return selectAt(pos + 1);
    case 'ArrowUp':
      return selectAt(pos - 1);
    case 'Home':
      return selectAt(0);
    case 'End':
      return selectAt(count - 1);
    case 'PageDown':
      return selectAt(pos + page);
    case 'PageUp':
      return selectAt(pos - page);
    case 'ArrowRight':
      if (!tree.hasChildren(current)) return NONE;
      return tree.isExpanded(current) ? { kind: 'select', index: current + 1 } : { kind: 'expand', index: current };
    case 'ArrowLeft': {
      if (tree.isExpanded(current)) return { kind: 'collapse', index: current };
      const parent = tree.structure.parentIndex[current];
      return parent === -1 ? NONE : { kind: 'select', index: parent };
    }
    case 'Enter':
      return { kind: 'focusDetail' };
    default:
      return NONE;
  }
}
