import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../../../src/session/throttle';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('runs at once on the first trigger, folds a flood into one trailing run per interval', async () => {
    const runs: number[] = [];
    const t = new Throttle(() => void runs.push(Date.now()), 100);
    t.trigger();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([0]);
    // 1000 triggers, one every ms, for one second.
    for (let i = 1; i <= 1000; i++) {
      await vi.advanceTimersByTimeAsync(1);
      t.trigger();
    }
    await vi.advanceTimersByTimeAsync(200);
    // Starts at 0, 100, ..., 1000; the trigger made at t=1000 comes after the run timed for
    // 1000 fired, so it gets its own trailing run at 1100 — 12 runs for 1001 triggers.
    expect(runs).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100]);
  });

  it('never loses the last trigger and never overlaps a slow job', async () => {
    let active = 0;
    let maxActive = 0;
    const starts: number[] = [];
    const t = new Throttle(async () => {
      starts.push(Date.now());
      maxActive = Math.max(maxActive, ++active);
      await new Promise((r) => setTimeout(r, 300));
      active--;
    }, 100);
    t.trigger(); // starts at 0, ends at 300
    await vi.advanceTimersByTimeAsync(50);
    t.trigger(); // during the run: one more run, no sooner than 300 (end) + 300 (its duration) = 600
    t.trigger();
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts).toEqual([0, 600]);
    expect(maxActive).toBe(1);
  });

  it('reports a failing job and keeps working', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const t = new Throttle(
      () => {
        n++;
        if (n === 1) throw new Error('boom');
      },
      10,
      (e) => errors.push(e),
    );
    t.trigger();
    await vi.advanceTimersByTimeAsync(20);
    t.trigger();
    await vi.advanceTimersByTimeAsync(20);
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('runs nothing after dispose', async () => {
    let n = 0;
    const t = new Throttle(() => void n++, 100);
    t.trigger();
    t.trigger();
    t.dispose();
    await vi.advanceTimersByTimeAsync(500);
    t.trigger();
    await vi.advanceTimersByTimeAsync(500);
    expect(n).toBe(1);
  });
});
