// PLACEHOLDER: replaced by the waterfall work.
import { h } from '../components/dom';
import type { MainView, MainViewFactory } from '../views/mainView';

export const createWaterfallView: MainViewFactory = () => {
  const element = h('section', { className: 'waterfall-view', testId: 'waterfall', text: 'Waterfall' });
  const view: MainView = { id: 'waterfall', title: 'Waterfall', element, setSelected() {}, layout() {}, dispose() {} };
  return view;
};
