/** Result shape of `getClaims`, and the limit on `dismissFinding` keys. */

/**
 * The claimed-vs-executed diff of the shown trace, for the Claims panel: the model's completed
 * action claims, the tool executions, and the analysis findings. Built by
 * `buildClaimsView` (src/core/view/claimsView.ts). Span indices index `Trace.spans`.
 */
export interface ClaimsView {
  /** Completed ("done") claims, in span order then text order. */
  readonly claims: readonly ClaimItem[];
  /** Tool executions, in span order. */
  readonly actions: readonly ActionItem[];
  /** Analysis findings, in the order the analysis reports them. */
  readonly findings: readonly FindingItem[];
}

/**
 * `matched`: executions back the claim. `failed`: the claimed tool failed. `mismatch`: it ran
 * with other values than the claim names. `unmatched`: no execution backs it (a finding says
 * so only when the trace can tell, e.g. the run could call such a tool).
 */
export type ClaimStatus = 'matched' | 'failed' | 'unmatched' | 'mismatch';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['matched', 'failed', 'unmatched', 'mismatch'];

export interface ClaimItem {
  /** Stable within a trace: the claiming span's id and the claim's ordinal in it (`<spanId>#<n>`). */
  readonly id: string;
  readonly sentence: string;
  /** The LLM call whose output holds the sentence. */
  readonly spanIndex: number;
  /** Canonical action ("book"). */
  readonly verb: string;
  readonly object?: string;
  readonly status: ClaimStatus;
  /** The executions the claim is about (linked pairs), ascending. */
  readonly matchedSpanIndices: readonly number[];
}

export interface ActionItem {
  readonly spanIndex: number;
  /** Tool name. */
  readonly name: string;
  /** `error` when the span's status or its result says the tool failed. */
  readonly status: 'ok' | 'error' | 'unset';
  /** The arguments as short one-line text (clipped). */
  readonly summary: string;
  /** Ids of the claims linked to this execution. */
  readonly claimIds: readonly string[];
}

export interface FindingItem {
  /** Stable across reloads: `<kind>:<spanIds joined by ",">`. Dismissals are stored by it. */
  readonly key: string;
  readonly kind: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly spanIds: readonly string[];
  /** `spanIds` as span indices (ids not in the trace are left out). */
  readonly spanIndices: readonly number[];
  readonly claim?: string;
  /** The user dismissed it (remembered per file and trace by the host). */
  readonly dismissed: boolean;
}

/** Longest finding key `dismissFinding` accepts (kind + up to 50 evidence span ids). */
export const MAX_FINDING_KEY_LENGTH = 2048;
