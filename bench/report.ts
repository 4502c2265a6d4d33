const round = (x: number) => Math.round(x * 1000) / 1000;

/** Shared by every bench file: figures go to stdout as JSON lines that scripts/bench.mjs collects. */
export function emit(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value: round(value), unit }) + '\n');
}

/**
 * A figure measured `samples.length` times in one run (machines are noisy: targets are judged on
 * the median): the median as the value, with the min, max and count beside it.
 */
export function emitMedian(name: string, samples: readonly number[], unit: string): void {
  if (samples.length === 0) throw new RangeError(`${name}: no samples`);
  const r = { name, value: round(median(samples)), unit, min: round(Math.min(...samples)), max: round(Math.max(...samples)), n: samples.length };
  process.stdout.write(JSON.stringify(r) + '\n');
}

export function timeIt(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
