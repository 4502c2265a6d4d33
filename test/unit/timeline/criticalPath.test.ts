import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../../src/core/analyze/timeline/criticalPath';
import { selfTimes } from '../../../src/core/analyze/timeline/selfTime';
import { buildTrace, indexOf } from '../semantics/buildTrace';

describe('critical path and self time', () => {
  // Times in ms.
  // A [0,100]
  // ├─ B [5,40]
  // │  └─ D [10,30]
  // ├─ C [20,70]        overlaps B and F
  // │  └─ E [25,65]
  // └─ F [60,90]
  //
  // Walk back from 100: A's last-finishing child is F (90) → A critical 90..100; F has no
  // children → F 60..90; back in A at 60: children ending before 60 → B (40; C ends at 70,
  // overlapping F, so it is skipped) → A 40..60; B's last child D (30) → B 30..40; D 10..30;
  // back in B at 10: nothing ends before 10 → B 5..10; back in A at 5 → A 0..5.
  const trace = buildTrace([
    { id: 1, name: 'A', start: 0, end: 100 },
    { id: 2, parent: 1, name: 'B', start: 5, end: 40 },
    { id: 4, parent: 2, name: 'D', start: 10, end: 30 },
    { id: 3, parent: 1, name: 'C', start: 20, end: 70 },
    { id: 5, parent: 3, name: 'E', start: 25, end: 65 },
    { id: 6, parent: 1, name: 'F', start: 60, end: 90 },
  ]);
  const [A, B, C, D, E, F] = [1, 2, 3, 4, 5, 6].map((id) => indexOf(trace, id));
  const cp = criticalPath(trace);

  it('walks back from the end through the last-finishing non-overlapping children', () => {
    expect(cp.rootIndex).toBe(A);
    expect([...cp.sectionSpan]).toEqual([A, F, A, B, D, B, A]);
    expect([...cp.sectionStartMs]).toEqual([90, 60, 40, 30, 10, 5, 0]);
    expect([...cp.sectionEndMs]).toEqual([100, 90, 60, 40, 30, 10, 5]);
    expect(cp.spanIndices).toEqual([A, F, B, D]);
  });

  it('marks the path and sums critical time per span (10+20+5 for A; total 100)', () => {
    expect(cp.onPath[C]).toBe(0);
    expect(cp.onPath[E]).toBe(0);
    expect(cp.criticalMs[A]).toBe(35);
    expect(cp.criticalMs[F]).toBe(30);
    expect(cp.criticalMs[B]).toBe(15);
    expect(cp.criticalMs[D]).toBe(20);
    expect(cp.criticalMs.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('self time subtracts the union of children once', () => {
    const st = selfTimes(trace);
    // A: children cover [5,40] ∪ [20,70] ∪ [60,90] = [5,90] = 85 → 100 - 85 = 15
    expect(st[A]).toBe(15);
    expect(st[B]).toBe(35 - 20); // D covers 20 of B's 35
    expect(st[C]).toBe(50 - 40); // E covers 40 of C's 50
    expect([st[D], st[E], st[F]]).toEqual([20, 40, 30]);
  });

  it('clips a child that ends after its parent', () => {
    // R [0,50]
    // └─ X [10,80]   clipped to [10,50]
    const t = buildTrace([
      { id: 1, name: 'R', start: 0, end: 50 },
      { id: 2, parent: 1, name: 'X', start: 10, end: 80 },
    ]);
    const p = criticalPath(t);
    // R's section 50..50 is empty and omitted; X 10..50; R 0..10.
    expect([...p.sectionSpan]).toEqual([indexOf(t, 2), indexOf(t, 1)]);
    expect([...p.sectionStartMs]).toEqual([10, 0]);
    expect([...p.sectionEndMs]).toEqual([50, 10]);
    const st = selfTimes(t);
    expect(st[indexOf(t, 1)]).toBe(10); // 50 - (clipped 40)
    expect(st[indexOf(t, 2)]).toBe(70); // leaf: its whole duration
  });

  it('handles a 20k-deep chain without recursion', () => {
    // span k (k = 0…19999) runs [k, 40000 - k]: each is nested in the previous one, leaving
    // 1 ms uncovered at each end, so every span is critical for 1 + 1 = 2 ms (the leaf
    // [19999, 20001] for its whole 2 ms) and has 2 ms of self time.
    const N = 20_000;
    const specs = [];
    for (let k = 0; k < N; k++) specs.push({ id: k + 1, parent: k === 0 ? undefined : k, name: `s${k}`, start: k, end: 2 * N - k });
    const t = buildTrace(specs);
    expect(t.spans[N - 1].depth).toBe(N - 1);
    const p = criticalPath(t);
    expect(p.spanIndices.length).toBe(N);
    expect(p.sectionSpan.length).toBe(2 * N - 1);
    expect(p.criticalMs.every((v) => v === 2)).toBe(true);
    expect(selfTimes(t).every((v) => v === 2)).toBe(true);
  });
});
