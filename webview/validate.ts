/**
 * Validators for the results the host sends back, one per request type. The webview trusts
 * nothing it did not check: a result that fails here is handled as an error response and never
 * rendered. Each validator returns the typed value or a string naming the field that is wrong.
 *
 * Pure (no DOM): unit-tested in test/unit/webview/validate.test.ts.
 */
import {
  assertNever,
  CATEGORY_CODES,
  type ClaimsView,
  type CardView,
  type CostView,
  type CriticalPathView,
  type DetailMessage,
  type PlanGraphView,
  type SourceJumpResult,
  type SpanSearchResult,
  type TimelineIndex,
  type Request,
  type RowText,
  type SpanDetail,
  type TraceStructure,
  type TraceSummary,
} from '../src/core/protocol';
import { validateClaimsView } from './validateClaims';
import { validateCostView } from './validators/cost';
import { validatePlanGraph } from './validators/graph';
import { validateSourceJump } from './validators/source';
import { validateCardsFor, validateTimelineIndex } from './validators/timeline';
import { validateCriticalPath, validateSearchResult } from './validators/waterfall';

export type Invalid = string;
export type Validator<T> = (v: unknown) => T | Invalid;

/** Result type of each request, by `type`. */
export interface ResultTypes {
  ready: TraceSummary;
  getStructure: TraceStructure;
  getRows: RowText[];
  getSpanDetail: SpanDetail;
  getAttributeValue: string;
  copySummary: null;
  selectTrace: null;
  findSpan: number;
  getClaims: ClaimsView;
  dismissFinding: null;
  getTimelineIndex: TimelineIndex;
  getCards: CardView[];
  getCost: CostView;
  getCriticalPath: CriticalPathView;
  searchSpans: SpanSearchResult;
  getPlanGraph: PlanGraphView;
  goToHandler: SourceJumpResult;
  goToPrompt: SourceJumpResult;
}
export type RequestType = Request['type'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isOptString = (v: unknown): boolean => v === undefined || typeof v === 'string';
const isOptNum = (v: unknown): boolean => v === undefined || isFiniteNum(v);

/** Helper: run `check` on each element; the first failure names its position. */
function everyItem<T>(v: unknown, field: string, check: (item: unknown) => string | undefined): T[] | Invalid {
  if (!Array.isArray(v)) return `${field} must be an array`;
  for (let i = 0; i < v.length; i++) {
    const bad = check(v[i]);
    if (bad !== undefined) return `${field}[${i}]: ${bad}`;
  }
  return v as T[];
}

// #region summary

export function validateSummary(v: unknown): TraceSummary | Invalid {
  if (!isRecord(v)) return 'summary is not an object';
  for (const k of ['fileName', 'fileUri', 'formatLabel', 'traceId', 'rootName'] as const) {
    if (typeof v[k] !== 'string') return `summary.${k} must be a string`;
  }
  for (const k of ['traceIndex', 'traceCount', 'spanCount', 'iterations', 'llmCalls', 'toolCalls', 'quarantined'] as const) {
    if (!isNonNegInt(v[k])) return `summary.${k} must be a non-negative integer`;
  }
  if (!isFiniteNum(v.durationMs) || v.durationMs < 0) return 'summary.durationMs must be a non-negative number';
  if (v.status !== 'ok' && v.status !== 'error') return 'summary.status must be "ok" or "error"';
  const tokens = v.tokens;
  if (!isRecord(tokens) || !isNonNegInt(tokens.input) || !isNonNegInt(tokens.output)) return 'summary.tokens must be {input, output} integers';
  if (v.costUsd !== null && !(isFiniteNum(v.costUsd) && v.costUsd >= 0)) return 'summary.costUsd must be a non-negative number or null';
  const diags = everyItem(v.diagnostics, 'summary.diagnostics', (d) => {
    if (!isRecord(d) || typeof d.code !== 'string' || typeof d.message !== 'string') return 'needs code and message strings';
    return isOptString(d.spanId) ? undefined : 'spanId must be a string';
  });
  if (typeof diags === 'string') return diags;
  return v as unknown as TraceSummary;
}

// #endregion

// #region structure

const TYPED_ARRAYS = {
  startMs: Float64Array,
  durationMs: Float64Array,
  parentIndex: Int32Array,
  depth: Uint16Array,
  subtreeEnd: Int32Array,
  category: Uint8Array,
  status: Uint8Array,
} as const;

/** `depth` is a Uint16 column: the host clamps deeper spans to this level. */
const DEPTH_MAX = 0xffff;

/** True when `v` is a `ctor` instance, also from another realm (postMessage deserialisation). */
function isTypedArrayOf(v: unknown, ctor: { readonly name: string; new (n: number): ArrayLike<number> }): boolean {
  return v instanceof ctor || Object.prototype.toString.call(v) === `[object ${ctor.name}]`;
}

/**
 * Checks the column types and lengths, and the tree invariants the webview relies on to
 * collapse and expand without asking the host: pre-order (`parentIndex[i] < i`), depth is the
 * parent's depth + 1 (roots 0; clamped at 65,535), and `subtreeEnd[i]` is the exclusive end of i's subtree
 * (i < subtreeEnd[i] ≤ n, nested inside the parent's range).
 */
export function validateStructure(v: unknown): TraceStructure | Invalid {
  if (!isRecord(v)) return 'structure is not an object';
  for (const [k, ctor] of Object.entries(TYPED_ARRAYS)) {
    if (!isTypedArrayOf(v[k], ctor)) return `structure.${k} must be a ${ctor.name}`;
  }
  const s = v as unknown as TraceStructure;
  const n = s.startMs.length;
  for (const k of Object.keys(TYPED_ARRAYS) as (keyof TraceStructure)[]) {
    if (s[k].length !== n) return `structure.${k} has length ${s[k].length}, expected ${n}`;
  }
  for (let i = 0; i < n; i++) {
    const p = s.parentIndex[i];
    if (!Number.isFinite(s.startMs[i]) || !Number.isFinite(s.durationMs[i]) || s.durationMs[i] < 0) return `structure: span ${i} has a bad time`;
    if (p < -1 || p >= i) return `structure.parentIndex[${i}] = ${p} is not an earlier span`;
    const expectedDepth = p === -1 ? 0 : Math.min(s.depth[p] + 1, DEPTH_MAX);
    if (s.depth[i] !== expectedDepth) return `structure.depth[${i}] = ${s.depth[i]}, expected ${expectedDepth}`;
    const end = s.subtreeEnd[i];
    if (end <= i || end > n) return `structure.subtreeEnd[${i}] = ${end} is out of range`;
    if (p !== -1 && end > s.subtreeEnd[p]) return `structure.subtreeEnd[${i}] goes past its parent's subtree`;
    if (p !== -1 && i >= s.subtreeEnd[p]) return `structure: span ${i} lies outside its parent's subtree`;
    if (s.category[i] >= CATEGORY_CODES.length) return `structure.category[${i}] = ${s.category[i]} is unknown`;
    if (s.status[i] > 2) return `structure.status[${i}] = ${s.status[i]} is unknown`;
  }
  return s;
}

// #endregion

// #region rows

function checkRow(r: unknown): string | undefined {
  if (!isRecord(r)) return 'row is not an object';
  if (!isNonNegInt(r.index)) return 'index must be a non-negative integer';
  for (const k of ['name', 'service', 'kind'] as const) if (typeof r[k] !== 'string') return `${k} must be a string`;
  if (!isOptString(r.label)) return 'label must be a string';
  if (!isOptNum(r.tokens)) return 'tokens must be a number';
  return undefined;
}

export function validateRows(v: unknown): RowText[] | Invalid {
  return everyItem<RowText>(v, 'rows', checkRow);
}

/** Rows answering `getRows(start, count)`: also each index must lie in the asked range. */
export function validateRowsFor(start: number, count: number): Validator<RowText[]> {
  return (v) => {
    const rows = validateRows(v);
    if (typeof rows === 'string') return rows;
    const bad = rows.findIndex((r) => r.index < start || r.index >= start + count);
    return bad === -1 ? rows : `rows[${bad}].index ${rows[bad].index} is outside [${start}, ${start + count})`;
  };
}

// #endregion

// #region span detail

const ATTR_TYPES = new Set(['string', 'number', 'boolean', 'bytes', 'array', 'map', 'null']);

function checkAttribute(a: unknown): string | undefined {
  if (!isRecord(a)) return 'attribute is not an object';
  if (typeof a.key !== 'string' || typeof a.value !== 'string') return 'key and value must be strings';
  if (typeof a.type !== 'string' || !ATTR_TYPES.has(a.type)) return 'type is unknown';
  if (a.fullLength !== undefined && !isNonNegInt(a.fullLength)) return 'fullLength must be a non-negative integer';
  return undefined;
}

function checkMessage(m: unknown): string | undefined {
  if (!isRecord(m)) return 'message is not an object';
  if (typeof m.role !== 'string' || typeof m.text !== 'string') return 'role and text must be strings';
  if (!isOptString(m.toolCallId)) return 'toolCallId must be a string';
  const calls = everyItem(m.toolCalls, 'toolCalls', (c) =>
    isRecord(c) && typeof c.name === 'string' && typeof c.arguments === 'string' && isOptString(c.id) ? undefined : 'needs name and arguments strings',
  );
  return typeof calls === 'string' ? calls : undefined;
}

const STATUS_CODES = new Set(['unset', 'ok', 'error']);

export function validateSpanDetail(v: unknown): SpanDetail | Invalid {
  if (!isRecord(v)) return 'detail is not an object';
  if (!isNonNegInt(v.index)) return 'detail.index must be a non-negative integer';
  for (const k of ['spanId', 'name', 'kind', 'convention', 'scope'] as const) if (typeof v[k] !== 'string') return `detail.${k} must be a string`;
  if (!isOptString(v.parentSpanId) || !isOptString(v.model)) return 'detail.parentSpanId/model must be strings';
  if (typeof v.category !== 'string' || !(CATEGORY_CODES as readonly string[]).includes(v.category)) return 'detail.category is unknown';
  const st = v.status;
  if (!isRecord(st) || typeof st.code !== 'string' || !STATUS_CODES.has(st.code) || !isOptString(st.message)) return 'detail.status is malformed';
  if (!isFiniteNum(v.startMs) || !isFiniteNum(v.durationMs)) return 'detail.startMs/durationMs must be numbers';
  for (const k of ['attributes', 'resource'] as const) {
    const r = everyItem(v[k], `detail.${k}`, checkAttribute);
    if (typeof r === 'string') return r;
  }
  const events = everyItem(v.events, 'detail.events', (e) => {
    if (!isRecord(e) || typeof e.name !== 'string' || !isFiniteNum(e.offsetMs)) return 'needs name and offsetMs';
    const attrs = everyItem(e.attributes, 'attributes', checkAttribute);
    return typeof attrs === 'string' ? attrs : undefined;
  });
  if (typeof events === 'string') return events;
  for (const k of ['input', 'output'] as const) {
    const r = everyItem<DetailMessage>(v[k], `detail.${k}`, checkMessage);
    if (typeof r === 'string') return r;
  }
  if (v.tokens !== undefined) {
    const t = v.tokens;
    if (!isRecord(t) || !isOptNum(t.input) || !isOptNum(t.output) || !isOptNum(t.cachedInput) || !isOptNum(t.reasoning)) return 'detail.tokens is malformed';
  }
  if (v.costUsd !== undefined && v.costUsd !== null && !isFiniteNum(v.costUsd)) return 'detail.costUsd must be a number or null';
  const diags = everyItem(v.diagnostics, 'detail.diagnostics', (d) => (typeof d === 'string' ? undefined : 'must be a string'));
  if (typeof diags === 'string') return diags;
  const mapping = everyItem(v.mapping, 'detail.mapping', (m) =>
    isRecord(m) &&
    typeof m.field === 'string' &&
    (m.from === undefined || typeof m.from === 'string') &&
    (m.missing === undefined || typeof m.missing === 'string')
      ? undefined
      : 'needs field, optional from and missing strings',
  );
  if (typeof mapping === 'string') return mapping;
  return v as unknown as SpanDetail;
}

// #endregion

/** A detail answering `getSpanDetail(index)` must be that span's. */
function validateDetailFor(index: number): Validator<SpanDetail> {
  return (v) => {
    const d = validateSpanDetail(v);
    return typeof d === 'string' || d.index === index ? d : `detail.index ${d.index} does not answer span ${index}`;
  };
}

/**
 * A checked result. (The validators above return `T | string` because none of their `T` is a
 * string; results that *are* strings need this explicit form.)
 */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

function fromValidator<T extends object | null>(validate: Validator<T>): (v: unknown) => Checked<T> {
  return (v) => {
    const r = validate(v);
    return typeof r === 'string' ? { ok: false, error: r } : { ok: true, value: r };
  };
}

const checkString = (v: unknown): Checked<string> => (typeof v === 'string' ? { ok: true, value: v } : { ok: false, error: 'result must be a string' });
const checkNull = (v: unknown): Checked<null> => (v === null || v === undefined ? { ok: true, value: null } : { ok: false, error: 'result must be null' });

const checkSpanIndex = (v: unknown): Checked<number> =>
  typeof v === 'number' && Number.isInteger(v) && v >= -1 ? { ok: true, value: v } : { ok: false, error: 'result must be a span index or -1' };

function checkerFor(req: Request): (v: unknown) => Checked<ResultTypes[RequestType]> {
  switch (req.type) {
    case 'ready':
      return fromValidator(validateSummary);
    case 'getStructure':
      return fromValidator(validateStructure);
    case 'getRows':
      return fromValidator(validateRowsFor(req.start, req.count));
    case 'getSpanDetail':
      return fromValidator(validateDetailFor(req.index));
    case 'getAttributeValue':
      return checkString;
    case 'copySummary':
    case 'selectTrace':
    case 'dismissFinding':
      return checkNull;
    case 'getClaims':
      return fromValidator((v) => validateClaimsView(v));
    case 'findSpan':
      return checkSpanIndex;
    case 'getTimelineIndex':
      return fromValidator(validateTimelineIndex);
    case 'getCards':
      return fromValidator(validateCardsFor(req.start, req.count));
    case 'getCost':
      return fromValidator(validateCostView);
    case 'getCriticalPath':
      return fromValidator(validateCriticalPath);
    case 'searchSpans':
      return fromValidator(validateSearchResult);
    case 'getPlanGraph':
      return fromValidator(validatePlanGraph);
    case 'goToHandler':
    case 'goToPrompt':
      return fromValidator(validateSourceJump);
    default:
      return assertNever(req);
  }
}

/** The check of the result of a request (getRows and getSpanDetail also check it answers what was asked). */
export function resultCheckerFor<R extends Request>(req: R): (v: unknown) => Checked<ResultTypes[R['type']]> {
  return checkerFor(req) as (v: unknown) => Checked<ResultTypes[R['type']]>;
}
