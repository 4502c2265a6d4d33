/**
 * The chain-of-thought timeline: one card per iteration (an LLM call and the tools it ran), in
 * time order, sub-agent cards indented. A virtualised ARIA listbox of variable-height cards:
 * only the cards around the viewport are in the DOM (at most `MAX_DOM_CARDS`), placed by a
 * `CardLayout` of estimated-then-measured heights; card text is pulled in windows by a
 * `CardSource`. Clicking a card selects its LLM span, a tool row its tool span; Up/Down move
 * between cards, Home/End to the ends, Enter goes to the detail panel.
 */
import type { MainView, MainViewContext, SelectOptions } from '../views/mainView';
import { h } from '../components/dom';
import { placeholderCard, renderCard, type CardElement } from './cardElement';
import { CardLayout } from './cardLayout';
import { CardSource } from './cardSource';

/** Height assumed for a card not measured yet (a typical card: head, input, a tool or two, foot). */
const ESTIMATED_CARD_PX = 130;
const CARD_GAP_PX = 6;
const OVERSCAN = 3;
export const MAX_DOM_CARDS = 40;
const PAGE_CARDS = 5;
/** The findings are whole-trace work the host runs after everything cheap: generous. */
const FINDINGS_TIMEOUT_MS = 300_000;

interface Shown {
  readonly el: CardElement;
  /** The CardView it was drawn from (undefined: placeholder); a new object means redraw. */
  readonly from: object | undefined;
}

export function createTimelineView(ctx: MainViewContext, _restored: { scrollTop: number }): MainView {
  const t = ctx.timeline;
  const n = t.llmSpan.length;
  const source = new CardSource(n, (start, count) => ctx.request({ type: 'getCards', start, count }));
  let disposed = false;
  // Card text comes first; the findings on cards follow once the host's claims analysis is done.
  if (n > 0)
    ctx.request({ type: 'getCardFindings' }, FINDINGS_TIMEOUT_MS).then(
      (f) => {
        if (!disposed) source.setFindings(f);
      },
      (err: unknown) => {
        if (!disposed) console.warn('[agent-trace] no findings on the cards:', err);
      },
    );
  const layout = new CardLayout(n, ESTIMATED_CARD_PX, CARD_GAP_PX);
  const shown = new Map<number, Shown>();
  let selected = -1;
  let renderQueued = false;
  /** A card to bring into view once the cards around it are measured. */
  let revealCard = -1;
  let focusAfterRender = false;

  const spacer = h('div', { className: 'tl-spacer', attrs: { role: 'none' } });
  const list = h(
    'div',
    { className: 'tl-list', testId: 'timeline-cards', attrs: { role: 'listbox', 'aria-label': 'Chain-of-thought cards, one per iteration', tabindex: 0 } },
    [spacer],
  );
  const empty = h('p', {
    className: 'empty-note tl-empty',
    text: 'This trace has no LLM calls, so there is no chain of thought to show. The waterfall below and the Spans tab show all spans.',
  });
  const element = h('section', { className: 'timeline-view', attrs: { 'aria-label': 'Chain-of-thought timeline' } }, [n === 0 ? empty : list]);

  const selectedCard = () => (selected >= 0 && selected < t.cardOfSpan.length ? t.cardOfSpan[selected] : -1);

  const drawCard = (c: number): Shown => {
    const v = source.get(c);
    const prev = shown.get(c);
    if (prev && prev.from === v && (v || !source.errorFor(c))) return prev;
    const el = v ? renderCard(v, t.flags[c], n) : placeholderCard(c, t.llmSpan[c], t.depth[c], t.flags[c], n, source.errorFor(c));
    if (prev) prev.el.root.replaceWith(el.root);
    else spacer.append(el.root);
    const s = { el, from: v };
    shown.set(c, s);
    return s;
  };

  const markSelection = (s: Shown, c: number, sel: number) => {
    const isSel = c === sel;
    s.el.root.classList.toggle('selected', isSel);
    s.el.root.setAttribute('aria-selected', String(isSel));
    s.el.root.tabIndex = isSel ? 0 : -1;
    for (const [span, row] of s.el.toolRows) {
      const on = isSel && span === selected;
      row.classList.toggle('selected', on);
      if (on) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
  };

  const render = () => {
    renderQueued = false;
    if (n === 0 || list.clientHeight === 0) {
      focusAfterRender = false; // hidden (another tab): laid out again when shown
      return;
    }
    const sel = selectedCard();
    for (let pass = 0; pass < 3; pass++) {
      const viewport = list.clientHeight;
      // Keep the card at the top of the viewport where it is while heights above it change.
      const anchor = layout.cardAt(list.scrollTop);
      const anchorOffset = list.scrollTop - layout.top(anchor);
      const { first, end } = layout.range(list.scrollTop, viewport, OVERSCAN, MAX_DOM_CARDS);
      source.ensure(first, end);
      const focused = [...shown.values()].some((s) => s.el.root === document.activeElement);
      for (const [c, s] of shown) {
        if (c >= first && c < end) continue;
        s.el.root.remove();
        shown.delete(c);
      }
      if (focused && !spacer.contains(document.activeElement)) list.focus({ preventScroll: true });
      const drawn: [number, Shown][] = [];
      for (let c = first; c < end; c++) drawn.push([c, drawCard(c)]);
      let changed = false;
      for (const [c, s] of drawn) {
        markSelection(s, c, sel);
        changed = layout.setHeight(c, s.el.root.offsetHeight) || changed;
      }
      for (const [c, s] of drawn) s.el.root.style.top = `${layout.top(c)}px`;
      spacer.style.height = `${layout.total()}px`;
      let target = list.scrollTop;
      if (changed && revealCard < 0) target = layout.top(anchor) + anchorOffset;
      if (revealCard >= 0) target = layout.scrollToReveal(revealCard, list.scrollTop, viewport, CARD_GAP_PX);
      if (Math.abs(target - list.scrollTop) >= 1) list.scrollTop = target;
      else if (!changed) break;
    }
    // Keep revealing a card whose text is still on its way: its height changes when it arrives.
    const revealed = shown.get(revealCard);
    if (!revealed || revealed.el.loaded || source.errorFor(revealCard) !== undefined) revealCard = -1;
    const selShown = sel >= 0 ? shown.get(sel) : undefined;
    list.tabIndex = selShown ? -1 : 0;
    // A card keeping the keyboard while another is selected (stepping keys) hands it on.
    const active = document.activeElement;
    const strayFocus = active !== null && active !== selShown?.el.root && spacer.contains(active);
    if (focusAfterRender || strayFocus) {
      focusAfterRender = false;
      (selShown?.el.root ?? list).focus({ preventScroll: true });
    }
  };

  const queueRender = () => {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(render);
  };

  /**
   * Selections made here keep the keyboard here: the selection is shared without `focus` (the
   * waterfall in the same tab would take it), then the selected card is focused.
   */
  const selectHere = (index: number) => {
    ctx.select(index, { reveal: true });
    focusAfterRender = true;
    render();
  };
  const selectCard = (c: number) => {
    if (c >= 0 && c < n) selectHere(t.llmSpan[c]);
  };

  list.addEventListener('scroll', queueRender);
  list.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey || n === 0) return;
    const c = selectedCard();
    let to: number;
    switch (ev.key) {
      case 'ArrowDown':
        to = c < 0 ? 0 : c + 1;
        break;
      case 'ArrowUp':
        to = c < 0 ? 0 : c - 1;
        break;
      case 'PageDown':
        to = c + PAGE_CARDS;
        break;
      case 'PageUp':
        to = c - PAGE_CARDS;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = n - 1;
        break;
      case 'Enter':
        ev.preventDefault();
        ctx.focusDetail();
        return;
      default:
        return;
    }
    ev.preventDefault();
    selectCard(Math.max(0, Math.min(n - 1, to)));
  });
  spacer.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const tool = target?.closest<HTMLElement>('.tl-tool');
    const card = target?.closest<HTMLElement>('.tl-card');
    const index = Number(tool?.dataset.spanIndex ?? card?.dataset.spanIndex ?? -1);
    if (index >= 0) selectHere(index);
  });

  const unsubscribe = source.onLoaded(queueRender);
  const resize = new ResizeObserver(queueRender);
  resize.observe(list);

  return {
    id: 'timeline',
    title: 'Timeline',
    element,
    setSelected(index: number, opts: SelectOptions) {
      selected = index;
      const c = selectedCard();
      if (c >= 0 && !opts.keepScroll) revealCard = c;
      // Focus follows the selection only while the keyboard is in the cards already (another
      // view asking for focus keeps it: the waterfall, sharing this tab, takes it itself).
      if (opts.focus && list.contains(document.activeElement)) focusAfterRender = true;
      if (opts.focus || revealCard >= 0) render();
      else queueRender();
    },
    layout() {
      render();
    },
    dispose() {
      disposed = true;
      unsubscribe();
      resize.disconnect();
      element.remove();
    },
  };
}
