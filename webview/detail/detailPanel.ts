/**
 * The detail panel for the selected span: a header (name, category, kind, status, timing, model,
 * tokens, cost, ids) and tabs — Messages (LLM calls), Attributes (with filter), Events,
 * Resource, Diagnostics. Details are fetched one span at a time; an answer for a span that is no
 * longer selected is dropped. Whatever a span's content does to a tab's renderer, the panel
 * shows the selected span: a tab that fails to render is replaced by a note, never left
 * showing the previous span's content.
 */
import type { SourceJumpResult, SpanDetail } from '../../src/core/protocol';
import { formatCost, formatCount, formatDuration, formatTokens } from '../../src/core/view/format';
import { badge } from '../components/badge';
import { button } from '../components/button';
import { h } from '../components/dom';
import { createTabs, type TabSpec } from '../components/tabs';
import { textField } from '../components/textField';
import type { DetailTab } from '../state/persistedState';
import { blockText, inlineText } from '../../src/core/text/visibleText';
import { categoryVisual } from '../tree/rowVisuals';
import { CATEGORY_CODES } from '../../src/core/protocol';
import { attributeTable } from './attributeTable';
import { filterAttributes } from './attributeFilter';
import { messagesView } from './messagesView';

export interface DetailPanelDeps {
  getSpanDetail(index: number): Promise<SpanDetail>;
  getAttributeValue(index: number, key: string, scope: 'span' | 'resource'): Promise<string>;
  readonly initialTab: DetailTab;
  readonly initialFilter: string;
  onTabChange(tab: DetailTab): void;
  onFilterChange(filter: string): void;
  /** Asks the host to open the handler (tool spans) or prompt (LLM spans) of span `index`. */
  jumpToSource?(kind: 'handler' | 'prompt', index: number): Promise<SourceJumpResult>;
  /** Asks the host to open a link from trace text (a vetted http(s)/mailto URL); the webview never navigates. */
  openLink(url: string): void;
}

export interface DetailPanel {
  readonly element: HTMLElement;
  show(index: number): void;
  focus(): void;
}

export function createDetailPanel(deps: DetailPanelDeps): DetailPanel {
  let preferredTab = deps.initialTab;
  let filter = deps.initialFilter;
  let current: SpanDetail | undefined;
  let requestSeq = 0;

  const header = h('div', { className: 'detail-header' });
  const status = h('div', { className: 'detail-status', attrs: { role: 'status' } });
  const tabs = createTabs<DetailTab>({
    ariaLabel: 'Span details',
    onSelect: (tab) => {
      preferredTab = tab;
      deps.onTabChange(tab);
      renderTab();
    },
  });
  const filterBox = textField({
    ariaLabel: 'Filter attributes',
    placeholder: 'Filter attributes by key or value',
    value: filter,
    onInput: (v) => {
      filter = v;
      deps.onFilterChange(v);
      if (current) renderAttributes(current);
    },
  });
  const filterNote = h('p', { className: 'muted filter-note', attrs: { 'aria-live': 'polite' } });
  const attributesHolder = h('div');
  // The filter box stays in the DOM while typing (re-creating it would drop focus); only the table below it is rebuilt.
  const attributesPane = h('div', { className: 'attributes-pane' }, [filterBox, filterNote, attributesHolder]);

  function renderAttributes(d: SpanDetail): void {
    const shown = filterAttributes(d.attributes, filter);
    filterNote.hidden = filter.trim() === '';
    filterNote.textContent = `${formatCount(shown.length)} of ${formatCount(d.attributes.length)} attributes match`;
    attributesHolder.replaceChildren(
      attributeTable({
        attrs: shown,
        emptyText: d.attributes.length === 0 ? 'This span has no attributes.' : 'No attribute matches the filter.',
        ariaLabel: 'Span attributes',
        fetchFull: (key) => deps.getAttributeValue(d.index, key, 'span'),
      }),
    );
  }
  const tabContent = h('div', { className: 'detail-tab-content' });
  tabs.panel.append(tabContent);
  tabs.element.hidden = true;
  const element = h('section', { className: 'detail-panel', testId: 'detail-panel', attrs: { 'aria-label': 'Span details', tabindex: -1 } }, [
    status,
    header,
    tabs.element,
  ]);
  status.textContent = 'Select a span to see its details.';

  /**
   * The selected tab of `current`. A renderer that throws (hostile content) must not leave the
   * previous span's content in place: the tab is cleared first and shows what went wrong.
   */
  function renderTab(): void {
    const d = current;
    if (!d) return;
    try {
      renderTabOf(d);
    } catch (err) {
      tabContent.replaceChildren(
        h('p', {
          className: 'empty-note',
          testId: 'tab-render-error',
          text: `Could not show this tab for span ${d.index}: ${inlineText(err instanceof Error ? err.message : String(err), 300)}`,
        }),
      );
    }
  }

  function renderTabOf(d: SpanDetail): void {
    const tab = tabs.selected;
    switch (tab) {
      case 'messages':
        tabContent.replaceChildren(messagesView(d, deps.openLink));
        break;
      case 'attributes':
        renderAttributes(d);
        if (tabContent.firstChild !== attributesPane || tabContent.childNodes.length !== 1) tabContent.replaceChildren(attributesPane);
        break;
      case 'events':
        tabContent.replaceChildren(eventsView(d));
        break;
      case 'resource':
        tabContent.replaceChildren(
          h('p', { className: 'muted' }, ['Instrumentation scope: ', h('span', { className: 'mono', text: inlineText(d.scope || '(none)', 300) })]),
          attributeTable({
            attrs: d.resource,
            emptyText: 'No resource attributes.',
            ariaLabel: 'Resource attributes',
            fetchFull: (key) => deps.getAttributeValue(d.index, key, 'resource'),
          }),
        );
        break;
      case 'mapping':
        tabContent.replaceChildren(mappingView(d));
        break;
      case 'diagnostics':
        tabContent.replaceChildren(
          d.diagnostics.length === 0
            ? h('p', { className: 'empty-note', text: 'No diagnostics for this span.' })
            : h(
                'ul',
                { className: 'diagnostics-list' },
                d.diagnostics.map((m) => h('li', { text: blockText(m) })),
              ),
        );
        break;
    }
  }

  function render(d: SpanDetail): void {
    current = d;
    status.textContent = '';
    status.hidden = true;
    header.replaceChildren(...detailHeader(d), ...sourceActions(d));
    const hasMessages = d.category === 'llm' || d.input.length > 0 || d.output.length > 0;
    const specs: TabSpec<DetailTab>[] = [
      ...(hasMessages ? [{ id: 'messages' as const, label: `Messages ${d.input.length + d.output.length}` }] : []),
      { id: 'attributes', label: `Attributes ${d.attributes.length}` },
      { id: 'events', label: `Events ${d.events.length}` },
      { id: 'resource', label: `Resource ${d.resource.length}` },
      { id: 'mapping', label: 'Mapping' },
      { id: 'diagnostics', label: `Diagnostics ${d.diagnostics.length}` },
    ];
    const tab = specs.some((t) => t.id === preferredTab) ? preferredTab : 'attributes';
    tabs.setTabs(specs, tab);
    tabs.element.hidden = false;
    renderTab();
  }

  /** "Go to Handler" for tool spans, "Go to Prompt" for LLM spans; the host's message shows when nothing opened. */
  function sourceActions(d: SpanDetail): HTMLElement[] {
    const jump = deps.jumpToSource;
    const kind = d.category === 'tool' ? 'handler' : d.category === 'llm' ? 'prompt' : undefined;
    if (!jump || !kind) return [];
    const note = h('span', { className: 'muted', testId: 'source-jump-message', attrs: { role: 'status', 'aria-live': 'polite' } });
    const label = kind === 'handler' ? 'Go to Handler' : 'Go to Prompt';
    const btn = button({
      label,
      variant: 'secondary',
      testId: kind === 'handler' ? 'go-to-handler' : 'go-to-prompt',
      title:
        kind === 'handler'
          ? 'Open the code of this tool in an editor beside the trace (key g in the span tree)'
          : 'Open where the prompt of this LLM call is written',
      onClick: () => {
        btn.disabled = true;
        note.textContent = 'Searching…';
        jump(kind, d.index)
          .then(
            (r) => {
              note.textContent = r.outcome === 'opened' ? '' : inlineText(r.message, 600);
            },
            (err: unknown) => {
              note.textContent = `${label} failed: ${inlineText(err instanceof Error ? err.message : String(err), 400)}`;
            },
          )
          .finally(() => {
            btn.disabled = false;
          });
      },
    });
    return [h('div', { className: 'detail-facts' }, [btn, note])];
  }

  function failed(index: number, what: 'load' | 'show', err: unknown): void {
    current = undefined;
    header.replaceChildren();
    tabContent.replaceChildren();
    tabs.element.hidden = true;
    status.hidden = false;
    status.textContent = `Could not ${what} the details of span ${index}: ${inlineText(err instanceof Error ? err.message : String(err), 500)}`;
  }

  return {
    element,
    show(index: number) {
      const seq = ++requestSeq;
      element.setAttribute('aria-busy', 'true');
      element.classList.add('stale');
      deps.getSpanDetail(index).then(
        (d) => {
          if (seq !== requestSeq) return;
          element.removeAttribute('aria-busy');
          element.classList.remove('stale');
          try {
            render(d);
          } catch (err) {
            // The header of span `index` failed to build: no half-drawn mix of two spans.
            failed(index, 'show', err);
          }
        },
        (err: unknown) => {
          if (seq !== requestSeq) return;
          element.removeAttribute('aria-busy');
          element.classList.remove('stale');
          failed(index, 'load', err);
        },
      );
    },
    focus() {
      if (current) tabs.focus();
      else element.focus();
    },
  };
}

function detailHeader(d: SpanDetail): HTMLElement[] {
  const cat = categoryVisual(CATEGORY_CODES.indexOf(d.category));
  const statusTone = d.status.code === 'error' ? 'error' : d.status.code === 'ok' ? 'ok' : 'neutral';
  const title = h('h2', { className: 'detail-title' }, [
    h('span', { className: `cat-chip cat-${cat.name}`, text: cat.glyph, attrs: { 'aria-hidden': 'true' } }),
    h('span', { className: 'detail-name', text: inlineText(d.name || '(unnamed)', 300) }),
  ]);
  const facts: HTMLElement[] = [
    badge(cat.title, 'neutral', 'Category'),
    badge(d.kind, 'neutral', 'Span kind'),
    badge(d.status.code, statusTone, 'Status'),
    h('span', { className: 'fact', text: formatDuration(d.durationMs), attrs: { title: 'Duration' } }),
    h('span', { className: 'fact muted', text: `starts at +${formatDuration(d.startMs)}`, attrs: { title: 'Offset from the trace start' } }),
  ];
  if (d.convention !== 'none')
    facts.push(h('span', { className: 'fact muted', text: `via ${inlineText(d.convention, 40)}`, attrs: { title: 'Attribute convention recognised' } }));
  const rows: HTMLElement[] = [title, h('div', { className: 'detail-facts' }, facts)];
  if (d.status.message) rows.push(h('div', { className: 'detail-status-message', text: blockText(d.status.message) }));
  const llm: HTMLElement[] = [];
  if (d.model !== undefined) llm.push(h('span', { className: 'fact' }, ['model ', h('span', { className: 'mono', text: inlineText(d.model, 120) })]));
  const t = d.tokens;
  if (t && (t.input !== undefined || t.output !== undefined)) {
    const parts = [`${formatTokens(t.input ?? 0)} in`, `${formatTokens(t.output ?? 0)} out`];
    if (t.cachedInput) parts.push(`${formatTokens(t.cachedInput)} cached`);
    if (t.reasoning) parts.push(`${formatTokens(t.reasoning)} reasoning`);
    llm.push(h('span', { className: 'fact', text: `tokens ${parts.join(' · ')}` }));
  }
  if (d.costUsd !== undefined) llm.push(h('span', { className: 'fact', text: `cost ${formatCost(d.costUsd)}` }));
  if (llm.length > 0) rows.push(h('div', { className: 'detail-facts' }, llm));
  rows.push(
    h('div', { className: 'detail-ids muted' }, [
      'span ',
      h('span', { className: 'mono', text: inlineText(d.spanId, 64) }),
      ...(d.parentSpanId ? [' · parent ', h('span', { className: 'mono', text: inlineText(d.parentSpanId, 64) })] : []),
    ]),
  );
  return rows;
}

function eventsView(d: SpanDetail): HTMLElement {
  if (d.events.length === 0) return h('p', { className: 'empty-note', text: 'This span has no events.' });
  return h(
    'ol',
    { className: 'event-list' },
    d.events.map((e) =>
      h('li', { className: 'event' }, [
        h('div', { className: 'event-head' }, [
          h('span', { className: 'event-name', text: inlineText(e.name || '(unnamed event)', 200) }),
          h('span', { className: 'muted', text: ` +${formatDuration(Math.max(0, e.offsetMs - d.startMs))}` }),
        ]),
        attributeTable({ attrs: e.attributes, emptyText: 'No attributes.', ariaLabel: `Attributes of event ${inlineText(e.name, 80)}` }),
      ]),
    ),
  );
}

/**
 * The mapping report: which convention read this span, and for each agent field the attribute
 * it came from or why it is empty. This is what to read when a number in the trace looks wrong.
 */
function mappingView(d: SpanDetail): HTMLElement {
  const intro = h('p', { className: 'muted' }, [`Read as ${d.category} by the `, h('span', { className: 'mono', text: d.convention }), ' convention.']);
  if (d.mapping.length === 0) return h('div', {}, [intro, h('p', { className: 'empty-note', text: 'No agent fields apply to this span.' })]);
  const rows = d.mapping.map((m) =>
    h('tr', {}, [
      h('td', { className: 'mono', text: inlineText(m.field, 200) }),
      m.from !== undefined
        ? h('td', { className: 'mono', text: inlineText(m.from, 300) })
        : h('td', { className: 'muted', text: inlineText(m.missing ?? 'empty', 500) }),
    ]),
  );
  return h('div', {}, [
    intro,
    h('table', { className: 'mapping-table', attrs: { 'aria-label': 'Where each agent field came from' } }, [
      h('thead', {}, [h('tr', {}, [h('th', { text: 'field' }), h('th', { text: 'from, or why empty' })])]),
      h('tbody', {}, rows),
    ]),
  ]);
}
