/**
 * Validator of `getPlanGraph`'s result (`PlanGraphView`), field by field. Beyond types it checks
 * what the graph view relies on: node ids are unique, every edge joins two known nodes, and span
 * indices are indices (below `spanCount` when the caller knows it).
 */
import { type PlanGraphView } from '../graph';
import { checkedAs, everyRecord, fail, isNonNegInt, isNonNegNum, isOneOf, isRecord, isStrings, spanIndexCheck, type Checked } from './kit';

const NODE_KINDS = new Set(['agent', 'llm', 'tool', 'retriever', 'group']);
const STATUSES = new Set(['ok', 'error', 'unset']);
const EDGE_KINDS = new Set(['caused', 'next', 'handoff', 'dataflow']);
const STEP_STATUSES = new Set(['done', 'skipped', 'out-of-order', 'unmatched']);
const PLAN_SOURCES = new Set(['text', 'tool-call', 'plan-operation']);
const FINDING_KINDS = new Set(['loop', 'plan-cycle']);
const PATTERNS = new Set(['repeated-call', 'oscillation', 'retry-same-error']);
const SEVERITIES = new Set(['error', 'warning']);

export function validatePlanGraph(v: unknown, spanCount?: number): Checked<PlanGraphView> {
  const { isIndex, isIndices } = spanIndexCheck(spanCount);
  if (!isRecord(v)) return fail('plan graph is not an object');
  const ids = new Set<string>();
  const bad =
    everyRecord(v.nodes, 'plan graph nodes', (n) => {
      if (typeof n.id !== 'string' || n.id === '') return 'id must be a non-empty string';
      if (ids.has(n.id)) return `id ${JSON.stringify(n.id.slice(0, 80))} is repeated`;
      ids.add(n.id);
      if (!isOneOf(NODE_KINDS, n.kind)) return 'kind is unknown';
      if (typeof n.label !== 'string') return 'label must be a string';
      if (!isIndex(n.spanIndex)) return 'spanIndex is not a span of the trace';
      if (!isIndices(n.spanIndices)) return 'spanIndices must be span indices';
      if (!isOneOf(STATUSES, n.status)) return 'status is unknown';
      if (!isNonNegNum(n.durationMs)) return 'durationMs must be a non-negative number';
      if (n.count !== undefined && !isNonNegInt(n.count)) return 'count must be a whole number';
      if (n.shape !== undefined && !isStrings(n.shape)) return 'shape must be strings';
      if (n.expanded !== undefined && typeof n.expanded !== 'boolean') return 'expanded must be a boolean';
      if (n.groupId !== undefined && typeof n.groupId !== 'string') return 'groupId must be a string';
      return undefined;
    }) ??
    everyRecord(v.edges, 'plan graph edges', (e) => {
      if (typeof e.from !== 'string' || !ids.has(e.from)) return 'from is not a node';
      if (typeof e.to !== 'string' || !ids.has(e.to)) return 'to is not a node';
      return isOneOf(EDGE_KINDS, e.kind) ? undefined : 'kind is unknown';
    }) ??
    everyRecord(v.plans, 'plan graph plans', (p) => {
      if (!isOneOf(PLAN_SOURCES, p.source)) return 'source is unknown';
      if (!isIndex(p.spanIndex)) return 'spanIndex is not a span of the trace';
      if (!isIndices(p.extraSpanIndices)) return 'extraSpanIndices must be span indices';
      return everyRecord(p.steps, 'plan graph plan steps', (s) => {
        if (typeof s.id !== 'string' || typeof s.text !== 'string') return 'id and text must be strings';
        if (!isStrings(s.dependsOn)) return 'dependsOn must be strings';
        if (!isOneOf(STEP_STATUSES, s.status)) return 'status is unknown';
        if (s.spanIndex !== undefined && !isIndex(s.spanIndex)) return 'spanIndex is not a span of the trace';
        return s.inCycle !== undefined && typeof s.inCycle !== 'boolean' ? 'inCycle must be a boolean' : undefined;
      });
    }) ??
    everyRecord(v.findings, 'plan graph findings', (f) => {
      if (typeof f.key !== 'string' || typeof f.message !== 'string') return 'key and message must be strings';
      if (!isOneOf(FINDING_KINDS, f.kind)) return 'kind is unknown';
      if (f.pattern !== undefined && !isOneOf(PATTERNS, f.pattern)) return 'pattern is unknown';
      if (!isOneOf(SEVERITIES, f.severity)) return 'severity is unknown';
      if (!isIndices(f.spanIndices)) return 'spanIndices must be span indices';
      if (f.wastedTokens !== undefined && !isNonNegNum(f.wastedTokens)) return 'wastedTokens must be a non-negative number';
      if (f.wastedCostUsd !== undefined && f.wastedCostUsd !== null && !isNonNegNum(f.wastedCostUsd))
        return 'wastedCostUsd must be a non-negative number or null';
      return f.cycle !== undefined && !isStrings(f.cycle) ? 'cycle must be strings' : undefined;
    });
  return checkedAs<PlanGraphView>(bad, v);
}
