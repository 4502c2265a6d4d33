import type { Iteration } from '../../semantics/types';

/** A stretch of consecutive iterations of one run, shown as one group node when folded. */
export interface IterationStretch {
  /** Iterations in the stretch (at least one). */
  readonly iterations: readonly Iteration[];
  /** Tool names of each iteration, in execution order; undefined for a mixed stretch (see `boundStretches`). */
  readonly shape: readonly string[] | undefined;
}

/** The shape of an iteration: the names of the tools it executed, in order. */
export function iterationShape(it: Iteration): string[] {
  return it.toolExecutions.map((t) => t.name);
}

/**
 * Splits a run's iterations into maximal stretches of consecutive iterations with the same
 * shape (same tool names in the same order). A stretch of one is an ordinary iteration; longer
 * stretches are what the graph folds into group nodes.
 */
export function stretchesOf(iterations: readonly Iteration[]): IterationStretch[] {
  const out: { iterations: Iteration[]; shape: string[]; key: string }[] = [];
  for (const it of iterations) {
    const shape = iterationShape(it);
    const key = JSON.stringify(shape);
    const last = out[out.length - 1];
    if (last && last.key === key) last.iterations.push(it);
    else out.push({ iterations: [it], shape, key });
  }
  return out.map(({ iterations: its, shape }) => ({ iterations: its, shape }));
}

/**
 * Keeps a run to at most `maxUnits` stretches: when there are more (a long run whose iterations
 * keep changing shape), every `ceil(n / maxUnits)` consecutive stretches merge into one mixed
 * stretch (shape undefined). Deterministic for a given run, so group ids stay stable.
 */
export function boundStretches(stretches: readonly IterationStretch[], maxUnits: number): IterationStretch[] {
  if (stretches.length <= maxUnits) return [...stretches];
  const k = Math.ceil(stretches.length / maxUnits);
  const out: IterationStretch[] = [];
  for (let i = 0; i < stretches.length; i += k) {
    const chunk = stretches.slice(i, i + k);
    out.push(chunk.length === 1 ? chunk[0] : { iterations: chunk.flatMap((s) => s.iterations), shape: undefined });
  }
  return out;
}
