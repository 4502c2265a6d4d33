import type { Trace } from '../../model/trace';
import type { AgentView } from '../../semantics/types';

/** One step of a stated plan. */
export interface PlanStep {
  readonly id: string;
  readonly text: string;
  /** Ids of the steps this one waits for (as stated; may name unknown ids). */
  readonly dependsOn: readonly string[];
}

/** A plan the agent stated, and where. */
export interface StatedPlan {
  /** `text`: numbered lines in assistant text; `tool-call`: a todo/plan tool's JSON; `plan-operation`: a gen_ai.operation.name = plan span. */
  readonly source: 'text' | 'tool-call' | 'plan-operation';
  /** The span that states the plan (the LLM call, tool execution or plan span). */
  readonly spanIndex: number;
  readonly steps: readonly PlanStep[];
}

const PLAN_WORD = /(^|_)(todo|todos|plan|planner|planning)(_|$)/;

/**
 * Whether a tool's name says it records a plan or todo list: one of its words (split at
 * non-letters and camelCase humps) is todo(s)/plan/planner/planning, e.g. `TodoWrite`,
 * `todo_write`, `update_plan`, `create-plan`.
 */
export function isPlanTool(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_');
  return PLAN_WORD.test(words);
}
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(\S.*)$/;
const TEXT_KEYS = ['content', 'title', 'description', 'task', 'step', 'text', 'name'];
const DEP_KEYS = ['depends_on', 'dependsOn', 'after'];
const LIST_KEYS = ['steps', 'todos', 'tasks', 'plan', 'items'];

/**
 * Plans stated in a trace, in span order:
 * - numbered lines ("1. …", "2) …") in an LLM call's assistant output text, at least two, in
 *   order from 1 (no dependencies: the order is the plan);
 * - a JSON list of step objects with an `id` (and optionally `depends_on` / `dependsOn` / `after`)
 *   in the arguments of a tool whose name says todo/plan: as requested by an LLM call, and as
 *   executed (the same plan often appears in both; consumers de-duplicate);
 * - the same JSON in any attribute of a span with gen_ai.operation.name = plan.
 */
export function statedPlans(trace: Trace, view: AgentView): StatedPlan[] {
  const out: StatedPlan[] = [];
  for (const call of view.llmCalls) {
    for (const m of call.output) {
      if (m.role !== 'assistant') continue;
      const steps = numberedSteps(m.text);
      if (steps) out.push({ source: 'text', spanIndex: call.spanIndex, steps });
      for (const tc of m.toolCalls) {
        if (!isPlanTool(tc.name)) continue;
        const s = jsonSteps(tc.arguments, 0);
        if (s) out.push({ source: 'tool-call', spanIndex: call.spanIndex, steps: s });
      }
    }
  }
  for (const t of view.toolExecutions) {
    if (!isPlanTool(t.name)) continue;
    const s = jsonSteps(t.arguments, 0);
    if (s) out.push({ source: 'tool-call', spanIndex: t.spanIndex, steps: s });
  }
  for (const span of trace.spans) {
    if (span.attributes.getString('gen_ai.operation.name') !== 'plan') continue;
    for (const key of span.attributes.keys()) {
      const s = jsonSteps(span.attributes.get(key), 0);
      if (s) {
        out.push({ source: 'plan-operation', spanIndex: span.index, steps: s });
        break;
      }
    }
  }
  return out.sort((a, b) => a.spanIndex - b.spanIndex);
}

/** Numbered lines 1, 2, 3… (at least two, consecutive from 1); undefined when there are none. */
export function numberedSteps(text: string): PlanStep[] | undefined {
  const steps: PlanStep[] = [];
  for (const line of text.split('\n')) {
    const m = NUMBERED.exec(line);
    if (!m || Number(m[1]) !== steps.length + 1) continue;
    steps.push({ id: m[1], text: m[2].trim(), dependsOn: [] });
  }
  return steps.length >= 2 ? steps : undefined;
}

/**
 * The first list of step objects found in a JSON value: an array whose elements are all objects
 * with an `id`, found directly, under one of LIST_KEYS, inside chat message parts, or in a string
 * holding JSON. Searches at most 10 levels deep (each parsed string counts as one).
 */
export function jsonSteps(value: unknown, depth: number): PlanStep[] | undefined {
  if (depth > 10) return undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
    try {
      return jsonSteps(JSON.parse(t) as unknown, depth + 1);
    } catch {
      return undefined;
    }
  }
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isStepObject)) return value.map(toStep);
    for (const v of value) {
      const s = jsonSteps(v, depth + 1);
      if (s) return s;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of [...LIST_KEYS, 'parts', 'content', 'arguments']) {
      if (o[k] === undefined) continue;
      const s = jsonSteps(o[k], depth + 1);
      if (s) return s;
    }
  }
  return undefined;
}

function isStepObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const id = (v as Record<string, unknown>).id;
  return typeof id === 'string' || typeof id === 'number';
}

function toStep(o: Record<string, unknown>): PlanStep {
  let text = '';
  for (const k of TEXT_KEYS) {
    if (typeof o[k] === 'string') {
      text = o[k] as string;
      break;
    }
  }
  const deps: string[] = [];
  for (const k of DEP_KEYS) {
    const d = o[k];
    if (Array.isArray(d)) for (const x of d) if (typeof x === 'string' || typeof x === 'number') deps.push(String(x));
    if (typeof d === 'string' || typeof d === 'number') deps.push(String(d));
  }
  return { id: String(o.id), text, dependsOn: deps };
}
