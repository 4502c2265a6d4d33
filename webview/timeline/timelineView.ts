// PLACEHOLDER: replaced by the chain-of-thought timeline work.
import { h } from '../components/dom';
import type { MainView, MainViewFactory } from '../views/mainView';

export const createTimelineView: MainViewFactory = () => {
  const element = h('section', { className: 'timeline-view', text: 'Chain-of-thought timeline' });
  const view: MainView = { id: 'timeline', title: 'Timeline', element, setSelected() {}, layout() {}, dispose() {} };
  return view;
};
