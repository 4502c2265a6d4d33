/**
 * The span tree with duration bars: a virtualised ARIA tree. Only the rows in (and just around)
 * the viewport exist in the DOM, recycled from a pool of at most `MAX_DOM_ROWS` elements; a
 * spacer gives the scroll height. Collapse/expand and keyboard moves are computed by the pure
 * `TreeModel`/`treeKeyAction`; row text comes from the shared `RowSource` in windows.
 */
import { CATEGORY_CODES } from '../../src/core/protocol';
import { formatDuration, formatTokens } from '../../src/core/view/format';
import { h, setAttr, setText } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import type { MainView, MainViewContext, SelectOptions } from '../views/mainView';
import { TREE_KEYS, treeKeyAction } from './treeKeys';
import { barGeometry, barLabelPlacement, categoryVisual, indentLevels, STATUS_ERROR } from './rowVisuals';
import { pageSize, scrollToReveal, visibleRange } from './virtualRange';
import { lookalikeMark } from '../../src/core/text/lookalikes';

export const ROW_HEIGHT = 22;
export const MAX_DOM_ROWS = 200;
const INDENT_PX = 14;
const AXIS_TICKS = [0, 0.25, 0.5, 0.75, 1];

interface RowEl {
  readonly root: HTMLDivElement;
  readonly label: HTMLDivElement;
  readonly twisty: HTMLSpanElement;
  readonly chip: HTMLSpanElement;
  readonly name: HTMLSpanElement;
  readonly extra: HTMLSpanElement;
  readonly error: HTMLSpanElement;
  readonly bar: HTMLDivElement;
  readonly barText: HTMLSpanElement;
  index: number;
}

function createRowEl(): RowEl {
  const twisty = h('span', { className: 'twisty', attrs: { 'aria-hidden': 'true' } });
  const chip = h('span', { className: 'cat-chip', attrs: { 'aria-hidden': 'true' } });
  const name = h('span', { className: 'row-name' });
  const extra = h('span', { className: 'row-extra' });
  const error = h('span', { className: 'row-error', text: '!', attrs: { 'aria-hidden': 'true', title: 'Status: error' } });
  const label = h('div', { className: 'row-label' }, [twisty, chip, name, extra, error]);
  const bar = h('div', { className: 'row-bar' });
  const barText = h('span', { className: 'row-bar-text' });
  const track = h('div', { className: 'row-track' }, [bar, barText]);
  const root = h('div', { className: 'tree-row', testId: 'span-row', attrs: { role: 'treeitem', tabindex: -1 } }, [label, track]);
  return { root, label, twisty, chip, name, extra, error, bar, barText, index: -1 };
}

export function createSpanTreeView(ctx: MainViewContext, restored: { scrollTop: number }): MainView {
  const { structure: s, tree, rows, extent } = ctx;
  let selected = -1;
  let renderQueued = false;
  let scrollSaveTimer: number | undefined;
  const pool: RowEl[] = [];

  const axis = h('div', { className: 'tree-axis', attrs: { 'aria-hidden': 'true' } });
  for (const f of AXIS_TICKS) {
    const tick = h('span', { className: 'axis-tick', text: formatDuration(extent.originMs + f * extent.totalMs) });
    tick.style.left = `${f * 100}%`;
    tick.classList.toggle('axis-tick-end', f === 1);
    tick.classList.toggle('axis-tick-quarter', f === 0.25 || f === 0.75);
    axis.append(tick);
  }
  const header = h('div', { className: 'tree-header' }, [h('div', { className: 'tree-header-name', text: 'Span' }), axis]);
  const spacer = h('div', { className: 'tree-spacer', attrs: { role: 'none' } });
  const scroller = h('div', { className: 'tree-scroll', attrs: { role: 'tree', 'aria-label': 'Spans', tabindex: 0 } }, [spacer]);
  // Says why Go to Handler (key g) opened nothing; hidden otherwise.
  const sourceNote = h('div', { className: 'muted', testId: 'tree-source-message', attrs: { role: 'status', 'aria-live': 'polite' } });
  sourceNote.hidden = true;
  sourceNote.style.padding = '4px 8px';
  let sourceNoteTimer: number | undefined;
  const element = h('section', { className: 'span-tree-view' }, [header, scroller, sourceNote]);
  const TOOL_CODE = CATEGORY_CODES.indexOf('tool');

  const goToHandler = (index: number) => {
    window.clearTimeout(sourceNoteTimer);
    ctx.request({ type: 'goToHandler', index }).then(
      (r) => showSourceNote(r.outcome === 'not-found' ? r.message : ''),
      (err: unknown) => showSourceNote(`Go to Handler failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const showSourceNote = (text: string) => {
    setText(sourceNote, inlineText(text, 600));
    sourceNote.hidden = text === '';
    if (text !== '') sourceNoteTimer = window.setTimeout(() => (sourceNote.hidden = true), 12_000);
  };

  const fillRow = (r: RowEl, pos: number, index: number) => {
    r.index = index;
    r.root.dataset.index = String(index);
    r.root.style.top = `${pos * ROW_HEIGHT}px`;
    const depth = s.depth[index];
    const cat = categoryVisual(s.category[index]);
    const isError = s.status[index] === STATUS_ERROR;
    const expandable = tree.hasChildren(index);
    const expanded = tree.isExpanded(index);
    const text = rows.get(index);
    const name = text ? inlineText(text.name || '(unnamed)') + lookalikeMark(text.name) : rows.errorFor(index) ? '(row text unavailable)' : '…';
    const extraParts = text
      ? [text.label ? inlineText(text.label, 80) + lookalikeMark(text.label) : '', text.tokens !== undefined ? `${formatTokens(text.tokens)} tok` : ''].filter(
          Boolean,
        )
      : [];
    const duration = formatDuration(s.durationMs[index]);

    r.label.style.paddingLeft = `${indentLevels(depth) * INDENT_PX + 4}px`;
    setText(r.twisty, expandable ? (expanded ? '▾' : '▸') : '');
    r.twisty.classList.toggle('twisty-leaf', !expandable);
    r.chip.className = `cat-chip cat-${cat.name}`;
    setText(r.chip, cat.glyph);
    setText(r.name, name);
    r.name.classList.toggle('loading', !text);
    setText(r.extra, extraParts.join(' · '));
    r.error.hidden = !isError;
    r.root.classList.toggle('is-error', isError);
    r.root.classList.toggle('selected', index === selected);
    r.root.title = `${name} — ${cat.title}, ${duration}${depth > indentLevels(depth) ? `, depth ${depth}` : ''}`;

    const { left, width } = barGeometry(s.startMs[index], s.durationMs[index], extent);
    r.bar.className = `row-bar cat-${cat.name}`;
    r.bar.style.left = `${left * 100}%`;
    r.bar.style.width = `${width * 100}%`;
    setText(r.barText, duration);
    const placement = barLabelPlacement(left, width);
    r.barText.className = `row-bar-text bar-text-${placement}`;
    r.barText.style.left = placement === 'after' ? `calc(${(left + width) * 100}% + 4px)` : '';
    r.barText.style.right =
      placement === 'before' ? `calc(${(1 - left) * 100}% + 4px)` : placement === 'inside' ? `calc(${(1 - left - width) * 100}% + 4px)` : '';

    // The native context menu (package.json `webview/context`) gets this row's span: Go to Handler/Prompt.
    setAttr(
      r.root,
      'data-vscode-context',
      JSON.stringify({ webviewSection: 'span', spanIndex: index, spanCategory: cat.name, preventDefaultContextMenuItems: true }),
    );
    setAttr(r.root, 'aria-keyshortcuts', s.category[index] === TOOL_CODE ? 'g' : undefined);
    setAttr(r.root, 'aria-level', depth + 1);
    setAttr(r.root, 'aria-setsize', tree.setSize[index]);
    setAttr(r.root, 'aria-posinset', tree.posInSet[index]);
    setAttr(r.root, 'aria-selected', String(index === selected));
    setAttr(r.root, 'aria-expanded', expandable ? String(expanded) : undefined);
    setAttr(r.root, 'aria-label', `${name}, ${cat.title}${extraParts.length ? `, ${extraParts.join(', ')}` : ''}, ${duration}${isError ? ', error' : ''}`);
    r.root.tabIndex = index === selected ? 0 : -1;
  };

  const render = () => {
    renderQueued = false;
    const visible = tree.visible;
    spacer.style.height = `${visible.length * ROW_HEIGHT}px`;
    const { first, end } = visibleRange(scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT, visible.length, 10, MAX_DOM_ROWS);
    rows.ensure(visible.subarray(first, end));
    const focusedRow = pool.find((r) => r.root === document.activeElement);
    const needed = end - first;
    while (pool.length < needed) {
      const r = createRowEl();
      pool.push(r);
      spacer.append(r.root);
    }
    // Rows beyond what is shown are removed, not hidden: the DOM holds exactly the rendered rows.
    for (const r of pool.splice(needed)) {
      if (r === focusedRow) scroller.focus({ preventScroll: true });
      r.root.remove();
    }
    let selectedShown = false;
    for (let k = 0; k < pool.length; k++) {
      fillRow(pool[k], first + k, visible[first + k]);
      selectedShown ||= visible[first + k] === selected;
    }
    // A focused row element that now shows another span must not keep focus: hand it to the tree.
    if (focusedRow && focusedRow.root.isConnected && focusedRow.index !== selected) scroller.focus({ preventScroll: true });
    scroller.tabIndex = selectedShown ? -1 : 0;
  };

  const queueRender = () => {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(render);
  };

  const focusSelectedRow = () => {
    render();
    const r = pool.find((p) => p.index === selected);
    (r?.root ?? scroller).focus({ preventScroll: true });
  };

  const setExpanded = (index: number, expanded: boolean) => {
    if (!tree.setExpanded(index, expanded)) return;
    ctx.persist({ collapsed: tree.collapsed });
    // Collapsing an ancestor of the selection moves the selection to the collapsed row.
    if (!expanded && selected > index && selected < s.subtreeEnd[index]) ctx.select(index, { focus: scroller.contains(document.activeElement), reveal: false });
    else render();
  };

  scroller.addEventListener('scroll', () => {
    queueRender();
    window.clearTimeout(scrollSaveTimer);
    scrollSaveTimer = window.setTimeout(() => ctx.persist({ scrollTop: scroller.scrollTop }), 200);
  });

  scroller.addEventListener('keydown', (ev) => {
    if (ev.key === 'g' && !ev.altKey && !ev.ctrlKey && !ev.metaKey && selected >= 0 && s.category[selected] === TOOL_CODE) {
      ev.preventDefault();
      goToHandler(selected);
      return;
    }
    if (!TREE_KEYS.has(ev.key) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    ev.preventDefault();
    const action = treeKeyAction(tree, selected, ev.key, pageSize(scroller.clientHeight, ROW_HEIGHT));
    switch (action.kind) {
      case 'select':
        ctx.select(action.index, { focus: true, reveal: false });
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

  spacer.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const rowEl = target?.closest<HTMLElement>('.tree-row');
    const index = Number(rowEl?.dataset.index ?? -1);
    if (!rowEl || !(index >= 0)) return;
    if (target?.closest('.twisty')) setExpanded(index, !tree.isExpanded(index));
    else ctx.select(index, { focus: true, reveal: false });
  });
  spacer.addEventListener('dblclick', (ev) => {
    const rowEl = ev.target instanceof Element ? ev.target.closest<HTMLElement>('.tree-row') : null;
    const index = Number(rowEl?.dataset.index ?? -1);
    if (index >= 0 && !(ev.target instanceof Element && ev.target.closest('.twisty'))) setExpanded(index, !tree.isExpanded(index));
  });

  const unsubscribe = rows.onLoaded(queueRender);
  const resize = new ResizeObserver(queueRender);
  resize.observe(scroller);
  let restoredScroll = false;

  return {
    id: 'span-tree',
    title: 'Span tree',
    element,
    setSelected(index: number, opts: SelectOptions) {
      selected = index;
      if (index >= 0 && (opts.reveal ?? true) && tree.reveal(index)) ctx.persist({ collapsed: tree.collapsed });
      const pos = index >= 0 ? tree.positionOf(index) : -1;
      if (pos >= 0 && !opts.keepScroll) scroller.scrollTop = scrollToReveal(pos, scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT);
      if (opts.focus) focusSelectedRow();
      else queueRender();
    },
    layout() {
      if (!restoredScroll) {
        restoredScroll = true;
        spacer.style.height = `${tree.visible.length * ROW_HEIGHT}px`;
        scroller.scrollTop = restored.scrollTop;
      }
      render();
    },
    dispose() {
      unsubscribe();
      resize.disconnect();
      window.clearTimeout(scrollSaveTimer);
      window.clearTimeout(sourceNoteTimer);
      // Save the scroll now, not 200 ms later: a live trace that grows is shown again at once.
      if (restoredScroll && scroller.isConnected && scroller.clientHeight > 0) ctx.persist({ scrollTop: scroller.scrollTop });
      element.remove();
    },
  };
}
