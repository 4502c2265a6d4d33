import { describe, expect, it } from 'vitest';
import { clampWindow, minimapBrush, minimapCenterAt, panBy, panByPx, zoomAround } from '../../../webview/waterfall/scales';

const W = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('waterfall time scale', () => {
  it('zooms around the anchor, keeping its fraction of the window', () => {
    // span 100 → 50; anchor 20 is at 20% of the window, so the new start is 20 - 0.2×50 = 10
    expect(zoomAround(W(0, 100), 2, 20, 100, 1)).toEqual(W(10, 60));
    expect(zoomAround(W(0, 100), 4, 0, 100, 1)).toEqual(W(0, 25));
  });

  it('stops at the minimum visible span', () => {
    // 10 / 100 = 0.1 < 2 → span 2 centred on the anchor at 50% → [4, 6]
    expect(zoomAround(W(0, 10), 100, 5, 100, 2)).toEqual(W(4, 6));
  });

  it('zooming out is clamped to the trace extent', () => {
    expect(zoomAround(W(10, 60), 0.1, 30, 100, 1)).toEqual(W(0, 100));
    // [80,100] zoomed out ×2 around 90 → [70,110], shifted back inside → [60,100]
    expect(zoomAround(W(80, 100), 0.5, 90, 100, 1)).toEqual(W(60, 100));
  });

  it('pans within the extent', () => {
    expect(panBy(W(10, 60), 30, 100, 1)).toEqual(W(40, 90));
    expect(panBy(W(10, 60), 100, 100, 1)).toEqual(W(50, 100));
    expect(panBy(W(10, 60), -50, 100, 1)).toEqual(W(0, 50));
    // dragging right 100 px on a 500 px view of 50 ms moves 10 ms earlier
    expect(panByPx(W(10, 60), 100, 500, 100, 1)).toEqual(W(0, 50));
  });

  it('clamps a window outside the extent and widens a too-narrow one', () => {
    expect(clampWindow(W(-5, -4), 100, 10)).toEqual(W(0, 10));
    expect(clampWindow(W(20, 20), 5, 10)).toEqual(W(0, 5));
  });

  it('maps the window onto a minimap and back', () => {
    // extent 100 ms on 200 px: 2 px per ms
    expect(minimapBrush(W(10, 60), 100, 200)).toEqual({ x: 20, width: 100 });
    // click at 150 px = 75 ms: same 50 ms width centred there → [50,100]
    expect(minimapCenterAt(W(10, 60), 150, 100, 200, 1)).toEqual(W(50, 100));
    // click at 20 px = 10 ms → [-15,35] shifted inside → [0,50]
    expect(minimapCenterAt(W(10, 60), 20, 100, 200, 1)).toEqual(W(0, 50));
  });
});
