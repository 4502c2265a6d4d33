import { describe, expect, it } from 'vitest';
import { barPx, hitTest, indentOf, nameColumnWidth, rowAt, rowsInView, ROW_HEIGHT, trackOf, type HitInput } from '../../../webview/waterfall/geometry';

describe('waterfall geometry', () => {
  it('name column is 30% of the width, between 120 and 320 px', () => {
    expect(nameColumnWidth(1000)).toBe(300);
    expect(nameColumnWidth(200)).toBe(120);
    expect(nameColumnWidth(2000)).toBe(320);
  });

  it('the track starts 8 px after the name column and ends 8 px before the edge', () => {
    expect(trackOf(1000)).toEqual({ left: 308, width: 684 });
  });

  it('rowsInView covers partly visible rows at both ends', () => {
    expect(ROW_HEIGHT).toBe(22);
    // scrollTop 30: row 1 (22..44) is partly visible; bottom 30 + 100 = 130 → row 5 (110..132).
    expect(rowsInView(30, 100, 1000)).toEqual({ first: 1, end: 6 });
    expect(rowsInView(0, 100, 3)).toEqual({ first: 0, end: 3 });
    expect(rowsInView(0, 0, 3)).toEqual({ first: 0, end: 0 });
  });

  it('rowAt maps canvas y plus scroll to a row position, -1 past the last row', () => {
    expect(rowAt(0, 0, 10)).toBe(0);
    expect(rowAt(21.9, 0, 10)).toBe(0);
    expect(rowAt(22, 0, 10)).toBe(1);
    expect(rowAt(5, 44, 10)).toBe(2);
    expect(rowAt(10, 220, 10)).toBe(-1);
  });

  it('barPx maps the window onto the track, clamps, and keeps at least 1 px', () => {
    const track = { left: 100, width: 400 };
    const w = { startMs: 0, endMs: 100 };
    expect(barPx(25, 50, w, track)).toEqual({ x0: 200, x1: 400 });
    expect(barPx(-50, 100, w, track)).toEqual({ x0: 100, x1: 300 });
    expect(barPx(90, 1000, w, track)).toEqual({ x0: 460, x1: 500 });
    expect(barPx(50, 0, w, track)).toEqual({ x0: 300, x1: 301 });
    // Entirely after the window: a 1 px sliver at the right edge.
    expect(barPx(200, 10, w, track)).toEqual({ x0: 499, x1: 500 });
  });

  it('hitTest: twisty, name, bar (±3 px) and empty track', () => {
    // Rows: spans 4, 7, 9; depths 0, 1, 2. Width 1000 → track [308, 992]. Window 0..100 ms.
    const depth = new Uint16Array(10);
    depth[7] = 1;
    depth[9] = 2;
    const startMs = new Float64Array(10);
    const durationMs = new Float64Array(10);
    startMs[7] = 50; // x = 308 + 0.5 * 684 = 650
    durationMs[7] = 10; // → x1 = 308 + 0.6 * 684 = 718.4
    const inp: HitInput = { rows: Int32Array.from([4, 7, 9]), depth, startMs, durationMs, scrollTop: 0, widthPx: 1000, window: { startMs: 0, endMs: 100 } };
    // Row 1 (y 22..44) is span 7 at depth 1: twisty at indentOf(1) = 16 .. 30.
    expect(indentOf(1)).toBe(16);
    expect(hitTest(20, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'twisty' });
    expect(hitTest(60, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'name' });
    expect(hitTest(660, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'bar' });
    expect(hitTest(648, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'bar' });
    expect(hitTest(640, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'track' });
    expect(hitTest(900, 30, inp)).toEqual({ pos: 1, index: 7, zone: 'track' });
    // Scrolled by one row, y 30 is row 2 = span 9.
    expect(hitTest(60, 30, { ...inp, scrollTop: 22 })?.index).toBe(9);
    expect(hitTest(60, 70, inp)).toBeUndefined();
  });
});
