/**
 * Problems found in the input. Nothing is dropped silently: every input span is either in a
 * trace's tree (possibly repaired, with a diagnostic saying how) or quarantined with a reason,
 * so `rendered + quarantined = input` always holds.
 */
export type DiagnosticCode =
  /** Parent id set but no such span in the trace; the span is shown as a root. */
  | 'orphan'
  /** Second span with an id already used; renamed (different content) or quarantined (identical copy). */
  | 'duplicate-span-id'
  /** Parent links form a loop; the link is cut and the span shown as a root. */
  | 'parent-cycle'
  /** A child starts before its parent (clocks of two hosts disagree); times kept as recorded. */
  | 'clock-skew'
  /** No usable start time; taken from the parent or children, or the span is quarantined. */
  | 'missing-start'
  /** No usable end time; the end is set to the start (zero duration) or the children's end. */
  | 'missing-end'
  /** End before start; the end is set to the start. */
  | 'negative-duration'
  /** A number past 2^53 in JSON; its low digits may be wrong. */
  | 'timestamp-precision'
  /** Trace id missing, not hex, all zero or of the wrong size. */
  | 'invalid-trace-id'
  /** Span id missing, not hex, all zero or of the wrong size. */
  | 'invalid-span-id'
  /** Parent id not hex or of the wrong size; treated as a root. */
  | 'invalid-parent-id'
  /** Something in the input was not understood and skipped (names the field). */
  | 'unsupported-value'
  /** A span-like record that could not be read at all. */
  | 'unreadable-span'
  /** Bytes that are not valid UTF-8 were replaced by U+FFFD. */
  | 'invalid-utf8'
  /** Informational: how the importer interpreted an ambiguous input. */
  | 'interpretation'
  /** A tool or agent name that may pass for another (mixed scripts, zero-width characters). */
  | 'lookalike-name';

export type Severity = 'info' | 'warning' | 'error';

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly traceId?: string;
  readonly spanId?: string;
  /** Where in the input (e.g. `resourceSpans[0].scopeSpans[0].spans[7]`). */
  readonly source?: string;
  /** True when the span was kept with a repair, false when it was quarantined or unchanged. */
  readonly repaired?: boolean;
}

export const DIAGNOSTIC_SEVERITY: Record<DiagnosticCode, Severity> = {
  orphan: 'warning',
  'duplicate-span-id': 'warning',
  'parent-cycle': 'error',
  'clock-skew': 'info',
  'missing-start': 'warning',
  'missing-end': 'warning',
  'negative-duration': 'warning',
  'timestamp-precision': 'info',
  'invalid-trace-id': 'warning',
  'invalid-span-id': 'warning',
  'invalid-parent-id': 'warning',
  'unsupported-value': 'info',
  'unreadable-span': 'error',
  'invalid-utf8': 'warning',
  interpretation: 'info',
  'lookalike-name': 'warning',
};

/** Thrown by importers for input that cannot be read at all. The CLI and host show `message` as is. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** Byte offset of the problem, when known. */
    readonly offset?: number,
    /** The format that was being read, when one was chosen. */
    readonly format?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
