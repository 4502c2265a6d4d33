import type { Span } from '../model/span';
import type { Trace } from '../model/trace';
import { textOf } from './json';
import { defineLazy } from './lazy';
import { lastAssistantText } from './messages';
import { IterationRecord, LlmCallRecord, type ToolExecutionRecord } from './records';
import { pick, type SpanInfo } from './spanInfo';
import type { AgentRun, Iteration, LlmCall, ToolCallRequest, ToolExecution } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Agent runs from classified spans.
 *
 * - An agent span is a run when an LLM call lies below it; agent-typed spans with no model
 *   call below (framework bookkeeping such as BeeAI's `agent.react.update`) are not.
 * - Each LLM call and tool execution belongs to its nearest enclosing run. Those outside every
 *   run belong to an implicit run rooted at their tree's root (a trace with no agent span is
 *   one implicit run); explicit runs under that root become its sub-agents.
 * - An orphan root (its parent span was never exported, as in any-agent's Google ADK traces)
 *   is placed under the innermost agent span of a non-orphan tree whose time span contains
 *   its start.
 * - Within a run, each tool execution is linked to the preceding LLM call that requested its
 *   call id, else to the most recent preceding LLM call; with no preceding call it is loose.
 */
export interface RunsResult {
  readonly runs: AgentRun[];
  readonly iterationCount: number;
  /** Orphan root → the agent span it was placed under. */
  readonly adopted: ReadonlyMap<number, number>;
  /** Span index → index of the run span it belongs to (-1 none); runs map to their parent run. */
  readonly runOf: Int32Array;
  /** Agent spans that are runs. */
  readonly explicitRuns: ReadonlySet<number>;
  /** Span indices that stand for an implicit run. */
  readonly implicitRuns: ReadonlySet<number>;
}

interface RunDraft {
  readonly spanIndex: number;
  readonly explicit: boolean;
  readonly calls: LlmCallRecord[];
  readonly tools: ToolExecutionRecord[];
  readonly subRuns: RunDraft[];
}

/**
 * How far back a tool's call id (or name) is searched among the preceding LLM calls of its run.
 * Tools run right after the call that asked for them; the bound keeps linking linear.
 */
const CALL_ID_LOOKBACK = 8;

export function buildRuns(
  trace: Trace,
  infos: readonly SpanInfo[],
  calls: ReadonlyMap<number, LlmCallRecord>,
  tools: ReadonlyMap<number, ToolExecutionRecord>,
  llmBelow: Uint8Array,
): RunsResult {
  const spans = trace.spans;
  const n = spans.length;
  const effParent = new Int32Array(n);
  for (let i = 0; i < n; i++) effParent[i] = spans[i].parentIndex;
  const adopted = adoptOrphans(trace, infos, effParent);
  for (const [root, agent] of adopted) {
    if (!(infos[root].category === 'llm' || llmBelow[root])) continue;
    for (let a = agent; a >= 0 && !llmBelow[a]; a = effParent[a]) llmBelow[a] = 1;
  }
  const isRun = (i: number) => infos[i].category === 'agent' && llmBelow[i] === 1;

  // Nearest strict ancestor that is a run (-2: not computed yet).
  const enclosing = new Int32Array(n).fill(-2);
  const chain: number[] = [];
  const enclosingOf = (i: number): number => {
    if (enclosing[i] !== -2) return enclosing[i];
    chain.length = 0;
    let j = i;
    let result = -1;
    for (;;) {
      const p = effParent[j];
      if (p < 0) break;
      if (isRun(p)) {
        result = p;
        break;
      }
      if (enclosing[p] !== -2) {
        result = enclosing[p];
        break;
      }
      chain.push(p);
      j = p;
    }
    for (const c of chain) enclosing[c] = result;
    enclosing[i] = result;
    return result;
  };
  // Roots by the tree, then through a placement (placements never chain: see adoptOrphans).
  const treeRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) treeRoot[i] = spans[i].parentIndex < 0 ? i : treeRoot[spans[i].parentIndex];
  const effRootOf = (i: number): number => {
    const r = treeRoot[i];
    const a = adopted.get(r);
    return a === undefined ? r : treeRoot[a];
  };

  const drafts = new Map<number, RunDraft>();
  const draftFor = (i: number, explicit: boolean): RunDraft => {
    let d = drafts.get(i);
    if (!d) drafts.set(i, (d = { spanIndex: i, explicit, calls: [], tools: [], subRuns: [] }));
    return d;
  };
  const runOf = new Int32Array(n).fill(-1);
  const implicitRuns = new Set<number>();
  const placeItem = (i: number): RunDraft => {
    const e = enclosingOf(i);
    if (e >= 0) return draftFor(e, true);
    const root = effRootOf(i);
    implicitRuns.add(root);
    return draftFor(root, false);
  };
  for (let i = 0; i < n; i++) {
    if (isRun(i)) draftFor(i, true);
    const call = calls.get(i);
    if (call) placeItem(i).calls.push(call);
    const tool = tools.get(i);
    if (tool) placeItem(i).tools.push(tool);
  }
  const topLevel: RunDraft[] = [];
  for (const d of drafts.values()) {
    if (!d.explicit) {
      topLevel.push(d);
      continue;
    }
    const e = enclosingOf(d.spanIndex);
    const parent = e >= 0 ? drafts.get(e) : implicitRuns.has(effRootOf(d.spanIndex)) ? drafts.get(effRootOf(d.spanIndex)) : undefined;
    if (parent && parent !== d) parent.subRuns.push(d);
    else topLevel.push(d);
  }
  for (let i = 0; i < n; i++) {
    const e = enclosingOf(i);
    const root = effRootOf(i);
    runOf[i] = e >= 0 ? e : root !== i && implicitRuns.has(root) ? root : -1;
  }

  let iterationCount = 0;
  const finish = (d: RunDraft): AgentRun => {
    const run = finishRun(d, spans, infos, finish);
    iterationCount += run.iterations.length;
    return run;
  };
  const runs = sortByStart(topLevel, spans).map(finish);
  const explicitRuns = new Set<number>();
  for (const d of drafts.values()) if (d.explicit) explicitRuns.add(d.spanIndex);
  return { runs, iterationCount, adopted, runOf, explicitRuns, implicitRuns };
}

/** Sorts by start time, then span index. Lists arrive in span order, usually already sorted. */
function sortByStart<T extends { spanIndex: number }>(list: T[], spans: readonly Span[]): T[] {
  const cmp = (a: T, b: T) => {
    const x = spans[a.spanIndex].startNs;
    const y = spans[b.spanIndex].startNs;
    return x < y ? -1 : x > y ? 1 : a.spanIndex - b.spanIndex;
  };
  for (let i = 1; i < list.length; i++) if (cmp(list[i - 1], list[i]) > 0) return list.sort(cmp);
  return list;
}

function finishRun(d: RunDraft, spans: readonly Span[], infos: readonly SpanInfo[], finish: (d: RunDraft) => AgentRun): AgentRun {
  const calls = sortByStart(d.calls, spans);
  const tools = sortByStart(d.tools, spans);
  const perCall: ToolExecutionRecord[][] = calls.map(() => []);
  const consumed: (Set<number> | undefined)[] = new Array(calls.length);
  const loose: ToolExecution[] = [];
  let k = 0;
  for (const t of tools) {
    const start = spans[t.spanIndex].startNs;
    while (k < calls.length && spans[calls[k].spanIndex].startNs <= start) k++;
    if (k === 0) {
      loose.push(t);
      continue;
    }
    const chosen = requestingCall(t, calls, k - 1, consumed);
    t.requestedBy = calls[chosen].spanIndex;
    perCall[chosen].push(t);
  }
  const iterations: Iteration[] = calls.map((llmCall, index) => {
    return new IterationRecord(index, llmCall, perCall[index], () => unexecuted(requests(llmCall), perCall[index]));
  });
  const subAgents = sortByStart(d.subRuns, spans).map(finish);
  const info = infos[d.spanIndex];
  const name = (d.explicit ? pick(info, 'agentName')?.value : undefined) ?? spans[d.spanIndex].name;
  const run: Mutable<AgentRun> = { spanIndex: d.spanIndex, name, iterations, looseToolExecutions: loose, subAgents };
  defineLazy(run, 'finalAnswer', () => finalAnswer(info, calls, subAgents));
  return run;
}

/**
 * Which of `calls[0..last]` asked for tool execution `t`: the latest one whose output has a
 * request with `t`'s call id; without an id, the latest with a not yet matched request of the
 * same name and arguments, then of the same name (parallel calls of one tool); else `last`.
 */
function requestingCall(t: ToolExecution, calls: readonly LlmCallRecord[], last: number, consumed: (Set<number> | undefined)[]): number {
  const stop = Math.max(0, last - CALL_ID_LOOKBACK);
  const take = (j: number, r: number) => {
    (consumed[j] ??= new Set()).add(r);
    return j;
  };
  if (t.callId !== undefined) {
    for (let j = last; j >= stop; j--) if (calls[j].requestsCallId(t.callId)) return j;
    return last;
  }
  const args = t.arguments === undefined ? undefined : stableJson(t.arguments);
  for (const sameArgs of args === undefined ? [false] : [true, false]) {
    for (let j = last; j >= stop; j--) {
      const r = requests(calls[j]).findIndex((x, idx) => x.name === t.name && !consumed[j]?.has(idx) && (!sameArgs || stableJson(x.arguments) === args));
      if (r >= 0) return take(j, r);
    }
  }
  return last;
}

function stableJson(v: unknown): string {
  return (
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : x,
    ) ?? ''
  );
}

/** The tool calls an LLM call's output asked for (kept with the call when it is one of ours). */
function requests(call: LlmCall): readonly ToolCallRequest[] {
  if (call instanceof LlmCallRecord) return call.requests();
  return call.output.flatMap((m) => m.toolCalls);
}

/**
 * Requests with no execution: matched by call id, then by name for executions without one.
 * Final-answer tools (see FINAL_ANSWER_TOOLS) are how frameworks return structured output and
 * are often handled without a tool span, so they never count as unexecuted.
 */
function unexecuted(reqs: readonly ToolCallRequest[], execs: readonly ToolExecution[]): ToolCallRequest[] {
  if (reqs.length === 0) return [];
  const left = reqs.filter((r) => !FINAL_ANSWER_TOOLS.has(r.name));
  const unmatched: ToolExecution[] = [];
  for (const e of execs) {
    const i = e.callId !== undefined ? left.findIndex((r) => r.id === e.callId) : -1;
    if (i >= 0) left.splice(i, 1);
    else unmatched.push(e);
  }
  for (const e of unmatched) {
    const i = left.findIndex((r) => r.name === e.name);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

/** Tools that frameworks use to hand back a structured final answer. */
const FINAL_ANSWER_TOOLS = new Set(['final_answer', 'final_output', 'final_result']);

/** The assistant text of the latest-starting call (calls in start order) that has any. */
export function textOfCalls(calls: readonly LlmCall[]): string | undefined {
  for (let i = calls.length - 1; i >= 0; i--) {
    const text = lastAssistantText(calls[i].output);
    if (text) return text;
  }
  return undefined;
}

/**
 * When the last call handed its answer to a final-answer tool (smolagents `final_answer`,
 * any-agent `final_output`, pydantic-ai `final_result`), that tool's arguments.
 */
export function finalToolAnswer(calls: readonly LlmCall[]): string | undefined {
  const last = calls[calls.length - 1];
  if (last) for (const r of requests(last)) if (FINAL_ANSWER_TOOLS.has(r.name) && r.arguments !== undefined) return argumentsText(r.arguments);
  return undefined;
}

/** `{"answer": …}`-style arguments: the one value; anything else as JSON text. */
function argumentsText(args: unknown): string {
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) {
    const keys = Object.keys(args);
    if (keys.length === 1) {
      const v = (args as Record<string, unknown>)[keys[0]];
      if (typeof v === 'string') return v;
    }
  }
  return textOf(args);
}

/**
 * A run's answer: the text of its latest LLM call that has text (calls that only requested
 * tools are skipped); else what the agent span says it returned (final_result, output
 * messages, output.value…); else the arguments of the final-answer tool its last call used;
 * else its last sub-agent's answer. The span's own statement ranks below the calls' text
 * because frameworks put other things there (CrewAI the task, BeeAI a Python repr).
 */
function finalAnswer(info: SpanInfo, calls: readonly LlmCall[], subAgents: readonly AgentRun[]): string | undefined {
  const answer = textOfCalls(calls) ?? pick(info, 'answer')?.get() ?? finalToolAnswer(calls);
  if (answer) return answer;
  for (let i = subAgents.length - 1; i >= 0; i--) {
    const a = subAgents[i].finalAnswer;
    if (a) return a;
  }
  return undefined;
}

/**
 * Orphan roots placed under the innermost agent span (in a tree whose root is not itself an
 * orphan, so placements never chain into cycles) whose time span contains the orphan's start.
 */
function adoptOrphans(trace: Trace, infos: readonly SpanInfo[], effParent: Int32Array): Map<number, number> {
  const spans = trace.spans;
  const adopted = new Map<number, number>();
  const orphans = trace.rootIndices.filter((r) => spans[r].parentSpanId !== undefined && spans[r].parentSpanId !== '');
  if (orphans.length === 0) return adopted;
  const orphanRoot = new Set(orphans);
  const agents: number[] = [];
  for (const r of trace.rootIndices) {
    if (orphanRoot.has(r)) continue;
    const root = spans[r];
    for (let i = r; i < root.subtreeEnd; i++) if (infos[i].category === 'agent') agents.push(i);
  }
  if (agents.length === 0) return adopted;
  agents.sort((a, b) => (spans[a].startNs < spans[b].startNs ? -1 : spans[a].startNs > spans[b].startNs ? 1 : a - b));
  for (const o of orphans) {
    const start = spans[o].startNs;
    // Last agent starting at or before the orphan, then back to the first that still covers it.
    let lo = 0;
    let hi = agents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[agents[mid]].startNs <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1, steps = 0; j >= 0 && steps < 64; j--, steps++) {
      if (spans[agents[j]].endNs >= start) {
        adopted.set(o, agents[j]);
        effParent[o] = agents[j];
        break;
      }
    }
  }
  return adopted;
}
