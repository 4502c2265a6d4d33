/**
 * Validator of `getCost`'s result (`CostView`). Pure (no DOM). Checks every column's type and
 * length, the codes and indices the panel uses to look things up (model, waste, span), and the
 * totals and price rows field by field; NaN is allowed only where it means "unknown cost".
 */
import { WASTE_CODES, type CostView } from '../../src/core/protocol';

type Invalid = string;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isUsd = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isOptNum = (v: unknown): boolean => v === undefined || isUsd(v);

const COLUMNS = {
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

function isTypedArrayOf(v: unknown, ctor: { readonly name: string }): boolean {
  return (typeof ctor === 'function' && v instanceof (ctor as unknown as new () => object)) || Object.prototype.toString.call(v) === `[object ${ctor.name}]`;
}

/** `spanCount`: the shown trace's span count, when known, bounds the span indices. */
export function validateCostView(v: unknown, spanCount = Number.MAX_SAFE_INTEGER): CostView | Invalid {
  if (!isRecord(v)) return 'cost view is not an object';
  const isSpan = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < spanCount;

  if (!Array.isArray(v.models) || !v.models.every((m) => typeof m === 'string')) return 'cost.models must be strings';
  const modelCount = v.models.length;

  const steps = v.steps;
  if (!isRecord(steps)) return 'cost.steps is not an object';
  for (const [k, ctor] of Object.entries(COLUMNS)) if (!isTypedArrayOf(steps[k], ctor)) return `cost.steps.${k} must be a ${ctor.name}`;
  const s = steps as unknown as CostView['steps'];
  const n = s.llmSpan.length;
  for (const k of Object.keys(COLUMNS) as (keyof CostView['steps'])[]) if (s[k].length !== n) return `cost.steps.${k} has length ${s[k].length}, expected ${n}`;
  for (let i = 0; i < n; i++) {
    if (!isSpan(s.llmSpan[i])) return `cost.steps.llmSpan[${i}] is not a span of the trace`;
    if (s.model[i] < -1 || s.model[i] >= modelCount) return `cost.steps.model[${i}] = ${s.model[i]} is not a model`;
    if (s.waste[i] >= WASTE_CODES.length) return `cost.steps.waste[${i}] = ${s.waste[i]} is unknown`;
    for (const k of ['input', 'output', 'cached', 'reasoning'] as const) if (!isCount(s[k][i])) return `cost.steps.${k}[${i}] must be a non-negative number`;
    for (const k of ['costUsd', 'runningUsd'] as const) {
      const x = s[k][i];
      if (!Number.isNaN(x) && !isUsd(x)) return `cost.steps.${k}[${i}] must be a non-negative number or NaN`;
    }
  }

  const t = v.totals;
  if (!isRecord(t) || !(['input', 'output', 'cached', 'reasoning'] as const).every((k) => isCount(t[k])))
    return 'cost.totals must be {input, output, cached, reasoning} counts';
  if (v.totalUsd !== null && !isUsd(v.totalUsd)) return 'cost.totalUsd must be a non-negative number or null';
  if (!isUsd(v.pricedUsd)) return 'cost.pricedUsd must be a non-negative number';
  for (const k of ['unpricedSteps', 'wasteTokens', 'tokensAfterCancel'] as const) if (!isCount(v[k])) return `cost.${k} must be a non-negative number`;
  if (v.wasteShare !== null && !(isUsd(v.wasteShare) && v.wasteShare <= 1)) return 'cost.wasteShare must be a fraction or null';
  if (v.cancellation !== undefined) {
    const c = v.cancellation;
    if (!isRecord(c) || !isSpan(c.spanIndex) || typeof c.atMs !== 'number' || !Number.isFinite(c.atMs) || typeof c.via !== 'string' || !VIAS.has(c.via)) {
      return 'cost.cancellation must be {spanIndex, atMs, via}';
    }
  }
  if (!Array.isArray(v.llmSpansAfterCancel) || !v.llmSpansAfterCancel.every(isSpan)) return 'cost.llmSpansAfterCancel must be span indices';
  if (typeof v.priceTableDate !== 'string') return 'cost.priceTableDate must be a string';

  if (!Array.isArray(v.prices)) return 'cost.prices must be an array';
  for (let i = 0; i < v.prices.length; i++) {
    const bad = checkPriceRow(v.prices[i]);
    if (bad !== undefined) return `cost.prices[${i}]: ${bad}`;
  }
  return v as unknown as CostView;
}

function checkPriceRow(r: unknown): string | undefined {
  if (!isRecord(r)) return 'is not an object';
  if (typeof r.model !== 'string') return 'model must be a string';
  for (const k of ['steps', 'input', 'output', 'cached'] as const) if (!isCount(r[k])) return `${k} must be a non-negative number`;
  if (r.costUsd !== null && !isUsd(r.costUsd)) return 'costUsd must be a non-negative number or null';
  if (typeof r.source !== 'string' || !SOURCES.has(r.source)) return 'source is unknown';
  if (r.matchedKey !== undefined && typeof r.matchedKey !== 'string') return 'matchedKey must be a string';
  if (r.asOf !== undefined && typeof r.asOf !== 'string') return 'asOf must be a string';
  for (const k of ['inputPerMTok', 'outputPerMTok', 'cachedInputPerMTok'] as const) if (!isOptNum(r[k])) return `${k} must be a non-negative number`;
  return undefined;
}
