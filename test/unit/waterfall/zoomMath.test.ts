import { describe, expect, it } from 'vitest';
import { constrainTransform, minSpanMs, panToShow, transformForWindow, windowFromTransform, zoomWindow } from '../../../webview/waterfall/zoomMath';

const track = { left: 100, width: 400 };
const EXTENT = 1000;

describe('zoom transform ↔ time window', () => {
  it('identity shows the whole extent', () => {
    expect(windowFromTransform({ k: 1, x: 0 }, track, EXTENT)).toEqual({ startMs: 0, endMs: 1000 });
  });

  it('a window [250, 500] is k = 4 and x = 100 - 4 * (100 + 100) = -700', () => {
    expect(transformForWindow({ startMs: 250, endMs: 500 }, track, EXTENT)).toEqual({ k: 4, x: -700 });
    expect(windowFromTransform({ k: 4, x: -700 }, track, EXTENT)).toEqual({ startMs: 250, endMs: 500 });
  });

  it('round-trips', () => {
    for (const w of [
      { startMs: 0, endMs: 1 },
      { startMs: 123.5, endMs: 900 },
      { startMs: 999, endMs: 1000 },
    ]) {
      const back = windowFromTransform(transformForWindow(w, track, EXTENT), track, EXTENT);
      expect(back.startMs).toBeCloseTo(w.startMs, 9);
      expect(back.endMs).toBeCloseTo(w.endMs, 9);
    }
  });
});

describe('zoom clamping', () => {
  it('zooming out past the extent gives the whole trace', () => {
    // k = 0.5 would show 2000 ms.
    expect(windowFromTransform(constrainTransform({ k: 0.5, x: 0 }, track, EXTENT), track, EXTENT)).toEqual({ startMs: 0, endMs: 1000 });
  });

  it('panning before the start stops at 0 and keeps the width', () => {
    // k = 4, x = 0 → window starts at ((100 - 0) / 4 - 100) * 2.5 = -187.5, 250 wide.
    const w = windowFromTransform(constrainTransform({ k: 4, x: 0 }, track, EXTENT), track, EXTENT);
    expect(w.startMs).toBeCloseTo(0, 9);
    expect(w.endMs).toBeCloseTo(250, 9);
  });

  it('panning past the end stops at the extent', () => {
    const w = windowFromTransform(constrainTransform({ k: 4, x: -5000 }, track, EXTENT), track, EXTENT);
    expect(w.startMs).toBeCloseTo(750, 9);
    expect(w.endMs).toBeCloseTo(1000, 9);
  });

  it('zooming in stops at the narrowest window (1 µs for a 1 s trace)', () => {
    expect(minSpanMs(1000)).toBe(0.001);
    expect(minSpanMs(1e7)).toBe(10);
    const w = windowFromTransform(constrainTransform({ k: 1e9, x: -1e9 * 300 }, track, EXTENT), track, EXTENT);
    expect(w.endMs - w.startMs).toBeCloseTo(0.001, 9);
  });

  it('keyboard zoom keeps the anchor at its place and falls back to the centre', () => {
    // Window [0, 1000], anchor 200, factor 2 → 500 wide, anchor stays at 20% → [100, 600].
    expect(zoomWindow({ startMs: 0, endMs: 1000 }, 2, 200, EXTENT)).toEqual({ startMs: 100, endMs: 600 });
    // Anchor outside the window: zoom around the centre 500 → [250, 750].
    expect(zoomWindow({ startMs: 0, endMs: 1000 }, 2, undefined, EXTENT)).toEqual({ startMs: 250, endMs: 750 });
    expect(zoomWindow({ startMs: 0, endMs: 1000 }, 0.5, 200, EXTENT)).toEqual({ startMs: 0, endMs: 1000 });
  });

  it('panToShow leaves a window that already shows the bar, else moves it so the bar starts a tenth in', () => {
    const w = { startMs: 100, endMs: 200 };
    expect(panToShow(w, 150, 160, EXTENT)).toBe(w);
    expect(panToShow(w, 50, 120, EXTENT)).toBe(w);
    expect(panToShow(w, 500, 510, EXTENT)).toEqual({ startMs: 490, endMs: 590 });
    expect(panToShow(w, 20, 30, EXTENT)).toEqual({ startMs: 10, endMs: 110 });
    expect(panToShow(w, 995, 999, EXTENT)).toEqual({ startMs: 900, endMs: 1000 });
  });
});
