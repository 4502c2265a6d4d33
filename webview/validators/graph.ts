/**
 * Validator of `getPlanGraph`'s result (`PlanGraphView`), field by field. Pure (no DOM).
 * Beyond types it checks what the graph view relies on: node ids are unique, every edge joins
 * two known nodes, and span indices are indices (below `spanCount` when the caller knows it).
 */
import type { PlanGraphView } from '../../src/core/protocol';

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const NODE_KINDS = new Set(['agent', 'llm', 'tool', 'retriever', 'group']);
const STATUSES = new Set(['ok', 'error', 'unset']);
const EDGE_KINDS = new Set(['caused', 'next', 'handoff', 'dataflow']);
const STEP_STATUSES = new Set(['done', 'skipped', 'out-of-order', 'unmatched']);
const PLAN_SOURCES = new Set(['text', 'tool-call', 'plan-operation']);
const FINDING_KINDS = new Set(['loop', 'plan-cycle']);
const PATTERNS = new Set(['repeated-call', 'oscillation', 'retry-same-error']);
const SEVERITIES = new Set(['error', 'warning']);

const oneOf = (set: ReadonlySet<string>, x: unknown): boolean => typeof x === 'string' && set.has(x);
const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
const nonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function each(x: unknown, field: string, check: (item: Rec) => string | undefined): string | undefined {
  if (!Array.isArray(x)) return `plan graph ${field} must be an array`;
  for (let i = 0; i < x.length; i++) {
    const item: unknown = x[i];
    const bad = isRecord(item) ? check(item) : 'is not an object';
    if (bad !== undefined) return `plan graph ${field}[${i}]: ${bad}`;
  }
  return undefined;
}

export function validatePlanGraph(v: unknown, spanCount = Number.MAX_SAFE_INTEGER): PlanGraphView | string {
  const isIndex = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < spanCount;
  const indices = (x: unknown): boolean => Array.isArray(x) && x.every(isIndex);
  if (!isRecord(v)) return 'plan graph is not an object';
  const ids = new Set<string>();
  const bad =
    each(v.nodes, 'nodes', (n) => {
      if (typeof n.id !== 'string' || n.id === '') return 'id must be a non-empty string';
      if (ids.has(n.id)) return `id ${JSON.stringify(n.id.slice(0, 80))} is repeated`;
      ids.add(n.id);
      if (!oneOf(NODE_KINDS, n.kind)) return 'kind is unknown';
      if (typeof n.label !== 'string') return 'label must be a string';
      if (!isIndex(n.spanIndex)) return 'spanIndex is not a span of the trace';
      if (!indices(n.spanIndices)) return 'spanIndices must be span indices';
      if (!oneOf(STATUSES, n.status)) return 'status is unknown';
      if (!nonNegative(n.durationMs)) return 'durationMs must be a non-negative number';
      if (n.count !== undefined && !(typeof n.count === 'number' && Number.isInteger(n.count) && n.count >= 0)) return 'count must be a whole number';
      if (n.shape !== undefined && !strings(n.shape)) return 'shape must be strings';
      if (n.expanded !== undefined && typeof n.expanded !== 'boolean') return 'expanded must be a boolean';
      if (n.groupId !== undefined && typeof n.groupId !== 'string') return 'groupId must be a string';
      return undefined;
    }) ??
    each(v.edges, 'edges', (e) => {
      if (typeof e.from !== 'string' || !ids.has(e.from)) return 'from is not a node';
      if (typeof e.to !== 'string' || !ids.has(e.to)) return 'to is not a node';
      return oneOf(EDGE_KINDS, e.kind) ? undefined : 'kind is unknown';
    }) ??
    each(v.plans, 'plans', (p) => {
      if (!oneOf(PLAN_SOURCES, p.source)) return 'source is unknown';
      if (!isIndex(p.spanIndex)) return 'spanIndex is not a span of the trace';
      if (!indices(p.extraSpanIndices)) return 'extraSpanIndices must be span indices';
      return each(p.steps, 'plan steps', (s) => {
        if (typeof s.id !== 'string' || typeof s.text !== 'string') return 'id and text must be strings';
        if (!strings(s.dependsOn)) return 'dependsOn must be strings';
        if (!oneOf(STEP_STATUSES, s.status)) return 'status is unknown';
        if (s.spanIndex !== undefined && !isIndex(s.spanIndex)) return 'spanIndex is not a span of the trace';
        return s.inCycle !== undefined && typeof s.inCycle !== 'boolean' ? 'inCycle must be a boolean' : undefined;
      });
    }) ??
    each(v.findings, 'findings', (f) => {
      if (typeof f.key !== 'string' || typeof f.message !== 'string') return 'key and message must be strings';
      if (!oneOf(FINDING_KINDS, f.kind)) return 'kind is unknown';
      if (f.pattern !== undefined && !oneOf(PATTERNS, f.pattern)) return 'pattern is unknown';
      if (!oneOf(SEVERITIES, f.severity)) return 'severity is unknown';
      if (!indices(f.spanIndices)) return 'spanIndices must be span indices';
      if (f.wastedTokens !== undefined && !nonNegative(f.wastedTokens)) return 'wastedTokens must be a non-negative number';
      if (f.wastedCostUsd !== undefined && f.wastedCostUsd !== null && !nonNegative(f.wastedCostUsd))
        return 'wastedCostUsd must be a non-negative number or null';
      return f.cycle !== undefined && !strings(f.cycle) ? 'cycle must be strings' : undefined;
    });
  return bad ?? (v as unknown as PlanGraphView);
}
