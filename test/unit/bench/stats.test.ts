import { describe, expect, it } from 'vitest';
import { countStartingIn, delaysToNextPaint, intervals, percentile } from '../../../bench/timeline/stats';

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ceil(p/100 * n) of the sorted list', () => {
    // 20 values 1..20, shuffled: p95 → rank ceil(19) = 19 → 19; p50 → rank 10 → 10; p100 → 20.
    const xs = [7, 3, 20, 1, 15, 9, 12, 4, 18, 2, 11, 6, 19, 5, 14, 8, 17, 10, 16, 13];
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 100)).toBe(20);
  });

  it('returns one long frame among few as the p95 when it is more than 5 % of them', () => {
    // 10 frames, one of 40 ms: rank ceil(9.5) = 10 → the 40 ms frame.
    expect(percentile([16.7, 16.6, 16.7, 16.8, 40, 16.7, 16.6, 16.7, 16.7, 16.7], 95)).toBe(40);
    // 40 frames, one of 40 ms: rank 38 of 40 → 16.7 (the long one is rank 40).
    expect(percentile([...Array(39).fill(16.7), 40], 95)).toBe(16.7);
  });

  it('does not reorder its input, is NaN when empty, rejects p outside (0, 100]', () => {
    const xs = [3, 1, 2];
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
    expect(percentile([], 95)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('intervals', () => {
  it('gives the gaps between consecutive rAF timestamps', () => {
    expect(intervals([100, 116.5, 133, 166.5])).toEqual([16.5, 16.5, 33.5]);
    expect(intervals([5])).toEqual([]);
  });
});

describe('countStartingIn', () => {
  it('counts entries whose start is in [from, to)', () => {
    const entries = [{ startTime: 10 }, { startTime: 50 }, { startTime: 99.9 }, { startTime: 100 }];
    expect(countStartingIn(entries, 50, 100)).toBe(2);
    expect(countStartingIn(entries, 0, 10)).toBe(0);
  });
});

describe('delaysToNextPaint', () => {
  it('pairs each input with the first paint at or after it', () => {
    // inputs 0, 5, 30; paints 8, 12, 31 → 8-0, 8-5, 31-30; an input after the last paint is dropped.
    expect(delaysToNextPaint([30, 0, 5, 40], [8, 12, 31])).toEqual([8, 3, 1]);
  });
});
