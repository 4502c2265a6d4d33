/**
 * The right-hand "LLM calls" list: every span of category `llm`, in trace order, with its
 * duration share. Built from the structure alone; names, models and tokens come from the shared
 * row-text cache as the list scrolls. Pure.
 */
import { CATEGORY_CODES, type TraceStructure } from '../../src/core/protocol';

const LLM_CODE = CATEGORY_CODES.indexOf('llm');

export function llmCallIndices(s: TraceStructure): Int32Array {
  let count = 0;
  for (let i = 0; i < s.category.length; i++) if (s.category[i] === LLM_CODE) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < s.category.length; i++) if (s.category[i] === LLM_CODE) out[k++] = i;
  return out;
}

/** Sum of LLM call durations (overlapping calls are counted each). */
export function totalLlmMs(s: TraceStructure, calls: Int32Array): number {
  let t = 0;
  for (let k = 0; k < calls.length; k++) t += s.durationMs[calls[k]];
  return t;
}
