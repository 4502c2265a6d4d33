/**
 * Types of the plan graph and its findings. Everything refers back to spans: graph nodes by
 * index into `trace.spans`, findings by span id (stable across re-imports of the same file).
 */

export type PlanNodeKind = 'agent' | 'llm' | 'tool' | 'retriever' | 'group';

export interface PlanNode {
  /** `span:<index>` for a span node, `group:<run span index>:<first iteration index>` for a group. */
  readonly id: string;
  readonly kind: PlanNodeKind;
  readonly label: string;
  /** The span this node stands for; for a group, its first LLM call. */
  readonly spanIndex: number;
  /**
   * Every span the node covers: just `spanIndex` for a span node; for a group, the whole subtrees
   * of its LLM calls, tool executions and folded retrievers (sub-agents included).
   */
  readonly spanIndices: readonly number[];
  /** Groups only: how many iterations were folded together. */
  readonly count?: number;
  /** Groups only: the tool names of one iteration, in order (the shared shape); absent for a mixed group. */
  readonly shape?: readonly string[];
}

/**
 * - `caused`: agent → its first LLM call (or group); LLM call → the tool executions it requested.
 * - `next`: one iteration's LLM call (or group) → the following iteration's.
 * - `handoff`: agent → sub-agent.
 * - `dataflow`: tool execution → a later LLM call whose input holds that tool call's result.
 */
export type PlanEdgeKind = 'caused' | 'next' | 'handoff' | 'dataflow';

export interface PlanEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: PlanEdgeKind;
}

/** A run of consecutive same-shape iterations; listed whether or not it is expanded. */
export interface IterationGroup {
  readonly id: string;
  readonly runSpanIndex: number;
  /** Iteration indices (within the run) folded into the group. */
  readonly iterations: readonly number[];
  /** The shared shape; undefined for a mixed group (merged to bound a long run). */
  readonly shape: readonly string[] | undefined;
  readonly expanded: boolean;
}

export interface PlanGraph {
  readonly nodes: readonly PlanNode[];
  readonly edges: readonly PlanEdge[];
  readonly groups: readonly IterationGroup[];
}

export interface LoopFinding {
  readonly kind: 'loop';
  readonly severity: 'warning';
  /** Which loop pattern was seen. */
  readonly pattern: 'repeated-call' | 'oscillation' | 'retry-same-error';
  readonly message: string;
  /** The tool execution spans that prove the loop, in execution order. */
  readonly spanIds: string[];
  /** Tokens (input + output) of the LLM calls that requested the repeats beyond the first. */
  readonly wastedTokens: number;
  /** Their cost; null when any of those calls has an unknown cost. */
  readonly wastedCostUsd: number | null;
}

export interface PlanCycleFinding {
  readonly kind: 'plan-cycle';
  readonly severity: 'error';
  readonly message: string;
  /** Spans where the cyclic plan was stated. */
  readonly spanIds: string[];
  /** The step ids around the cycle, starting and ending at the same step. */
  readonly cycle: readonly string[];
}
