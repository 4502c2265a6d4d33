/**
 * Pixel layout of the waterfall canvas and its hit testing, pure so the maths is unit-tested.
 * Rows are `ROW_HEIGHT` px tall; the canvas shows rows from `scrollTop` down. The left part is
 * the name column (indent, twisty, category chip, name), the rest the time track.
 */
import type { TimeWindow } from './scales';
import type { Track } from './zoomMath';

export const ROW_HEIGHT = 22;
export const BAR_HEIGHT = 12;
export const INDENT_PX = 12;
/** Deeper spans stop indenting (as in the Spans tab). */
export const MAX_INDENT_LEVELS = 24;
export const TWISTY_PX = 14;
export const TRACK_PAD_PX = 8;

/** Name column: 30% of the width, 120–320 px. */
export function nameColumnWidth(widthPx: number): number {
  return Math.round(Math.min(320, Math.max(120, widthPx * 0.3)));
}

/** The time track of a canvas `widthPx` wide (padded so edge bars and labels stay visible). */
export function trackOf(widthPx: number): Track {
  const left = nameColumnWidth(widthPx) + TRACK_PAD_PX;
  return { left, width: Math.max(1, widthPx - left - TRACK_PAD_PX) };
}

/** Row positions [first, end) overlapping a viewport of `heightPx` scrolled by `scrollTop`. */
export function rowsInView(scrollTop: number, heightPx: number, rowCount: number): { first: number; end: number } {
  if (rowCount <= 0 || heightPx <= 0) return { first: 0, end: 0 };
  const first = Math.min(rowCount, Math.max(0, Math.floor(scrollTop / ROW_HEIGHT)));
  const end = Math.min(rowCount, Math.ceil((Math.max(0, scrollTop) + heightPx) / ROW_HEIGHT));
  return { first, end };
}

/** Row position under canvas y, or -1 below the last row. */
export function rowAt(y: number, scrollTop: number, rowCount: number): number {
  const pos = Math.floor((y + scrollTop) / ROW_HEIGHT);
  return pos >= 0 && pos < rowCount ? pos : -1;
}

/** Left edge of the twisty of a row at `depth`. */
export function indentOf(depth: number): number {
  return 4 + Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX;
}

/** Bar pixels on the track, clamped to it; at least 1 px wide so short spans stay visible. */
export function barPx(startMs: number, durationMs: number, w: TimeWindow, track: Track): { x0: number; x1: number } {
  const span = w.endMs - w.startMs;
  const k = span > 0 ? track.width / span : 0;
  const right = track.left + track.width;
  let x0 = track.left + (startMs - w.startMs) * k;
  let x1 = track.left + (startMs + durationMs - w.startMs) * k;
  x0 = Math.max(track.left, Math.min(right, x0));
  x1 = Math.max(track.left, Math.min(right, x1));
  if (x1 - x0 < 1) x1 = Math.min(right, x0 + 1);
  if (x1 - x0 < 1) x0 = x1 - 1;
  return { x0, x1 };
}

export type HitZone = 'twisty' | 'name' | 'bar' | 'track';

export interface Hit {
  readonly pos: number;
  readonly index: number;
  readonly zone: HitZone;
}

export interface HitInput {
  readonly rows: Int32Array;
  readonly depth: ArrayLike<number>;
  readonly startMs: ArrayLike<number>;
  readonly durationMs: ArrayLike<number>;
  readonly scrollTop: number;
  readonly widthPx: number;
  readonly window: TimeWindow;
}

/** What is under canvas point (x, y): the row, and whether it is the twisty, the name, the bar (±3 px) or empty track. */
export function hitTest(x: number, y: number, inp: HitInput): Hit | undefined {
  const pos = rowAt(y, inp.scrollTop, inp.rows.length);
  if (pos < 0) return undefined;
  const index = inp.rows[pos];
  const track = trackOf(inp.widthPx);
  if (x < track.left - TRACK_PAD_PX) {
    const tx = indentOf(inp.depth[index]);
    return { pos, index, zone: x >= tx && x < tx + TWISTY_PX ? 'twisty' : 'name' };
  }
  const { x0, x1 } = barPx(inp.startMs[index], inp.durationMs[index], inp.window, track);
  return { pos, index, zone: x >= x0 - 3 && x <= x1 + 3 ? 'bar' : 'track' };
}
