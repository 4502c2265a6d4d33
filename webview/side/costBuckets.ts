/** The cost chart's bars: steps summed into buckets of consecutive steps. Pure (no DOM). */
import { WASTE_CODES, type CostView } from '../../src/core/protocol';

/** More steps than this are summed into buckets of consecutive steps. */
export const MAX_BARS = 160;

/** One bar: steps [first, end), their summed tokens, and whether any is waste. */
export interface Bucket {
  readonly first: number;
  readonly end: number;
  readonly input: number;
  readonly output: number;
  readonly waste: boolean;
}

/** Groups `n` steps into at most `maxBars` runs of consecutive steps of equal size (the last may be short). Pure. */
export function bucketSteps(steps: Pick<CostView['steps'], 'input' | 'output' | 'waste'>, maxBars = MAX_BARS): Bucket[] {
  const n = steps.input.length;
  const size = Math.max(1, Math.ceil(n / Math.max(1, maxBars)));
  const out: Bucket[] = [];
  for (let first = 0; first < n; first += size) {
    const end = Math.min(n, first + size);
    let input = 0,
      output = 0,
      waste = false;
    for (let k = first; k < end; k++) {
      input += steps.input[k];
      output += steps.output[k];
      waste ||= steps.waste[k] !== WASTE_CODES.indexOf('none');
    }
    out.push({ first, end, input, output, waste });
  }
  return out;
}

/** The bucket holding step `k`, or -1. Pure. */
export function bucketOf(buckets: readonly Bucket[], k: number): number {
  if (buckets.length === 0 || k < 0 || k >= buckets[buckets.length - 1].end) return -1;
  const size = buckets[0].end - buckets[0].first;
  return Math.floor(k / size);
}
