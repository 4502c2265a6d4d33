import { readSpanFacts } from './facts';
import { readGenAi } from './genai';
import { readLangfuse } from './langfuse';
import { readOpenInference } from './openinference';
import { readPydanticAi } from './pydanticAi';
import type { LazySourced, Reading, Sourced, UsageReading } from './reading';
import { readTraceloop } from './traceloop';
import type { ConventionId, SpanCategory } from './types';
import { readVercelAi } from './vercelAi';
import type { Span } from '../model/span';

/*
 * Precedence between conventions, per field, the more specific convention first:
 * vercel-ai, pydantic-ai, openinference, traceloop, genai, langfuse. Vercel's `ai.*` and
 * pydantic-ai's names describe what the framework did; OpenInference and Traceloop are richer
 * than the GenAI attributes the same spans often also carry; Langfuse's observation fields are
 * a re-encoding of all of these and rank last (its usage details still fill in sub-counts the
 * others lack). `readSpan` calls the readers in this order.
 */

/**
 * Who decides the category. GenAI's `gen_ai.operation.name` outranks the Langfuse observation
 * type (Langfuse types a Vercel `ai.generateText` wrapper as GENERATION although it only sums
 * its steps), and Vercel's operation id outranks both.
 */
const CATEGORY_ORDER: readonly ConventionId[] = ['vercel-ai', 'genai', 'openinference', 'traceloop', 'pydantic-ai', 'langfuse'];

/** Everything the conventions read from one span, merged by precedence. */
export interface SpanInfo {
  readonly category: SpanCategory;
  /** The convention that decided the category ('none' when none did). */
  readonly convention: ConventionId;
  readonly categoryFrom?: string;
  /** Readings in data precedence order. */
  readonly readings: readonly Reading[];
}

export const PLAIN_SPAN_INFO: SpanInfo = Object.freeze({ category: 'other', convention: 'none', readings: Object.freeze([]) });

/** Rank of each convention's category claim (lower wins); see CATEGORY_ORDER. */
const CATEGORY_RANK: Readonly<Record<ConventionId, number>> = Object.freeze(
  Object.fromEntries([...CATEGORY_ORDER.map((c, i) => [c, i]), ['none', CATEGORY_ORDER.length]]) as Record<ConventionId, number>,
);

export function readSpan(span: Span): SpanInfo {
  const f = readSpanFacts(span);
  // Readers are called in data precedence order (see the top of this file): no sorting needed.
  const readings: Reading[] = [];
  let r = readVercelAi(f);
  if (r) readings.push(r);
  if ((r = readPydanticAi(f))) readings.push(r);
  if ((r = readOpenInference(f))) readings.push(r);
  if ((r = readTraceloop(f))) readings.push(r);
  if ((r = readGenAi(f))) readings.push(r);
  if ((r = readLangfuse(f))) readings.push(r);
  if (readings.length === 0) return PLAIN_SPAN_INFO;
  let best: Reading | undefined;
  for (const x of readings) if (x.category && (!best || CATEGORY_RANK[x.convention] < CATEGORY_RANK[best.convention])) best = x;
  if (best) return { category: best.category!.value, convention: best.convention, categoryFrom: best.category!.from, readings };
  for (const x of readings)
    if (x.weakCategory) return { category: x.weakCategory.value, convention: x.convention, categoryFrom: x.weakCategory.from, readings };
  return { category: 'other', convention: readings[0].convention, readings };
}

type SourcedKey = { [K in keyof Reading]-?: Reading[K] extends Sourced<unknown> | LazySourced<unknown> | undefined ? K : never }[keyof Reading];

/** The first reading (by precedence) that has `key`. */
export function pick<K extends SourcedKey>(info: SpanInfo, key: K): NonNullable<Reading[K]> | undefined {
  for (const r of info.readings) {
    const v = r[key];
    if (v !== undefined) return v as NonNullable<Reading[K]>;
  }
  return undefined;
}

/**
 * Token counts: input and output from the first reading that has any, then cached, reasoning
 * and total filled from the first reading that has each (Langfuse's usage details often carry
 * the reasoning split that the OTel attributes lack).
 */
export function pickUsage(info: SpanInfo): UsageReading | undefined {
  let base: UsageReading | undefined;
  for (const r of info.readings) {
    const u = r.usage;
    if (u && (u.input !== undefined || u.output !== undefined || u.total !== undefined)) {
      base = { ...u };
      break;
    }
  }
  if (!base) return undefined;
  for (const r of info.readings) {
    const u = r.usage;
    if (!u) continue;
    base.cachedInput ??= u.cachedInput;
    base.reasoning ??= u.reasoning;
    base.total ??= u.total;
  }
  return withThinkingFromTotal(base);
}

/**
 * Some producers count thinking tokens only in the total (Gemini's `thoughts_token_count` is in
 * `total_token_count` but not in the candidates count): total > input + output with no reasoning
 * or cache count to explain the gap. The gap is then the reasoning tokens, and part of the output
 * (they are billed as output), with the mapping report saying where they came from.
 */
function withThinkingFromTotal(u: UsageReading): UsageReading {
  const { input, output, total } = u;
  if (u.reasoning !== undefined || u.cachedInput !== undefined || !input || !output || !total) return u;
  const gap = total.value - input.value - output.value;
  if (!(gap > 0)) return u;
  const note = `${total.from} − input − output (thinking tokens counted only in the total)`;
  return { ...u, reasoning: { value: gap, from: note }, output: { value: output.value + gap, from: `${output.from} + ${note}` } };
}

/** What the matched conventions looked for, for a field that stayed empty. */
export function lookedFor(info: SpanInfo, field: keyof Reading['looked']): string {
  const parts: string[] = [];
  for (const r of info.readings) {
    const l = r.looked[field];
    if (l) parts.push(l);
  }
  return parts.length ? `no ${parts.join('; no ')}` : 'no convention that carries it matched';
}
