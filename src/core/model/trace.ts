import type { Diagnostic } from './diagnostics';
import type { RawSpan, Span } from './span';
import type { UnixNanos } from './time';

/** An input span that could not be placed in a tree, with the reason. */
export interface QuarantinedSpan {
  readonly raw: RawSpan;
  readonly reason: string;
}

/**
 * One trace: its spans as a forest in depth-first pre-order (see the invariants on `Span`).
 * `startNs`/`endNs` bound every span; offsets for rendering are taken from `startNs`.
 */
export interface Trace {
  readonly traceId: string;
  readonly spans: readonly Span[];
  /** Indices of the roots in `spans`, by start time. Orphans and cut cycles are roots too. */
  readonly rootIndices: readonly number[];
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
  readonly diagnostics: readonly Diagnostic[];
  readonly quarantined: readonly QuarantinedSpan[];
  /** Spans of this trace in the input: `spans.length + quarantined.length`. */
  readonly inputSpanCount: number;
}

/** Identifiers of the formats the importers read (see `import/index.ts`). */
export type FormatId =
  | 'otlp-json'
  | 'otlp-jsonl'
  | 'otlp-proto'
  | 'jaeger'
  | 'jaeger-v3'
  | 'tempo'
  | 'zipkin'
  | 'langfuse'
  | 'phoenix'
  | 'any-agent'
  | 'otel-readable-spans'
  | 'openai-agents';

/** Everything read from one input (file, request, backend response). */
export interface TraceSet {
  readonly format: FormatId;
  /** Human-readable format name, e.g. "OTLP JSON (Tempo batches)". */
  readonly formatLabel: string;
  /** By start time. */
  readonly traces: readonly Trace[];
  /** Problems not tied to one trace (e.g. an unreadable record). */
  readonly diagnostics: readonly Diagnostic[];
  /** Span records seen in the input, including ones that could not be read. */
  readonly inputSpanCount: number;
}
