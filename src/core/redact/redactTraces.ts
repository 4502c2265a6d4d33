/**
 * Redaction of traces before they leave the machine (bug reports, `agent-trace redact`).
 *
 * Structure-aware: every text a trace carries is scanned where it lives — span names, status
 * messages, attribute keys and values (nested arrays and key/value lists, and JSON held in
 * strings such as `gen_ai.input.messages` or tool arguments, parsed and re-serialised), event
 * names and attributes, link attributes, resource and scope attributes. Ids, times, kinds and
 * the tree are copied as they are, so the redacted trace links tool calls to executions and
 * shows the same findings as the original.
 *
 * Each secret becomes `[REDACTED:<type>#<n>]`; one value gets one marker across the whole
 * trace set, numbered per type in the order first met (so "the same user in steps 1 and 4"
 * survives). `findLeaks` is the second pass over the final bytes, independent of this walk.
 */
import type { Trace } from '../model/trace';
import { Redactor } from './redactor';
import { rewriteTraces } from './rewriteTraces';

export { findLeaks } from './findLeaks';

export interface RedactionOptions {
  /** User rules (`agentTrace.redaction.extraPatterns`): `name` becomes the marker type. */
  readonly extraPatterns?: readonly { readonly name: string; readonly pattern: string }[];
  /** Values never redacted (`agentTrace.redaction.allow`): exact strings, or `/regex/flags`. */
  readonly allow?: readonly string[];
  /** Occurrence ids the user chose to keep in the preview: found and listed, not replaced. */
  readonly keep?: ReadonlySet<string>;
  /** Replace message contents and tool payloads by a marker, keeping roles, tool names and call ids. */
  readonly dropMessageBodies?: boolean;
}

/** Where an occurrence was found. */
export interface RedactionPlace {
  readonly traceId: string;
  /** The span carrying it; for a resource or scope, the first span that carries that resource or scope. */
  readonly spanId: string;
  /**
   * 'span name', 'status message', 'attribute <key>', 'attribute key', 'event <name> attribute <key>',
   * 'event name', 'link attribute <key>', 'resource attribute <key>', 'scope attribute <key>', 'scope name',
   * 'trace state', 'link trace state', 'diagnostic message', and 'quarantined …' for a span that could not be placed.
   */
  readonly where: string;
  /** Inside a JSON value held in that string: the path to the leaf, e.g. `[0].content`. */
  readonly jsonPath?: string;
}

export interface RedactionOccurrence {
  /** Stable: the same input and options give the same id (traversal position, not content). */
  readonly id: string;
  /** Rule type, e.g. 'openai-key', 'email', 'card'; a user rule's name. */
  readonly type: string;
  /** The replacement, e.g. `[REDACTED:email#2]`; the same for every occurrence of one value. */
  readonly marker: string;
  readonly place: RedactionPlace;
  /** Surrounding text with this and every other secret masked; never the secret itself. */
  readonly context: string;
  /** True when `options.keep` holds this id: listed, but left in the output. */
  readonly kept: boolean;
}

export interface RedactionResult {
  /** New traces; the input is untouched. Ids, times and structure are identical. */
  readonly traces: Trace[];
  /** Every occurrence found, in traversal order (kept ones included). */
  readonly occurrences: RedactionOccurrence[];
  /** Replaced occurrences by type (kept ones not counted). */
  readonly counts: Record<string, number>;
  /**
   * The values of kept occurrences: they are in the output on purpose, so add them to `allow`
   * when running `findLeaks` over it. Never log or display them.
   */
  readonly keptValues: string[];
}

/** Redacts every text of `traces` (see the file comment). Invalid user rules are skipped: validate them with `parseRedactionSettings` first. */
export function redactTraces(traces: readonly Trace[], options: RedactionOptions = {}): RedactionResult {
  const redactor = new Redactor(options);
  const out = rewriteTraces(traces, redactor, options.dropMessageBodies === true);
  return { traces: out, occurrences: redactor.occurrences, counts: redactor.counts(), keptValues: redactor.keptValues() };
}
