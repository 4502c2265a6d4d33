/**
 * Validators of the trace-wide results: `ready` (summary), `getStructure`, `getRows` and
 * `getSpanDetail`. Pure: unit-tested in test/unit/protocol/validateTrace.test.ts.
 */
import { CATEGORY_CODES, type RowText, type SpanDetail, type TraceStructure, type TraceSummary } from '../shapes';
import { checkColumns, checkedAs, everyItem, fail, isFiniteNum, isNonNegInt, isOptNum, isOptString, isRecord, ok, type Checked, type FieldCheck } from './kit';

// #region summary

export function validateSummary(v: unknown): Checked<TraceSummary> {
  if (!isRecord(v)) return fail('summary is not an object');
  for (const k of ['fileName', 'fileUri', 'formatLabel', 'traceId', 'rootName'] as const) {
    if (typeof v[k] !== 'string') return fail(`summary.${k} must be a string`);
  }
  for (const k of ['traceIndex', 'traceCount', 'spanCount', 'iterations', 'llmCalls', 'toolCalls', 'quarantined'] as const) {
    if (!isNonNegInt(v[k])) return fail(`summary.${k} must be a non-negative integer`);
  }
  if (!isFiniteNum(v.durationMs) || v.durationMs < 0) return fail('summary.durationMs must be a non-negative number');
  if (v.status !== 'ok' && v.status !== 'error') return fail('summary.status must be "ok" or "error"');
  const tokens = v.tokens;
  if (!isRecord(tokens) || !isNonNegInt(tokens.input) || !isNonNegInt(tokens.output)) return fail('summary.tokens must be {input, output} integers');
  if (v.costUsd !== null && !(isFiniteNum(v.costUsd) && v.costUsd >= 0)) return fail('summary.costUsd must be a non-negative number or null');
  if (v.costUnknownReason !== undefined && (typeof v.costUnknownReason !== 'string' || v.costUnknownReason.length > 2000))
    return fail('summary.costUnknownReason must be a string');
  const diags = everyItem(v.diagnostics, 'summary.diagnostics', (d) => {
    if (!isRecord(d) || typeof d.code !== 'string' || typeof d.message !== 'string') return 'needs code and message strings';
    return isOptString(d.spanId) ? undefined : 'spanId must be a string';
  });
  return checkedAs<TraceSummary>(diags, v);
}

// #endregion

// #region structure

const STRUCTURE_COLUMNS = {
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

/**
 * Checks the column types and lengths, and the tree invariants the webview relies on to
 * collapse and expand without asking the host: pre-order (`parentIndex[i] < i`), depth is the
 * parent's depth + 1 (roots 0; clamped at 65,535), and `subtreeEnd[i]` is the exclusive end of i's subtree
 * (i < subtreeEnd[i] ≤ n, nested inside the parent's range).
 */
export function validateStructure(v: unknown): Checked<TraceStructure> {
  if (!isRecord(v)) return fail('structure is not an object');
  const badColumn = checkColumns(v, STRUCTURE_COLUMNS, 'structure');
  if (badColumn) return fail(badColumn);
  const s = v as unknown as TraceStructure;
  const n = s.startMs.length;
  for (const k of Object.keys(STRUCTURE_COLUMNS) as (keyof TraceStructure)[]) {
    if (s[k].length !== n) return fail(`structure.${k} has length ${s[k].length}, expected ${n}`);
  }
  for (let i = 0; i < n; i++) {
    const p = s.parentIndex[i];
    if (!Number.isFinite(s.startMs[i]) || !Number.isFinite(s.durationMs[i]) || s.durationMs[i] < 0) return fail(`structure: span ${i} has a bad time`);
    if (p < -1 || p >= i) return fail(`structure.parentIndex[${i}] = ${p} is not an earlier span`);
    const expectedDepth = p === -1 ? 0 : Math.min(s.depth[p] + 1, DEPTH_MAX);
    if (s.depth[i] !== expectedDepth) return fail(`structure.depth[${i}] = ${s.depth[i]}, expected ${expectedDepth}`);
    const end = s.subtreeEnd[i];
    if (end <= i || end > n) return fail(`structure.subtreeEnd[${i}] = ${end} is out of range`);
    if (p !== -1 && end > s.subtreeEnd[p]) return fail(`structure.subtreeEnd[${i}] goes past its parent's subtree`);
    if (p !== -1 && i >= s.subtreeEnd[p]) return fail(`structure: span ${i} lies outside its parent's subtree`);
    if (s.category[i] >= CATEGORY_CODES.length) return fail(`structure.category[${i}] = ${s.category[i]} is unknown`);
    if (s.status[i] > 2) return fail(`structure.status[${i}] = ${s.status[i]} is unknown`);
  }
  return ok(s);
}

// #endregion

// #region rows

const checkRow: FieldCheck = (r) => {
  if (!isRecord(r)) return 'row is not an object';
  if (!isNonNegInt(r.index)) return 'index must be a non-negative integer';
  for (const k of ['name', 'service', 'kind'] as const) if (typeof r[k] !== 'string') return `${k} must be a string`;
  if (!isOptString(r.label)) return 'label must be a string';
  if (!isOptNum(r.tokens)) return 'tokens must be a number';
  return undefined;
};

export function validateRows(v: unknown): Checked<RowText[]> {
  return checkedAs<RowText[]>(everyItem(v, 'rows', checkRow), v);
}

/** Rows answering `getRows(start, count)`: also each index must lie in the asked range. */
export function validateRowsFor(start: number, count: number): (v: unknown) => Checked<RowText[]> {
  return (v) => {
    const rows = validateRows(v);
    if (!rows.ok) return rows;
    const bad = rows.value.findIndex((r) => r.index < start || r.index >= start + count);
    return bad === -1 ? rows : fail(`rows[${bad}].index ${rows.value[bad].index} is outside [${start}, ${start + count})`);
  };
}

// #endregion

// #region span detail

const ATTR_TYPES = new Set(['string', 'number', 'boolean', 'bytes', 'array', 'map', 'null']);

const checkAttribute: FieldCheck = (a) => {
  if (!isRecord(a)) return 'attribute is not an object';
  if (typeof a.key !== 'string' || typeof a.value !== 'string') return 'key and value must be strings';
  if (typeof a.type !== 'string' || !ATTR_TYPES.has(a.type)) return 'type is unknown';
  if (a.fullLength !== undefined && !isNonNegInt(a.fullLength)) return 'fullLength must be a non-negative integer';
  return undefined;
};

const checkMessage: FieldCheck = (m) => {
  if (!isRecord(m)) return 'message is not an object';
  if (typeof m.role !== 'string' || typeof m.text !== 'string') return 'role and text must be strings';
  if (!isOptString(m.toolCallId)) return 'toolCallId must be a string';
  return everyItem(m.toolCalls, 'toolCalls', (c) =>
    isRecord(c) && typeof c.name === 'string' && typeof c.arguments === 'string' && isOptString(c.id) ? undefined : 'needs name and arguments strings',
  );
};

const STATUS_CODES = new Set(['unset', 'ok', 'error']);

export function validateSpanDetail(v: unknown): Checked<SpanDetail> {
  if (!isRecord(v)) return fail('detail is not an object');
  if (!isNonNegInt(v.index)) return fail('detail.index must be a non-negative integer');
  for (const k of ['spanId', 'name', 'kind', 'convention', 'scope'] as const) if (typeof v[k] !== 'string') return fail(`detail.${k} must be a string`);
  if (!isOptString(v.parentSpanId) || !isOptString(v.model)) return fail('detail.parentSpanId/model must be strings');
  if (typeof v.category !== 'string' || !(CATEGORY_CODES as readonly string[]).includes(v.category)) return fail('detail.category is unknown');
  const st = v.status;
  if (!isRecord(st) || typeof st.code !== 'string' || !STATUS_CODES.has(st.code) || !isOptString(st.message)) return fail('detail.status is malformed');
  if (!isFiniteNum(v.startMs) || !isFiniteNum(v.durationMs)) return fail('detail.startMs/durationMs must be numbers');
  const bad =
    everyItem(v.attributes, 'detail.attributes', checkAttribute) ??
    everyItem(v.resource, 'detail.resource', checkAttribute) ??
    everyItem(v.events, 'detail.events', (e) => {
      if (!isRecord(e) || typeof e.name !== 'string' || !isFiniteNum(e.offsetMs)) return 'needs name and offsetMs';
      return everyItem(e.attributes, 'attributes', checkAttribute);
    }) ??
    everyItem(v.input, 'detail.input', checkMessage) ??
    everyItem(v.output, 'detail.output', checkMessage);
  if (bad) return fail(bad);
  if (v.tokens !== undefined) {
    const t = v.tokens;
    if (!isRecord(t) || !isOptNum(t.input) || !isOptNum(t.output) || !isOptNum(t.cachedInput) || !isOptNum(t.reasoning))
      return fail('detail.tokens is malformed');
  }
  if (v.costUsd !== undefined && v.costUsd !== null && !isFiniteNum(v.costUsd)) return fail('detail.costUsd must be a number or null');
  const rest =
    everyItem(v.diagnostics, 'detail.diagnostics', (d) => (typeof d === 'string' ? undefined : 'must be a string')) ??
    everyItem(v.mapping, 'detail.mapping', (m) =>
      isRecord(m) && typeof m.field === 'string' && isOptString(m.from) && isOptString(m.missing)
        ? undefined
        : 'needs field, optional from and missing strings',
    );
  return checkedAs<SpanDetail>(rest, v);
}

/** A detail answering `getSpanDetail(index)` must be that span's. */
export function validateDetailFor(index: number): (v: unknown) => Checked<SpanDetail> {
  return (v) => {
    const d = validateSpanDetail(v);
    return !d.ok || d.value.index === index ? d : fail(`detail.index ${d.value.index} does not answer span ${index}`);
  };
}

// #endregion
