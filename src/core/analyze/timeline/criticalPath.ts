import type { Trace } from '../../model/trace';
import { spanMs, type UnixNanos } from '../../model/time';

/**
 * The critical path of a trace, as in Jaeger's "critical path" view: starting at the root's end,
 * walk backwards in time. At each point take the child of the current span that finished last
 * before that point (children clipped to their parent's interval); descend into it; when a span
 * has no such child, the rest of it back to its start is critical and we return to its parent
 * with the point moved to that span's start. Overlapping children are handled by the "ends
 * before the point" rule: a child that overlaps the one just walked is skipped.
 *
 * Contract:
 * - `sections` are the critical time slices, latest first, as parallel typed arrays (span
 *   index, start and end in ms from `trace.startNs`); zero-length slices are omitted.
 * - `spanIndices` lists each span on the path once, in the order first reached (root first).
 * - `onPath[i]` is 1 when span i has a critical section; `criticalMs[i]` sums them.
 * - Iterative: no recursion, so 20k-deep chains are fine. O(n log n).
 */
export interface CriticalPath {
  readonly rootIndex: number;
  readonly spanIndices: readonly number[];
  readonly sectionSpan: Int32Array;
  readonly sectionStartMs: Float64Array;
  readonly sectionEndMs: Float64Array;
  readonly onPath: Uint8Array;
  readonly criticalMs: Float64Array;
}

/** The root that ends last (first such root on ties): the one that bounds the trace's latency. */
export function latestEndingRoot(trace: Trace): number {
  let best = -1;
  for (const r of trace.rootIndices) if (best < 0 || trace.spans[r].endNs > trace.spans[best].endNs) best = r;
  return best;
}

/** Children of every span, sorted by clipped end time, latest first (ties: later index first). */
function childrenByEndDesc(trace: Trace, clippedEnd: (i: number) => UnixNanos | undefined): (number[] | undefined)[] {
  const n = trace.spans.length;
  const kids: (number[] | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = trace.spans[i].parentIndex;
    if (p >= 0 && clippedEnd(i) !== undefined) (kids[p] ??= []).push(i);
  }
  for (const k of kids) {
    if (!k || k.length < 2) continue;
    k.sort((a, b) => {
      const x = clippedEnd(a)!,
        y = clippedEnd(b)!;
      return x > y ? -1 : x < y ? 1 : b - a;
    });
  }
  return kids;
}

/** Computes the critical path from `rootIndex` (default: the latest-ending root). */
export function criticalPath(trace: Trace, rootIndex = latestEndingRoot(trace)): CriticalPath {
  const spans = trace.spans;
  const n = spans.length;
  const onPath = new Uint8Array(n);
  const criticalMs = new Float64Array(n);
  if (rootIndex < 0 || rootIndex >= n) {
    return {
      rootIndex: -1,
      spanIndices: [],
      sectionSpan: new Int32Array(0),
      sectionStartMs: new Float64Array(0),
      sectionEndMs: new Float64Array(0),
      onPath,
      criticalMs,
    };
  }
  // Clipped interval of each span to its parent's (already clipped) interval; undefined when
  // the span lies wholly outside it. Pre-order guarantees parents are done first.
  const cs: (UnixNanos | undefined)[] = new Array(n);
  const ce: (UnixNanos | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i];
    const p = s.parentIndex;
    if (p < 0) {
      cs[i] = s.startNs;
      ce[i] = s.endNs;
      continue;
    }
    const ps = cs[p],
      pe = ce[p];
    if (ps === undefined || pe === undefined || s.startNs > pe || s.endNs < ps) continue;
    cs[i] = s.startNs > ps ? s.startNs : ps;
    ce[i] = s.endNs < pe ? s.endNs : pe;
  }
  const kids = childrenByEndDesc(trace, (i) => ce[i]);
  // Per span: how far into its end-sorted children the walk has got. The point only moves
  // earlier while inside a span, so this pointer only moves forward.
  const cursor = new Int32Array(n);
  const secSpan: number[] = [];
  const secStart: UnixNanos[] = [];
  const secEnd: UnixNanos[] = [];
  const order: number[] = [];
  const push = (i: number, from: UnixNanos, to: UnixNanos) => {
    if (to <= from) return;
    secSpan.push(i);
    secStart.push(from);
    secEnd.push(to);
    onPath[i] = 1;
    criticalMs[i] += spanMs(from, to);
  };
  const reached = new Uint8Array(n);
  const reach = (i: number) => {
    if (reached[i]) return;
    reached[i] = 1;
    order.push(i);
  };

  let cur = rootIndex;
  let point = ce[rootIndex]!;
  let fresh = true; // first visit: a child ending exactly at the point still counts
  for (;;) {
    reach(cur);
    const list = kids[cur];
    let next = -1;
    if (list) {
      let k = cursor[cur];
      while (k < list.length && (fresh ? ce[list[k]]! > point : ce[list[k]]! >= point)) k++;
      cursor[cur] = k;
      if (k < list.length) next = list[k];
    }
    if (next >= 0) {
      push(cur, ce[next]!, point);
      cursor[cur]++;
      cur = next;
      point = ce[next]!;
      fresh = true;
      continue;
    }
    push(cur, cs[cur]!, point);
    if (cur === rootIndex) break;
    point = cs[cur]!;
    cur = spans[cur].parentIndex;
    fresh = false;
  }
  const m = secSpan.length;
  const sectionStartMs = new Float64Array(m);
  const sectionEndMs = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    sectionStartMs[k] = spanMs(trace.startNs, secStart[k]);
    sectionEndMs[k] = spanMs(trace.startNs, secEnd[k]);
  }
  return { rootIndex, spanIndices: order.filter((i) => onPath[i]), sectionSpan: Int32Array.from(secSpan), sectionStartMs, sectionEndMs, onPath, criticalMs };
}
