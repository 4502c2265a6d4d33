/**
 * The waterfall's search and filter bar: text, kind, status and attribute inputs (reported
 * debounced as `SearchInputs`), the match counter, previous/next buttons (Enter / Shift+Enter in
 * the text field), "Only matches" and "Critical path" toggles. DOM only; the view owns the state.
 */
import { CATEGORY_CODES, SPAN_STATUS_FILTERS, type SpanStatusFilter } from '../../src/core/protocol';
import { button } from '../components/button';
import { checkbox } from '../components/checkbox';
import { h, setText } from '../components/dom';
import { select } from '../components/select';
import { selectAllText, textField } from '../components/textField';
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
  /** Focuses the search field with its text selected (the `/` key). */
  focusText(): void;
  setCounter(text: string, hasMatches: boolean): void;
  dispose(): void;
}

export function createSearchBar(opts: SearchBarOptions): SearchBar {
  let timer: number | undefined;
  const inputs = (): SearchInputs => ({ text: text.value, category: kind.value(), status: status.value(), attribute: attr.value });
  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => opts.onSearch(inputs()), SEARCH_DEBOUNCE_MS);
  };
  const text = textField({ ariaLabel: 'Search spans by name, service, tool or model', placeholder: 'Search spans', testId: 'wf-search', onInput: schedule });
  text.classList.add('wf-search-text');
  const kind = select({
    ariaLabel: 'Kind',
    className: 'wf-select',
    testId: 'wf-kind',
    options: [{ value: 'any', label: 'Any kind' }, ...CATEGORY_CODES.map((c, i) => ({ value: c, label: categoryVisual(i).title }))],
    onChange: schedule,
  });
  const status = select<SpanStatusFilter>({
    ariaLabel: 'Status',
    className: 'wf-select',
    testId: 'wf-status',
    options: SPAN_STATUS_FILTERS.map((st) => ({ value: st, label: st === 'any' ? 'Any status' : st === 'error' ? 'Error' : st === 'ok' ? 'OK' : 'Unset' })),
    onChange: schedule,
  });
  const attr = textField({ ariaLabel: 'Attribute: key or key=value', placeholder: 'key=value', testId: 'wf-attr', onInput: schedule });
  attr.classList.add('wf-search-attr');
  const counter = h('span', { className: 'wf-counter', testId: 'wf-count', attrs: { role: 'status', 'aria-live': 'polite' } });
  const prev = button({
    label: '↑',
    title: 'Previous match (Shift+Enter)',
    ariaLabel: 'Previous match',
    variant: 'icon',
    testId: 'wf-prev',
    onClick: () => opts.onStep(-1),
  });
  const next = button({ label: '↓', title: 'Next match (Enter)', ariaLabel: 'Next match', variant: 'icon', testId: 'wf-next', onClick: () => opts.onStep(1) });
  const only = checkbox({ label: 'Only matches', checked: false, testId: 'wf-only', onChange: opts.onOnlyMatches });
  const critical = checkbox({ label: 'Critical path', checked: true, testId: 'wf-critical', onChange: opts.onCriticalPath });

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
    h('div', { className: 'wf-group' }, [kind.element, status.element, attr]),
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
    focusText() {
      text.focus();
      selectAllText(text);
    },
    setCounter,
    dispose() {
      window.clearTimeout(timer);
    },
  };
}
