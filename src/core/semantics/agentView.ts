import type { Trace } from '../model/trace';
import { buildLlmCall, buildToolExecution } from './extract';
import { inferUnmarkedTools } from './inferTools';
import { PriceBook } from './prices';
import { defineLazy } from './lazy';
import { buildFieldReport, type ReportContext } from './report';
import { buildRuns, finalToolAnswer, textOfCalls } from './runs';
import { PLAIN_SPAN_INFO, readSpan, type SpanInfo } from './spanInfo';
import type { LlmCallRecord, ToolExecutionRecord } from './records';
import type { AgentRun, AgentView, ConventionId, FieldSource, LlmCall, PriceOverrides, SpanCategory, SpanSemantics, TokenUsage } from './types';

export type { PriceOverrides } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface AgentViewOptions {
  /** Prices from settings; they win over the built-in table (prices.ts). */
  readonly prices?: PriceOverrides;
}

const PLAIN_SPAN: SpanSemantics = Object.freeze({
  category: 'other',
  convention: 'none',
  fields: Object.freeze([{ field: 'category', missing: 'no GenAI attributes (gen_ai.*, llm.*, ai.*, openinference.*, traceloop.*, langfuse.*)' }]),
});

/**
 * The agent view of a trace: every span classified by the conventions it carries, LLM calls
 * and tool executions extracted, grouped into agent runs and iterations, tokens and cost summed.
 *
 * Tokens are summed over LLM-call spans only: agent and workflow spans (Vercel `ai.generateText`,
 * `invoke_agent` totals, Langfuse trace totals) repeat their children's usage. When an LLM span
 * has an LLM span below it (a Langfuse GENERATION around an OTel chat span), only the innermost
 * is a call. Message lists, unexecuted requests, final answers and the per-span mapping reports
 * are computed on first read, so a 100k-span trace costs one pass over its attributes.
 */
export function deriveAgentView(trace: Trace, opts: AgentViewOptions = {}): AgentView {
  const spans = trace.spans;
  const n = spans.length;
  const infos: SpanInfo[] = new Array<SpanInfo>(n);
  for (let i = 0; i < n; i++) infos[i] = readSpan(spans[i]);

  const llmBelow = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const p = spans[i].parentIndex;
    if (p >= 0 && (llmBelow[i] || infos[i].category === 'llm')) llmBelow[p] = 1;
  }
  const prices = new PriceBook(opts.prices);
  const calls = new Map<number, LlmCallRecord>();
  const tools = new Map<number, ToolExecutionRecord>();
  const llmWrappers = new Set<number>();
  const toolWrappers = new Set<number>();
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (info.category === 'llm') {
      if (llmBelow[i]) llmWrappers.add(i);
      else calls.set(i, buildLlmCall(spans[i], info, prices));
    } else if (info.category === 'tool') {
      const t = buildToolExecution(spans[i], info);
      tools.set(i, t);
      const p = spans[i].parentIndex;
      const parent = p >= 0 ? tools.get(p) : undefined;
      if (parent && parent.name === t.name) toolWrappers.add(p);
    }
  }
  for (const w of toolWrappers) tools.delete(w);
  linkWrapperMessages(trace, infos, calls, llmWrappers, prices);
  const inferred = inferUnmarkedTools(trace, infos, calls, tools, llmBelow);

  const runs = buildRuns(trace, infos, calls, tools, llmBelow);
  const llmCalls = [...calls.values()];
  const toolExecutions = [...tools.values()].sort((a, b) => a.spanIndex - b.spanIndex);
  // Inferred tools are the only spans whose info is not found again by reading the span.
  const infoOf = (i: number) => inferred.get(i) ?? readSpan(spans[i]);
  const ctx: ReportContext = { trace, infoOf, calls, tools, runs, llmWrappers, toolWrappers };
  const semantics: SpanSemantics[] = new Array<SpanSemantics>(n);
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (info === PLAIN_SPAN_INFO) {
      semantics[i] = PLAIN_SPAN;
      continue;
    }
    semantics[i] = new SpanSemanticsRecord(info, ctx, i);
  }

  const { tokens, costUsd, unpricedModels, noUsageCalls } = totals(llmCalls);
  const view = {
    spans: semantics,
    llmCalls,
    toolExecutions,
    runs: runs.runs,
    iterationCount: runs.iterationCount,
    tokens,
    costUsd,
    unpricedModels,
    noUsageCalls,
  } as Mutable<AgentView>;
  defineLazy(view, 'finalAnswer', () => {
    const calls = byStart(llmCalls, trace);
    return textOfCalls(calls) ?? lastAnswer(runs.runs) ?? finalToolAnswer(calls);
  });
  return view;
}

/** A span's semantics; the mapping report (`fields`) is built on first read. */
class SpanSemanticsRecord implements SpanSemantics {
  readonly category: SpanCategory;
  readonly convention: ConventionId;
  #fields: readonly FieldSource[] | undefined;
  #ctx: ReportContext | undefined;

  constructor(
    info: SpanInfo,
    ctx: ReportContext,
    readonly index: number,
  ) {
    this.category = info.category;
    this.convention = info.convention;
    this.#ctx = ctx;
  }

  get fields(): readonly FieldSource[] {
    if (this.#fields === undefined) {
      this.#fields = buildFieldReport(this.#ctx!, this.index);
      this.#ctx = undefined;
    }
    return this.#fields;
  }

  toJSON(): SpanSemantics {
    return { category: this.category, convention: this.convention, fields: this.fields };
  }
}

/**
 * Token and cost totals. The cost is unknown (null) as soon as one call's cost is: a model
 * without a price, or a call that recorded no usage at all — an unknown is never counted as 0.
 */
function totals(llmCalls: readonly LlmCall[]): Pick<AgentView, 'tokens' | 'costUsd' | 'unpricedModels' | 'noUsageCalls'> {
  const tokens: Required<Pick<TokenUsage, 'input' | 'output'>> & TokenUsage = { input: 0, output: 0 };
  let cost = 0;
  let unknown = false;
  let noUsageCalls = 0;
  const unpriced = new Set<string>();
  for (const c of llmCalls) {
    const u = c.usage;
    tokens.input += u.input ?? (u.total !== undefined ? Math.max(0, u.total - (u.output ?? 0)) : 0);
    tokens.output += u.output ?? 0;
    if (u.cachedInput !== undefined) tokens.cachedInput = (tokens.cachedInput ?? 0) + u.cachedInput;
    if (u.reasoning !== undefined) tokens.reasoning = (tokens.reasoning ?? 0) + u.reasoning;
    if (c.cost.usd !== null) cost += c.cost.usd;
    else if (c.cost.source === 'unpriced') {
      unknown = true;
      unpriced.add(c.model ?? '(no model name)');
    } else if (c.cost.source === 'no-usage') {
      unknown = true;
      noUsageCalls++;
    }
  }
  tokens.total = tokens.input + tokens.output;
  return { tokens, costUsd: unknown ? null : cost, unpricedModels: [...unpriced].sort(), noUsageCalls };
}

/**
 * Each call inside an LLM wrapper (its nearest LLM-span ancestor) may take that wrapper's
 * messages where its own are missing (see `LlmCallRecord.withWrapperMessages`).
 */
function linkWrapperMessages(
  trace: Trace,
  infos: readonly SpanInfo[],
  calls: Map<number, LlmCallRecord>,
  wrappers: ReadonlySet<number>,
  prices: PriceBook,
): void {
  if (wrappers.size === 0) return;
  const spans = trace.spans;
  const records = new Map<number, LlmCallRecord>();
  for (const [i, call] of calls) {
    // Wrappers sit right above their call (a span or two between at most): a short walk keeps
    // this linear on deep traces.
    let p = spans[i].parentIndex;
    for (let up = 0; p >= 0 && !wrappers.has(p) && up < 4; up++) p = spans[p].parentIndex;
    if (p < 0 || !wrappers.has(p)) continue;
    let w = records.get(p);
    if (!w) records.set(p, (w = buildLlmCall(spans[p], infos[p], prices)));
    call.withWrapperMessages(w);
  }
}

function byStart(calls: readonly LlmCall[], trace: Trace): LlmCall[] {
  const spans = trace.spans;
  return [...calls].sort((a, b) => {
    const x = spans[a.spanIndex].startNs;
    const y = spans[b.spanIndex].startNs;
    return x < y ? -1 : x > y ? 1 : a.spanIndex - b.spanIndex;
  });
}

function lastAnswer(runs: readonly AgentRun[]): string | undefined {
  for (let i = runs.length - 1; i >= 0; i--) {
    const a = runs[i].finalAnswer;
    if (a) return a;
  }
  return undefined;
}
