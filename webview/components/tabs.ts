/**
 * ARIA tabs (tablist + one shared tabpanel), automatic activation: Left/Right/Home/End move
 * between tabs and select them; only the selected tab is in the Tab order (roving tabindex).
 *
 * Each tab is VS Code Elements' `<vscode-tab-header>` in its panel look (the uppercase tabs of
 * VS Code's panel area). The list logic stays ours rather than `<vscode-tabs>`: that element
 * pairs every header with its own panel and selects on Enter only (manual activation), while our
 * views fill one shared panel and select as the arrows move.
 */
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import type { VscodeTabHeader } from '@vscode-elements/elements/dist/vscode-tab-header/vscode-tab-header.js';
import { h, setText } from './dom';

export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface Tabs<Id extends string> {
  readonly element: HTMLElement;
  /** The panel the caller fills with the selected tab's content. */
  readonly panel: HTMLElement;
  readonly selected: Id;
  select(id: Id, focus?: boolean): void;
  /** Shows only these tabs, with these labels (e.g. counts); `select` must name one of them. */
  setTabs(tabs: readonly TabSpec<Id>[], selected: Id): void;
  focus(): void;
}

let tabsSeq = 0;

export function createTabs<Id extends string>(opts: { ariaLabel: string; onSelect: (id: Id) => void }): Tabs<Id> {
  const prefix = `tabs${++tabsSeq}`;
  const list = h('div', { className: 'tablist', attrs: { role: 'tablist', 'aria-label': opts.ariaLabel } });
  const panel = h('div', { className: 'tabpanel', attrs: { role: 'tabpanel', id: `${prefix}-panel`, tabindex: 0 } });
  const element = h('div', { className: 'tabs' }, [list, panel]);
  let buttons: { id: Id; el: VscodeTabHeader }[] = [];
  let selected = '' as Id;

  const apply = () => {
    for (const b of buttons) {
      const on = b.id === selected;
      b.el.active = on;
      b.el.setAttribute('aria-selected', String(on));
      b.el.tabIndex = on ? 0 : -1;
      b.el.classList.toggle('selected', on);
      if (on) panel.setAttribute('aria-labelledby', b.el.id);
    }
  };

  const api: Tabs<Id> = {
    element,
    panel,
    get selected() {
      return selected;
    },
    select(id, focus = false) {
      const target = buttons.find((b) => b.id === id);
      if (!target) return;
      const changed = id !== selected;
      selected = id;
      apply();
      if (focus) target.el.focus();
      if (changed) opts.onSelect(id);
    },
    setTabs(tabs, sel) {
      const same = tabs.length === buttons.length && tabs.every((t, i) => buttons[i].id === t.id);
      if (!same) {
        buttons = tabs.map((t) => {
          const el = h('vscode-tab-header', { className: 'tab', attrs: { role: 'tab', id: `${prefix}-${t.id}`, panel: true } });
          el.ariaControls = panel.id;
          el.addEventListener('click', () => api.select(t.id));
          return { id: t.id, el };
        });
        list.replaceChildren(...buttons.map((b) => b.el));
      }
      tabs.forEach((t, i) => setText(buttons[i].el, t.label));
      selected = sel;
      apply();
    },
    focus() {
      buttons.find((b) => b.id === selected)?.el.focus();
    },
  };

  list.addEventListener('keydown', (ev) => {
    const i = buttons.findIndex((b) => b.id === selected);
    if (i === -1 || buttons.length === 0) return;
    const next =
      ev.key === 'ArrowRight'
        ? (i + 1) % buttons.length
        : ev.key === 'ArrowLeft'
          ? (i - 1 + buttons.length) % buttons.length
          : ev.key === 'Home'
            ? 0
            : ev.key === 'End'
              ? buttons.length - 1
              : -1;
    if (next === -1) return;
    ev.preventDefault();
    api.select(buttons[next].id, true);
  });

  return api;
}
