/**
 * Scroll arithmetic for fixed-height virtual lists: which rows to keep in the DOM, and where to
 * scroll to bring a row into view. Pure.
 */

export interface RowRange {
  /** First row position in the DOM (inclusive). */
  readonly first: number;
  /** One past the last row position in the DOM. */
  readonly end: number;
}

/**
 * Rows overlapping the viewport, plus `overscan` rows each side, never more than `maxRows`
 * (so the DOM stays small whatever the viewport or trace size).
 */
export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10, maxRows = 200): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const firstInView = Math.min(total - 1, Math.floor(top / rowHeight));
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.max(0, firstInView - overscan);
  const end = Math.min(total, firstInView + inView + overscan, first + maxRows);
  return { first, end };
}

/** Rows that fit fully in the viewport (the PageUp/PageDown step), at least 1. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

/** The scrollTop that makes row `position` fully visible, moving as little as possible. */
export function scrollToReveal(position: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const rowTop = position * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}
