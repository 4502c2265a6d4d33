/**
 * Renders a CompareView: a header (runs, verdict, open buttons), the totals with deltas, the
 * step-aligned pairs side by side (status badge, each side's model, tools with arguments and
 * status, tokens and cost; for a changed pair what changed and the word diff of the text), and
 * the findings fixed/new/unchanged. Trace text only through textContent (components/dom.ts).
 */
import type { ComparePairView, CompareStepSide, CompareView } from '../../src/core/protocol/compare';
import { badge, type BadgeTone } from '../components/badge';
import { button } from '../components/button';
import { h } from '../components/dom';

export interface CompareActions {
  readonly selectPair: (pair: number) => void;
  readonly openSide: (side: 'a' | 'b') => void;
}

const STATUS_TONE: Readonly<Record<ComparePairView['status'], BadgeTone>> = { same: 'neutral', changed: 'warning', added: 'ok', removed: 'error' };

export function renderCompare(root: HTMLElement, view: CompareView, actions: CompareActions): void {
  root.replaceChildren(header(view, actions), totals(view), pairs(view, actions), findings(view));
  markSelected(root, view.selected);
}

/** Highlights pair `pair` (and scrolls it into view) without re-rendering. */
export function markSelected(root: HTMLElement, pair: number): void {
  for (const el of root.querySelectorAll<HTMLElement>('.pair')) {
    const on = Number(el.dataset.pair) === pair;
    el.classList.toggle('selected', on);
    el.setAttribute('aria-selected', String(on));
    if (on) el.scrollIntoView({ block: 'nearest' });
  }
}

function header(view: CompareView, actions: CompareActions): HTMLElement {
  return h('header', { className: 'cmp-header' }, [
    h('div', { className: 'cmp-runs' }, [
      h('span', { className: 'cmp-side-label', text: 'A (baseline)' }),
      h('span', { className: 'cmp-title', text: view.titleA, testId: 'compare-title-a' }),
      button({ label: 'Open A', testId: 'compare-open-a', onClick: () => actions.openSide('a') }),
      h('span', { className: 'cmp-side-label', text: 'B' }),
      h('span', { className: 'cmp-title', text: view.titleB, testId: 'compare-title-b' }),
      button({ label: 'Open B', testId: 'compare-open-b', onClick: () => actions.openSide('b') }),
    ]),
    h('div', { className: 'cmp-verdict', testId: 'compare-verdict' }, [
      view.regression ? badge('regression', 'error') : badge('no regression', 'ok'),
      ...view.reasons.map((r) => h('span', { className: 'cmp-reason', text: r })),
    ]),
  ]);
}

function totals(view: CompareView): HTMLElement {
  const head = h(
    'tr',
    {},
    ['', 'A', 'B', 'Δ'].map((t) => h('th', { text: t })),
  );
  const rows = view.totals.map((r) =>
    h('tr', { className: `tone-${r.tone}` }, [
      h('th', { text: r.label }),
      h('td', { text: r.a }),
      h('td', { text: r.b }),
      h('td', { className: 'delta', text: r.delta }),
    ]),
  );
  return h('section', { className: 'cmp-totals' }, [h('table', { testId: 'compare-totals' }, [h('thead', {}, [head]), h('tbody', {}, rows)])]);
}

function pairs(view: CompareView, actions: CompareActions): HTMLElement {
  const list = h('div', { className: 'cmp-pairs', testId: 'compare-pairs', attrs: { role: 'listbox', 'aria-label': 'Aligned steps' } });
  view.pairs.forEach((p, i) => {
    const row = h(
      'div',
      { className: `pair pair-${p.status}`, testId: 'compare-pair', attrs: { role: 'option', tabindex: 0, 'data-status': p.status, 'data-pair': i } },
      [
        h('div', { className: 'pair-status' }, [badge(p.status, STATUS_TONE[p.status])]),
        sideCell(p.a, 'a'),
        sideCell(p.b, 'b'),
        ...(p.changes.length ? [h('div', { className: 'pair-changes', text: p.changes.join(' · ') })] : []),
        ...(p.words.length ? [wordDiff(p)] : []),
      ],
    );
    const pick = () => {
      markSelected(list, i);
      actions.selectPair(i);
    };
    row.addEventListener('click', pick);
    row.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        pick();
      }
    });
    list.append(row);
  });
  return h('section', {}, [h('h2', { text: 'Steps' }), list]);
}

function sideCell(s: CompareStepSide | null, which: 'a' | 'b'): HTMLElement {
  if (!s) return h('div', { className: `pair-side side-${which} empty`, text: '—' });
  const tools = s.tools.length
    ? s.tools.map((t) =>
        h('div', { className: `tool tool-${t.status}` }, [
          h('span', { className: 'tool-name', text: t.name }),
          h('span', { className: 'tool-args mono', text: t.args }),
          ...(t.status === 'ok' ? [] : [badge(t.status, t.status === 'error' ? 'error' : 'warning')]),
        ]),
      )
    : [h('div', { className: 'muted', text: s.text ? 'text answer' : 'no tool calls' })];
  return h('div', { className: `pair-side side-${which}` }, [
    h('div', { className: 'side-head' }, [
      h('span', { className: 'step-no', text: `step ${s.index + 1}` }),
      h('span', { className: 'model', text: s.model || '(model not recorded)' }),
      h('span', { className: 'muted', text: `${s.tokens} tokens · ${s.cost}` }),
      ...(s.status === 'error' ? [badge('error', 'error')] : []),
    ]),
    ...tools,
  ]);
}

function wordDiff(p: ComparePairView): HTMLElement {
  return h(
    'div',
    { className: 'pair-words', testId: 'compare-word-diff' },
    p.words.map((w) => (w.op === 'same' ? document.createTextNode(w.text) : h(w.op === 'added' ? 'ins' : 'del', { text: w.text }))),
  );
}

function findings(view: CompareView): HTMLElement {
  const groups = (['fixed', 'new', 'unchanged'] as const).map((g) => {
    const items = view.findings.filter((f) => f.group === g);
    return h('div', { className: `findings-group group-${g}`, testId: `compare-findings-${g}` }, [
      h('h3', { text: `${g[0].toUpperCase()}${g.slice(1)} (${items.length})` }),
      ...items.map((f) =>
        h('div', { className: 'finding' }, [
          badge(f.severity, f.severity === 'info' ? 'neutral' : f.severity),
          h('span', { className: 'kind', text: f.kind }),
          h('span', { text: f.message }),
        ]),
      ),
    ]);
  });
  return h('section', { className: 'cmp-findings' }, [h('h2', { text: 'Findings' }), ...groups]);
}
