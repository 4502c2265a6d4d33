/** The trace-wide result shapes: summary, structure columns, row text and span detail. */
import { type DurationMs, type OffsetMs } from './units';

export interface TraceSummary {
  readonly fileName: string;
  /** The file's URI (`Uri.toString()`). The webview keeps it in its saved state: see `PanelState`. */
  readonly fileUri: string;
  readonly formatLabel: string;
  /** Which trace of the file (files may hold several). */
  readonly traceIndex: number;
  readonly traceCount: number;
  readonly traceId: string;
  readonly rootName: string;
  readonly spanCount: number;
  /** From the trace's first span start to its last span end. */
  readonly durationMs: DurationMs;
  readonly status: 'ok' | 'error';
  readonly iterations: number;
  readonly llmCalls: number;
  readonly toolCalls: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number | null;
  /** Why the cost is unknown, in words, when `costUsd` is null ("no usage recorded", "no price for x"). */
  readonly costUnknownReason?: string;
  readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly spanId?: string }[];
  readonly quarantined: number;
}

/**
 * Column arrays, one entry per span in tree pre-order (the order of `Trace.spans`).
 * `category` codes: see `CATEGORY_CODES`; `status`: 0 unset, 1 ok, 2 error.
 */
export interface TraceStructure {
  /** Per span: `OffsetMs` (ms since the trace's start); a typed column cannot carry the brand. */
  readonly startMs: Float64Array;
  /** Per span: `DurationMs`. */
  readonly durationMs: Float64Array;
  readonly parentIndex: Int32Array;
  readonly depth: Uint16Array;
  readonly subtreeEnd: Int32Array;
  readonly category: Uint8Array;
  readonly status: Uint8Array;
}

export const CATEGORY_CODES = ['other', 'agent', 'llm', 'tool', 'retriever', 'embedding', 'chain'] as const;
export type CategoryName = (typeof CATEGORY_CODES)[number];

/** The text of one row of the span tree. */
export interface RowText {
  readonly index: number;
  readonly name: string;
  readonly service: string;
  readonly kind: string;
  /** Short extra label: model for LLM calls, tool name for tools. */
  readonly label?: string;
  readonly tokens?: number;
}

export interface DetailAttribute {
  readonly key: string;
  /** Rendered text, clipped to `DETAIL_VALUE_LIMIT` characters. */
  readonly value: string;
  readonly type: 'string' | 'number' | 'boolean' | 'bytes' | 'array' | 'map' | 'null';
  /** Full length in characters when `value` was clipped. */
  readonly fullLength?: number;
}

export const DETAIL_VALUE_LIMIT = 2000;

export interface DetailMessage {
  readonly role: string;
  readonly text: string;
  readonly toolCalls: readonly { readonly id?: string; readonly name: string; readonly arguments: string }[];
  readonly toolCallId?: string;
  /** Reasoning / thinking text, when the producer keeps it apart from `text`. */
  readonly reasoning?: string;
}

export interface SpanDetail {
  readonly index: number;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: string;
  readonly category: CategoryName;
  readonly convention: string;
  readonly status: { readonly code: 'unset' | 'ok' | 'error'; readonly message?: string };
  readonly startMs: OffsetMs;
  readonly durationMs: DurationMs;
  readonly attributes: readonly DetailAttribute[];
  readonly resource: readonly DetailAttribute[];
  readonly scope: string;
  /** `offsetMs`: from the trace's start, like `startMs`. */
  readonly events: readonly { readonly name: string; readonly offsetMs: OffsetMs; readonly attributes: readonly DetailAttribute[] }[];
  /** LLM spans: the conversation in, then the model's output. */
  readonly input: readonly DetailMessage[];
  readonly output: readonly DetailMessage[];
  readonly model?: string;
  readonly tokens?: { readonly input?: number; readonly output?: number; readonly cachedInput?: number; readonly reasoning?: number };
  readonly costUsd?: number | null;
  readonly diagnostics: readonly string[];
  /** The mapping report: where each agent field came from, or why it is empty. */
  readonly mapping: readonly { readonly field: string; readonly from?: string; readonly missing?: string }[];
}
