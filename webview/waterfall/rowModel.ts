/**
 * Which spans the waterfall shows, in display order: the shared tree's visible rows (collapse is
 * shared with the Spans tab), optionally narrowed to the search matches and their ancestors
 * ("Only matches": ancestors stay so the tree shape is still readable). Pure, O(n) per change.
 */
import type { TraceStructure } from '../../src/core/protocol';

/** 1 for every span index in `matches`. */
export function matchMask(spanCount: number, matches: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(spanCount);
  for (let k = 0; k < matches.length; k++) {
    const i = matches[k];
    if (i >= 0 && i < spanCount) mask[i] = 1;
  }
  return mask;
}

/**
 * 1 for a matching span and every ancestor of one. Pre-order puts children after their parent,
 * so one backwards pass carries each mark up to the parent.
 */
export function keepMask(s: TraceStructure, matches: Uint8Array): Uint8Array {
  const n = s.parentIndex.length;
  const keep = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    if (matches[i]) keep[i] = 1;
    const p = s.parentIndex[i];
    if (keep[i] && p >= 0) keep[p] = 1;
  }
  return keep;
}

/** `visible` (ascending span indices) without the rows `keep` leaves out; all of it when `keep` is undefined. */
export function displayRows(visible: Int32Array, keep: Uint8Array | undefined): Int32Array {
  if (!keep) return visible;
  const out = new Int32Array(visible.length);
  let count = 0;
  for (let k = 0; k < visible.length; k++) if (keep[visible[k]]) out[count++] = visible[k];
  return out.subarray(0, count);
}
