/**
 * The cost panel's table of steps: step #, model (left out when the trace has one model: the
 * price table names it), input, output, cached, reasoning tokens, cost, running total and a
 * waste marker. An ARIA grid, virtualised like the span tree (fixed row
 * height, pooled rows, ≤ 120 rows in the DOM). Up/Down/Home/End/PageUp/PageDown move the
 * selection (which selects the step's LLM span); the selected step is scrolled into view.
 */
import { WASTE_CODES, type CostView } from '../../src/core/protocol';
import { formatCost, formatTokens } from '../../src/core/view/format';
import { h, setAttr, setText } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import { pageSize, scrollToReveal, visibleRange } from '../tree/virtualRange';

const ROW_HEIGHT = 22;
const COLUMNS = ['#', 'Model', 'In', 'Out', 'Cached', 'Reas.', 'Cost', 'Running', '⚠'] as const;
const COLUMN_TITLES = ['Step', 'Model', 'Input tokens', 'Output tokens', 'Cached input tokens', 'Reasoning tokens', 'Cost', 'Running total', 'Waste'];

export const WASTE_MARK: Readonly<Record<(typeof WASTE_CODES)[number], string>> = { none: '', failed: '✕ failed', retried: '↻ retried' };
/** The table's narrow waste column shows the symbol; the word is its label. */
const WASTE_ICON: Readonly<Record<(typeof WASTE_CODES)[number], string>> = { none: '', failed: '✕', retried: '↻' };

/**
 * A step's cost with three significant digits even below $0.0001 (where `formatCost` says
 * "<$0.0001"): single LLM calls of small models cost fractions of a cent, and the table
 * compares them. NaN (unknown) reads "unpriced".
 */
export function formatStepUsd(x: number): string {
  if (Number.isNaN(x)) return 'unpriced';
  if (!(x > 0) || x >= 0.0001) return formatCost(x);
  const digits = Math.min(12, 2 - Math.floor(Math.log10(x)));
  return `$${x.toFixed(digits)}`;
}

export interface CostTable {
  readonly element: HTMLElement;
  setSelectedStep(k: number): void;
  layout(): void;
  dispose(): void;
}

interface RowEl {
  readonly root: HTMLDivElement;
  readonly cells: HTMLDivElement[];
}

let tableSeq = 0;

export function createCostTable(view: CostView, selectStep: (k: number) => void): CostTable {
  const s = view.steps;
  const n = s.llmSpan.length;
  const prefix = `cost-step-${++tableSeq}`;
  let selected = -1;
  let queued = false;
  const pool: RowEl[] = [];

  const header = h(
    'div',
    { className: 'cost-row cost-header', attrs: { role: 'row', 'aria-rowindex': 1 } },
    COLUMNS.map((c, i) =>
      h('div', { className: `cost-cell c${i}`, text: c, attrs: { role: 'columnheader', title: COLUMN_TITLES[i], 'aria-label': COLUMN_TITLES[i] } }),
    ),
  );
  const spacer = h('div', { className: 'side-spacer', attrs: { role: 'rowgroup' } });
  const scroller = h('div', { className: 'cost-table-scroll' }, [spacer]);
  const element = h(
    'div',
    {
      className: `cost-table${view.models.length <= 1 ? ' single-model' : ''}`,
      testId: 'cost-steps',
      attrs: { role: 'grid', 'aria-label': `Steps and their cost, ${n} rows`, 'aria-rowcount': n + 1, tabindex: 0 },
    },
    [h('div', { attrs: { role: 'rowgroup' } }, [header]), scroller],
  );

  const cellTexts = (k: number): string[] => {
    const m = s.model[k];
    return [
      String(k + 1),
      m >= 0 ? inlineText(view.models[m], 60) : '—',
      formatTokens(s.input[k]),
      formatTokens(s.output[k]),
      formatTokens(s.cached[k]),
      formatTokens(s.reasoning[k]),
      formatStepUsd(s.costUsd[k]),
      formatStepUsd(s.runningUsd[k]),
      WASTE_ICON[WASTE_CODES[s.waste[k]] ?? 'none'],
    ];
  };

  const render = () => {
    queued = false;
    spacer.style.height = `${n * ROW_HEIGHT}px`;
    const { first, end } = visibleRange(scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT, n, 5, 120);
    while (pool.length < end - first) {
      const cells = COLUMNS.map((_, i) => h('div', { className: `cost-cell c${i}`, attrs: { role: 'gridcell' } }));
      const root = h('div', { className: 'cost-row', attrs: { role: 'row' } }, cells);
      pool.push({ root, cells });
      spacer.append(root);
    }
    pool.forEach((row, j) => {
      const k = first + j;
      row.root.hidden = k >= end;
      if (k >= end) return;
      row.root.dataset.step = String(k);
      row.root.style.top = `${k * ROW_HEIGHT}px`;
      setAttr(row.root, 'id', `${prefix}-${k}`);
      setAttr(row.root, 'aria-rowindex', k + 2);
      setAttr(row.root, 'aria-selected', String(k === selected));
      row.root.classList.toggle('selected', k === selected);
      row.root.classList.toggle('is-waste', s.waste[k] !== 0);
      row.root.classList.toggle('is-unpriced', Number.isNaN(s.costUsd[k]));
      cellTexts(k).forEach((t, i) => setText(row.cells[i], t));
      const waste = WASTE_MARK[WASTE_CODES[s.waste[k]] ?? 'none'];
      setAttr(row.cells[8], 'aria-label', waste || 'no waste');
      setAttr(row.cells[8], 'title', waste || undefined);
    });
    const shown = selected >= first && selected < end;
    setAttr(element, 'aria-activedescendant', shown ? `${prefix}-${selected}` : undefined);
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(render);
    }
  };
  const reveal = (k: number) => {
    scroller.scrollTop = scrollToReveal(k, scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT);
  };

  scroller.addEventListener('scroll', queue);
  scroller.addEventListener('click', (ev) => {
    const row = ev.target instanceof Element ? ev.target.closest<HTMLElement>('.cost-row') : null;
    if (row?.dataset.step !== undefined) selectStep(Number(row.dataset.step));
  });
  element.addEventListener('keydown', (ev) => {
    if (n === 0) return;
    const page = pageSize(scroller.clientHeight, ROW_HEIGHT);
    const from = selected < 0 ? -1 : selected;
    const moves: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: n - 1, PageDown: from + page, PageUp: from - page };
    if (!(ev.key in moves)) return;
    ev.preventDefault();
    selectStep(Math.max(0, Math.min(n - 1, moves[ev.key])));
  });
  const resize = new ResizeObserver(queue);
  resize.observe(scroller);

  return {
    element,
    setSelectedStep(k) {
      selected = k;
      if (k >= 0) reveal(k);
      queue();
    },
    layout: render,
    dispose() {
      resize.disconnect();
    },
  };
}
