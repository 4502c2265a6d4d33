/**
 * The "Plan graph" main view: the agent's plan graph laid out by ELK in a worker (graphLayout.ts),
 * drawn as SVG (graphSvg.ts) under d3-zoom, with the findings and stated plans listed beside it
 * (graphPanels.ts). The graph is requested and laid out only while the tab is shown; expanding
 * or folding an iteration group re-requests it with the new expanded ids and lays it out again.
 *
 * Only the nodes in view are in the DOM (graphSvg.ts); zoomed far out the drawing is an overview
 * of a few paths, clicked by position.
 *
 * Keyboard: the drawing is a tab stop; the node moved to is focused (roving tabindex over the
 * nodes in reading order, drawn on demand): arrows / Home / End move, Enter selects the node's
 * span (and expands a folded group), Shift+Enter folds the expanded group the node belongs to,
 * + / - zoom, 0 fits. Moving to a node while zoomed far out zooms to a readable scale around it.
 */
import { select as d3select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { plural } from '../../src/core/view/format';
import type { GraphNodeView, PlanGraphView } from '../../src/core/protocol';
import { button } from '../components/button';
import { h } from '../components/dom';
import { progressBar } from '../components/progress';
import type { MainView, MainViewContext, MainViewFactory, SelectOptions } from '../views/mainView';
import { createElkWorker } from './elkWorker';
import { createGraphLayouter, type GraphLayouter } from './graphLayout';
import { flaggedNodes, keyboardOrder, layoutInput, nodeBySpan, toggleExpanded } from './graphModel';
import { findingsList, plansList } from './graphPanels';
import { arrowMarker, GraphDrawing, svg, type Viewport } from './graphSvg';
import { graphLegend } from './graphLegend';
import type { LayoutResult } from './layoutTypes';

export const SIMPLE_LAYOUT_NOTE = 'Layout took too long; showing a simple layout';
const ZOOM_STEP = 1.25;

export const createGraphView: MainViewFactory = (ctx) => createPlanGraphView(ctx, createGraphLayouter(createElkWorker));

interface Shown {
  readonly graph: PlanGraphView;
  readonly layout: LayoutResult;
  readonly drawn: GraphDrawing;
  readonly order: readonly string[];
  readonly byId: ReadonlyMap<string, GraphNodeView>;
  readonly bySpan: ReadonlyMap<number, string>;
}

export function createPlanGraphView(ctx: MainViewContext, layouter: GraphLayouter): MainView {
  let expanded = new Set<string>();
  let requested = false;
  let generation = 0;
  let shown: Shown | undefined;
  let selectedSpan = -1;
  let activeId: string | undefined;
  let disposed = false;

  const note = h('span', { className: 'graph-note', attrs: { role: 'status', 'aria-live': 'polite' } });
  const foldBtn = button({ label: 'Fold group', title: 'Fold the expanded group of the focused node (Shift+Enter)', onClick: () => foldActive() });
  foldBtn.disabled = true;
  const toolbar = h('div', { className: 'graph-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Plan graph' } }, [
    button({ label: 'Fit', title: 'Fit the graph to the view (0)', testId: 'graph-fit', onClick: () => fit() }),
    button({ label: '+', title: 'Zoom in (+)', variant: 'icon', onClick: () => zoomBy(ZOOM_STEP) }),
    button({ label: '−', title: 'Zoom out (-)', variant: 'icon', onClick: () => zoomBy(1 / ZOOM_STEP) }),
    foldBtn,
    note,
  ]);
  const layer = svg('g', { class: 'graph-layer' });
  const drawing = svg('svg', { class: 'graph-svg', role: 'list', tabindex: 0, 'aria-label': 'Plan graph nodes', 'aria-roledescription': 'graph' });
  const defs = svg('defs');
  defs.append(arrowMarker());
  drawing.append(defs, layer);
  // The thin busy line across the top of the drawing while a layout is requested or running.
  const busy = progressBar('Laying out the plan graph');
  busy.hidden = true;
  const canvas = h('div', { className: 'graph-canvas' }, [busy, drawing]);
  const findingsHost = h('div', { className: 'graph-findings' });
  const plansHost = h('div', { className: 'graph-plans-host' });
  const side = h('aside', { className: 'graph-side', attrs: { 'aria-label': 'Graph findings and plans' } }, [
    h('h3', { className: 'graph-side-title', text: 'Findings' }),
    findingsHost,
    h('h3', { className: 'graph-side-title', text: 'Stated plans' }),
    plansHost,
    graphLegend(),
  ]);
  const element = h('section', { className: 'graph-view', testId: 'plan-graph', attrs: { 'aria-label': 'Plan graph' } }, [
    toolbar,
    h('div', { className: 'graph-body' }, [canvas, side]),
  ]);

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = d3zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    .on('zoom', (ev: { transform: ZoomTransform }) => {
      layer.setAttribute('transform', ev.transform.toString());
      scheduleRedraw();
    });
  const sel = d3select(drawing);
  sel.call(zoomer).on('dblclick.zoom', null);

  const size = (): { w: number; h: number } => ({ w: drawing.clientWidth || 600, h: drawing.clientHeight || 400 });
  const transform = (): ZoomTransform => (sel.property('__zoom') as ZoomTransform | undefined) ?? zoomIdentity;
  /** The visible part of the drawing in graph coordinates, grown by half a screen on each side. */
  function viewport(): Viewport {
    const t = transform();
    const { w, h: ht } = size();
    const mx = w / 2 / t.k;
    const my = ht / 2 / t.k;
    return { x0: -t.x / t.k - mx, y0: -t.y / t.k - my, x1: (w - t.x) / t.k + mx, y1: (ht - t.y) / t.k + my, scale: t.k };
  }
  let redrawQueued = false;
  function redraw(): void {
    redrawQueued = false;
    if (!shown || element.hidden) return;
    shown.drawn.update(viewport(), shown.bySpan.get(selectedSpan));
  }
  function scheduleRedraw(): void {
    if (redrawQueued) return;
    redrawQueued = true;
    requestAnimationFrame(redraw);
  }

  function fit(): void {
    if (!shown) return;
    const { w, h: ht } = size();
    const { width, height } = shown.layout;
    const k = Math.min(w / Math.max(width, 1), ht / Math.max(height, 1), 1) * 0.96;
    sel.call(zoomer.transform, zoomIdentity.translate((w - width * k) / 2, Math.max(4, (ht - height * k) / 2)).scale(k));
  }
  /** The first view of a graph: fitted, but never so small that labels cannot be read (then the top is shown). */
  function initialView(): void {
    if (!shown) return;
    const { w, h: ht } = size();
    const { width, height } = shown.layout;
    const fitK = Math.min(w / Math.max(width, 1), ht / Math.max(height, 1), 1) * 0.96;
    if (fitK >= 0.6) return fit();
    const k = 0.6;
    sel.call(zoomer.transform, zoomIdentity.translate(Math.max(4, (w - width * k) / 2), 4).scale(k));
  }
  function zoomBy(f: number): void {
    sel.call(zoomer.scaleBy, f);
  }
  /** Centres a node when any part of it is outside the visible area. */
  function reveal(id: string, force = false): void {
    const box = shown?.layout.nodes.get(id);
    if (!box) return;
    const t = transform();
    const { w, h: ht } = size();
    const [x0, y0] = t.apply([box.x, box.y]);
    const [x1, y1] = t.apply([box.x + box.width, box.y + box.height]);
    if (!force && x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= ht) return;
    sel.call(zoomer.translateTo, box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Decorates a node group when it is drawn: selection, roving tabindex. */
  function decorate(id: string, el: SVGGElement): void {
    const selected = shown?.bySpan.get(selectedSpan) === id;
    el.classList.toggle('is-selected', selected);
    if (selected) el.setAttribute('aria-current', 'true');
    else el.removeAttribute('aria-current');
    el.setAttribute('tabindex', id === activeId ? '0' : '-1');
  }

  function setActive(id: string | undefined, focus: boolean): void {
    if (!shown) return;
    const prev = activeId !== undefined ? shown.drawn.nodeElements.get(activeId) : undefined;
    activeId = id !== undefined && shown.byId.has(id) ? id : shown.order[0];
    prev?.setAttribute('tabindex', '-1');
    foldBtn.disabled = activeId === undefined || shown.byId.get(activeId)?.groupId === undefined;
    if (!focus || activeId === undefined) {
      if (activeId !== undefined) shown.drawn.nodeElements.get(activeId)?.setAttribute('tabindex', '0');
      return;
    }
    // A focused node is drawn and readable: leave the overview for a readable scale around it.
    if (transform().k < 0.6) zoomAround(activeId, 0.8);
    else reveal(activeId);
    redraw();
    const el = shown.drawn.ensureNode(activeId);
    el?.setAttribute('tabindex', '0');
    el?.focus({ preventScroll: true });
  }
  function zoomAround(id: string, k: number): void {
    const box = shown?.layout.nodes.get(id);
    if (!box) return;
    const { w, h: ht } = size();
    sel.call(
      zoomer.transform,
      zoomIdentity
        .translate(w / 2, ht / 2)
        .scale(k)
        .translate(-(box.x + box.width / 2), -(box.y + box.height / 2)),
    );
  }

  function markSelected(): void {
    if (!shown) return;
    for (const [id, el] of shown.drawn.nodeElements) decorate(id, el);
    if (shown.drawn.isOverview) redraw();
  }

  function activate(id: string, opts: { expand: boolean; focus: boolean }): void {
    const n = shown?.byId.get(id);
    if (!n) return;
    setActive(id, opts.focus);
    ctx.select(n.spanIndex, { reveal: true });
    if (opts.expand && n.kind === 'group' && !n.expanded) {
      const next = toggleExpanded(expanded, n);
      if (next) relayout(next, n.spanIndex);
    }
  }
  function foldActive(): void {
    const n = activeId !== undefined ? shown?.byId.get(activeId) : undefined;
    if (!n) return;
    const next = toggleExpanded(expanded, n);
    if (next && n.groupId !== undefined) relayout(next, n.spanIndex);
  }

  drawing.addEventListener('click', (ev) => {
    const g = (ev.target as Element).closest?.('.graph-node');
    let id = g?.getAttribute('data-node-id') ?? undefined;
    if (id === undefined && shown?.drawn.isOverview) {
      const r = drawing.getBoundingClientRect();
      const [x, y] = transform().invert([ev.clientX - r.left, ev.clientY - r.top]);
      id = shown.drawn.nodeAt(x, y);
    }
    if (id) activate(id, { expand: true, focus: true });
  });
  drawing.addEventListener('focusin', (ev) => {
    const id = (ev.target as Element).closest?.('.graph-node')?.getAttribute('data-node-id');
    if (!id || !shown || id === activeId) return;
    const prev = activeId !== undefined ? shown.drawn.nodeElements.get(activeId) : undefined;
    prev?.setAttribute('tabindex', '-1');
    activeId = id;
    shown.drawn.nodeElements.get(id)?.setAttribute('tabindex', '0');
    foldBtn.disabled = shown.byId.get(id)?.groupId === undefined;
  });
  drawing.addEventListener('keydown', (ev) => {
    if (!shown) return;
    const order = shown.order;
    const at = activeId !== undefined ? order.indexOf(activeId) : -1;
    let handled = true;
    switch (ev.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        setActive(order[Math.min(order.length - 1, at + 1)], true);
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        setActive(order[Math.max(0, at - 1)], true);
        break;
      case 'Home':
        setActive(order[0], true);
        break;
      case 'End':
        setActive(order[order.length - 1], true);
        break;
      case 'Enter':
      case ' ':
        if (activeId === undefined) break;
        if (ev.shiftKey) foldActive();
        else activate(activeId, { expand: true, focus: true });
        break;
      case '+':
      case '=':
        zoomBy(ZOOM_STEP);
        break;
      case '-':
        zoomBy(1 / ZOOM_STEP);
        break;
      case '0':
        fit();
        break;
      default:
        handled = false;
    }
    if (handled) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  });

  function show(graph: PlanGraphView, layout: LayoutResult, first: boolean, focusSpan: number | undefined): void {
    const bySpan = nodeBySpan(graph);
    const flagged = flaggedNodes(graph, bySpan);
    const drawn = new GraphDrawing(layer, graph, layout, flagged, (id, el) => decorate(id, el));
    shown = { graph, layout, drawn, order: keyboardOrder(layout), byId: new Map(graph.nodes.map((n) => [n.id, n])), bySpan };
    const hadFocus = drawing.contains(document.activeElement);
    const nameOf = (i: number): string => graph.nodes.find((n) => n.id === bySpan.get(i))?.label ?? `span ${i}`;
    const selectSpan = (i: number): void => ctx.select(i, { reveal: true });
    findingsHost.replaceChildren(findingsList(graph.findings, selectSpan));
    plansHost.replaceChildren(
      graph.plans.length > 0 ? plansList(graph.plans, selectSpan, nameOf) : h('p', { className: 'empty-note', text: 'The agent stated no plan.' }),
    );
    drawing.setAttribute('aria-label', `Plan graph: ${plural(graph.nodes.length, 'node')}, ${plural(graph.edges.length, 'edge')}`);
    element.dataset.layoutEngine = layout.engine;
    note.textContent = layout.engine === 'simple' ? SIMPLE_LAYOUT_NOTE : '';
    note.classList.toggle('is-warning', layout.engine === 'simple');
    const target = focusSpan !== undefined ? bySpan.get(focusSpan) : bySpan.get(selectedSpan);
    activeId = target;
    if (first) initialView();
    if (target !== undefined) reveal(target, !first && focusSpan !== undefined);
    redraw();
    setActive(target, hadFocus);
  }

  function relayout(nextExpanded: Set<string>, focusSpan?: number): void {
    expanded = nextExpanded;
    void load(false, focusSpan);
  }

  async function load(first: boolean, focusSpan?: number): Promise<void> {
    const gen = ++generation;
    requested = true;
    note.textContent = 'Laying out…';
    busy.hidden = false;
    try {
      const graph = await ctx.request({ type: 'getPlanGraph', expanded: [...expanded] });
      if (gen !== generation || disposed) return;
      if (graph.nodes.length === 0) {
        note.textContent = 'No agent runs in this trace: nothing to draw.';
        layer.replaceChildren();
        findingsHost.replaceChildren(findingsList(graph.findings, (i) => ctx.select(i, { reveal: true })));
        return;
      }
      const layout = await layouter.layout(layoutInput(graph));
      if (gen !== generation || disposed) return;
      show(graph, layout, first || shown === undefined, focusSpan);
    } catch (e) {
      if (gen === generation && !disposed) {
        note.textContent = `Could not build the plan graph: ${e instanceof Error ? e.message : String(e)}`;
        requested = false;
      }
    } finally {
      if (gen === generation) busy.hidden = true;
    }
  }

  return {
    id: 'graph',
    title: 'Plan graph',
    element,
    setSelected(index: number, opts: SelectOptions) {
      selectedSpan = index;
      if (!shown) return;
      const id = shown.bySpan.get(index);
      if (id !== undefined && !opts.keepScroll && !element.hidden) reveal(id);
      markSelected();
    },
    layout() {
      if (element.hidden || disposed) return;
      if (!requested) void load(true);
      else scheduleRedraw();
    },
    dispose() {
      disposed = true;
      layouter.dispose();
    },
  };
}
