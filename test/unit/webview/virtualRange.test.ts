import { describe, expect, it } from 'vitest';
import { pageSize, scrollToReveal, visibleRange } from '../../../webview/tree/virtualRange';

describe('visibleRange', () => {
  it('covers the viewport plus overscan on each side', () => {
    // rows of 22 px; scrolled to row 100 exactly; 440 px tall = 20 rows (+1 for a partial row).
    expect(visibleRange(2200, 440, 22, 1000, 10)).toEqual({ first: 90, end: 131 });
  });

  it('clamps at the top and bottom of the list', () => {
    expect(visibleRange(0, 440, 22, 1000, 10)).toEqual({ first: 0, end: 31 });
    expect(visibleRange(22 * 995, 440, 22, 1000, 10)).toEqual({ first: 985, end: 1000 });
    expect(visibleRange(0, 440, 22, 5, 10)).toEqual({ first: 0, end: 5 });
    expect(visibleRange(0, 440, 22, 0)).toEqual({ first: 0, end: 0 });
  });

  it('never keeps more than maxRows rows, however tall the viewport', () => {
    const r = visibleRange(0, 100_000, 22, 1_000_000, 10, 200);
    expect(r.end - r.first).toBe(200);
  });

  it('a scrollTop past the end (list shrank after a collapse) still yields the last rows', () => {
    expect(visibleRange(1e6, 440, 22, 50, 10)).toEqual({ first: 39, end: 50 });
  });
});

describe('scrollToReveal', () => {
  it('scrolls up or down just enough, and not at all when the row is visible', () => {
    expect(scrollToReveal(10, 500, 440, 22)).toBe(220); // above: align top
    expect(scrollToReveal(50, 0, 440, 22)).toBe(51 * 22 - 440); // below: align bottom
    expect(scrollToReveal(5, 0, 440, 22)).toBe(0);
  });
});

describe('pageSize', () => {
  it('is the number of whole rows in view minus one, at least one', () => {
    expect(pageSize(440, 22)).toBe(19);
    expect(pageSize(10, 22)).toBe(1);
  });
});
