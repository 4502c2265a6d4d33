/**
 * Result shapes of the chain-of-thought timeline requests (`getTimelineIndex`, `getCards`).
 * A card is one iteration: an LLM call and the tool executions it requested. Cards are in time
 * order over all runs (sub-agents interleaved where they happened, `depth` > 0).
 */
import { type DurationMs, type OffsetMs } from './units';

/**
 * Bits of `TimelineIndex.flags`. Findings are not among them: they come later, in
 * `getCardFindings` (and in `CardView.findings` once the host has them), because finding them
 * takes whole-trace analyses that must not delay the first paint of the timeline or its text.
 */
export const CARD_FLAG_ERROR = 1;
export const CARD_FLAG_WASTE = 2;

/**
 * The whole timeline as column arrays (a few bytes per card, cheap at 100k spans); the text of
 * the cards is pulled in windows with `getCards`.
 */
export interface TimelineIndex {
  /** Per card: the LLM call's span index. */
  readonly llmSpan: Int32Array;
  /** Per card: the span of the agent run it belongs to (-1 when the run has no span of its own). */
  readonly runSpan: Int32Array;
  /** Per card: sub-agent nesting (0 = top-level run). */
  readonly depth: Uint16Array;
  /** Per card: `CARD_FLAG_*` bits. */
  readonly flags: Uint8Array;
  /**
   * Per span (length = span count): the card whose iteration holds the span (its LLM call's or
   * a tool execution's subtree), or -1. The selection moves from spans to cards through it.
   */
  readonly cardOfSpan: Int32Array;
}

export interface CardToolCall {
  readonly id?: string;
  readonly name: string;
  /** Arguments as short one-line text (clipped). */
  readonly arguments: string;
}

export interface CardToolRun {
  readonly spanIndex: number;
  readonly name: string;
  readonly status: 'ok' | 'error' | 'unset';
  readonly durationMs: DurationMs;
  readonly resultPreview?: string;
  readonly error?: string;
}

/** One card's text, as `getCards` returns it. */
export interface CardView {
  /** Position in the timeline (index into the `TimelineIndex` arrays). */
  readonly card: number;
  readonly llmSpanIndex: number;
  readonly runSpanIndex: number;
  readonly runName: string;
  readonly depth: number;
  /** Iteration number within its run (0-based). */
  readonly iteration: number;
  readonly model?: string;
  readonly startMs: OffsetMs;
  readonly durationMs: DurationMs;
  /** Role and clipped text of the last user or tool message sent to the model. */
  readonly inputSummary?: { readonly role: string; readonly text: string };
  readonly reasoning?: string;
  readonly answer?: string;
  readonly requestedToolCalls: readonly CardToolCall[];
  readonly toolExecutions: readonly CardToolRun[];
  /** Requested calls with no execution span. */
  readonly unexecuted: readonly CardToolCall[];
  readonly tokens: { readonly input: number; readonly output: number; readonly cached: number; readonly reasoning: number };
  /** null: unknown (unpriced model, or no usage recorded). */
  readonly costUsd: number | null;
  /** Running total up to and including this card; null once an unpriced step was passed. */
  readonly runningUsd: number | null;
  readonly waste?: 'failed' | 'retried';
  readonly errors: readonly { readonly spanIndex: number; readonly message: string }[];
  /**
   * Findings (claims, loops) whose evidence lies in this card's spans; empty until the host has
   * run the whole-trace analyses (the webview then takes them from `getCardFindings`).
   */
  readonly findings: readonly CardFinding[];
}

export interface CardFinding {
  readonly kind: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** `getCardFindings`: the cards that have findings, in increasing card order, with their findings. */
export interface CardFindings {
  readonly cards: readonly { readonly card: number; readonly findings: readonly CardFinding[] }[];
}

export const MAX_CARDS_PER_REQUEST = 200;
