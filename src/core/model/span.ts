import { Attributes } from './attributes';
import type { UnixNanos } from './time';

/** OTLP SpanKind numbers (trace.proto). */
export const SpanKind = {
  Unspecified: 0,
  Internal: 1,
  Server: 2,
  Client: 3,
  Producer: 4,
  Consumer: 5,
} as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];
export const SPAN_KIND_NAMES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'] as const;

/** OTLP Status.code numbers. */
export const StatusCode = { Unset: 0, Ok: 1, Error: 2 } as const;
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];
export const STATUS_NAMES = ['unset', 'ok', 'error'] as const;

export interface SpanStatus {
  readonly code: StatusCode;
  readonly message?: string;
}

export interface SpanEvent {
  readonly timeNs: UnixNanos;
  readonly name: string;
  readonly attributes: Attributes;
}

export interface SpanLink {
  readonly traceId: string;
  readonly spanId: string;
  readonly traceState?: string;
  readonly attributes: Attributes;
}

/** Shared by every span of one ResourceSpans block (or one Jaeger process, Zipkin endpoint…). */
export interface Resource {
  readonly attributes: Attributes;
  /** `service.name`, read once. */
  readonly serviceName?: string;
}

export interface InstrumentationScope {
  readonly name: string;
  readonly version?: string;
  readonly attributes: Attributes;
}

export const EMPTY_RESOURCE: Resource = { attributes: Attributes.EMPTY };
export const EMPTY_SCOPE: InstrumentationScope = { name: '', attributes: Attributes.EMPTY };

/**
 * What an importer hands to the TraceBuilder: one span as read, before validation.
 * Ids are lower-case hex where the importer could decode them, otherwise the raw text;
 * the builder checks sizes and reports what it repairs.
 */
export interface RawSpan {
  traceId?: string;
  spanId?: string;
  /** Empty or undefined for a root. */
  parentSpanId?: string;
  name?: string;
  kind?: SpanKind;
  startNs?: UnixNanos;
  endNs?: UnixNanos;
  status?: SpanStatus;
  attributes?: Attributes;
  events?: SpanEvent[];
  links?: SpanLink[];
  resource?: Resource;
  scope?: InstrumentationScope;
  traceState?: string;
  flags?: number;
  /** Where the span sits in the input, for diagnostics: e.g. `resourceSpans[0].scopeSpans[1].spans[3]`. */
  source?: string;
  /** Set by importers that already know a timestamp was lossy or guessed. */
  timestampNote?: string;
}

/**
 * A validated span placed in its trace's tree.
 *
 * Invariants (established by TraceBuilder, relied on by every view):
 * - `traceId` is 32 and `spanId` 16 lower-case hex characters.
 * - `trace.spans[index] === this`; spans are in depth-first pre-order, children by start time,
 *   so a subtree is the contiguous range `[index, subtreeEnd)`.
 * - `parentIndex` is -1 for roots; `parentSpanId` is what the input said (kept for display even
 *   when the parent was missing and the span became a root).
 * - `endNs >= startNs`.
 */
export interface Span {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
  readonly status: SpanStatus;
  readonly attributes: Attributes;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  readonly resource: Resource;
  readonly scope: InstrumentationScope;
  readonly traceState?: string;
  readonly flags?: number;
  /** Derived: position in `trace.spans`. */
  readonly index: number;
  /** Derived: index of the parent in `trace.spans`, -1 for a root. */
  readonly parentIndex: number;
  /** Derived: 0 for roots. */
  readonly depth: number;
  /** Derived: one past the last index of this span's subtree. */
  readonly subtreeEnd: number;
}
