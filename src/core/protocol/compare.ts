/**
 * The compare view's protocol (its own webview page, webview/compare/): the shapes the host
 * sends and the messages both ways. Validated at the receiving end by validate/compare.ts.
 * All text is trace text or our own labels, shown by the webview through textContent only.
 */

export type ComparePairStatus = 'same' | 'changed' | 'added' | 'removed';

/** One tool call of a step: name, arguments as compact JSON (clipped), outcome. */
export interface CompareToolLine {
  readonly name: string;
  readonly args: string;
  readonly status: 'ok' | 'error' | 'not-executed';
}

/** One side of a pair: the step of run A or B. */
export interface CompareStepSide {
  /** Step index in time order over all runs of the trace (the timeline's step). */
  readonly index: number;
  readonly model: string;
  readonly tools: readonly CompareToolLine[];
  readonly tokens: number;
  /** Formatted ('$0.0012', 'unknown'). */
  readonly cost: string;
  readonly status: 'ok' | 'error';
  /** The model's text, clipped. */
  readonly text: string;
}

/** One run of the word diff of a changed pair's text. */
export interface CompareWordPart {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

export interface ComparePairView {
  readonly status: ComparePairStatus;
  readonly a: CompareStepSide | null;
  readonly b: CompareStepSide | null;
  /** What changed, one short phrase each ('text', 'book_hotel ok → error'). */
  readonly changes: readonly string[];
  /** The word diff of the text when it changed, else empty. */
  readonly words: readonly CompareWordPart[];
}

/** A totals row: the figure of A, of B, and the delta, all formatted. */
export interface CompareTotalRow {
  readonly label: string;
  readonly a: string;
  readonly b: string;
  readonly delta: string;
  /** 'worse' when B grew (tokens, cost, duration, errors) or failed; 'better' when it shrank. */
  readonly tone: 'better' | 'worse' | 'neutral';
}

export interface CompareFindingRow {
  readonly group: 'fixed' | 'new' | 'unchanged';
  readonly kind: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** Everything the compare page shows. */
export interface CompareView {
  /** Titles of the runs (file names). */
  readonly titleA: string;
  readonly titleB: string;
  readonly totals: readonly CompareTotalRow[];
  readonly pairs: readonly ComparePairView[];
  readonly findings: readonly CompareFindingRow[];
  readonly regression: boolean;
  readonly reasons: readonly string[];
  /** The selected pair, or -1. */
  readonly selected: number;
}

/** Host → compare page. */
export type CompareHostMessage =
  /** The whole view (first show, a new run B arrived, the baseline changed). */
  | { readonly type: 'compareView'; readonly view: CompareView }
  /** The host moved the selection (a step command while comparing). */
  | { readonly type: 'selectPair'; readonly pair: number };

/** Compare page → host. */
export type CompareWebviewMessage =
  /** The page is listening. */
  | { readonly type: 'compareReady' }
  /** The user selected pair `pair`: select its steps in both runs' timelines. */
  | { readonly type: 'pairSelected'; readonly pair: number }
  /** Open run A or B in its own trace panel. */
  | { readonly type: 'openSide'; readonly side: 'a' | 'b' };
