/**
 * Zoom, pan and minimap window math for the waterfall, as pure functions (the pixel mapping
 * itself is a d3-scale `scaleLinear`, made in waterfallView.ts; these keep the visible window valid). Times are ms from
 * the trace start (`OffsetMs`), positions are CSS pixels.
 *
 * A `TimeWindow` is the visible domain `[startMs, endMs]`. Every function that returns a window
 * keeps it inside the extent `[0, extentMs]` and at least `minSpanMs` wide (or the whole extent
 * when that is smaller).
 */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Fits `w` into `[0, extentMs]`: widened to `minSpanMs`, narrowed to the extent, then shifted inside. */
export function clampWindow(w: TimeWindow, extentMs: number, minSpanMs: number): TimeWindow {
  const extent = Math.max(0, extentMs);
  const span = Math.max(w.endMs - w.startMs, minSpanMs);
  if (span >= extent) return { startMs: 0, endMs: extent };
  const center = (w.startMs + w.endMs) / 2;
  let start = center - span / 2;
  if (start < 0) start = 0;
  if (start + span > extent) start = extent - span;
  return { startMs: start, endMs: start + span };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping `anchorMs` at the same screen position (the point
 * under the mouse stays put), then clamps. When the clamp limits the zoom, the anchor keeps its
 * fraction of the window as far as the extent allows.
 */
export function zoomAround(w: TimeWindow, factor: number, anchorMs: number, extentMs: number, minSpanMs: number): TimeWindow {
  const span = w.endMs - w.startMs;
  if (!(factor > 0) || span <= 0) return clampWindow(w, extentMs, minSpanMs);
  const target = Math.min(Math.max(span / factor, minSpanMs), Math.max(extentMs, 0));
  const frac = (anchorMs - w.startMs) / span;
  const start = anchorMs - frac * target;
  return shiftInside({ startMs: start, endMs: start + target }, extentMs);
}

/** Moves the window by `deltaMs` (positive = later), stopping at the extent's edges. */
export function panBy(w: TimeWindow, deltaMs: number, extentMs: number, minSpanMs: number): TimeWindow {
  const c = clampWindow(w, extentMs, minSpanMs);
  return shiftInside({ startMs: c.startMs + deltaMs, endMs: c.endMs + deltaMs }, extentMs);
}

/** Pans by a pixel drag: dragging right by `dxPx` shows earlier time. */
export function panByPx(w: TimeWindow, dxPx: number, widthPx: number, extentMs: number, minSpanMs: number): TimeWindow {
  if (widthPx <= 0) return clampWindow(w, extentMs, minSpanMs);
  return panBy(w, (-dxPx * (w.endMs - w.startMs)) / widthPx, extentMs, minSpanMs);
}

/** Shifts (never resizes, unless wider than the extent) so the window lies in `[0, extentMs]`. */
function shiftInside(w: TimeWindow, extentMs: number): TimeWindow {
  const span = w.endMs - w.startMs;
  if (span >= extentMs) return { startMs: 0, endMs: Math.max(extentMs, 0) };
  let start = w.startMs;
  if (start < 0) start = 0;
  if (start + span > extentMs) start = extentMs - span;
  return { startMs: start, endMs: start + span };
}

/** The visible window drawn on a minimap that shows the whole extent in `minimapWidthPx`. */
export function minimapBrush(w: TimeWindow, extentMs: number, minimapWidthPx: number): { readonly x: number; readonly width: number } {
  if (extentMs <= 0) return { x: 0, width: minimapWidthPx };
  const k = minimapWidthPx / extentMs;
  return { x: w.startMs * k, width: (w.endMs - w.startMs) * k };
}

/** The window after a click or drag on the minimap at `px`: same width, centred there, clamped. */
export function minimapCenterAt(w: TimeWindow, px: number, extentMs: number, minimapWidthPx: number, minSpanMs: number): TimeWindow {
  const c = clampWindow(w, extentMs, minSpanMs);
  const span = c.endMs - c.startMs;
  const center = minimapWidthPx > 0 ? (px / minimapWidthPx) * extentMs : 0;
  return shiftInside({ startMs: center - span / 2, endMs: center + span / 2 }, extentMs);
}
