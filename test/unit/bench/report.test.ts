import { afterEach, describe, expect, it, vi } from 'vitest';
import { emitMedian, median } from '../../../bench/report';

describe('bench figures: median of N with min–max', () => {
  afterEach(() => vi.restoreAllMocks());

  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('emitMedian prints one JSON line with the median as value and min, max, n beside it', () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    emitMedian('open.first_rows_ms.2k', [410.12345, 380, 900, 395, 402], 'ms');
    expect(out).toHaveLength(1);
    // Sorted 380, 395, 402, 410.12345, 900: median 402; values rounded to 3 decimals.
    expect(JSON.parse(out[0])).toEqual({ name: 'open.first_rows_ms.2k', value: 402, unit: 'ms', min: 380, max: 900, n: 5 });
    expect(() => emitMedian('x', [], 'ms')).toThrow(RangeError);
  });
});
