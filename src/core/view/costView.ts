import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { spanMs } from '../model/time';
import { offsetMs, WASTE_CODES, type CostView, type PriceRow } from '../protocol';
import { findPrice, PRICES_AS_OF } from '../semantics/prices';
import type { LlmCall, PriceOverrides } from '../semantics/types';

interface ModelTally {
  steps: number;
  input: number;
  output: number;
  cached: number;
  cost: number;
  /** A step with tokens and no price: the model's cost is unknown. */
  unknown: boolean;
  /** Steps whose cost came from the trace (vendor figure). */
  vendor: number;
  /** Steps priced by a table (built-in or settings). */
  tabled: number;
}

/**
 * The token cost panel of a trace (see `CostView`): `costSteps` as typed columns in timeline
 * order (the same order as `placedIterations`), the totals, and one `PriceRow` per model seen.
 * `prices`: the user's overrides, as the agent view was priced with (the rows name the price
 * that was applied; the step costs themselves come from the agent view).
 */
export function buildCostView(a: TraceAnalyses, prices?: PriceOverrides): CostView {
  const { trace, view } = a;
  const c = a.cost();
  const n = c.steps.length;
  const callBySpan = new Map<number, LlmCall>();
  for (const call of view.llmCalls) callBySpan.set(call.spanIndex, call);

  const models: string[] = [];
  const modelIndex = new Map<string, number>();
  const tallies: ModelTally[] = [];
  const steps = {
    llmSpan: new Int32Array(n),
    depth: new Uint16Array(n),
    model: new Int32Array(n),
    input: new Float64Array(n),
    output: new Float64Array(n),
    cached: new Float64Array(n),
    reasoning: new Float64Array(n),
    costUsd: new Float64Array(n),
    runningUsd: new Float64Array(n),
    waste: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const s = c.steps[k];
    steps.llmSpan[k] = s.llmSpanIndex;
    steps.depth[k] = Math.min(s.depth, 0xffff);
    steps.input[k] = s.input;
    steps.output[k] = s.output;
    steps.cached[k] = s.cached;
    steps.reasoning[k] = s.reasoning;
    steps.costUsd[k] = s.costUsd ?? NaN;
    steps.runningUsd[k] = s.runningUsd ?? NaN;
    steps.waste[k] = s.waste ? WASTE_CODES.indexOf(s.waste) : 0;
    if (s.model === undefined) {
      steps.model[k] = -1;
      continue;
    }
    let m = modelIndex.get(s.model);
    if (m === undefined) {
      m = models.length;
      modelIndex.set(s.model, m);
      models.push(s.model);
      tallies.push({ steps: 0, input: 0, output: 0, cached: 0, cost: 0, unknown: false, vendor: 0, tabled: 0 });
    }
    steps.model[k] = m;
    const t = tallies[m];
    t.steps++;
    t.input += s.input;
    t.output += s.output;
    t.cached += s.cached;
    const call = callBySpan.get(s.llmSpanIndex);
    const cost = call?.cost;
    // The same rule as costSteps' running total: unknown when a step's cost is unknown.
    if (s.costUsd !== null) t.cost += s.costUsd;
    else t.unknown = true;
    if (cost?.source === 'vendor') t.vendor++;
    else if (cost?.source === 'price-table') t.tabled++;
  }

  return {
    steps,
    models,
    totals: c.totals,
    totalUsd: c.totalUsd,
    pricedUsd: c.pricedUsd,
    unpricedSteps: c.unpricedSteps,
    noUsageSteps: c.noUsageSteps,
    wasteTokens: c.wasteTokens,
    wasteShare: c.wasteShare,
    ...(c.cancellation
      ? { cancellation: { spanIndex: c.cancellation.spanIndex, atMs: offsetMs(spanMs(trace.startNs, c.cancellation.atNs)), via: c.cancellation.via } }
      : {}),
    tokensAfterCancel: c.tokensAfterCancel,
    llmSpansAfterCancel: c.llmSpansAfterCancel,
    prices: models.map((model, m) => priceRow(model, tallies[m], prices)),
    priceTableDate: PRICES_AS_OF,
  };
}

/**
 * The price used for one model. A table match (settings or built-in) is named whenever the
 * model has table-priced steps or no priced steps at all; a model priced only by the trace's own
 * cost figures is `vendor`, and one with neither is `unpriced`.
 */
function priceRow(model: string, t: ModelTally, overrides: PriceOverrides | undefined): PriceRow {
  const base = { model, steps: t.steps, input: t.input, output: t.output, cached: t.cached, costUsd: t.unknown ? null : t.cost };
  const match = findPrice(model, overrides);
  if (t.vendor > 0 && t.tabled === 0) return { ...base, source: 'vendor' };
  if (!match) return { ...base, source: 'unpriced' };
  const p = match.price;
  const perM = { inputPerMTok: p.input, outputPerMTok: p.output, cachedInputPerMTok: p.cachedInput ?? p.input };
  return match.date === 'settings'
    ? { ...base, source: 'settings', matchedKey: match.key, ...perM }
    : { ...base, source: 'built-in', matchedKey: match.key, asOf: match.date, ...perM };
}
