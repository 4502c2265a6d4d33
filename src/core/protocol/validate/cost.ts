/**
 * Validator of `getCost`'s result (`CostView`). Checks every column's type and length, the codes
 * and indices the panel uses to look things up (model, waste, span), and the totals and price
 * rows field by field; NaN is allowed only where it means "unknown cost".
 */
import { WASTE_CODES, type CostView } from '../cost';
import {
  checkColumns,
  checkedAs,
  everyItem,
  fail,
  isFiniteNum,
  isNonNegNum,
  isOneOf,
  isRecord,
  isStrings,
  spanIndexCheck,
  type Checked,
  type FieldCheck,
} from './kit';

const COST_COLUMNS = {
  llmSpan: Int32Array,
  depth: Uint16Array,
  model: Int32Array,
  input: Float64Array,
  output: Float64Array,
  cached: Float64Array,
  reasoning: Float64Array,
  costUsd: Float64Array,
  runningUsd: Float64Array,
  waste: Uint8Array,
} as const;

const SOURCES = new Set(['vendor', 'built-in', 'settings', 'unpriced']);
const VIAS = new Set(['status', 'error.type', 'event']);
const isOptNonNeg = (v: unknown): boolean => v === undefined || isNonNegNum(v);

/** `spanCount`: the shown trace's span count, when known, bounds the span indices. */
export function validateCostView(v: unknown, spanCount?: number): Checked<CostView> {
  if (!isRecord(v)) return fail('cost view is not an object');
  const { isIndex } = spanIndexCheck(spanCount);

  if (!isStrings(v.models)) return fail('cost.models must be strings');
  const modelCount = v.models.length;

  const steps = v.steps;
  if (!isRecord(steps)) return fail('cost.steps is not an object');
  const badColumn = checkColumns(steps, COST_COLUMNS, 'cost.steps');
  if (badColumn) return fail(badColumn);
  const s = steps as unknown as CostView['steps'];
  const n = s.llmSpan.length;
  for (const k of Object.keys(COST_COLUMNS) as (keyof CostView['steps'])[]) {
    if (s[k].length !== n) return fail(`cost.steps.${k} has length ${s[k].length}, expected ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!isIndex(s.llmSpan[i])) return fail(`cost.steps.llmSpan[${i}] is not a span of the trace`);
    if (s.model[i] < -1 || s.model[i] >= modelCount) return fail(`cost.steps.model[${i}] = ${s.model[i]} is not a model`);
    if (s.waste[i] >= WASTE_CODES.length) return fail(`cost.steps.waste[${i}] = ${s.waste[i]} is unknown`);
    for (const k of ['input', 'output', 'cached', 'reasoning'] as const)
      if (!isNonNegNum(s[k][i])) return fail(`cost.steps.${k}[${i}] must be a non-negative number`);
    for (const k of ['costUsd', 'runningUsd'] as const) {
      const x = s[k][i];
      if (!Number.isNaN(x) && !isNonNegNum(x)) return fail(`cost.steps.${k}[${i}] must be a non-negative number or NaN`);
    }
  }

  const t = v.totals;
  if (!isRecord(t) || !(['input', 'output', 'cached', 'reasoning'] as const).every((k) => isNonNegNum(t[k])))
    return fail('cost.totals must be {input, output, cached, reasoning} counts');
  if (v.totalUsd !== null && !isNonNegNum(v.totalUsd)) return fail('cost.totalUsd must be a non-negative number or null');
  if (!isNonNegNum(v.pricedUsd)) return fail('cost.pricedUsd must be a non-negative number');
  for (const k of ['unpricedSteps', 'noUsageSteps', 'wasteTokens', 'tokensAfterCancel'] as const)
    if (!isNonNegNum(v[k])) return fail(`cost.${k} must be a non-negative number`);
  if (v.wasteShare !== null && !(isNonNegNum(v.wasteShare) && v.wasteShare <= 1)) return fail('cost.wasteShare must be a fraction or null');
  if (v.cancellation !== undefined) {
    const c = v.cancellation;
    if (!isRecord(c) || !isIndex(c.spanIndex) || !isFiniteNum(c.atMs) || !isOneOf(VIAS, c.via)) return fail('cost.cancellation must be {spanIndex, atMs, via}');
  }
  if (!Array.isArray(v.llmSpansAfterCancel) || !v.llmSpansAfterCancel.every(isIndex)) return fail('cost.llmSpansAfterCancel must be span indices');
  if (typeof v.priceTableDate !== 'string') return fail('cost.priceTableDate must be a string');
  return checkedAs<CostView>(everyItem(v.prices, 'cost.prices', checkPriceRow), v);
}

const checkPriceRow: FieldCheck = (r) => {
  if (!isRecord(r)) return 'is not an object';
  if (typeof r.model !== 'string') return 'model must be a string';
  for (const k of ['steps', 'input', 'output', 'cached'] as const) if (!isNonNegNum(r[k])) return `${k} must be a non-negative number`;
  if (r.costUsd !== null && !isNonNegNum(r.costUsd)) return 'costUsd must be a non-negative number or null';
  if (!isOneOf(SOURCES, r.source)) return 'source is unknown';
  if (r.matchedKey !== undefined && typeof r.matchedKey !== 'string') return 'matchedKey must be a string';
  if (r.asOf !== undefined && typeof r.asOf !== 'string') return 'asOf must be a string';
  for (const k of ['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok'] as const) if (!isOptNonNeg(r[k])) return `${k} must be a non-negative number`;
  return undefined;
};
