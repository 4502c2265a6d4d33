import type { SpanFacts } from './facts';
import { num, str } from './facts';
import type { ChatMessage, ConventionId, SpanCategory } from './types';

/** A value and the attribute (or event, or "span name") it came from. */
export interface Sourced<T> {
  readonly value: T;
  readonly from: string;
}

/** A value parsed on demand (message JSON), and where it will come from. */
export interface LazySourced<T> {
  readonly get: () => T;
  readonly from: string;
  /** The attribute value it will be parsed from, when it is one value (cheap text checks). */
  readonly raw?: unknown;
}

export interface UsageReading {
  input?: Sourced<number>;
  output?: Sourced<number>;
  cachedInput?: Sourced<number>;
  reasoning?: Sourced<number>;
  total?: Sourced<number>;
}

/** Fields a convention can fill, also the names used in the mapping report. */
export type FieldName =
  | 'category'
  | 'model'
  | 'provider'
  | 'usage'
  | 'cost'
  | 'input'
  | 'output'
  | 'tool.name'
  | 'tool.callId'
  | 'tool.arguments'
  | 'tool.result'
  | 'error'
  | 'agent.name'
  | 'finalAnswer';

/**
 * What one convention reads from one span. Readers fill only what the span actually carries;
 * `looked` says, per field, what the reader searched for, so an empty field can be explained.
 * `category` is a claim by a convention's own marker attribute (gen_ai.operation.name,
 * openinference.span.kind…); `weakCategory` is a guess from a span name or incidental
 * attributes and only counts when no convention claims the span.
 */
export interface Reading {
  readonly convention: ConventionId;
  category?: Sourced<SpanCategory>;
  weakCategory?: Sourced<SpanCategory>;
  model?: Sourced<string>;
  provider?: Sourced<string>;
  usage?: UsageReading;
  costUsd?: Sourced<number>;
  input?: LazySourced<ChatMessage[]>;
  output?: LazySourced<ChatMessage[]>;
  toolName?: Sourced<string>;
  toolCallId?: Sourced<string>;
  toolArguments?: LazySourced<unknown>;
  toolResult?: LazySourced<unknown>;
  error?: Sourced<string>;
  agentName?: Sourced<string>;
  /** An agent span's own statement of its answer (final_result, output messages…). */
  answer?: LazySourced<string | undefined>;
  /** Why the convention's marker did not give a category (an unknown operation name…). */
  categoryNote?: string;
  /** Per field, what this convention searched for; one shared frozen object per convention. */
  readonly looked: Readonly<Partial<Record<FieldName, string>>>;
}

export function newReading(convention: ConventionId, looked: Reading['looked']): Reading {
  return { convention, looked };
}

// The `first*` helpers take up to four keys as plain parameters (no rest array): they run for
// every GenAI span of a trace.

/** The first of the keys holding a non-empty string. */
export function firstStr(f: SpanFacts, k1: string, k2?: string, k3?: string, k4?: string): Sourced<string> | undefined {
  let v = str(f, k1);
  if (v !== undefined) return { value: v, from: k1 };
  if (k2 === undefined) return undefined;
  if ((v = str(f, k2)) !== undefined) return { value: v, from: k2 };
  if (k3 === undefined) return undefined;
  if ((v = str(f, k3)) !== undefined) return { value: v, from: k3 };
  if (k4 !== undefined && (v = str(f, k4)) !== undefined) return { value: v, from: k4 };
  return undefined;
}

/** The first of the keys holding a number. */
export function firstNum(f: SpanFacts, k1: string, k2?: string, k3?: string): Sourced<number> | undefined {
  let v = num(f, k1);
  if (v !== undefined) return { value: v, from: k1 };
  if (k2 === undefined) return undefined;
  if ((v = num(f, k2)) !== undefined) return { value: v, from: k2 };
  if (k3 !== undefined && (v = num(f, k3)) !== undefined) return { value: v, from: k3 };
  return undefined;
}

/** The first of the keys present at all (any type but null). */
/** The first present value among `keys`, in order (for readers with a long list of aliases). */
export function firstOf(f: SpanFacts, keys: readonly string[]): Sourced<unknown> | undefined {
  for (const k of keys) {
    const v = f.get(k);
    if (v !== undefined && v !== null) return { value: v, from: k };
  }
  return undefined;
}

export function firstAny(f: SpanFacts, k1: string, k2?: string): Sourced<unknown> | undefined {
  let v = f.get(k1);
  if (v !== undefined && v !== null) return { value: v, from: k1 };
  if (k2 === undefined) return undefined;
  v = f.get(k2);
  if (v !== undefined && v !== null) return { value: v, from: k2 };
  return undefined;
}

/** `name` after a leading `op ` in a span name (`execute_tool get_weather` → `get_weather`). */
export function nameAfter(spanName: string, op: string): string | undefined {
  if (!spanName.startsWith(op + ' ')) return undefined;
  const rest = spanName.slice(op.length + 1).trim();
  return rest === '' ? undefined : rest;
}
