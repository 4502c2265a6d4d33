import { normaliseText } from './normalise';
import type { StepFacts } from './stepFacts';

/**
 * What differs between two paired steps. Part of the `agent-trace diff --json` contract (the
 * `changes` of a step): add kinds and fields, never rename.
 *
 * - `model`: another model name.
 * - `text`: the model's output text differs (after normalising ids, times and whitespace).
 * - `tool-calls`: another multiset of tool names (`a`/`b`: the names, sorted).
 * - `arguments`: same tool names, other normalised arguments (`tool`: the first such tool).
 * - `tool-status`: same tool calls, another outcome (`tool`: the first such tool).
 * - `status`: the LLM call's own status differs.
 * - `tokens`: input + output differ beyond the tolerance (see `tokensDiffer`).
 */
export type StepChange =
  | { readonly kind: 'model'; readonly a: string; readonly b: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'tool-calls'; readonly a: readonly string[]; readonly b: readonly string[] }
  | { readonly kind: 'arguments'; readonly tool: string; readonly a: unknown; readonly b: unknown }
  | { readonly kind: 'tool-status'; readonly tool: string; readonly a: string; readonly b: string }
  | { readonly kind: 'status'; readonly a: 'ok' | 'error'; readonly b: 'ok' | 'error' }
  | { readonly kind: 'tokens'; readonly a: number; readonly b: number };

/** Token tolerance of a step: counts as the same within 5 % of the larger count, and always within 10 tokens. */
export const TOKEN_TOLERANCE = { relative: 0.05, absolute: 10 } as const;

/** Whether two token counts differ beyond TOKEN_TOLERANCE. Unknown counts (no usage recorded) differ only from known ones. */
export function tokensDiffer(a: number, b: number): boolean {
  return Math.abs(b - a) > Math.max(TOKEN_TOLERANCE.absolute, TOKEN_TOLERANCE.relative * Math.max(a, b));
}

export function stepChanges(a: StepFacts, b: StepFacts): StepChange[] {
  const out: StepChange[] = [];
  if (a.model !== b.model) out.push({ kind: 'model', a: a.model, b: b.model });
  if (normaliseText(a.text) !== normaliseText(b.text)) out.push({ kind: 'text' });
  const namesA = a.toolCalls.map((t) => t.name),
    namesB = b.toolCalls.map((t) => t.name);
  if (namesA.join('\0') !== namesB.join('\0')) out.push({ kind: 'tool-calls', a: namesA, b: namesB });
  else {
    // Same names, sorted by (name, args): calls pair up position by position.
    const argDiff = a.toolCalls.findIndex((t, k) => t.args !== b.toolCalls[k].args);
    if (argDiff >= 0) out.push({ kind: 'arguments', tool: namesA[argDiff], a: a.toolCalls[argDiff].rawArgs ?? null, b: b.toolCalls[argDiff].rawArgs ?? null });
    else {
      const statusDiff = a.toolCalls.findIndex((t, k) => t.status !== b.toolCalls[k].status);
      if (statusDiff >= 0) out.push({ kind: 'tool-status', tool: namesA[statusDiff], a: a.toolCalls[statusDiff].status, b: b.toolCalls[statusDiff].status });
    }
  }
  if (a.llmStatus !== b.llmStatus) out.push({ kind: 'status', a: a.llmStatus, b: b.llmStatus });
  if (a.hasUsage !== b.hasUsage || tokensDiffer(a.input + a.output, b.input + b.output))
    out.push({ kind: 'tokens', a: a.input + a.output, b: b.input + b.output });
  return out;
}

/** The tie-break fingerprint of a step for the alignment: what `stepChanges` looks at besides the signature. */
export function stepFingerprint(s: StepFacts): string {
  return JSON.stringify([normaliseText(s.text), s.llmStatus, s.toolCalls.map((t) => t.status)]);
}

/**
 * One change in words, for the CLI's table and the compare view alike. `toolList` writes a list
 * of tool names (the table brackets it, the view says "(none)" for an empty one).
 */
export function stepChangeText(c: StepChange, toolList: (names: readonly string[]) => string): string {
  switch (c.kind) {
    case 'model':
      return `model ${c.a} → ${c.b}`;
    case 'text':
      return 'text';
    case 'tool-calls':
      return `tools ${toolList(c.a)} → ${toolList(c.b)}`;
    case 'arguments':
      return `${c.tool} arguments`;
    case 'tool-status':
      return `${c.tool} ${c.a} → ${c.b}`;
    case 'status':
      return `status ${c.a} → ${c.b}`;
    case 'tokens':
      return `tokens ${c.a} → ${c.b}`;
  }
}
