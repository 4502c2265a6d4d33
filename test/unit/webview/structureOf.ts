/**
 * Test helper: a TraceStructure from a pre-order parent list, computing depth and subtreeEnd the
 * slow, obvious way (walk up the parents; scan forward while depth is greater).
 */
import fc from 'fast-check';
import type { TraceStructure } from '../../../src/core/protocol';

export function structureOf(
  parents: readonly number[],
  opts: { category?: number[]; status?: number[]; start?: number[]; duration?: number[] } = {},
): TraceStructure {
  const n = parents.length;
  const depthOf = (i: number): number => (parents[i] === -1 ? 0 : 1 + depthOf(parents[i]));
  const depth = parents.map((_, i) => depthOf(i));
  const subtreeEnd = parents.map((_, i) => {
    let j = i + 1;
    while (j < n && depth[j] > depth[i]) j++;
    return j;
  });
  return {
    startMs: Float64Array.from(opts.start ?? parents.map((_, i) => i)),
    durationMs: Float64Array.from(opts.duration ?? parents.map(() => 1)),
    parentIndex: Int32Array.from(parents),
    depth: Uint16Array.from(depth),
    subtreeEnd: Int32Array.from(subtreeEnd),
    category: Uint8Array.from(opts.category ?? parents.map(() => 0)),
    status: Uint8Array.from(opts.status ?? parents.map(() => 1)),
  };
}

/**
 * The tree used by several tests:
 *   0 root
 *   ├─ 1 a
 *   │  ├─ 2 a1
 *   │  └─ 3 a2
 *   │     └─ 4 a2x
 *   ├─ 5 b
 *   └─ 6 c
 *      └─ 7 c1
 *   8 second root
 */
export const SAMPLE_PARENTS = [-1, 0, 1, 1, 3, 0, 0, 6, -1];

/**
 * Random pre-order forests of 1..maxSize spans: a depth sequence where each depth is at most one
 * more than the previous; a span's parent is the last earlier span one level up.
 */
export function randomPreOrderTree(maxSize: number): fc.Arbitrary<number[]> {
  return fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: maxSize }).map((raw) => {
    const parents: number[] = [];
    const path: number[] = []; // path[d] = latest span at depth d
    raw.forEach((r, i) => {
      const d = i === 0 ? 0 : r % (path.length + 1);
      path.length = d;
      parents.push(d === 0 ? -1 : path[d - 1]);
      path.push(i);
    });
    return parents;
  });
}
