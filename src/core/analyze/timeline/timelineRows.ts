import type { Trace } from '../../model/trace';
import { StatusCode } from '../../model/span';
import { spanMs, type OffsetMs } from '../../model/time';
import type { AgentView, ChatMessage, ToolCallRequest } from '../../semantics/types';
import { clipText, previewValue } from './clip';
import { costSteps, type CostStep, type CostSteps } from './costSteps';
import { placedIterations, type PlacedIteration } from './steps';

/** Preview lengths (characters) of the card fields. */
export interface CardLimits {
  readonly input: number;
  readonly text: number;
  readonly result: number;
}
export const DEFAULT_CARD_LIMITS: CardLimits = { input: 160, text: 400, result: 160 };

export interface CardToolExecution {
  readonly spanIndex: number;
  readonly name: string;
  readonly status: 'ok' | 'error' | 'unset';
  readonly durationMs: OffsetMs;
  /** Clipped result (strings as is, other values as JSON); undefined when not recorded. */
  readonly resultPreview?: string;
  readonly error?: string;
}

/** An error shown on a card, pointing at the span that carries it. */
export interface CardError {
  readonly spanIndex: number;
  readonly message: string;
}

/**
 * One chain-of-thought card: one iteration. Cards are in time order over all runs; `depth` is
 * the sub-agent nesting (0 = top-level run) for indentation.
 */
export interface TimelineCard {
  readonly llmSpanIndex: number;
  readonly runSpanIndex: number;
  readonly runName: string;
  readonly depth: number;
  /** Iteration number within its run (0-based). */
  readonly iteration: number;
  readonly model?: string;
  readonly startMs: OffsetMs;
  readonly durationMs: OffsetMs;
  /** Role and clipped text of the last user or tool message sent to the model. */
  readonly inputSummary?: { readonly role: string; readonly text: string };
  readonly reasoning?: string;
  readonly answer?: string;
  readonly requestedToolCalls: readonly ToolCallRequest[];
  readonly toolExecutions: readonly CardToolExecution[];
  /** Requested calls with no execution span. */
  readonly unexecuted: readonly ToolCallRequest[];
  /** The cost panel row of this step (tokens, cost, running totals, waste). */
  readonly cost: CostStep;
  readonly errors: readonly CardError[];
}

export interface Timeline {
  readonly cards: readonly TimelineCard[];
  readonly cost: CostSteps;
}

function lastInput(messages: readonly ChatMessage[]): ChatMessage | undefined {
  for (let k = messages.length - 1; k >= 0; k--) {
    const r = messages[k].role;
    if (r === 'user' || r === 'tool') return messages[k];
  }
  return undefined;
}

const joined = (parts: (string | undefined)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');

/** Builds the cards and the cost rows they share. */
export function timelineCards(view: AgentView, trace: Trace, limits: CardLimits = DEFAULT_CARD_LIMITS): Timeline {
  const cost = costSteps(view, trace);
  const costBySpan = new Map(cost.steps.map((s) => [s.llmSpanIndex, s]));
  const cards = placedIterations(view, trace).map((p) => timelineCard(p, trace, costBySpan.get(p.iteration.llmCall.spanIndex)!, limits));
  return { cards, cost };
}

/**
 * One card from its placed iteration and cost row. Exported so a caller with many iterations
 * can build the cards of a window only (reading messages is the costly part).
 */
export function timelineCard(
  { iteration: it, run, depth }: PlacedIteration,
  trace: Trace,
  cost: CostStep,
  limits: CardLimits = DEFAULT_CARD_LIMITS,
): TimelineCard {
  const call = it.llmCall;
  const span = trace.spans[call.spanIndex];
  const last = lastInput(call.input);
  const reasoning = joined(call.output.map((m) => m.reasoning));
  const answer = joined(call.output.map((m) => m.text));
  const errors: CardError[] = [];
  if (span.status.code === StatusCode.Error) errors.push({ spanIndex: span.index, message: span.status.message || 'LLM call failed' });
  const tools: CardToolExecution[] = it.toolExecutions.map((t) => {
    const ts = trace.spans[t.spanIndex];
    if (t.status === 'error') errors.push({ spanIndex: t.spanIndex, message: t.error || `${t.name} failed` });
    const resultPreview = previewValue(t.result, limits.result);
    return {
      spanIndex: t.spanIndex,
      name: t.name,
      status: t.status,
      durationMs: spanMs(ts.startNs, ts.endNs),
      ...(resultPreview !== undefined ? { resultPreview } : {}),
      ...(t.error ? { error: t.error } : {}),
    };
  });
  return {
    llmSpanIndex: call.spanIndex,
    runSpanIndex: run.spanIndex,
    runName: run.name,
    depth,
    iteration: it.index,
    model: call.model,
    startMs: spanMs(trace.startNs, span.startNs),
    durationMs: spanMs(span.startNs, span.endNs),
    ...(last ? { inputSummary: { role: last.role, text: clipText(last.text, limits.input) } } : {}),
    ...(reasoning ? { reasoning: clipText(reasoning, limits.text) } : {}),
    ...(answer ? { answer: clipText(answer, limits.text) } : {}),
    requestedToolCalls: call.output.flatMap((m) => m.toolCalls),
    toolExecutions: tools,
    unexecuted: it.unexecutedRequests,
    cost,
    errors,
  };
}
