/**
 * Validators of the timeline results (`getTimelineIndex`, `getCards`). Pure (no DOM).
 * The index is checked for its typed array types, equal lengths and cross-references (every
 * card's LLM span maps back to the card); cards for every field and for answering the window
 * that was asked for.
 */
import { CARD_FLAG_ERROR, CARD_FLAG_WASTE, type CardView, type TimelineIndex } from '../../src/core/protocol';

type Invalid = string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNonNegNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOptString = (v: unknown): boolean => v === undefined || typeof v === 'string';

const ALL_FLAGS = CARD_FLAG_ERROR | CARD_FLAG_WASTE;
const TOOL_STATUSES = new Set(['ok', 'error', 'unset']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const WASTE = new Set(['failed', 'retried']);

/** True when `v` is a `ctor` instance, also from another realm (postMessage deserialisation). */
function isTypedArrayOf(v: unknown, ctor: { readonly name: string }): boolean {
  return Object.prototype.toString.call(v) === `[object ${ctor.name}]`;
}

const INDEX_ARRAYS = { llmSpan: Int32Array, runSpan: Int32Array, depth: Uint16Array, flags: Uint8Array, cardOfSpan: Int32Array } as const;

export function validateTimelineIndex(v: unknown): TimelineIndex | Invalid {
  if (!isRecord(v)) return 'timeline index is not an object';
  for (const [k, ctor] of Object.entries(INDEX_ARRAYS)) {
    if (!isTypedArrayOf(v[k], ctor)) return `timeline.${k} must be a ${ctor.name}`;
  }
  const t = v as unknown as TimelineIndex;
  const cards = t.llmSpan.length;
  const spans = t.cardOfSpan.length;
  for (const k of ['runSpan', 'depth', 'flags'] as const) if (t[k].length !== cards) return `timeline.${k} has ${t[k].length} entries for ${cards} cards`;
  for (let c = 0; c < cards; c++) {
    const llm = t.llmSpan[c];
    if (llm < 0 || llm >= spans) return `timeline.llmSpan[${c}] is not a span of the trace`;
    if (t.cardOfSpan[llm] !== c) return `timeline.cardOfSpan does not map card ${c}'s LLM span back to it`;
    if (t.runSpan[c] < -1 || t.runSpan[c] >= spans) return `timeline.runSpan[${c}] is not a span of the trace`;
    if ((t.flags[c] & ~ALL_FLAGS) !== 0) return `timeline.flags[${c}] has unknown bits`;
  }
  for (let i = 0; i < spans; i++) {
    const c = t.cardOfSpan[i];
    if (c < -1 || c >= cards) return `timeline.cardOfSpan[${i}] is not a card`;
  }
  return t;
}

function checkToolCall(x: unknown): string | undefined {
  if (!isRecord(x)) return 'is not an object';
  if (typeof x.name !== 'string' || typeof x.arguments !== 'string') return 'name and arguments must be strings';
  return isOptString(x.id) ? undefined : 'id must be a string';
}

function checkToolRun(x: unknown): string | undefined {
  if (!isRecord(x)) return 'is not an object';
  if (!isNonNegInt(x.spanIndex)) return 'spanIndex must be a non-negative integer';
  if (typeof x.name !== 'string') return 'name must be a string';
  if (typeof x.status !== 'string' || !TOOL_STATUSES.has(x.status)) return 'status is unknown';
  if (!isNonNegNum(x.durationMs)) return 'durationMs must be a non-negative number';
  return isOptString(x.resultPreview) && isOptString(x.error) ? undefined : 'resultPreview and error must be strings';
}

function each(v: unknown, field: string, check: (x: unknown) => string | undefined): string | undefined {
  if (!Array.isArray(v)) return `${field} must be an array`;
  for (let i = 0; i < v.length; i++) {
    const bad = check(v[i]);
    if (bad !== undefined) return `${field}[${i}]: ${bad}`;
  }
  return undefined;
}

const usdOrNull = (v: unknown) => v === null || isNonNegNum(v);

function checkCard(c: Record<string, unknown>, expected: number): string | undefined {
  if (c.card !== expected) return `card must be ${expected}`;
  if (!isNonNegInt(c.llmSpanIndex)) return 'llmSpanIndex must be a non-negative integer';
  if (!(Number.isInteger(c.runSpanIndex) && (c.runSpanIndex as number) >= -1)) return 'runSpanIndex must be an integer ≥ -1';
  if (typeof c.runName !== 'string') return 'runName must be a string';
  if (!isNonNegInt(c.depth) || !isNonNegInt(c.iteration)) return 'depth and iteration must be non-negative integers';
  if (!isOptString(c.model) || !isOptString(c.reasoning) || !isOptString(c.answer)) return 'model, reasoning and answer must be strings';
  if (!isFiniteNum(c.startMs) || !isNonNegNum(c.durationMs)) return 'startMs and durationMs must be numbers (durationMs ≥ 0)';
  const input = c.inputSummary;
  if (input !== undefined && !(isRecord(input) && typeof input.role === 'string' && typeof input.text === 'string')) return 'inputSummary must be {role, text}';
  const bad =
    each(c.requestedToolCalls, 'requestedToolCalls', checkToolCall) ??
    each(c.unexecuted, 'unexecuted', checkToolCall) ??
    each(c.toolExecutions, 'toolExecutions', checkToolRun);
  if (bad) return bad;
  const tok = c.tokens;
  if (!isRecord(tok) || !['input', 'output', 'cached', 'reasoning'].every((k) => isNonNegNum(tok[k])))
    return 'tokens must be {input, output, cached, reasoning} non-negative numbers';
  if (!usdOrNull(c.costUsd) || !usdOrNull(c.runningUsd)) return 'costUsd and runningUsd must be non-negative numbers or null';
  if (c.waste !== undefined && !(typeof c.waste === 'string' && WASTE.has(c.waste))) return 'waste is unknown';
  return (
    each(c.errors, 'errors', (e) => (isRecord(e) && isNonNegInt(e.spanIndex) && typeof e.message === 'string' ? undefined : 'needs spanIndex and message')) ??
    each(c.findings, 'findings', (f) =>
      isRecord(f) && typeof f.kind === 'string' && typeof f.message === 'string' && typeof f.severity === 'string' && SEVERITIES.has(f.severity)
        ? undefined
        : 'needs kind, message and a known severity',
    )
  );
}

/** Cards answering `getCards(start, count)`: at most `count`, numbered from `start` on. */
export function validateCardsFor(start: number, count: number): (v: unknown) => CardView[] | Invalid {
  return (v) => {
    if (!Array.isArray(v)) return 'cards must be an array';
    if (v.length > count) return `asked for ${count} cards, got ${v.length}`;
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      const bad = isRecord(c) ? checkCard(c, start + i) : 'is not an object';
      if (bad !== undefined) return `cards[${i}]: ${bad}`;
    }
    return v as CardView[];
  };
}
