/**
 * The bridge between d3-zoom's transform and the waterfall's time window, plus the moves the
 * keyboard and selection ask for. Pure; the clamping rules are those of
 * `src/core/analyze/timeline/scales.ts` (window inside `[0, extentMs]`, at least `minSpanMs` wide).
 *
 * Geometry: the base scale maps the whole extent onto the track `[left, left + width]` (element
 * pixels). d3-zoom's transform `{k, x}` maps a base pixel p to `k·p + x`; the window is the part
 * of the extent that lands on the track after that.
 */
import { clampWindow, zoomAround, type TimeWindow } from './scales';

export interface Track {
  readonly left: number;
  readonly width: number;
}

export interface XTransform {
  readonly k: number;
  readonly x: number;
}

/** Narrowest window: a millionth of the trace, but not under 1 µs. */
export function minSpanMs(extentMs: number): number {
  return Math.max(extentMs / 1e6, 1e-3);
}

export function windowFromTransform(t: XTransform, track: Track, extentMs: number): TimeWindow {
  const msPerPx = track.width > 0 ? extentMs / track.width : 0;
  const toMs = (px: number) => ((px - t.x) / t.k - track.left) * msPerPx;
  return { startMs: toMs(track.left), endMs: toMs(track.left + track.width) };
}

export function transformForWindow(w: TimeWindow, track: Track, extentMs: number): XTransform {
  const span = w.endMs - w.startMs;
  if (!(span > 0) || !(extentMs > 0) || !(track.width > 0)) return { k: 1, x: 0 };
  const k = extentMs / span;
  return { k, x: track.left - k * (track.left + (w.startMs * track.width) / extentMs) };
}

/** The transform d3-zoom should hold instead of `t`: its window clamped by the rules above. */
export function constrainTransform(t: XTransform, track: Track, extentMs: number): XTransform {
  const w = clampWindow(windowFromTransform(t, track, extentMs), extentMs, minSpanMs(extentMs));
  return transformForWindow(w, track, extentMs);
}

/** Zoom factor of one `+`/`-` key press. */
export const KEY_ZOOM_FACTOR = 1.5;
/** Share of the window one Shift+Left/Right press pans. */
export const KEY_PAN_FRACTION = 0.2;

/** Zoom by `factor` (> 1 in) around `anchorMs` (the selection's start, or the window's centre). */
export function zoomWindow(w: TimeWindow, factor: number, anchorMs: number | undefined, extentMs: number): TimeWindow {
  const anchor = anchorMs !== undefined && anchorMs >= w.startMs && anchorMs <= w.endMs ? anchorMs : (w.startMs + w.endMs) / 2;
  return zoomAround(w, factor, anchor, extentMs, minSpanMs(extentMs));
}

/**
 * The window that shows the bar `[startMs, endMs]`: `w` itself when the bar overlaps it,
 * otherwise the same width moved so the bar starts a tenth of the width in (clamped).
 */
export function panToShow(w: TimeWindow, startMs: number, endMs: number, extentMs: number): TimeWindow {
  if (endMs >= w.startMs && startMs <= w.endMs) return w;
  const span = w.endMs - w.startMs;
  const start = startMs - span * 0.1;
  return clampWindow({ startMs: start, endMs: start + span }, extentMs, minSpanMs(extentMs));
}
