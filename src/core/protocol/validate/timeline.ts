/**
 * Validators of the timeline results (`getTimelineIndex`, `getCards`). The index is checked for
 * its typed array types, equal lengths and cross-references (every card's LLM span maps back to
 * the card); cards for every field and for answering the window that was asked for.
 */
import { CARD_FLAG_ERROR, CARD_FLAG_WASTE, type CardFindings, type CardView, type TimelineIndex } from '../timeline';
import {
  checkColumns,
  checkedAs,
  everyItem,
  everyRecord,
  fail,
  isFiniteNum,
  isInt,
  isNonNegInt,
  isNonNegNum,
  isOneOf,
  isOptString,
  isRecord,
  ok,
  type Checked,
  type FieldCheck,
} from './kit';

const ALL_FLAGS = CARD_FLAG_ERROR | CARD_FLAG_WASTE;
const TOOL_STATUSES = new Set(['ok', 'error', 'unset']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const WASTE = new Set(['failed', 'retried']);

const INDEX_COLUMNS = { llmSpan: Int32Array, runSpan: Int32Array, depth: Uint16Array, flags: Uint8Array, cardOfSpan: Int32Array } as const;

export function validateTimelineIndex(v: unknown): Checked<TimelineIndex> {
  if (!isRecord(v)) return fail('timeline index is not an object');
  const badColumn = checkColumns(v, INDEX_COLUMNS, 'timeline');
  if (badColumn) return fail(badColumn);
  const t = v as unknown as TimelineIndex;
  const cards = t.llmSpan.length;
  const spans = t.cardOfSpan.length;
  for (const k of ['runSpan', 'depth', 'flags'] as const) if (t[k].length !== cards) return fail(`timeline.${k} has ${t[k].length} entries for ${cards} cards`);
  for (let c = 0; c < cards; c++) {
    const llm = t.llmSpan[c];
    if (llm < 0 || llm >= spans) return fail(`timeline.llmSpan[${c}] is not a span of the trace`);
    if (t.cardOfSpan[llm] !== c) return fail(`timeline.cardOfSpan does not map card ${c}'s LLM span back to it`);
    if (t.runSpan[c] < -1 || t.runSpan[c] >= spans) return fail(`timeline.runSpan[${c}] is not a span of the trace`);
    if ((t.flags[c] & ~ALL_FLAGS) !== 0) return fail(`timeline.flags[${c}] has unknown bits`);
  }
  for (let i = 0; i < spans; i++) {
    const c = t.cardOfSpan[i];
    if (c < -1 || c >= cards) return fail(`timeline.cardOfSpan[${i}] is not a card`);
  }
  return ok(t);
}

const checkToolCall: FieldCheck = (x) => {
  if (!isRecord(x)) return 'is not an object';
  if (typeof x.name !== 'string' || typeof x.arguments !== 'string') return 'name and arguments must be strings';
  return isOptString(x.id) ? undefined : 'id must be a string';
};

const checkToolRun: FieldCheck = (x) => {
  if (!isRecord(x)) return 'is not an object';
  if (!isNonNegInt(x.spanIndex)) return 'spanIndex must be a non-negative integer';
  if (typeof x.name !== 'string') return 'name must be a string';
  if (!isOneOf(TOOL_STATUSES, x.status)) return 'status is unknown';
  if (!isNonNegNum(x.durationMs)) return 'durationMs must be a non-negative number';
  return isOptString(x.resultPreview) && isOptString(x.error) ? undefined : 'resultPreview and error must be strings';
};

const usdOrNull = (v: unknown) => v === null || isNonNegNum(v);

function checkCard(c: Record<string, unknown>, expected: number): string | undefined {
  if (c.card !== expected) return `card must be ${expected}`;
  if (!isNonNegInt(c.llmSpanIndex)) return 'llmSpanIndex must be a non-negative integer';
  if (!isInt(c.runSpanIndex, -1, Number.MAX_SAFE_INTEGER)) return 'runSpanIndex must be an integer ≥ -1';
  if (typeof c.runName !== 'string') return 'runName must be a string';
  if (!isNonNegInt(c.depth) || !isNonNegInt(c.iteration)) return 'depth and iteration must be non-negative integers';
  if (!isOptString(c.model) || !isOptString(c.reasoning) || !isOptString(c.answer)) return 'model, reasoning and answer must be strings';
  if (!isFiniteNum(c.startMs) || !isNonNegNum(c.durationMs)) return 'startMs and durationMs must be numbers (durationMs ≥ 0)';
  const input = c.inputSummary;
  if (input !== undefined && !(isRecord(input) && typeof input.role === 'string' && typeof input.text === 'string')) return 'inputSummary must be {role, text}';
  const bad =
    everyItem(c.requestedToolCalls, 'requestedToolCalls', checkToolCall) ??
    everyItem(c.unexecuted, 'unexecuted', checkToolCall) ??
    everyItem(c.toolExecutions, 'toolExecutions', checkToolRun);
  if (bad) return bad;
  const tok = c.tokens;
  if (!isRecord(tok) || !['input', 'output', 'cached', 'reasoning'].every((k) => isNonNegNum(tok[k])))
    return 'tokens must be {input, output, cached, reasoning} non-negative numbers';
  if (!usdOrNull(c.costUsd) || !usdOrNull(c.runningUsd)) return 'costUsd and runningUsd must be non-negative numbers or null';
  if (c.waste !== undefined && !isOneOf(WASTE, c.waste)) return 'waste is unknown';
  return (
    everyItem(c.errors, 'errors', (e) =>
      isRecord(e) && isNonNegInt(e.spanIndex) && typeof e.message === 'string' ? undefined : 'needs spanIndex and message',
    ) ?? everyItem(c.findings, 'findings', checkFinding)
  );
}

const checkFinding: FieldCheck = (f) =>
  isRecord(f) && typeof f.kind === 'string' && typeof f.message === 'string' && isOneOf(SEVERITIES, f.severity)
    ? undefined
    : 'needs kind, message and a known severity';

/** `getCardFindings`: card numbers strictly increasing (one entry per card), each with valid findings. */
export function validateCardFindings(v: unknown): Checked<CardFindings> {
  if (!isRecord(v) || !Array.isArray(v.cards)) return fail('card findings must be {cards: [...]}');
  let last = -1;
  return checkedAs<CardFindings>(
    everyRecord(v.cards, 'cards', (c) => {
      if (!isNonNegInt(c.card) || c.card <= last) return 'card must be an integer greater than the one before';
      last = c.card;
      return everyItem(c.findings, 'findings', checkFinding);
    }),
    v,
  );
}

/** Cards answering `getCards(start, count)`: at most `count`, numbered from `start` on. */
export function validateCardsFor(start: number, count: number): (v: unknown) => Checked<CardView[]> {
  return (v) => {
    if (!Array.isArray(v)) return fail('cards must be an array');
    if (v.length > count) return fail(`asked for ${count} cards, got ${v.length}`);
    return checkedAs<CardView[]>(
      everyRecord(v, 'cards', (c, i) => checkCard(c, start + i)),
      v,
    );
  };
}
