import { describe, expect, it } from 'vitest';
import { bucketOf, bucketSteps, MAX_BARS } from '../../../webview/side/costBuckets';

const steps = (input: number[], output: number[], waste: number[]) => ({
  input: Float64Array.from(input),
  output: Float64Array.from(output),
  waste: Uint8Array.from(waste),
});

describe('cost chart buckets', () => {
  it('keeps one bar per step while there are few steps', () => {
    const b = bucketSteps(steps([10, 20, 30], [1, 2, 3], [0, 2, 0]));
    expect(b).toEqual([
      { first: 0, end: 1, input: 10, output: 1, waste: false },
      { first: 1, end: 2, input: 20, output: 2, waste: true },
      { first: 2, end: 3, input: 30, output: 3, waste: false },
    ]);
  });

  it('sums consecutive steps into at most maxBars buckets', () => {
    // 7 steps into at most 3 bars → ceil(7/3) = 3 steps per bar: [0,3) [3,6) [6,7)
    const b = bucketSteps(steps([1, 2, 3, 4, 5, 6, 7], [10, 10, 10, 10, 10, 10, 10], [0, 0, 0, 0, 1, 0, 0]), 3);
    expect(b.map((x) => [x.first, x.end, x.input, x.output, x.waste])).toEqual([
      [0, 3, 6, 30, false],
      [3, 6, 15, 30, true],
      [6, 7, 7, 10, false],
    ]);
    expect(bucketOf(b, 4)).toBe(1);
    expect(bucketOf(b, 6)).toBe(2);
    expect(bucketOf(b, 7)).toBe(-1);
    expect(bucketOf(b, -1)).toBe(-1);
  });

  it('stays within MAX_BARS for 100k steps, and the buckets cover every step once', () => {
    const n = 100_000;
    const b = bucketSteps(steps(new Array(n).fill(1), new Array(n).fill(2), new Array(n).fill(0)));
    expect(b.length).toBeLessThanOrEqual(MAX_BARS);
    expect(b[0].first).toBe(0);
    expect(b[b.length - 1].end).toBe(n);
    expect(b.reduce((s, x) => s + x.input, 0)).toBe(n);
    for (let i = 1; i < b.length; i++) expect(b[i].first).toBe(b[i - 1].end);
  });
});
