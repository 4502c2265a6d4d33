/**
 * Pure figures for the timeline bench (no DOM, no Node): frame intervals from
 * requestAnimationFrame timestamps, percentiles, and counting entries inside a time range.
 */

/**
 * The `p`-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest value with at
 * least p % of the values ≤ it, so it is always one of the measured values (no interpolation
 * between two frames that never happened). NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1];
}

/** Differences between consecutive timestamps (frame times from rAF timestamps); sorted input expected. */
export function intervals(timestamps: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < timestamps.length; i++) out.push(timestamps[i] - timestamps[i - 1]);
  return out;
}

/** How many entries start in [from, to) (PerformanceObserver long tasks of one phase). */
export function countStartingIn(entries: readonly { readonly startTime: number }[], from: number, to: number): number {
  let n = 0;
  for (const e of entries) if (e.startTime >= from && e.startTime < to) n++;
  return n;
}

/**
 * For each input time, the delay until the first paint at or after it (paint times sorted);
 * inputs with no later paint are left out. Measures input → canvas draw latency.
 */
export function delaysToNextPaint(inputs: readonly number[], paints: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const t of [...inputs].sort((a, b) => a - b)) {
    while (j < paints.length && paints[j] < t) j++;
    if (j < paints.length) out.push(paints[j] - t);
  }
  return out;
}
