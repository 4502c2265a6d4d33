/**
 * The waterfall's search and filter bar: text, kind, status and attribute inputs (reported
 * debounced as `SearchInputs`), the match counter, previous/next buttons (Enter / Shift+Enter in
 * the text field), "Only matches" and "Critical path" toggles. DOM only; the view owns the state.
 */
import { CATEGORY_CODES, SPAN_STATUS_FILTERS, type SpanStatusFilter } from '../../src/core/protocol';
import { button } from '../components/button';
import { h, setText } from '../components/dom';
import { textField } from '../components/textField';
import { categoryVisual } from '../tree/rowVisuals';
import type { SearchInputs } from './searchModel';

export const SEARCH_DEBOUNCE_MS = 200;

export interface SearchBarOptions {
  readonly onSearch: (inputs: SearchInputs) => void;
  readonly onStep: (dir: 1 | -1) => void;
  readonly onOnlyMatches: (on: boolean) => void;
  readonly onCriticalPath: (on: boolean) => void;
  /** Escape in a field: back to the canvas. */
  readonly onLeave: () => void;
}

export interface SearchBar {
  readonly element: HTMLElement;
  readonly textInput: HTMLInputElement;
  setCounter(text: string, hasMatches: boolean): void;
  dispose(): void;
}

function checkbox(label: string, checked: boolean, testId: string, onChange: (on: boolean) => void): HTMLLabelElement {
  const box = h('input', { testId, attrs: { type: 'checkbox' } });
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return h('label', { className: 'wf-toggle' }, [box, label]);
}

export function createSearchBar(opts: SearchBarOptions): SearchBar {
  let timer: number | undefined;
  const inputs = (): SearchInputs => ({ text: text.value, category: kind.value, status: status.value as SpanStatusFilter, attribute: attr.value });
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => opts.onSearch(inputs()), SEARCH_DEBOUNCE_MS);
  };
  const text = textField({ ariaLabel: 'Search spans by name, service, tool or model', placeholder: 'Search spans', testId: 'wf-search', onInput: schedule });
  text.classList.add('wf-search-text');
  const kind = h('select', { className: 'wf-select', testId: 'wf-kind', attrs: { 'aria-label': 'Kind' } }, [
    h('option', { text: 'Any kind', attrs: { value: 'any' } }),
    ...CATEGORY_CODES.map((c) => h('option', { text: categoryVisual(CATEGORY_CODES.indexOf(c)).title, attrs: { value: c } })),
  ]);
  const status = h(
    'select',
    { className: 'wf-select', testId: 'wf-status', attrs: { 'aria-label': 'Status' } },
    SPAN_STATUS_FILTERS.map((st) =>
      h('option', { text: st === 'any' ? 'Any status' : st === 'error' ? 'Error' : st === 'ok' ? 'OK' : 'Unset', attrs: { value: st } }),
    ),
  );
  kind.addEventListener('change', schedule);
  status.addEventListener('change', schedule);
  const attr = textField({ ariaLabel: 'Attribute: key or key=value', placeholder: 'key=value', testId: 'wf-attr', onInput: schedule });
  attr.classList.add('wf-search-attr');
  const counter = h('span', { className: 'wf-counter', testId: 'wf-count', attrs: { role: 'status', 'aria-live': 'polite' } });
  const prev = button({ label: '↑', title: 'Previous match (Shift+Enter)', variant: 'icon', testId: 'wf-prev', onClick: () => opts.onStep(-1) });
  const next = button({ label: '↓', title: 'Next match (Enter)', variant: 'icon', testId: 'wf-next', onClick: () => opts.onStep(1) });
  prev.setAttribute('aria-label', 'Previous match');
  next.setAttribute('aria-label', 'Next match');
  const only = checkbox('Only matches', false, 'wf-only', opts.onOnlyMatches);
  const critical = checkbox('Critical path', true, 'wf-critical', opts.onCriticalPath);

  for (const field of [text, attr]) {
    field.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') {
        ev.preventDefault();
        // Run a pending search first so Enter right after typing steps through fresh matches.
        if (timer !== undefined) {
          window.clearTimeout(timer);
          timer = undefined;
          opts.onSearch(inputs());
        }
        opts.onStep(ev.shiftKey ? -1 : 1);
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        opts.onLeave();
      }
      // Letters typed here must not step the selection (the global n/p/j/k/e handler).
      ev.stopPropagation();
    });
  }

  // Three groups that wrap as wholes in a narrow pane: search and its stepping, filters, toggles.
  const element = h('div', { className: 'wf-toolbar', attrs: { role: 'search', 'aria-label': 'Search and filter spans' } }, [
    h('div', { className: 'wf-group wf-group-search' }, [text, counter, prev, next]),
    h('div', { className: 'wf-group' }, [kind, status, attr]),
    h('div', { className: 'wf-group' }, [only, critical]),
  ]);
  const setCounter = (t: string, hasMatches: boolean) => {
    setText(counter, t);
    prev.disabled = !hasMatches;
    next.disabled = !hasMatches;
  };
  setCounter('', false);
  return {
    element,
    textInput: text,
    setCounter,
    dispose() {
      window.clearTimeout(timer);
    },
  };
}
