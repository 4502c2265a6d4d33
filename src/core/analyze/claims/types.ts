/**
 * Claimed-vs-executed action diff: what the model said it did (claims, extracted from assistant
 * text) against what the tools actually did (executions in the agent view). Everything here is
 * deterministic and offline; an LM confirmation pass may be layered on later.
 */

/**
 * A canonical action, the key of the synonym table in verbs.ts ("send" covers send, email,
 * notify, …). Claims and tools meet on these.
 */
export type ActionId = string;

/**
 * `done`: a completed, affirmative claim ("I've sent it", "the invite is sent") — the only
 * polarity that is checked against executions. `future`: "I will send", "let me send".
 * `negated`: "I couldn't send", "it was not sent". `hypothetical`: conditionals, offers and
 * questions ("if you want I can send", "shall I send it?").
 */
export type ClaimPolarity = 'done' | 'future' | 'negated' | 'hypothetical';

/** Values named in a claim's clause, normalised for comparison with tool arguments. */
export interface ClaimArguments {
  /** Lower-cased e-mail addresses. */
  readonly emails: readonly string[];
  /** Money amounts (a number next to a currency symbol or code). */
  readonly amounts: readonly number[];
  /** Other numbers ("3 nights"); reported, not compared (too ambiguous). */
  readonly numbers: readonly number[];
  /** Identifier-like tokens (TP1351, ORD-1234, #4521 → 4521), lower-cased. */
  readonly ids: readonly string[];
  /** ISO dates and "14 May"-style dates as written. Reported, not compared. */
  readonly dates: readonly string[];
  /** Capitalised place names after in/to/from. Reported, not compared. */
  readonly places: readonly string[];
  /** Full names (two or more capitalised words, "Maria Rossi"), compared with name-like arguments. */
  readonly names: readonly string[];
}

export interface Claim {
  /** The sentence the claim was found in, trimmed. */
  readonly sentence: string;
  /** The verb as written ("booked"). */
  readonly verbText: string;
  readonly verb: ActionId;
  /** `passive`: "the invite is sent"; `active`: "I sent the invite", "Sent the invite". */
  readonly voice: 'active' | 'passive';
  /** What the action was done to: the words after an active verb up to the end of its clause ("your hotel in Lisbon"), the subject of a passive ("the calendar invite"). */
  readonly object: string;
  readonly arguments: ClaimArguments;
  readonly polarity: ClaimPolarity;
  /** Span index (into `trace.spans`) of the LLM call whose output holds the sentence. */
  readonly spanIndex: number;
}

export type FindingKind =
  'claimed-not-executed' | 'claimed-success-but-failed' | 'requested-not-executed' | 'argument-mismatch' | 'unmentioned-action' | 'silent-tool-failure';

export type FindingSeverity = 'error' | 'warning' | 'info';

export const FINDING_SEVERITY: Readonly<Record<FindingKind, FindingSeverity>> = {
  'claimed-not-executed': 'error',
  'claimed-success-but-failed': 'error',
  'silent-tool-failure': 'error',
  'argument-mismatch': 'warning',
  'requested-not-executed': 'warning',
  'unmentioned-action': 'info',
};

/** Ordered from most to least severe; used for thresholds (`check --fail-on`). */
export const SEVERITY_RANK: Readonly<Record<FindingSeverity, number>> = { error: 2, warning: 1, info: 0 };

/** One discrepancy. This shape is part of the `inspect --json` contract: add fields, never rename. */
export interface Finding {
  readonly kind: FindingKind;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** Hex span ids of the evidence: the LLM call that made the claim first, then tool spans. */
  readonly spanIds: string[];
  /** The claim sentence, when the finding is about a claim. */
  readonly claim?: string;
}
