/** The edge and node legend of the plan graph (decorative samples are aria-hidden; the words say it). */
import { h } from '../components/dom';
import { svg } from './graphSvg';

const EDGES: readonly [string, string][] = [
  ['caused', 'caused (solid)'],
  ['next', 'next iteration (dashed)'],
  ['handoff', 'handoff to sub-agent (thick)'],
  ['dataflow', 'tool result feeds a call (dotted)'],
];

export function graphLegend(): HTMLElement {
  const list = h('ul', { className: 'graph-legend', attrs: { 'aria-label': 'Legend' } });
  for (const [kind, text] of EDGES) {
    const sample = svg('svg', { class: 'graph-legend-sample', width: 36, height: 10, 'aria-hidden': 'true' });
    sample.append(svg('line', { x1: 2, y1: 5, x2: 34, y2: 5, class: `graph-edge edge-${kind}` }));
    list.append(h('li', {}, [sample, h('span', { text })]));
  }
  list.append(h('li', { className: 'muted', text: '✕ failed · ⟳ has a finding · ×N folded iterations' }));
  return h('div', { className: 'graph-legend-box' }, [h('h3', { className: 'graph-side-title', text: 'Legend' }), list]);
}
