/** Result shape of `getCost`: the token cost panel. */
import { type OffsetMs } from './units';

/** `CostView.steps.waste` codes. */
export const WASTE_CODES = ['none', 'failed', 'retried'] as const;

/** One model seen in the trace and the price used for it. */
export interface PriceRow {
  readonly model: string;
  readonly steps: number;
  readonly input: number;
  readonly output: number;
  readonly cached: number;
  /** Summed cost of the model's steps; null when any is unknown. */
  readonly costUsd: number | null;
  /**
   * Where the price came from: `vendor` (the trace carried a cost), `built-in` (the dated table),
   * `settings` (agentTrace.prices), `unpriced` (none: tokens shown, cost unknown).
   */
  readonly source: 'vendor' | 'built-in' | 'settings' | 'unpriced';
  /** The table key the model matched. */
  readonly matchedKey?: string;
  /** The table's date for built-in prices. */
  readonly asOf?: string;
  /** USD per million tokens. */
  readonly inputPerMTok?: number;
  readonly outputPerMTok?: number;
  readonly cachedInputPerMTok?: number;
}

export interface CostView {
  /** Per step (one LLM call), in timeline order (the same order as the timeline's cards). */
  readonly steps: {
    readonly llmSpan: Int32Array;
    readonly depth: Uint16Array;
    /** Index into `models`, -1 when the call names no model. */
    readonly model: Int32Array;
    readonly input: Float64Array;
    readonly output: Float64Array;
    readonly cached: Float64Array;
    readonly reasoning: Float64Array;
    /** NaN: unknown cost. */
    readonly costUsd: Float64Array;
    /** NaN: unknown (an unpriced step came before). */
    readonly runningUsd: Float64Array;
    /** Index into `WASTE_CODES`. */
    readonly waste: Uint8Array;
  };
  readonly models: readonly string[];
  readonly totals: { readonly input: number; readonly output: number; readonly cached: number; readonly reasoning: number };
  readonly totalUsd: number | null;
  readonly pricedUsd: number;
  readonly unpricedSteps: number;
  /** Steps whose LLM call recorded no usage: their cost is unknown, not 0. */
  readonly noUsageSteps: number;
  readonly wasteTokens: number;
  readonly wasteShare: number | null;
  readonly cancellation?: { readonly spanIndex: number; readonly atMs: OffsetMs; readonly via: 'status' | 'error.type' | 'event' };
  readonly tokensAfterCancel: number;
  readonly llmSpansAfterCancel: readonly number[];
  readonly prices: readonly PriceRow[];
  /** Date of the built-in price table. */
  readonly priceTableDate: string;
}
