import { toolDescriptions } from '../analyze/claims/toolDescriptions';
import { buildPlanGraph } from '../analyze/graph/buildPlanGraph';
import { overlayPlan } from '../analyze/graph/planOverlay';
import type { StatedPlan } from '../analyze/graph/planSteps';
import type { IterationGroup, PlanNode } from '../analyze/graph/types';
import type { PlanCycleFinding } from '../analyze/graph/types';
import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { allRuns } from '../analyze/graph/allRuns';
import { StatusCode } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import { durationMs, type GraphFindingView, type GraphNodeView, type PlanGraphView, type StatedPlanView } from '../protocol';
import type { AgentRun, AgentView } from '../semantics/types';

/**
 * The plan graph, stated plans with their executed-step overlay, and loop/plan-cycle findings.
 * Pure and deterministic: the same trace and `expanded` set give the same ids and keys.
 *
 * - A node's status is `error` when any span it covers failed (trace status or a tool execution
 *   the semantics judged failed), so a folded group with one failed retry still shows it;
 *   otherwise the status of the span it stands for.
 * - A node's duration runs from the earliest start to the latest end of the spans it covers.
 * - A plan stated twice in one run with the same steps (requested by the model, then executed as
 *   a todo tool) is listed once, at its first span.
 */
export function buildPlanGraphView(a: TraceAnalyses, expanded: ReadonlySet<string>): PlanGraphView {
  const { trace, view } = a;
  const graph = buildPlanGraph(trace, view, { expanded });
  const failedTools = new Set(view.toolExecutions.filter((t) => t.status === 'error').map((t) => t.spanIndex));
  const expandedById = new Map(graph.groups.map((g) => [g.id, g.expanded]));
  const memberOf = expandedMembers(view, graph.groups);
  const nodes = graph.nodes.map((n) => {
    const v = nodeView(trace, n, failedTools, expandedById.get(n.id) ?? false);
    const groupId = memberOf.get(n.spanIndex);
    return groupId !== undefined && n.kind !== 'group' ? { ...v, groupId } : v;
  });
  const plans = a.plans();
  const cycles = a.planCycles();
  return {
    nodes,
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
    plans: planViews(trace, view, plans, cycles),
    findings: findingViews(a, cycles),
  };
}

/** Span index of each LLM call and tool execution of an expanded group → that group's id. */
function expandedMembers(view: AgentView, groups: readonly IterationGroup[]): Map<number, string> {
  const out = new Map<number, string>();
  const runBySpan = new Map(allRuns(view.runs).map((r) => [r.spanIndex, r]));
  const iterationsOf = new Map<number, Map<number, AgentRun['iterations'][number]>>();
  for (const g of groups) {
    if (!g.expanded) continue;
    const run = runBySpan.get(g.runSpanIndex);
    if (!run) continue;
    let byIndex = iterationsOf.get(run.spanIndex);
    if (!byIndex) iterationsOf.set(run.spanIndex, (byIndex = new Map(run.iterations.map((x) => [x.index, x]))));
    for (const k of g.iterations) {
      const it = byIndex.get(k);
      if (!it) continue;
      out.set(it.llmCall.spanIndex, g.id);
      for (const t of it.toolExecutions) out.set(t.spanIndex, g.id);
    }
  }
  return out;
}

function nodeView(trace: Trace, n: PlanNode, failedTools: ReadonlySet<number>, expanded: boolean): GraphNodeView {
  let start = trace.spans[n.spanIndex].startNs;
  let end = trace.spans[n.spanIndex].endNs;
  let failed = false;
  for (const i of n.spanIndices) {
    const s = trace.spans[i];
    if (s.startNs < start) start = s.startNs;
    if (s.endNs > end) end = s.endNs;
    if (s.status.code === StatusCode.Error || failedTools.has(i)) failed = true;
  }
  const own = trace.spans[n.spanIndex].status.code;
  const status = failed ? 'error' : own === StatusCode.Ok ? 'ok' : own === StatusCode.Error ? 'error' : 'unset';
  const base: GraphNodeView = {
    id: n.id,
    kind: n.kind,
    label: n.label,
    spanIndex: n.spanIndex,
    spanIndices: [...n.spanIndices],
    status,
    durationMs: durationMs(spanMs(start, end)),
  };
  if (n.kind !== 'group') return base;
  return { ...base, count: n.count ?? 0, ...(n.shape ? { shape: [...n.shape] } : {}), expanded };
}

/** The innermost run whose agent span's subtree holds span `index`. */
function runOf(trace: Trace, runs: readonly AgentRun[], index: number): AgentRun | undefined {
  let best: AgentRun | undefined;
  for (const r of runs) {
    if (index < r.spanIndex || index >= trace.spans[r.spanIndex].subtreeEnd) continue;
    if (best === undefined || r.spanIndex > best.spanIndex) best = r;
  }
  return best;
}

function planViews(trace: Trace, view: AgentView, plans: readonly StatedPlan[], cycles: readonly PlanCycleFinding[]): StatedPlanView[] {
  const runs = allRuns(view.runs);
  const known = [...toolDescriptions(trace, view).keys()];
  const seen = new Set<string>();
  const out: StatedPlanView[] = [];
  for (const plan of plans) {
    const run = runOf(trace, runs, plan.spanIndex);
    const key = `${run?.spanIndex ?? -1}|${JSON.stringify(plan.steps)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stated = trace.spans[plan.spanIndex].spanId;
    const inCycle = new Set(cycles.filter((c) => c.spanIds.includes(stated)).flatMap((c) => c.cycle));
    const overlay = run ? overlayPlan(plan, run, known) : undefined;
    const steps = plan.steps.map((step, i) => {
      const o = overlay?.steps[i];
      return {
        id: step.id,
        text: step.text,
        dependsOn: [...step.dependsOn],
        status: o?.status ?? 'unmatched',
        ...(o?.spanIndex !== undefined ? { spanIndex: o.spanIndex } : {}),
        ...(inCycle.has(step.id) ? { inCycle: true } : {}),
      };
    });
    out.push({ source: plan.source, spanIndex: plan.spanIndex, steps, extraSpanIndices: overlay ? overlay.extra.map((t) => t.spanIndex) : [] });
  }
  return out;
}

function findingViews(a: TraceAnalyses, cycles: readonly PlanCycleFinding[]): GraphFindingView[] {
  const trace = a.trace;
  const indexOfId = new Map<string, number>();
  trace.spans.forEach((s, i) => indexOfId.set(s.spanId, i));
  const indices = (ids: readonly string[]): number[] => ids.map((id) => indexOfId.get(id)).filter((i): i is number => i !== undefined);
  const out: GraphFindingView[] = [];
  for (const f of a.loops()) {
    out.push({
      key: `loop:${f.pattern}:${f.spanIds.join(',')}`,
      kind: 'loop',
      pattern: f.pattern,
      severity: f.severity,
      message: f.message,
      spanIndices: indices(f.spanIds),
      wastedTokens: f.wastedTokens,
      wastedCostUsd: f.wastedCostUsd,
    });
  }
  for (const f of cycles) {
    out.push({
      key: `plan-cycle:${f.cycle.join('>')}:${f.spanIds.join(',')}`,
      kind: 'plan-cycle',
      severity: f.severity,
      message: f.message,
      spanIndices: indices(f.spanIds),
      cycle: [...f.cycle],
    });
  }
  return out;
}
