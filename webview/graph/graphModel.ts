/**
 * Pure helpers of the plan graph view (no DOM): node box sizes and texts, the layout input, the
 * keyboard order of laid-out nodes, and which node shows a span. Node text width is estimated
 * from character counts (measuring text would force a style recalculation per node).
 */
import { lookalikeMark } from '../../src/core/text/lookalikes';
import { inlineText } from '../../src/core/text/visibleText';
import { formatDuration } from '../../src/core/view/format';
import type { GraphNodeView, PlanGraphView } from '../../src/core/protocol';
import type { LayoutInput, LayoutResult } from './layoutTypes';

export const NODE_HEIGHT = 40;
export const LABEL_MAX_CHARS = 30;
const CHAR_PX = 7;
const MIN_WIDTH = 96;
const PAD_X = 12;

export const KIND_NAMES: Readonly<Record<GraphNodeView['kind'], string>> = {
  agent: 'Agent',
  llm: 'LLM call',
  tool: 'Tool',
  retriever: 'Retriever',
  group: 'Iteration group',
};

/** The label shown in a node: one line, clipped to LABEL_MAX_CHARS with an ellipsis. */
/**
 * The node's first line: its name made visible-safe (bidi, control and zero-width characters as
 * markers, so `get_weather\u202Etxt.exe` cannot display as `…exe.txt`), a look-alike mark for
 * names that mix scripts, ✕ for failures, clipped to the node.
 */
export function nodeLabel(n: GraphNodeView): string {
  const raw = n.label.replace(/\s+/g, ' ').trim();
  const t = raw === '' ? '(unnamed)' : inlineText(raw, LABEL_MAX_CHARS - 1) + lookalikeMark(raw);
  const prefix = n.status === 'error' ? '✕ ' : '';
  return prefix + t;
}

/** The second line: kind, duration, and for groups "×N" and whether it is folded. */
export function nodeMeta(n: GraphNodeView): string {
  const parts = [n.kind === 'group' ? `×${n.count ?? n.spanIndices.length}` : KIND_NAMES[n.kind], formatDuration(n.durationMs)];
  if (n.kind === 'group') parts.push(n.expanded ? 'expanded' : '▸ expand');
  return parts.join(' · ');
}

/** What a screen reader says for a node. */
export function nodeAriaLabel(n: GraphNodeView, flagged: boolean): string {
  const parts = [KIND_NAMES[n.kind], inlineText(n.label) + lookalikeMark(n.label), n.status === 'error' ? 'failed' : '', formatDuration(n.durationMs)];
  if (n.kind === 'group') parts.push(`${n.count ?? 0} iterations, ${n.expanded ? 'expanded' : 'folded; Enter expands'}`);
  if (n.groupId !== undefined) parts.push('in an expanded group');
  if (flagged) parts.push('has a finding');
  return parts.filter(Boolean).join(', ');
}

export function nodeWidth(n: GraphNodeView): number {
  const chars = Math.max(nodeLabel(n).length, nodeMeta(n).length);
  return Math.max(MIN_WIDTH, Math.round(chars * CHAR_PX + 2 * PAD_X));
}

export const edgeId = (i: number): string => `e${i}`;

export function layoutInput(g: PlanGraphView): LayoutInput {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, width: nodeWidth(n), height: NODE_HEIGHT })),
    edges: g.edges.map((e, i) => ({ id: edgeId(i), from: e.from, to: e.to })),
  };
}

/** Node ids in reading order of the drawing (top to bottom, then left to right): the Tab/arrow order. */
export function keyboardOrder(layout: LayoutResult): string[] {
  return [...layout.nodes.entries()].sort(([, a], [, b]) => a.y - b.y || a.x - b.x).map(([id]) => id);
}

/** Span index → id of the node whose `spanIndices` hold it. */
export function nodeBySpan(g: PlanGraphView): Map<number, string> {
  const out = new Map<number, string>();
  for (const n of g.nodes) for (const i of n.spanIndices) if (!out.has(i)) out.set(i, n.id);
  return out;
}

/** Ids of the nodes showing any evidence span of a finding. */
export function flaggedNodes(g: PlanGraphView, bySpan: ReadonlyMap<number, string> = nodeBySpan(g)): Set<string> {
  const out = new Set<string>();
  for (const f of g.findings)
    for (const i of f.spanIndices) {
      const id = bySpan.get(i);
      if (id !== undefined) out.add(id);
    }
  return out;
}

/** The expanded set after toggling a group: a folded group node expands; a member of an expanded group folds it back. */
export function toggleExpanded(expanded: ReadonlySet<string>, n: GraphNodeView): Set<string> | undefined {
  const next = new Set(expanded);
  if (n.kind === 'group' && !n.expanded) next.add(n.id);
  else if (n.groupId !== undefined) next.delete(n.groupId);
  else return undefined;
  return next;
}
