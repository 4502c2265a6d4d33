import { describe, expect, it } from 'vitest';
import { durationMs } from '../../../src/core/protocol/units';
import type { GraphNodeView, PlanGraphView } from '../../../src/core/protocol';
import {
  flaggedNodes,
  keyboardOrder,
  layoutInput,
  LABEL_MAX_CHARS,
  nodeAriaLabel,
  nodeBySpan,
  nodeLabel,
  nodeMeta,
  toggleExpanded,
} from '../../../webview/graph/graphModel';
import type { LayoutResult } from '../../../webview/graph/layoutTypes';

const node = (over: Partial<GraphNodeView> & { id: string }): GraphNodeView => ({
  kind: 'tool',
  label: 'fetch',
  spanIndex: 0,
  spanIndices: [0],
  status: 'ok',
  durationMs: durationMs(12),
  ...over,
});
const group = node({
  id: 'group:0:1',
  kind: 'group',
  label: '3× fetch',
  spanIndex: 1,
  spanIndices: [1, 2, 3, 4],
  count: 3,
  shape: ['fetch'],
  expanded: false,
  durationMs: durationMs(1500),
});
const graph: PlanGraphView = {
  nodes: [node({ id: 'span:0', kind: 'agent', label: 'looper' }), group, node({ id: 'span:5', spanIndex: 5, spanIndices: [5], status: 'error' })],
  edges: [{ from: 'span:0', to: 'group:0:1', kind: 'caused' }],
  plans: [],
  findings: [{ key: 'k', kind: 'loop', pattern: 'repeated-call', severity: 'warning', message: 'm', spanIndices: [2, 4, 9] }],
};

describe('plan graph view model', () => {
  it('clips long labels and marks failures in the text, not only by colour', () => {
    const long = nodeLabel(node({ id: 'x', label: 'a'.repeat(50) }));
    expect(long).toHaveLength(LABEL_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(nodeLabel(node({ id: 'x', label: 'book_hotel', status: 'error' }))).toBe('✕ book_hotel');
    expect(nodeAriaLabel(node({ id: 'x', label: 'book_hotel', status: 'error' }), true)).toBe('Tool, book_hotel, failed, 12.0 ms, has a finding');
  });

  it('shows ×N and the fold state of a group', () => {
    expect(nodeMeta(group)).toBe('×3 · 1.50 s · ▸ expand');
    expect(nodeAriaLabel(group, false)).toContain('3 iterations, folded; Enter expands');
  });

  it('maps every covered span to its node and marks the nodes a finding points at', () => {
    const bySpan = nodeBySpan(graph);
    expect(bySpan.get(3)).toBe('group:0:1');
    expect(bySpan.get(5)).toBe('span:5');
    // Spans 2 and 4 are in the group; span 9 is not drawn.
    expect([...flaggedNodes(graph, bySpan)]).toEqual(['group:0:1']);
  });

  it('expands a folded group, and folds back from any node of an expanded one', () => {
    expect([...toggleExpanded(new Set(), group)!]).toEqual(['group:0:1']);
    const member = node({ id: 'span:2', groupId: 'group:0:1' });
    expect([...toggleExpanded(new Set(['group:0:1', 'group:0:9']), member)!]).toEqual(['group:0:9']);
    expect(toggleExpanded(new Set(), node({ id: 'span:7' }))).toBeUndefined();
  });

  it('orders nodes for the keyboard top to bottom, then left to right', () => {
    const box = (x: number, y: number) => ({ x, y, width: 10, height: 10 });
    const layout: LayoutResult = {
      nodes: new Map([
        ['c', box(0, 100)],
        ['b', box(50, 0)],
        ['a', box(0, 0)],
      ]),
      edges: new Map(),
      width: 0,
      height: 0,
      engine: 'elk',
    };
    expect(keyboardOrder(layout)).toEqual(['a', 'b', 'c']);
  });

  it('gives the layout one box per node and one edge per graph edge', () => {
    const li = layoutInput(graph);
    expect(li.nodes.map((n) => n.id)).toEqual(['span:0', 'group:0:1', 'span:5']);
    expect(li.nodes.every((n) => n.height === 40 && n.width >= 96)).toBe(true);
    expect(li.edges).toEqual([{ id: 'e0', from: 'span:0', to: 'group:0:1' }]);
  });
});
