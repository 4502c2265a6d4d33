/**
 * The span tree's view-model: which spans are visible given the collapsed set, and the ARIA
 * facts of each row. Built only from `TraceStructure` (pre-order columns), so collapsing and
 * expanding never ask the host.
 *
 * Invariants relied on (checked by `validateStructure`): spans are in depth-first pre-order;
 * `subtreeEnd[i]` is the exclusive end of i's subtree; `parentIndex[i] < i` (-1 for roots).
 * Hence the visible rows are ascending span indices, and a position lookup is a binary search.
 */
import type { TraceStructure } from '../../src/core/protocol';

export function hasChildren(s: TraceStructure, i: number): boolean {
  return s.subtreeEnd[i] > i + 1;
}

/** Span indices shown, in display order: every span whose ancestors are all expanded. */
export function computeVisibleRows(s: TraceStructure, collapsed: ReadonlySet<number>): Int32Array {
  const n = s.parentIndex.length;
  const out = new Int32Array(n);
  let count = 0;
  let i = 0;
  while (i < n) {
    out[count++] = i;
    i = collapsed.has(i) ? s.subtreeEnd[i] : i + 1;
  }
  return out.subarray(0, count);
}

/** Position of span `index` among `visible`, or -1 when it is hidden. */
export function positionOf(visible: Int32Array, index: number): number {
  let lo = 0;
  let hi = visible.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = visible[mid];
    if (v === index) return mid;
    if (v < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** `aria-posinset` (1-based) and `aria-setsize` of every span among its siblings, in one pass. */
export function siblingPositions(s: TraceStructure): { posInSet: Int32Array; setSize: Int32Array } {
  const n = s.parentIndex.length;
  const counts = new Int32Array(n + 1); // slot p + 1 counts the children of p (slot 0: roots)
  const posInSet = new Int32Array(n);
  for (let i = 0; i < n; i++) posInSet[i] = ++counts[s.parentIndex[i] + 1];
  const setSize = new Int32Array(n);
  for (let i = 0; i < n; i++) setSize[i] = counts[s.parentIndex[i] + 1];
  return { posInSet, setSize };
}

/** Ancestors of span `index`, nearest first. */
export function ancestorsOf(s: TraceStructure, index: number): number[] {
  const out: number[] = [];
  for (let p = s.parentIndex[index]; p !== -1; p = s.parentIndex[p]) out.push(p);
  return out;
}

/**
 * Mutable tree state: the structure plus the collapsed set, with the visible rows recomputed
 * lazily after a change.
 */
export class TreeModel {
  private visibleCache: Int32Array | undefined;
  private readonly collapsedSet: Set<number>;
  readonly posInSet: Int32Array;
  readonly setSize: Int32Array;

  constructor(
    readonly structure: TraceStructure,
    collapsed: Iterable<number> = [],
  ) {
    const n = structure.parentIndex.length;
    this.collapsedSet = new Set([...collapsed].filter((i) => i >= 0 && i < n && hasChildren(structure, i)));
    ({ posInSet: this.posInSet, setSize: this.setSize } = siblingPositions(structure));
  }

  get size(): number {
    return this.structure.parentIndex.length;
  }

  get visible(): Int32Array {
    this.visibleCache ??= computeVisibleRows(this.structure, this.collapsedSet);
    return this.visibleCache;
  }

  get collapsed(): readonly number[] {
    return [...this.collapsedSet].sort((a, b) => a - b);
  }

  hasChildren(i: number): boolean {
    return hasChildren(this.structure, i);
  }

  isExpanded(i: number): boolean {
    return this.hasChildren(i) && !this.collapsedSet.has(i);
  }

  /** Returns true when something changed. */
  setExpanded(i: number, expanded: boolean): boolean {
    if (!this.hasChildren(i) || this.isExpanded(i) === expanded) return false;
    if (expanded) this.collapsedSet.delete(i);
    else this.collapsedSet.add(i);
    this.visibleCache = undefined;
    return true;
  }

  toggle(i: number): boolean {
    return this.setExpanded(i, !this.isExpanded(i));
  }

  /** Expands every ancestor of `i` so it becomes visible. Returns true when something changed. */
  reveal(i: number): boolean {
    let changed = false;
    for (const a of ancestorsOf(this.structure, i)) changed = this.setExpanded(a, true) || changed;
    return changed;
  }

  positionOf(i: number): number {
    return positionOf(this.visible, i);
  }
}
