/**
 * Composition root of the webview: lays out the header, main views, detail panel and side panel;
 * runs the pull sequence (ready → summary, getStructure → structure, then rows and details on
 * demand); owns the one selection and the persisted state; reacts to host events.
 */
import type { BugReportRequestTarget, StepAction, TimelineIndex, TraceStructure, TraceSummary } from '../src/core/protocol';
import { h } from './components/dom';
import { createTabs } from './components/tabs';
import { createDetailPanel, type DetailPanel } from './detail/detailPanel';
import type { Host } from './hostChannel';
import { createSidePanel, type SidePanel } from './side/sidePanel';
import { grewFrom, restoreFor, traceKeyOf, type PersistedState } from './state/persistedState';
import { renderSummaryHeader } from './summary/summaryHeader';
import { renderTraceSource } from './summary/traceSourceBar';
import { blockText } from '../src/core/text/visibleText';
import { RowSource } from './tree/rowSource';
import { timeExtent } from './tree/rowVisuals';
import { TreeModel } from './tree/treeModel';
import { stepKeyAction, stepTarget, stepTreeChange } from './stepping/stepping';
import type { MainView, MainViewContext, MainViewFactory, SelectOptions } from './views/mainView';

/** What differs between the panel in VS Code (main.ts) and the offline viewer (offline/main.ts). */
export interface AppOptions {
  /** The main area's views, first one shown by default, switched by a tab strip (views/mainViews.ts). */
  readonly views: readonly MainViewFactory[];
  /**
   * Actions only the extension host can run: Go to Handler / Go to Prompt and Create Bug Report….
   * False in the offline viewer, which leaves their controls out.
   */
  readonly hostActions: boolean;
}

/** A timeline with no cards (traces without LLM calls, or when the host could not build one). */
function emptyTimeline(spanCount: number): TimelineIndex {
  return {
    llmSpan: new Int32Array(0),
    runSpan: new Int32Array(0),
    depth: new Uint16Array(0),
    flags: new Uint8Array(0),
    cardOfSpan: new Int32Array(spanCount).fill(-1),
  };
}

/** Generous: the host may still be importing a large file when it answers getStructure. */
const STRUCTURE_TIMEOUT_MS = 120_000;

interface Loaded {
  readonly summary: TraceSummary;
  readonly structure: TraceStructure;
  readonly timeline: TimelineIndex;
  readonly tree: TreeModel;
  readonly views: MainView[];
  readonly side: SidePanel;
}

export class App {
  private readonly header = h('header', { className: 'summary', attrs: { 'aria-label': 'Trace summary' } });
  private readonly loadError = h('div', { className: 'load-error', testId: 'load-error', attrs: { role: 'alert' } });
  private readonly status = h('div', { className: 'app-status', attrs: { role: 'status' } });
  private readonly viewTabsHost = h('div', { className: 'view-tabs' });
  private readonly viewHost = h('div', { className: 'view-host' });
  private readonly main = h('main', { className: 'main-area', attrs: { 'aria-label': 'Trace' } }, [this.viewTabsHost, this.viewHost]);
  private readonly sideHost = h('div', { className: 'side-host' });
  private readonly detail: DetailPanel;
  private readonly layoutRoot: HTMLElement;
  private state: PersistedState;
  private loaded: Loaded | undefined;
  private loadGeneration = 0;
  private selected = -1;

  constructor(
    root: HTMLElement,
    private readonly host: Host,
    private readonly options: AppOptions,
  ) {
    this.state = host.readState();
    this.detail = createDetailPanel({
      getSpanDetail: (index) => {
        const generation = this.loadGeneration;
        return host.request({ type: 'getSpanDetail', index }).then((d) => {
          // Remember the selection's span id: when a live trace grows, rows move and it is found again by id.
          if (generation === this.loadGeneration && index === this.selected && d.spanId !== this.state.selectedSpanId)
            this.persist({ selectedSpanId: d.spanId });
          return d;
        });
      },
      getAttributeValue: (index, key, scope) => host.request({ type: 'getAttributeValue', index, key, scope }),
      jumpToSource: options.hostActions
        ? (kind, index) => (kind === 'handler' ? host.request({ type: 'goToHandler', index }) : host.request({ type: 'goToPrompt', index }))
        : undefined,
      openLink: (url) => void host.request({ type: 'openLink', url }).catch((err: unknown) => this.setStatus(`Could not open the link: ${String(err)}`)),
      initialTab: this.state.detailTab,
      initialFilter: this.state.attributeFilter,
      onTabChange: (detailTab) => this.persist({ detailTab }),
      onFilterChange: (attributeFilter) => this.persist({ attributeFilter }),
    });
    this.loadError.hidden = true;
    this.layoutRoot = h('div', { className: 'app' }, [this.header, this.status, this.loadError, this.main, this.detail.element, this.sideHost]);
    root.replaceChildren(this.layoutRoot);
  }

  start(): void {
    this.host.onEvent((ev) => {
      switch (ev.type) {
        case 'traceChanged':
          void this.load();
          break;
        case 'loadError':
          this.showLoadError(ev.message);
          break;
        case 'revealSpan':
          this.select(ev.index, { reveal: true, focus: true });
          break;
        case 'step':
          this.step(ev.action);
          break;
        default: {
          const never: never = ev;
          console.warn('[agent-trace] unhandled host event', never);
        }
      }
    });
    document.addEventListener('keydown', (ev) => {
      const action = stepKeyAction(ev);
      if (action && this.step(action)) ev.preventDefault();
    });
    void this.load();
  }

  /** Create Bug Report… in the host (it shows the redaction preview in VS Code's own UI). */
  private requestBugReport(target: BugReportRequestTarget): void {
    void this.host.request({ type: 'createBugReport', target }).catch((err: unknown) => this.setStatus(`Could not create a bug report: ${String(err)}`));
  }

  /** Moves the selection by one step; true when it moved. */
  private step(action: StepAction): boolean {
    const loaded = this.loaded;
    if (!loaded) return false;
    const change = stepTreeChange(action, this.selected, loaded.tree);
    if (change) {
      loaded.tree.setExpanded(change.index, change.expanded);
      this.persist({ collapsed: loaded.tree.collapsed });
      for (const v of loaded.views) v.setSelected(this.selected, { reveal: false, keepScroll: true });
      return true;
    }
    const target = stepTarget(action, this.selected, { structure: loaded.structure, tree: loaded.tree, timeline: loaded.timeline });
    if (target < 0 || target === this.selected) return false;
    this.select(target, { reveal: true });
    return true;
  }

  private async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    // A live trace reloads several times a second: no "Loading" flash over a trace on screen.
    if (!this.loaded) this.setStatus('Loading trace…');
    try {
      const summary = await this.host.request({ type: 'ready' });
      if (generation !== this.loadGeneration) return;
      const structure = await this.host.request({ type: 'getStructure' }, STRUCTURE_TIMEOUT_MS);
      if (generation !== this.loadGeneration) return;
      if (structure.parentIndex.length !== summary.spanCount)
        throw new Error(`the structure has ${structure.parentIndex.length} spans but the summary says ${summary.spanCount}`);
      const timeline = await this.host.request({ type: 'getTimelineIndex' }, STRUCTURE_TIMEOUT_MS).then(
        (t) => (t.cardOfSpan.length === summary.spanCount ? t : emptyTimeline(summary.spanCount)),
        (err: unknown) => {
          console.warn('[agent-trace] no timeline:', err);
          return emptyTimeline(summary.spanCount);
        },
      );
      if (generation !== this.loadGeneration) return;
      const shown = { fileUri: summary.fileUri, traceIndex: summary.traceIndex, traceKey: traceKeyOf(summary.traceId, summary.spanCount) };
      const grew = grewFrom(this.state, shown);
      let found = -1;
      if (grew && this.state.selectedSpanId !== '') {
        found = await this.host.request({ type: 'findSpan', spanId: this.state.selectedSpanId });
        if (generation !== this.loadGeneration) return;
      }
      this.show(summary, structure, timeline, grew ? { index: found } : undefined);
    } catch (err) {
      if (generation === this.loadGeneration) this.showLoadError(`Could not load the trace: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** A trace fetched from a backend: its source line (Open in <backend>, Refresh) under the header. */
  private async showTraceSource(generation: number): Promise<void> {
    const src = await this.host.request({ type: 'getTraceSource' }).catch(() => null);
    if (!src || generation !== this.loadGeneration) return;
    this.header.append(
      renderTraceSource(src, {
        openInBackend: () => this.host.request({ type: 'openInBackend' }).then(() => undefined),
        refresh: () => this.host.request({ type: 'refreshFromBackend' }, 120_000).then(() => undefined),
      }),
    );
  }

  /** `live`: the same trace grew; select span `index` (found by id, -1 if none) without moving the scroll. */
  private show(summary: TraceSummary, structure: TraceStructure, timeline: TimelineIndex, live?: { index: number }): void {
    this.unmount();
    this.loadError.hidden = true;
    this.layoutRoot.classList.remove('has-error');
    const n = structure.parentIndex.length;
    this.state = restoreFor(this.state, { fileUri: summary.fileUri, traceIndex: summary.traceIndex, traceKey: traceKeyOf(summary.traceId, n), spanCount: n });
    this.host.writeState(this.state);
    renderSummaryHeader(this.header, summary, {
      copySummary: () =>
        this.host.request({ type: 'copySummary' }).then(
          () => true,
          () => false,
        ),
      selectTrace: (traceIndex) =>
        void this.host.request({ type: 'selectTrace', traceIndex }).catch((err: unknown) => this.setStatus(`Could not switch trace: ${String(err)}`)),
      ...(this.options.hostActions && { createBugReport: () => this.requestBugReport({ kind: 'trace' }) }),
    });
    void this.showTraceSource(this.loadGeneration);
    if (n === 0) {
      this.setStatus('This trace has no spans.');
      return;
    }
    this.setStatus('');
    const tree = new TreeModel(structure, this.state.collapsed);
    const rows = new RowSource(n, (start, count) => this.host.request({ type: 'getRows', start, count }));
    const ctx: MainViewContext = {
      structure,
      timeline,
      request: (body, timeoutMs) => this.host.request(body, timeoutMs),
      tree,
      rows,
      extent: timeExtent(structure),
      select: (index, opts) => this.select(index, opts),
      focusDetail: () => this.detail.focus(),
      persist: (patch) => this.persist(patch),
    };
    const views = this.options.views.map((make) => make(ctx, { scrollTop: this.state.scrollTop }));
    this.mountViews(views);
    const generation = this.loadGeneration;
    const side = createSidePanel({
      structure,
      summary,
      rows,
      select: (index) => this.select(index, { reveal: true }),
      loadClaims: () => this.host.request({ type: 'getClaims' }),
      loadCost: () => this.host.request({ type: 'getCost' }),
      dismissFinding: (key, dismissed) =>
        generation === this.loadGeneration ? this.host.request({ type: 'dismissFinding', key, dismissed }) : Promise.reject(new Error('the trace changed')),
      ...(this.options.hostActions && { reportFinding: (key: string) => this.requestBugReport({ kind: 'finding', key }) }),
      initialTab: this.state.sideTab,
      onTabChange: (sideTab) => this.persist({ sideTab }),
    });
    this.sideHost.replaceChildren(side.element);
    this.loaded = { summary, structure, timeline, tree, views, side };
    for (const v of views) v.layout();
    side.layout();
    this.selected = -1;
    if (live) {
      if (live.index >= 0 && live.index < n) this.select(live.index, { reveal: false, keepScroll: true });
      else if (this.state.selectedSpanId === '') this.select(0, { reveal: false, keepScroll: true });
      return;
    }
    const restored = this.state.selectedIndex;
    this.select(restored >= 0 && restored < n ? restored : 0, { reveal: true });
  }

  private mountViews(views: readonly MainView[]): void {
    this.viewHost.replaceChildren(...views.map((v) => v.element));
    const first = views.find((v) => v.id === this.state.mainView) ?? views[0];
    for (const v of views) v.element.hidden = v !== first;
    this.viewTabsHost.replaceChildren();
    if (views.length < 2) return;
    const tabs = createTabs<string>({
      ariaLabel: 'Views',
      onSelect: (id) => {
        for (const v of views) v.element.hidden = v.id !== id;
        views.find((v) => v.id === id)?.layout();
        this.persist({ mainView: id });
      },
    });
    tabs.panel.remove(); // the views themselves are the panels
    tabs.setTabs(
      views.map((v) => ({ id: v.id, label: v.title })),
      first.id,
    );
    this.viewTabsHost.append(tabs.element);
  }

  private select(index: number, opts: SelectOptions = {}): void {
    const loaded = this.loaded;
    if (!loaded || index < 0 || index >= loaded.structure.parentIndex.length) return;
    const changed = index !== this.selected;
    this.selected = index;
    for (const v of loaded.views) v.setSelected(index, opts);
    loaded.side.setSelected(index);
    if (changed) {
      this.detail.show(index);
      this.persist({ selectedIndex: index });
    }
  }

  private persist(patch: Partial<Omit<PersistedState, 'version' | 'traceKey'>>): void {
    this.state = { ...this.state, ...patch };
    this.host.writeState(this.state);
  }

  private unmount(): void {
    if (!this.loaded) return;
    for (const v of this.loaded.views) v.dispose();
    this.loaded.side.dispose();
    this.loaded = undefined;
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
    this.status.hidden = text === '';
  }

  private showLoadError(message: string): void {
    this.loadGeneration++; // answers still on their way for the old trace are ignored
    this.unmount();
    this.setStatus('');
    this.header.replaceChildren();
    this.viewHost.replaceChildren();
    this.sideHost.replaceChildren();
    this.layoutRoot.classList.add('has-error');
    this.loadError.replaceChildren(h('h2', { text: 'The trace could not be shown' }), h('p', { className: 'load-error-message', text: blockText(message) }));
    this.loadError.hidden = false;
  }
}
