import type { Trace } from '../../model/trace';
import { StatusCode } from '../../model/span';
import { hasTokens } from '../../semantics/prices';
import type { AgentView, Iteration } from '../../semantics/types';
import { findCancellation, type Cancellation } from './cancellation';
import { placedIterations } from './steps';

/** Why a step's tokens count as waste. */
export type WasteReason = 'failed' | 'retried';

/** One row of the cost panel: one iteration (LLM call + its tool executions). */
export interface CostStep {
  /** Position in the rows (time order over all runs). */
  readonly step: number;
  readonly llmSpanIndex: number;
  readonly runSpanIndex: number;
  /** Sub-agent nesting depth (0 = top-level run). */
  readonly depth: number;
  readonly model?: string;
  /** Token counts; 0 when the trace did not record them. `cached` is part of `input`, `reasoning` of `output`. */
  readonly input: number;
  readonly output: number;
  readonly cached: number;
  readonly reasoning: number;
  /** US dollars; null when unknown (unpriced model or no usage) — never 0 for an unpriced step. */
  readonly costUsd: number | null;
  /** Running total including this step; null from the first step whose cost is unknown on. */
  readonly runningUsd: number | null;
  /** Running total of priced steps only (unpriced steps add nothing). */
  readonly runningPricedUsd: number;
  /** Set when the step's tokens are waste. */
  readonly waste?: WasteReason;
}

export interface CostSteps {
  readonly steps: readonly CostStep[];
  readonly totals: { readonly input: number; readonly output: number; readonly cached: number; readonly reasoning: number };
  /** Sum of all steps; null when any step's cost is unknown (tokens but no price, or no usage recorded). */
  readonly totalUsd: number | null;
  readonly pricedUsd: number;
  /** Steps with tokens but no price. */
  readonly unpricedSteps: number;
  /** Steps whose LLM call recorded no usage (cost unknown, not 0). */
  readonly noUsageSteps: number;
  /** input + output of wasted steps, and its share of all input + output (null when there are no tokens). */
  readonly wasteTokens: number;
  readonly wasteShare: number | null;
  /** The earliest cancellation, and output tokens of LLM calls that ended after it. */
  readonly cancellation?: Cancellation;
  readonly tokensAfterCancel: number;
  readonly llmSpansAfterCancel: readonly number[];
}

/** An iteration failed when its LLM span has error status or it ran tools and all of them failed. */
export function iterationFailed(it: Iteration, trace: Trace): boolean {
  if (trace.spans[it.llmCall.spanIndex].status.code === StatusCode.Error) return true;
  const t = it.toolExecutions;
  return t.length > 0 && t.every((x) => x.status === 'error');
}

/** Identity of an iteration's tool calls: names and arguments, in order; '' when there are none. */
export function toolCallSignature(it: Iteration): string {
  if (it.toolExecutions.length === 0) return '';
  return JSON.stringify(it.toolExecutions.map((t) => [t.name, t.arguments ?? null]));
}

const hadFailure = (it: Iteration, trace: Trace) => iterationFailed(it, trace) || it.toolExecutions.some((t) => t.status === 'error');

/**
 * Cost rows per step. Waste: a step is `failed` (see `iterationFailed`), or `retried` when it
 * had any failure and the next step of the same run repeats exactly its tool calls.
 */
export function costSteps(trace: Trace, view: AgentView): CostSteps {
  const placed = placedIterations(trace, view);
  // Next iteration of the same run, for retry detection.
  const wasted = new Map<Iteration, WasteReason>();
  for (const run of new Set(placed.map((p) => p.run))) {
    const its = run.iterations;
    for (let k = 0; k < its.length; k++) {
      if (iterationFailed(its[k], trace)) wasted.set(its[k], 'failed');
      else if (k + 1 < its.length && hadFailure(its[k], trace)) {
        const sig = toolCallSignature(its[k]);
        if (sig !== '' && sig === toolCallSignature(its[k + 1])) wasted.set(its[k], 'retried');
      }
    }
  }
  const steps: CostStep[] = [];
  const totals = { input: 0, output: 0, cached: 0, reasoning: 0 };
  let running: number | null = 0;
  let priced = 0;
  let unpricedSteps = 0;
  let noUsageSteps = 0;
  let wasteTokens = 0;
  for (const { iteration: it, run, depth } of placed) {
    const call = it.llmCall;
    const u = call.usage;
    const input = u.input ?? 0,
      output = u.output ?? 0,
      cached = u.cachedInput ?? 0,
      reasoning = u.reasoning ?? 0;
    totals.input += input;
    totals.output += output;
    totals.cached += cached;
    totals.reasoning += reasoning;
    const usd = call.cost.usd;
    if (usd !== null) {
      priced += usd;
      if (running !== null) running += usd;
    } else {
      if (hasTokens(u)) unpricedSteps++;
      else noUsageSteps++;
      running = null;
    }
    const waste = wasted.get(it);
    if (waste) wasteTokens += input + output;
    steps.push({
      step: steps.length,
      llmSpanIndex: call.spanIndex,
      runSpanIndex: run.spanIndex,
      depth,
      model: call.model,
      input,
      output,
      cached,
      reasoning,
      costUsd: usd,
      runningUsd: running,
      runningPricedUsd: priced,
      ...(waste ? { waste } : {}),
    });
  }
  const all = totals.input + totals.output;
  const cancellation = findCancellation(trace);
  let tokensAfterCancel = 0;
  const llmSpansAfterCancel: number[] = [];
  if (cancellation) {
    for (const call of view.llmCalls) {
      if (trace.spans[call.spanIndex].endNs > cancellation.atNs) {
        tokensAfterCancel += call.usage.output ?? 0;
        llmSpansAfterCancel.push(call.spanIndex);
      }
    }
  }
  return {
    steps,
    totals,
    totalUsd: running,
    pricedUsd: priced,
    unpricedSteps,
    noUsageSteps,
    wasteTokens,
    wasteShare: all > 0 ? wasteTokens / all : null,
    ...(cancellation ? { cancellation } : {}),
    tokensAfterCancel,
    llmSpansAfterCancel,
  };
}
