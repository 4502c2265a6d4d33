/**
 * The waterfall (issue 5): one row per span of the shared tree (collapse is shared with the
 * Spans tab), bars on a zoomable time axis, drawn on a canvas, only the rows in view.
 *
 * Structure: a search bar, a minimap of the whole trace, a d3-axis SVG, then the canvas under a
 * transparent scroller whose spacer gives the scroll height (native vertical scrolling, scroll
 * bar included). d3-zoom on the area (canvas + scroller) turns wheel and drag into an x-only zoom transform;
 * `zoomMath` maps it to the time window and clamps it. Every change (scroll, zoom, hover,
 * selection, data) only queues one canvas redraw per animation frame.
 *
 * Contract used by other code and the headless benchmark: the root has data-testid="waterfall",
 * `data-selected-index` (the selected span, -1 for none) and `data-paints`, incremented after
 * every canvas draw (`data-draw-ms`: that draw's script time, ms).
 *
 * Mouse: wheel (and Ctrl+wheel) zooms around the pointer, horizontal wheel pans, Shift+wheel
 * scrolls rows, drag pans (and scrolls vertically), click selects, click on a twisty or
 * double-click toggles. Keys: see `treeKeyAction` and `waterfallKeyAction`.
 */
import { axisTop } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { minimapCenterAt, type TimeWindow } from './scales';
import type { CriticalPathView } from '../../src/core/protocol';
import { formatDuration } from '../../src/core/view/format';
import { h, setText } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import { positionOf } from '../tree/treeModel';
import { TREE_KEYS, treeKeyAction } from '../tree/treeKeys';
import { pageSize, scrollToReveal } from '../tree/virtualRange';
import type { MainView, MainViewFactory, SelectOptions } from '../views/mainView';
import { hitTest, ROW_HEIGHT, rowsInView, trackOf, type HitInput } from './geometry';
import { createMinimap } from './minimap';
import { minimapBins } from './minimapModel';
import { displayRows, keepMask, matchMask } from './rowModel';
import { createSearchBar } from './searchBar';
import { filterOf, matchCounter, stepMatch, type SearchInputs } from './searchModel';
import { readColours, watchTheme, type WaterfallColours } from './theme';
import { formatTick } from './ticks';
import { sectionsBySpan, type SectionsBySpan } from './criticalSections';
import { WaterfallPainter, type Frame } from './waterfallCanvas';
import { waterfallKeyAction, windowForKey } from './waterfallKeys';
import { createTooltip, STATUS_NAMES, tooltipLines } from './tooltip';
import { attachZoom } from './zoomController';
import { KEY_ZOOM_FACTOR, minSpanMs, panToShow, type Track } from './zoomMath';

const AXIS_HEIGHT = 20;

export const createWaterfallView: MainViewFactory = (ctx) => {
  const { structure: s, tree, rows: text } = ctx;
  const n = s.parentIndex.length;
  const origin = ctx.extent.originMs;
  const extentMs = ctx.extent.totalMs > 0 ? ctx.extent.totalMs : 1;

  let win: TimeWindow = { startMs: 0, endMs: extentMs };
  let selected = -1;
  let hover = -1;
  let widthPx = 0;
  let heightPx = 0;
  let dpr = 1;
  let track: Track = trackOf(0);
  let paints = 0;
  /** `scroller.scrollTop`, kept by the scroll event (draws never read layout). */
  let scrollY = 0;
  let frameId = 0;
  let minimapDirty = true;
  let disposed = false;

  let matches = new Int32Array(0);
  let mask: Uint8Array | undefined;
  let keep: Uint8Array | undefined;
  let onlyMatches = false;
  let showCritical = true;
  let critical: CriticalPathView | undefined;
  let sections: SectionsBySpan | undefined;
  let searchSeq = 0;
  let pendingAnnounce = -1;

  let rows: Int32Array = tree.visible;
  let rowsFrom: Int32Array | undefined;
  let rowsDirty = true;

  // #region DOM
  const search = createSearchBar({
    onSearch: (inp) => runSearch(inp),
    onStep: (dir) => stepToMatch(dir),
    onOnlyMatches: (on) => {
      onlyMatches = on;
      rowsDirty = true;
      queueDraw();
    },
    onCriticalPath: (on) => {
      showCritical = on;
      queueDraw();
    },
    onLeave: () => scroller.focus({ preventScroll: true }),
  });
  const minimap = createMinimap((px, w) => setWindow(minimapCenterAt(win, px, extentMs, w, minSpanMs(extentMs))));
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'wf-axis')
    .attr('aria-hidden', 'true')
    .attr('height', AXIS_HEIGHT);
  const axisG = svg.append('g').attr('transform', `translate(0, ${AXIS_HEIGHT - 1})`);
  const header = h('div', { className: 'wf-header' }, [h('div', { className: 'wf-header-name', text: 'Span' }), svg.node()!]);
  const canvas = h('canvas', { className: 'wf-canvas', testId: 'wf-canvas', attrs: { 'aria-hidden': 'true' } });
  const spacer = h('div', { className: 'wf-spacer' });
  const scroller = h(
    'div',
    {
      className: 'wf-scroll',
      testId: 'wf-canvas-area',
      attrs: {
        role: 'tree',
        tabindex: 0,
        'aria-label':
          'Waterfall of spans on a time axis. Arrows move, Left/Right collapse and expand, plus and minus zoom, Shift+Left/Right pan, 0 resets, slash searches.',
      },
    },
    [spacer],
  );
  const tooltip = createTooltip();
  const area = h('div', { className: 'wf-area' }, [canvas, scroller, tooltip.element]);
  const live = h('div', { className: 'wf-live', attrs: { 'aria-live': 'polite', role: 'status' } });
  const element = h('section', { className: 'waterfall-view', testId: 'waterfall', attrs: { 'aria-label': 'Waterfall' } }, [
    search.element,
    minimap.element,
    header,
    area,
    live,
  ]);
  element.dataset.selectedIndex = '-1';
  element.dataset.paints = '0';
  // #endregion

  let colours: WaterfallColours = readColours(element);
  const painter = new WaterfallPainter(s, {
    name: (i) => {
      const r = text.get(i);
      return r ? inlineText(r.name || '(unnamed)') : text.errorFor(i) ? '(row text unavailable)' : undefined;
    },
    hasChildren: (i) => tree.hasChildren(i),
    isExpanded: (i) => tree.isExpanded(i),
  });
  const scale = scaleLinear();
  const axis = axisTop(scale).tickSizeOuter(0).tickSize(4);
  const frame: Frame = {
    widthPx: 0,
    heightPx: 0,
    scrollTop: 0,
    rows,
    window: win,
    gridTicks: [],
    selected,
    hover,
    focused: false,
    matches: undefined,
    sections: undefined,
    colours,
  };
  const hitInput: { -readonly [K in keyof HitInput]: HitInput[K] } = {
    rows,
    depth: s.depth,
    startMs: s.startMs,
    durationMs: s.durationMs,
    scrollTop: 0,
    widthPx: 0,
    window: win,
  };

  // #region rows and drawing
  /** Rows to show: the tree's visible rows, narrowed by "Only matches". Recomputed only after a change. */
  const syncRows = () => {
    const visible = tree.visible;
    if (!rowsDirty && rowsFrom === visible) return;
    rowsFrom = visible;
    rowsDirty = false;
    rows = displayRows(visible, onlyMatches && keep ? keep : undefined);
    spacer.style.height = `${rows.length * ROW_HEIGHT}px`;
  };

  const absWindow = (): TimeWindow => ({ startMs: win.startMs + origin, endMs: win.endMs + origin });

  let axisFor = '';

  const draw = () => {
    frameId = 0;
    if (disposed || widthPx <= 0 || heightPx <= 0) return;
    const started = performance.now();
    // The scroll offset as last seen by the scroll event: reading `scrollTop` here would force a
    // layout of the whole document whenever another view has just changed it.
    const scrollTop = scrollY;
    syncRows();
    const g = canvas.getContext('2d');
    if (!g) return;
    const abs = absWindow();
    scale.domain([abs.startMs, abs.endMs]).range([track.left, track.left + track.width]);
    const ticks = scale.ticks(Math.max(2, Math.floor(track.width / 90)));

    const { first, end } = rowsInView(scrollTop, heightPx, rows.length);
    text.ensure(rows.subarray(first, end));
    frame.widthPx = widthPx;
    frame.heightPx = heightPx;
    frame.scrollTop = scrollTop;
    frame.rows = rows;
    frame.window = abs;
    frame.gridTicks = ticks;
    frame.selected = selected;
    frame.hover = hover;
    frame.focused = document.activeElement === scroller;
    frame.matches = mask;
    frame.sections = showCritical ? sections : undefined;
    frame.colours = colours;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    painter.draw(g, frame);

    // DOM writes after the canvas: setting a canvas font resolves style, and a dirty style
    // (new axis ticks) would make that a full recalculation in the middle of the draw.
    const axisKey = `${abs.startMs},${abs.endMs},${track.left},${track.width}`;
    if (axisKey !== axisFor) {
      // Only when the window moved: hover and selection redraws leave the SVG alone.
      axisFor = axisKey;
      const step = ticks.length > 1 ? ticks[1] - ticks[0] : abs.endMs - abs.startMs;
      axis.tickValues(ticks).tickFormat((d) => formatTick(Number(d), step));
      axisG.call(axis);
      minimap.setWindow(win, extentMs);
    }
    if (minimapDirty) {
      minimapDirty = false;
      minimap.draw(
        minimapBins({ startMs: s.startMs, durationMs: s.durationMs, status: s.status, matchMask: mask, originMs: origin, extentMs }, minimap.width()),
        colours,
      );
    }
    // The script time of this draw, for benchmarks (other views' work in the same frame excluded).
    element.dataset.drawMs = (performance.now() - started).toFixed(2);
    element.dataset.paints = String(++paints);
  };

  const queueDraw = () => {
    if (frameId === 0 && !disposed) frameId = requestAnimationFrame(draw);
  };
  // #endregion

  // #region zoom and pan
  const zoomer = attachZoom({
    area,
    scroller,
    extentMs,
    onWindow: (w) => {
      win = w;
      tooltip.hide();
      queueDraw();
    },
  });
  const setWindow = (w: TimeWindow) => zoomer.setWindow(w);
  // #endregion

  // #region pointer: select, toggle, hover tooltip
  const pointIn = (ev: MouseEvent) => {
    const r = scroller.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  };
  const hit = (ev: MouseEvent) => {
    syncRows();
    const p = pointIn(ev);
    hitInput.rows = rows;
    hitInput.scrollTop = scroller.scrollTop;
    hitInput.widthPx = widthPx;
    hitInput.window = absWindow();
    return { p, hit: p.x < widthPx ? hitTest(p.x, p.y, hitInput) : undefined };
  };

  area.addEventListener('click', (ev) => {
    const { hit: target } = hit(ev);
    scroller.focus({ preventScroll: true });
    if (!target) return;
    if (target.zone === 'twisty' && tree.hasChildren(target.index)) setExpanded(target.index, !tree.isExpanded(target.index));
    else ctx.select(target.index, { reveal: false, focus: true });
  });
  area.addEventListener('dblclick', (ev) => {
    const { hit: target } = hit(ev);
    if (target && target.zone !== 'twisty' && tree.hasChildren(target.index)) setExpanded(target.index, !tree.isExpanded(target.index));
  });
  area.addEventListener('mousemove', (ev) => {
    if (ev.buttons !== 0) return;
    const { p, hit: target } = hit(ev);
    const next = target ? target.index : -1;
    if (next !== hover) {
      hover = next;
      queueDraw();
    }
    if (!target || target.zone === 'track') tooltip.hide();
    else tooltip.show(tooltipLines(s, target.index, text.get(target.index), critical), p.x, p.y, widthPx, heightPx);
  });
  area.addEventListener('mouseleave', () => {
    tooltip.hide();
    if (hover !== -1) {
      hover = -1;
      queueDraw();
    }
  });

  // #endregion

  // #region keyboard
  const setExpanded = (index: number, expanded: boolean) => {
    if (!tree.setExpanded(index, expanded)) return;
    ctx.persist({ collapsed: tree.collapsed });
    // Collapsing an ancestor of the selection moves the selection to the collapsed row.
    if (!expanded && selected > index && selected < s.subtreeEnd[index]) ctx.select(index, { focus: document.activeElement === scroller, reveal: false });
    else queueDraw();
  };

  const treeView = {
    get visible() {
      syncRows();
      return rows;
    },
    structure: s,
    isExpanded: (i: number) => tree.isExpanded(i),
    hasChildren: (i: number) => tree.hasChildren(i),
    positionOf: (i: number) => positionOf(rows, i),
  };

  scroller.addEventListener('keydown', (ev) => {
    const wf = waterfallKeyAction(ev, KEY_ZOOM_FACTOR);
    if (wf) {
      ev.preventDefault();
      const next = windowForKey(wf, win, selected >= 0 ? s.startMs[selected] - origin : undefined, extentMs);
      if (next) setWindow(next);
      else {
        search.focusText();
      }
      return;
    }
    if (!TREE_KEYS.has(ev.key) || ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    const action = treeKeyAction(treeView, selected, ev.key, pageSize(heightPx, ROW_HEIGHT));
    switch (action.kind) {
      case 'select':
        if (positionOf(rows, action.index) >= 0) ctx.select(action.index, { focus: true, reveal: false });
        break;
      case 'expand':
        setExpanded(action.index, true);
        break;
      case 'collapse':
        setExpanded(action.index, false);
        break;
      case 'focusDetail':
        ctx.focusDetail();
        break;
      case 'none':
        break;
    }
  });
  scroller.addEventListener('focus', queueDraw);
  scroller.addEventListener('blur', queueDraw);
  scroller.addEventListener('scroll', () => {
    scrollY = scroller.scrollTop;
    tooltip.hide();
    queueDraw();
  });
  // #endregion

  // #region search and critical path
  function runSearch(inp: SearchInputs) {
    const filter = filterOf(inp);
    const seq = ++searchSeq;
    if (!filter) {
      applyMatches(undefined);
      return;
    }
    ctx.request({ type: 'searchSpans', filter }).then(
      (res) => {
        if (seq === searchSeq && !disposed) applyMatches(res.matches);
      },
      (err: unknown) => {
        if (seq !== searchSeq || disposed) return;
        applyMatches(undefined);
        search.setCounter(`Search failed: ${err instanceof Error ? err.message : String(err)}`, false);
      },
    );
  }

  function applyMatches(found: Int32Array | undefined) {
    matches = found ? found.filter((i) => i < n) : new Int32Array(0);
    mask = found ? matchMask(n, matches) : undefined;
    keep = mask ? keepMask(s, mask) : undefined;
    rowsDirty = true;
    minimapDirty = true;
    updateCounter();
    queueDraw();
  }

  function updateCounter() {
    if (!mask) search.setCounter('', false);
    else search.setCounter(matchCounter(matches, selected), matches.length > 0);
  }

  function stepToMatch(dir: 1 | -1) {
    const target = stepMatch(matches, selected, dir);
    if (target >= 0) ctx.select(target, { reveal: true });
  }

  ctx.request({ type: 'getCriticalPath' }).then(
    (cp) => {
      if (disposed) return;
      if (cp.onPath.length !== n) {
        console.warn(`[agent-trace] critical path has ${cp.onPath.length} spans, the trace ${n}`);
        return;
      }
      critical = cp;
      sections = sectionsBySpan(n, cp.sectionSpan, cp.sectionStartMs, cp.sectionEndMs);
      queueDraw();
    },
    (err: unknown) => console.warn('[agent-trace] no critical path:', err),
  );
  // #endregion

  // #region announcements, theme, resize
  const announce = (i: number) => {
    if (element.offsetParent === null) return; // hidden tab: the visible view speaks
    const r = text.get(i);
    if (!r) {
      pendingAnnounce = i;
      text.ensure([i]);
      return;
    }
    pendingAnnounce = -1;
    setText(
      live,
      `${inlineText(r.name || '(unnamed)', 120)}, ${formatDuration(s.durationMs[i])}, ${s.status[i] === 2 ? 'error' : `status ${STATUS_NAMES[s.status[i]] ?? 'unset'}`}`,
    );
  };

  const unsubscribeRows = text.onLoaded(() => {
    if (pendingAnnounce >= 0 && pendingAnnounce === selected && text.get(pendingAnnounce)) announce(pendingAnnounce);
    queueDraw();
  });
  const unwatchTheme = watchTheme(() => {
    colours = readColours(element);
    minimapDirty = true;
    queueDraw();
  });

  const layout = () => {
    const w = scroller.clientWidth;
    const hgt = scroller.clientHeight;
    if (w <= 0 || hgt <= 0) return;
    scrollY = scroller.scrollTop;
    // Colours resolve only once the element is in the document (a detached element has no
    // computed custom properties), so they are (re)read here rather than at creation.
    colours = readColours(element);
    minimapDirty = true;
    const ratio = window.devicePixelRatio || 1;
    const sizeChanged = w !== widthPx || hgt !== heightPx || ratio !== dpr;
    if (sizeChanged) {
      const widthChanged = w !== widthPx;
      widthPx = w;
      heightPx = hgt;
      dpr = ratio;
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(hgt * dpr);
      canvas.style.width = `${w}px`;
      canvas.style.height = `${hgt}px`;
      svg.attr('width', w);
      minimap.measure();
      axisFor = '';
      if (widthChanged) {
        track = trackOf(w);
        minimapDirty = true;
        zoomer.setTrack(track);
      }
    }
    if (frameId !== 0) cancelAnimationFrame(frameId);
    draw();
  };
  const resize = new ResizeObserver(() => layout());
  resize.observe(scroller);
  // #endregion

  const view: MainView = {
    id: 'waterfall',
    title: 'Waterfall',
    element,
    setSelected(index: number, opts: SelectOptions) {
      selected = index;
      element.dataset.selectedIndex = String(index);
      if (index >= 0 && index < n) {
        if ((opts.reveal ?? true) && tree.reveal(index)) ctx.persist({ collapsed: tree.collapsed });
        syncRows();
        const pos = positionOf(rows, index);
        if (!opts.keepScroll) {
          if (pos >= 0 && heightPx > 0) scroller.scrollTop = scrollY = scrollToReveal(pos, scroller.scrollTop, heightPx, ROW_HEIGHT);
          const shown = panToShow(win, s.startMs[index] - origin, s.startMs[index] - origin + s.durationMs[index], extentMs);
          if (shown !== win) setWindow(shown);
        }
        announce(index);
      }
      if (opts.focus) scroller.focus({ preventScroll: true });
      updateCounter();
      queueDraw();
    },
    layout,
    dispose() {
      disposed = true;
      if (frameId !== 0) cancelAnimationFrame(frameId);
      zoomer.detach();
      resize.disconnect();
      unsubscribeRows();
      unwatchTheme();
      search.dispose();
      minimap.dispose();
      element.remove();
    },
  };
  return view;
};
