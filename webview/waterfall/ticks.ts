/** Time-axis tick labels in µs, ms or s, chosen by the tick step so neighbours stay distinct. Pure. */

function trim(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** Decimals needed to write the step (in `unit`s) exactly, so neighbouring ticks stay distinct (at most 6). */
function digitsFor(step: number, unit: number): number {
  const s = step / unit;
  for (let d = 0; d < 6; d++) {
    const scaled = s * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 6;
}

/** `ms` (from the trace start) formatted for an axis whose ticks are `stepMs` apart. */
export function formatTick(ms: number, stepMs: number): string {
  if (ms === 0) return '0';
  if (stepMs >= 1000) return `${trim(ms / 1000, digitsFor(stepMs, 1000))} s`;
  if (stepMs >= 1) return `${trim(ms, digitsFor(stepMs, 1))} ms`;
  return `${trim(ms * 1000, digitsFor(stepMs, 1e-3))} µs`;
}
