/**
 * Right-hand panel: the trace's LLM calls in order — model, tokens and duration of each, with a
 * bar scaled to the longest call — so the expensive or slow calls stand out and one click selects
 * the span. Virtualised like the tree (fixed row height, pooled rows). Per-call cost is in the
 * detail panel: `RowText` carries tokens but not cost.
 */
import type { TraceStructure, TraceSummary } from '../../src/core/protocol';
import { formatCost, formatDuration, formatTokens } from '../../src/core/view/format';
import { h, setAttr, setText } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import type { RowSource } from '../tree/rowSource';
import { scrollToReveal, visibleRange } from '../tree/virtualRange';
import { llmCallIndices, totalLlmMs } from './llmCalls';

const ITEM_HEIGHT = 40;

export interface LlmCallsPanel {
  readonly element: HTMLElement;
  setSelected(index: number): void;
  layout(): void;
  dispose(): void;
}

interface ItemEl {
  readonly root: HTMLDivElement;
  readonly title: HTMLSpanElement;
  readonly meta: HTMLSpanElement;
  readonly bar: HTMLDivElement;
}

export function createLlmCallsPanel(s: TraceStructure, summary: TraceSummary, rows: RowSource, select: (index: number) => void): LlmCallsPanel {
  const calls = llmCallIndices(s);
  let maxMs = 0;
  for (const i of calls) maxMs = Math.max(maxMs, s.durationMs[i]);
  let selected = -1;
  let queued = false;
  const pool: ItemEl[] = [];

  const heading = h('h2', { className: 'side-title', text: `LLM calls · ${calls.length}` });
  const totals = h('p', {
    className: 'side-totals muted',
    text: `${formatTokens(summary.tokens.input)} in · ${formatTokens(summary.tokens.output)} out · ${formatCost(summary.costUsd)} · ${formatDuration(totalLlmMs(s, calls))} in calls`,
  });
  const spacer = h('div', { className: 'side-spacer', attrs: { role: 'none' } });
  const list = h('div', { className: 'side-list', attrs: { role: 'listbox', 'aria-label': 'LLM calls', tabindex: 0 } }, [spacer]);
  const body: HTMLElement[] = calls.length > 0 ? [totals, list] : [h('p', { className: 'empty-note', text: 'No LLM calls were recognised in this trace.' })];
  const element = h('aside', { className: 'side-panel llm-calls', attrs: { 'aria-label': 'LLM calls' } }, [heading, ...body]);

  const render = () => {
    queued = false;
    spacer.style.height = `${calls.length * ITEM_HEIGHT}px`;
    const { first, end } = visibleRange(list.scrollTop, list.clientHeight, ITEM_HEIGHT, calls.length, 5, 100);
    rows.ensure(calls.subarray(first, end));
    while (pool.length < end - first) {
      const title = h('span', { className: 'call-title' });
      const meta = h('span', { className: 'call-meta' });
      const bar = h('div', { className: 'call-bar cat-llm' });
      const root = h('div', { className: 'call-item', attrs: { role: 'option' } }, [title, meta, h('div', { className: 'call-track' }, [bar])]);
      pool.push({ root, title, meta, bar });
      spacer.append(root);
    }
    pool.forEach((item, k) => {
      const pos = first + k;
      item.root.hidden = pos >= end;
      if (pos >= end) return;
      const index = calls[pos];
      const text = rows.get(index);
      const label = text ? inlineText(text.name || '(unnamed)', 120) : '…';
      item.root.dataset.index = String(index);
      item.root.style.top = `${pos * ITEM_HEIGHT}px`;
      setText(item.title, `${pos + 1}. ${label}`);
      const model = text?.label ? `${inlineText(text.label, 60)} · ` : '';
      const tokens = text?.tokens !== undefined ? `${formatTokens(text.tokens)} tok · ` : '';
      setText(item.meta, `${model}${tokens}${formatDuration(s.durationMs[index])}${s.status[index] === 2 ? ' · error' : ''}`);
      item.root.classList.toggle('is-error', s.status[index] === 2);
      item.bar.style.width = `${maxMs > 0 ? (s.durationMs[index] / maxMs) * 100 : 100}%`;
      item.root.classList.toggle('selected', index === selected);
      setAttr(item.root, 'aria-selected', String(index === selected));
      setAttr(item.root, 'id', `llm-call-${index}`);
    });
    setAttr(
      list,
      'aria-activedescendant',
      selected >= 0 && pool.some((p) => !p.root.hidden && p.root.dataset.index === String(selected)) ? `llm-call-${selected}` : undefined,
    );
  };
  const queue = () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(render);
    }
  };

  list.addEventListener('scroll', queue);
  list.addEventListener('click', (ev) => {
    const item = ev.target instanceof Element ? ev.target.closest<HTMLElement>('.call-item') : null;
    if (item?.dataset.index !== undefined) select(Number(item.dataset.index));
  });
  list.addEventListener('keydown', (ev) => {
    if (!['ArrowUp', 'ArrowDown', 'Home', 'End'].includes(ev.key) || calls.length === 0) return;
    ev.preventDefault();
    const pos = calls.indexOf(selected);
    const next =
      ev.key === 'Home' ? 0 : ev.key === 'End' ? calls.length - 1 : ev.key === 'ArrowDown' ? Math.min(calls.length - 1, pos + 1) : Math.max(0, pos - 1);
    select(calls[next]);
  });
  const unsubscribe = rows.onLoaded(queue);
  const resize = new ResizeObserver(queue);
  resize.observe(list);

  return {
    element,
    setSelected(index) {
      selected = index;
      const pos = calls.indexOf(index);
      if (pos >= 0) list.scrollTop = scrollToReveal(pos, list.scrollTop, list.clientHeight, ITEM_HEIGHT);
      queue();
    },
    layout: render,
    dispose() {
      unsubscribe();
      resize.disconnect();
      element.remove();
    },
  };
}
