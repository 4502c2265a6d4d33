/**
 * Two main views stacked in one tab (the chain-of-thought cards above the waterfall), so
 * stepping through iterations shows both the card and where it sits in time. Both share the
 * selection; the split between them is a CSS `resize` handle on the top pane.
 */
import { h } from '../components/dom';
import type { MainView, MainViewFactory } from './mainView';

export function splitView(id: string, title: string, top: MainViewFactory, bottom: MainViewFactory): MainViewFactory {
  return (ctx, restored) => {
    const a = top(ctx, restored);
    const b = bottom(ctx, restored);
    const topPane = h('div', { className: 'split-pane split-top' }, [a.element]);
    const bottomPane = h('div', { className: 'split-pane split-bottom' }, [b.element]);
    const element = h('section', { className: 'split-view', attrs: { 'aria-label': title } }, [topPane, bottomPane]);
    // Re-lay out both when the user drags the split (the top pane is resizable).
    const observer = new ResizeObserver(() => {
      a.layout();
      b.layout();
    });
    observer.observe(topPane);
    const view: MainView = {
      id,
      title,
      element,
      setSelected(index, opts) {
        a.setSelected(index, opts);
        b.setSelected(index, opts);
      },
      layout() {
        a.layout();
        b.layout();
      },
      dispose() {
        observer.disconnect();
        a.dispose();
        b.dispose();
      },
    };
    return view;
  };
}
