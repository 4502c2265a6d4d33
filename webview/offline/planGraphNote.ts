/**
 * The plan graph's tab in the offline viewer: a note instead of the graph. The graph's layout
 * engine (elkjs, in a worker) would make trace.html about 1.6 MB larger, and the page allows no
 * workers; the claims panel and the cards carry the same findings.
 */
import { h } from '../components/dom';
import type { MainViewFactory } from '../views/mainView';

export const planGraphNote: MainViewFactory = () => ({
  id: 'graph',
  title: 'Plan graph',
  element: h('div', { className: 'offline-note', testId: 'offline-plan-graph-note' }, [
    h('p', { text: 'Plan graph: open in VS Code.' }),
    h('p', {
      className: 'muted',
      text: 'This offline copy leaves the plan graph out to stay small. Open the trace file that came with it (OTLP JSON) in VS Code with Agent Trace Debugger to see the graph; the Claims panel and the timeline cards show the same findings here.',
    }),
  ]),
  setSelected: () => undefined,
  layout: () => undefined,
  dispose: () => undefined,
});
