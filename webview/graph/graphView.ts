// PLACEHOLDER: replaced by the plan graph work.
import { h } from '../components/dom';
import type { MainView, MainViewFactory } from '../views/mainView';

export const createGraphView: MainViewFactory = () => {
  const element = h('section', { className: 'graph-view', text: 'Plan graph' });
  const view: MainView = { id: 'graph', title: 'Plan graph', element, setSelected() {}, layout() {}, dispose() {} };
  return view;
};
