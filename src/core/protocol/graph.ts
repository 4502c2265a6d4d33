/** Result shape of `getPlanGraph`: the plan graph, stated plans and graph findings. */
import { type DurationMs } from './units';

export interface GraphNodeView {
  readonly id: string;
  readonly kind: 'agent' | 'llm' | 'tool' | 'retriever' | 'group';
  readonly label: string;
  readonly spanIndex: number;
  /** Every span the node covers (a group: all its iterations' subtrees). */
  readonly spanIndices: readonly number[];
  readonly status: 'ok' | 'error' | 'unset';
  readonly durationMs: DurationMs;
  /** Groups only. */
  readonly count?: number;
  /**
   * Nodes shown because their iteration group is expanded: that group's id (collapsing it
   * means requesting the graph again without this id).
   */
  readonly groupId?: string;
  readonly shape?: readonly string[];
  readonly expanded?: boolean;
}

export interface GraphEdgeView {
  readonly from: string;
  readonly to: string;
  readonly kind: 'caused' | 'next' | 'handoff' | 'dataflow';
}

export interface PlanStepView {
  readonly id: string;
  readonly text: string;
  readonly dependsOn: readonly string[];
  readonly status: 'done' | 'skipped' | 'out-of-order' | 'unmatched';
  /** The execution that did the step, when there was one. */
  readonly spanIndex?: number;
  /** The step lies on a dependency cycle of this plan (see the plan-cycle findings). */
  readonly inCycle?: boolean;
}

export interface StatedPlanView {
  readonly source: 'text' | 'tool-call' | 'plan-operation';
  readonly spanIndex: number;
  readonly steps: readonly PlanStepView[];
  /** Tool executions after the plan that no step names. */
  readonly extraSpanIndices: readonly number[];
}

export interface GraphFindingView {
  /**
   * Stable across re-imports: `loop:<pattern>:<spanIds>` or `plan-cycle:<step ids joined by '>'>:<spanIds>`
   * (span ids comma-separated).
   */
  readonly key: string;
  readonly kind: 'loop' | 'plan-cycle';
  readonly pattern?: 'repeated-call' | 'oscillation' | 'retry-same-error';
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly spanIndices: readonly number[];
  readonly wastedTokens?: number;
  readonly wastedCostUsd?: number | null;
  /** plan-cycle: the step ids around the cycle. */
  readonly cycle?: readonly string[];
}

export interface PlanGraphView {
  readonly nodes: readonly GraphNodeView[];
  readonly edges: readonly GraphEdgeView[];
  readonly plans: readonly StatedPlanView[];
  readonly findings: readonly GraphFindingView[];
}

/** Most group ids an expand request may name. */
export const MAX_EXPANDED_GROUPS = 1000;
