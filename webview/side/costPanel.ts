/**
 * The Cost tab of the right-hand column: what the run spent. Totals on top (tokens, total cost —
 * or how many steps are unpriced and what the priced part costs —, tokens wasted in failed or
 * retried steps, tokens spent after a cancellation), a per-step bar chart, a virtualised table
 * of the steps, and the prices used with their source. Loaded from the host (`getCost`) the
 * first time the tab is shown. Clicking a bar or a row selects that step's LLM span through the
 * app's one selection path; the selected span's step is highlighted in both.
 */
import { WASTE_CODES, type CostView, type PriceRow } from '../../src/core/protocol';
import { formatCost, formatCount, formatDuration, formatTokens, plural } from '../../src/core/view/format';
import { linkButton } from '../components/linkButton';
import { h } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import { createCostChart, type CostChart } from './costChart';
import { createCostTable, formatStepUsd, WASTE_MARK, type CostTable } from './costTable';

export interface CostPanelDeps {
  readonly load: () => Promise<CostView>;
  readonly select: (index: number) => void;
}

export interface CostPanel {
  readonly element: HTMLElement;
  /** Loads the view on first call; lays the table out after the tab is shown. */
  activate(): void;
  setSelected(index: number): void;
  dispose(): void;
}

const SOURCE_LABEL: Readonly<Record<PriceRow['source'], string>> = {
  vendor: 'cost in trace',
  'built-in': 'built-in',
  settings: 'settings',
  unpriced: 'unpriced',
};

/** "$2.50" for a per-million price; "—" when absent. */
const perM = (x: number | undefined) => (x === undefined ? '—' : `$${x.toLocaleString('en-US', { maximumFractionDigits: 4 })}`);

export function createCostPanel(deps: CostPanelDeps): CostPanel {
  const element = h('section', { className: 'side-panel cost-panel', testId: 'cost-panel', attrs: { 'aria-label': 'Token cost' } });
  const body = h('div', { className: 'cost-body' });
  element.append(body);
  let started = false;
  let disposed = false;
  let selectedSpan = -1;
  let loaded: { view: CostView; stepOf: Map<number, number>; chart: CostChart; table: CostTable } | undefined;

  const note = (text: string) => body.replaceChildren(h('p', { className: 'empty-note', text }));

  const applySelection = () => {
    if (!loaded) return;
    const k = loaded.stepOf.get(selectedSpan) ?? -1;
    loaded.chart.setSelectedStep(k);
    loaded.table.setSelectedStep(k);
  };

  function render(view: CostView): void {
    const n = view.steps.llmSpan.length;
    if (n === 0) {
      note('No LLM calls were recognised in this trace, so there is nothing to price.');
      return;
    }
    const stepOf = new Map<number, number>();
    for (let k = 0; k < n; k++) stepOf.set(view.steps.llmSpan[k], k);
    const selectStep = (k: number) => deps.select(view.steps.llmSpan[k]);
    const chart = createCostChart({ view, describe: (first, end) => describeSteps(view, first, end), selectStep });
    const table = createCostTable(view, selectStep);
    body.replaceChildren(
      h('h2', { className: 'side-title', text: `Cost · ${plural(n, 'step')}` }),
      totals(view, deps.select),
      h('h3', { className: 'cost-subtitle', text: 'Tokens per step' }),
      chart.element,
      h('h3', { className: 'cost-subtitle', text: 'Steps' }),
      table.element,
      h('h3', { className: 'cost-subtitle', text: 'Prices used' }),
      priceTable(view),
    );
    loaded = { view, stepOf, chart, table };
    table.layout();
    applySelection();
  }

  return {
    element,
    activate() {
      if (loaded) {
        loaded.table.layout();
        return;
      }
      if (started) return;
      started = true;
      note('Adding up the cost…');
      deps.load().then(
        (v) => {
          if (!disposed) render(v);
        },
        (err: unknown) => {
          if (!disposed) note(`Could not compute the cost: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    },
    setSelected(index) {
      selectedSpan = index;
      applySelection();
    },
    dispose() {
      disposed = true;
      loaded?.table.dispose();
      element.remove();
    },
  };
}

/** "2 steps unpriced, 1 without usage recorded". */
function unknownSteps(v: CostView): string {
  const parts: string[] = [];
  if (v.unpricedSteps > 0) parts.push(`${plural(v.unpricedSteps, 'step')} unpriced`);
  if (v.noUsageSteps > 0) parts.push(`${plural(v.noUsageSteps, 'step')} without usage recorded`);
  return parts.join(', ');
}

function totals(v: CostView, select: (index: number) => void): HTMLElement {
  const t = v.totals;
  const items: [string, HTMLElement | string][] = [];
  items.push(['Input', `${formatTokens(t.input)} tokens${t.cached > 0 ? ` (${formatTokens(t.cached)} cached)` : ''}`]);
  items.push(['Output', `${formatTokens(t.output)} tokens${t.reasoning > 0 ? ` (${formatTokens(t.reasoning)} reasoning)` : ''}`]);
  const cost =
    v.totalUsd !== null
      ? h('span', { className: 'cost-total', testId: 'cost-total', text: formatCost(v.totalUsd) })
      : h('span', {
          className: 'cost-total is-unpriced',
          testId: 'cost-total',
          text: `unknown: ${unknownSteps(v)} · priced part ${formatCost(v.pricedUsd)}`,
        });
  items.push(['Total cost', cost]);
  if (v.wasteShare !== null) {
    items.push(['Waste', `${formatCount(v.wasteTokens)} tokens (${(v.wasteShare * 100).toFixed(1)} %) in failed or retried steps`]);
  }
  if (v.cancellation) {
    const c = v.cancellation;
    const link = linkButton({
      label: `cancelled at ${formatDuration(c.atMs)}`,
      title: 'Select the span that records the cancellation',
      onClick: () => select(c.spanIndex),
    });
    items.push([
      'After cancel',
      h('span', {}, [
        `${formatCount(v.tokensAfterCancel)} output tokens in ${plural(v.llmSpansAfterCancel.length, 'LLM call')} that ended after it (`,
        link,
        ')',
      ]),
    ]);
  }
  return h(
    'dl',
    { className: 'cost-totals', testId: 'cost-totals' },
    items.flatMap(([k, val]) => [h('dt', { text: k }), h('dd', {}, [val])]),
  );
}

function describeSteps(v: CostView, first: number, end: number): string {
  const s = v.steps;
  if (end - first === 1) {
    const m = s.model[first];
    const waste = WASTE_MARK[WASTE_CODES[s.waste[first]] ?? 'none'];
    return [
      `Step ${first + 1}`,
      m >= 0 ? inlineText(v.models[m], 60) : 'no model',
      `${formatTokens(s.input[first])} in`,
      `${formatTokens(s.output[first])} out`,
      formatStepUsd(s.costUsd[first]),
      ...(waste ? [waste] : []),
    ].join(' · ');
  }
  let input = 0,
    output = 0,
    usd = 0,
    unpriced = 0;
  for (let k = first; k < end; k++) {
    input += s.input[k];
    output += s.output[k];
    if (Number.isNaN(s.costUsd[k])) unpriced++;
    else usd += s.costUsd[k];
  }
  return [
    `Steps ${first + 1}–${end}`,
    `${formatTokens(input)} in`,
    `${formatTokens(output)} out`,
    `${formatStepUsd(usd)}${unpriced > 0 ? ` + ${unpriced} unpriced` : ''}`,
  ].join(' · ');
}

/** At most this many models are listed (a trace rarely has more than a handful). */
const MAX_PRICE_ROWS = 200;

function priceTable(v: CostView): HTMLElement {
  const head = h('tr', {}, [
    h('th', { text: 'Model', attrs: { scope: 'col' } }),
    h('th', { text: 'Source', attrs: { scope: 'col' } }),
    h('th', { className: 'num', text: 'In', attrs: { scope: 'col', title: 'USD per million input tokens' } }),
    h('th', { className: 'num', text: 'Out', attrs: { scope: 'col', title: 'USD per million output tokens' } }),
    h('th', { className: 'num', text: 'Cached', attrs: { scope: 'col', title: 'USD per million cached input tokens' } }),
  ]);
  const rows = v.prices.slice(0, MAX_PRICE_ROWS).map((p) => {
    const renamed = p.matchedKey !== undefined && p.matchedKey !== p.model.toLowerCase();
    const model = h('th', { attrs: { scope: 'row' } }, [inlineText(p.model, 80)]);
    if (renamed) model.append(h('span', { className: 'muted', text: ` → ${inlineText(p.matchedKey ?? '', 60)}` }));
    // The as-of date sits under the source: the column is narrow, and only the built-in table has one.
    const source = h('td', { className: 'price-source' }, [SOURCE_LABEL[p.source]]);
    if (p.source === 'built-in' && p.asOf) source.append(h('span', { className: 'price-date muted', text: `as of ${p.asOf}` }));
    if (p.source === 'unpriced' || p.source === 'vendor') {
      const note = `${formatTokens(p.input)} in · ${formatTokens(p.output)} out · ${formatCost(p.costUsd)}`;
      return h('tr', { className: `price-${p.source}` }, [model, source, h('td', { text: note, attrs: { colspan: 3 } })]);
    }
    return h('tr', { className: `price-${p.source}` }, [
      model,
      source,
      h('td', { className: 'num', text: perM(p.inputPerMTok) }),
      h('td', { className: 'num', text: perM(p.outputPerMTok) }),
      h('td', { className: 'num', text: perM(p.cachedInputPerMTok) }),
    ]);
  });
  const more = v.prices.length > MAX_PRICE_ROWS ? [h('p', { className: 'muted', text: `and ${v.prices.length - MAX_PRICE_ROWS} more models` })] : [];
  return h('div', { className: 'cost-prices' }, [
    h('table', { className: 'cost-price-table', testId: 'cost-prices' }, [
      h('caption', { className: 'cost-price-caption muted', text: 'USD per million tokens' }),
      h('thead', {}, [head]),
      h('tbody', {}, rows),
    ]),
    ...more,
    h('p', {
      className: 'cost-price-note muted',
      text: `Built-in prices are public list prices as of ${v.priceTableDate}; the agentTrace.prices setting overrides them. A cost recorded in the trace itself is used first. Unpriced models count their tokens but no dollars.`,
    }),
  ]);
}
