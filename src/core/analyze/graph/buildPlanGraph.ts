import type { Trace } from '../../model/trace';
import type { AgentRun, AgentView, Iteration, ToolExecution } from '../../semantics/types';
import { boundStretches, stretchesOf } from './iterationGroups';
import { allRuns } from './allRuns';
import type { IterationGroup, PlanEdge, PlanEdgeKind, PlanGraph, PlanNode, PlanNodeKind } from './types';

export interface PlanGraphOptions {
  /** Ids of groups to show iteration by iteration; all others stay folded. */
  readonly expanded?: ReadonlySet<string>;
}

export const spanNodeId = (spanIndex: number): string => `span:${spanIndex}`;
export const groupNodeId = (runSpanIndex: number, firstIteration: number): string => `group:${runSpanIndex}:${firstIteration}`;
const isGroupId = (id: string): boolean => id.startsWith('group:');
/** Most stretches (groups or single iterations) shown for one run before mixed stretches merge. */
export const MAX_UNITS_PER_RUN = 100;

type MutableNode = PlanNode & { spanIndices: number[] };

/**
 * The plan graph of an agent view: what the agent did, as nodes (agents, LLM calls, tool
 * executions, retrievers, folded groups) and edges (see `PlanEdgeKind`). Pure; no layout.
 *
 * Folding: consecutive iterations of a run with the same shape (tool names in order) become one
 * group node with a count, unless the group id is in `opts.expanded`. A folded group covers the
 * whole subtrees of its LLM call and tool spans, so sub-agents started by its tools and their
 * spans fold into it too; a retriever that runs between two folded iterations (as a sibling)
 * folds into the group of the iteration before it. Edges are then drawn between the visible
 * nodes: edges from a node to itself are dropped and duplicates merged. So a long repetitive
 * run is a handful of nodes however many spans it has. A run that still has more than
 * MAX_UNITS_PER_RUN stretches (its shape keeps changing) has consecutive stretches merged into
 * mixed groups (no shape) so it stays within that many units.
 *
 * Loose tool executions (no LLM call explains them) are nodes without a `caused` edge.
 */
export function buildPlanGraph(trace: Trace, view: AgentView, opts: PlanGraphOptions = {}): PlanGraph {
  const expanded = opts.expanded ?? new Set<string>();
  const nodes: MutableNode[] = [];
  const nodeById = new Map<string, MutableNode>();
  const groups: IterationGroup[] = [];
  /** Span index → id of the visible node that shows it. */
  const shownBy = new Map<number, string>();
  const edges: PlanEdge[] = [];
  const edgeKeys = new Set<string>();

  const addEdge = (from: string, to: string, kind: PlanEdgeKind): void => {
    if (from === to) return;
    const key = `${from}|${to}|${kind}`;
    if (edgeKeys.has(key)) return;
    edgeKeys.add(key);
    edges.push({ from, to, kind });
  };
  const addNode = (n: MutableNode): string => {
    nodes.push(n);
    nodeById.set(n.id, n);
    return n.id;
  };
  const addSpanNode = (kind: PlanNodeKind, spanIndex: number, label: string): string => {
    const known = shownBy.get(spanIndex);
    if (known !== undefined) return known;
    shownBy.set(spanIndex, spanNodeId(spanIndex));
    return addNode({ id: spanNodeId(spanIndex), kind, label, spanIndex, spanIndices: [spanIndex] });
  };
  const addTool = (t: ToolExecution): string => addSpanNode('tool', t.spanIndex, t.name);
  const addIteration = (it: Iteration): string => {
    const llm = addSpanNode('llm', it.llmCall.spanIndex, it.llmCall.model ?? trace.spans[it.llmCall.spanIndex].name);
    for (const t of it.toolExecutions) addEdge(llm, addTool(t), 'caused');
    return llm;
  };
  /** Folds iterations into a group node covering their LLM call and tool subtrees. */
  const addGroup = (id: string, its: readonly Iteration[], shape: readonly string[] | undefined): string => {
    const node: MutableNode = {
      id,
      kind: 'group',
      label: shape === undefined ? `${its.length} iterations (mixed)` : `${its.length}× ${shape.length > 0 ? shape.join(', ') : 'LLM call'}`,
      spanIndex: its[0].llmCall.spanIndex,
      spanIndices: [],
      count: its.length,
      ...(shape ? { shape } : {}),
    };
    for (const it of its) {
      for (const root of [it.llmCall.spanIndex, ...it.toolExecutions.map((t) => t.spanIndex)]) {
        for (let s = root; s < trace.spans[root].subtreeEnd; s++) {
          if (shownBy.has(s)) continue;
          shownBy.set(s, id);
          node.spanIndices.push(s);
        }
      }
    }
    node.spanIndices.sort((a, b) => a - b);
    return addNode(node);
  };

  const runByAgentSpan = new Map<number, AgentRun>();
  for (const run of allRuns(view.runs)) {
    runByAgentSpan.set(run.spanIndex, run);
    // A run started inside a folded group is folded with it (parents are visited first).
    if (shownBy.has(run.spanIndex)) continue;
    const agent = addSpanNode('agent', run.spanIndex, run.name);
    let prev: string | undefined;
    for (const stretch of boundStretches(stretchesOf(run.iterations), MAX_UNITS_PER_RUN)) {
      const gid = groupNodeId(run.spanIndex, stretch.iterations[0].index);
      const folded = stretch.iterations.length > 1 && !expanded.has(gid);
      if (stretch.iterations.length > 1) {
        groups.push({ id: gid, runSpanIndex: run.spanIndex, iterations: stretch.iterations.map((i) => i.index), shape: stretch.shape, expanded: !folded });
      }
      const units = folded ? [addGroup(gid, stretch.iterations, stretch.shape)] : stretch.iterations.map(addIteration);
      for (const u of units) {
        addEdge(prev ?? agent, u, prev === undefined ? 'caused' : 'next');
        prev = u;
      }
    }
    for (const t of run.looseToolExecutions) addTool(t);
    for (const sub of run.subAgents) addEdge(agent, shownBy.get(sub.spanIndex) ?? spanNodeId(sub.spanIndex), 'handoff');
  }

  addRetrievers(trace, view, runByAgentSpan, shownBy, nodeById, addNode, addEdge);
  addDataflow(view, shownBy, addEdge);
  return { nodes, edges, groups };
}

/**
 * Retriever spans not already folded become nodes hanging (`caused`) off their nearest shown
 * ancestor. When that ancestor is an agent, the retriever belongs to the iteration whose LLM
 * call precedes it; if that iteration is folded, the retriever (with its subtree) folds into its
 * group.
 */
function addRetrievers(
  trace: Trace,
  view: AgentView,
  runByAgentSpan: ReadonlyMap<number, AgentRun>,
  shownBy: Map<number, string>,
  nodeById: ReadonlyMap<string, MutableNode>,
  addNode: (n: MutableNode) => string,
  addEdge: (f: string, t: string, k: PlanEdgeKind) => void,
): void {
  for (let i = 0; i < view.spans.length; i++) {
    if (view.spans[i].category !== 'retriever' || shownBy.has(i)) continue;
    let p = trace.spans[i].parentIndex;
    while (p >= 0 && !shownBy.has(p)) p = trace.spans[p].parentIndex;
    const owner = p >= 0 ? shownBy.get(p) : undefined;
    const run = p >= 0 ? runByAgentSpan.get(p) : undefined;
    const before = run ? precedingLlmCall(run, i) : undefined;
    const group = before !== undefined ? shownBy.get(before) : undefined;
    if (group !== undefined && isGroupId(group)) {
      const node = nodeById.get(group)!;
      for (let s = i; s < trace.spans[i].subtreeEnd; s++) {
        if (shownBy.has(s)) continue;
        shownBy.set(s, group);
        node.spanIndices.push(s);
      }
      continue;
    }
    shownBy.set(i, spanNodeId(i));
    const id = addNode({ id: spanNodeId(i), kind: 'retriever', label: trace.spans[i].name, spanIndex: i, spanIndices: [i] });
    if (owner !== undefined) addEdge(owner, id, 'caused');
  }
}

/** Span index of the run's last LLM call that starts before span `index`. */
function precedingLlmCall(run: AgentRun, index: number): number | undefined {
  let found: number | undefined;
  for (const it of run.iterations) if (it.llmCall.spanIndex < index && (found === undefined || it.llmCall.spanIndex > found)) found = it.llmCall.spanIndex;
  return found;
}

/**
 * `dataflow`: a tool execution with a call id feeds the first later LLM call whose input holds a
 * tool message answering that id. Only the first: later calls usually resend the whole history,
 * and linking each of them would add an edge per tool per later call (quadratic in run length).
 * Later = larger span index (spans are in start order); LLM calls are taken in span order.
 */
function addDataflow(view: AgentView, shownBy: ReadonlyMap<number, string>, addEdge: (f: string, t: string, k: PlanEdgeKind) => void): void {
  const toolByCallId = new Map<string, number>();
  for (const t of view.toolExecutions) if (t.callId !== undefined && !toolByCallId.has(t.callId)) toolByCallId.set(t.callId, t.spanIndex);
  if (toolByCallId.size === 0) return;
  const fed = new Set<string>();
  const calls = [...view.llmCalls].sort((a, b) => a.spanIndex - b.spanIndex);
  for (const call of calls) {
    const to = shownBy.get(call.spanIndex);
    for (const m of call.input) {
      if (m.role !== 'tool' || m.toolCallId === undefined || fed.has(m.toolCallId)) continue;
      const toolSpan = toolByCallId.get(m.toolCallId);
      if (toolSpan === undefined || toolSpan >= call.spanIndex) continue;
      fed.add(m.toolCallId);
      const from = shownBy.get(toolSpan);
      if (from !== undefined && to !== undefined) addEdge(from, to, 'dataflow');
    }
  }
}
