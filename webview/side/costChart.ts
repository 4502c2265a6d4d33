/**
 * The cost panel's per-step bar chart: input and output tokens of each step stacked, as a small
 * SVG that stretches to the column width (one viewBox unit per bar). Past `MAX_BARS` steps,
 * consecutive steps are summed into buckets so the chart stays a few hundred nodes whatever the
 * trace size. Hover or arrow keys show a bar's step(s) in a live readout; click, Enter or Space
 * selects the bar's first step (its LLM span, through the caller).
 */
import { scaleLinear } from 'd3-scale';
import type { CostView } from '../../src/core/protocol';
import { formatTokens } from '../../src/core/view/format';
import { h, setAttr, setText } from '../components/dom';
import { bucketOf, bucketSteps } from './costBuckets';

const CHART_HEIGHT = 100;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface CostChart {
  readonly element: HTMLElement;
  /** Highlights the bar of step `k` (-1: none). */
  setSelectedStep(k: number): void;
}

export interface CostChartDeps {
  readonly view: CostView;
  /** One line describing steps [first, end). */
  readonly describe: (first: number, end: number) => string;
  readonly selectStep: (k: number) => void;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string | number>>, cls?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) setAttr(el, k, v);
  if (cls) el.setAttribute('class', cls);
  return el;
}

export function createCostChart(deps: CostChartDeps): CostChart {
  const { view } = deps;
  const buckets = bucketSteps(view.steps);
  const bars = buckets.length;
  const max = buckets.reduce((m, b) => Math.max(m, b.input + b.output), 0);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([CHART_HEIGHT, 0]);
  const size = bars > 0 ? buckets[0].end - buckets[0].first : 1;

  const chart = svg(
    'svg',
    { viewBox: `0 0 ${Math.max(1, bars)} ${CHART_HEIGHT}`, preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    'cost-chart-svg',
  );
  const hover = svg('rect', { x: 0, y: 0, width: 1, height: CHART_HEIGHT }, 'cost-bar-hover');
  const selected = svg('rect', { x: 0, y: 0, width: 1, height: CHART_HEIGHT }, 'cost-bar-selected');
  hover.style.display = 'none';
  selected.style.display = 'none';
  chart.append(hover, selected);
  // A hairline gap between bars only when they are wide enough to afford one.
  const gap = bars <= 60 ? 0.15 : 0;
  buckets.forEach((b, i) => {
    const yIn = y(b.input),
      yTop = y(b.input + b.output);
    if (b.input > 0)
      chart.append(svg('rect', { x: i + gap / 2, y: yIn, width: 1 - gap, height: CHART_HEIGHT - yIn }, `cost-bar-input${b.waste ? ' is-waste' : ''}`));
    if (b.output > 0)
      chart.append(svg('rect', { x: i + gap / 2, y: yTop, width: 1 - gap, height: yIn - yTop }, `cost-bar-output${b.waste ? ' is-waste' : ''}`));
  });

  const scale = h('div', { className: 'cost-chart-scale muted', text: `max ${formatTokens(max)} tokens${size > 1 ? ` per ${size} steps` : ' per step'}` });
  const plot = h(
    'div',
    {
      className: 'cost-chart',
      testId: 'cost-chart',
      attrs: {
        role: 'group',
        tabindex: bars > 0 ? 0 : -1,
        'aria-roledescription': 'bar chart',
        'aria-label': `Input and output tokens per step, ${bars} bar${bars === 1 ? '' : 's'}${size > 1 ? ` of ${size} steps each` : ''}. Arrow keys move between bars, Enter selects the step.`,
      },
    },
    [chart],
  );
  const readout = h('div', {
    className: 'cost-chart-readout muted',
    text: bars > 0 ? 'Hover a bar to see its step; click to select it.' : 'No steps.',
    attrs: { 'aria-live': 'polite' },
  });
  const legend = h('div', { className: 'cost-legend muted', attrs: { 'aria-hidden': 'true' } }, [
    h('span', { className: 'cost-swatch cost-swatch-input' }),
    ' input ',
    h('span', { className: 'cost-swatch cost-swatch-output' }),
    ' output ',
    h('span', { className: 'cost-swatch cost-swatch-waste' }),
    ' failed or retried',
  ]);
  const element = h('div', { className: 'cost-chart-block' }, [h('div', { className: 'cost-chart-head' }, [scale, legend]), plot, readout]);

  let focusBar = -1;
  const place = (rect: SVGRectElement, bar: number) => {
    rect.style.display = bar >= 0 ? '' : 'none';
    if (bar >= 0) setAttr(rect, 'x', bar);
  };
  const show = (bar: number) => {
    place(hover, bar);
    if (bar >= 0) setText(readout, deps.describe(buckets[bar].first, buckets[bar].end));
  };
  const barAt = (ev: MouseEvent) => {
    const r = plot.getBoundingClientRect();
    if (r.width <= 0 || bars === 0) return -1;
    return Math.max(0, Math.min(bars - 1, Math.floor(((ev.clientX - r.left) / r.width) * bars)));
  };

  plot.addEventListener('mousemove', (ev) => show(barAt(ev)));
  plot.addEventListener('mouseleave', () => place(hover, focusBar));
  plot.addEventListener('click', (ev) => {
    const bar = barAt(ev);
    if (bar >= 0) {
      focusBar = bar;
      deps.selectStep(buckets[bar].first);
    }
  });
  plot.addEventListener('keydown', (ev) => {
    if (bars === 0) return;
    let next: number;
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') next = Math.min(bars - 1, focusBar + 1);
    else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') next = Math.max(0, focusBar - 1);
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = bars - 1;
    else if ((ev.key === 'Enter' || ev.key === ' ') && focusBar >= 0) {
      ev.preventDefault();
      deps.selectStep(buckets[focusBar].first);
      return;
    } else return;
    ev.preventDefault();
    focusBar = Math.max(0, next);
    show(focusBar);
  });
  plot.addEventListener('blur', () => place(hover, -1));

  return {
    element,
    setSelectedStep(k) {
      const bar = bucketOf(buckets, k);
      place(selected, bar);
      if (bar >= 0) focusBar = bar;
    },
  };
}
