import type { Trace } from '../../model/trace';
import { spanMs, type UnixNanos } from '../../model/time';

/**
 * Self time of every span: its duration minus the union of its children's intervals, each
 * clipped to the span (overlapping children count once; time children spend outside their
 * parent is not subtracted). Parallel to `trace.spans`, in ms. O(n log n), no recursion.
 */
export function selfTimes(trace: Trace): Float64Array {
  const spans = trace.spans;
  const n = spans.length;
  const kids: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = spans[i].parentIndex;
    if (p >= 0) (kids[p] ??= []).push(i);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i];
    const list = kids[i];
    if (!list) {
      out[i] = spanMs(s.startNs, s.endNs);
      continue;
    }
    // Clip, sort by start, merge; sum the covered length.
    const iv: [UnixNanos, UnixNanos][] = [];
    for (const c of list) {
      const a = spans[c].startNs > s.startNs ? spans[c].startNs : s.startNs;
      const b = spans[c].endNs < s.endNs ? spans[c].endNs : s.endNs;
      if (b > a) iv.push([a, b]);
    }
    iv.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    let covered = 0n;
    let runStart: UnixNanos | undefined;
    let runEnd: UnixNanos = 0n;
    for (const [a, b] of iv) {
      if (runStart === undefined || a > runEnd) {
        if (runStart !== undefined) covered += runEnd - runStart;
        runStart = a;
        runEnd = b;
      } else if (b > runEnd) runEnd = b;
    }
    if (runStart !== undefined) covered += runEnd - runStart;
    out[i] = spanMs(0n, s.endNs - s.startNs - covered);
  }
  return out;
}
