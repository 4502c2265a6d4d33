import type { CostStep } from '../analyze/timeline/costSteps';
import type { PlacedIteration } from '../analyze/timeline/steps';
import { StatusCode } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import { durationMs, offsetMs, type CardToolCall, type CardToolRun, type CardView } from '../protocol';
import type { ChatMessage, ToolCallRequest } from '../semantics/types';
import { previewText, previewValue } from './clip';

/** Preview lengths (characters) of the card fields. */
export interface CardLimits {
  readonly input: number;
  readonly text: number;
  readonly result: number;
}
export const DEFAULT_CARD_LIMITS: CardLimits = { input: 160, text: 400, result: 160 };

/** Longest one-line arguments text of a requested tool call on a card. */
export const CARD_ARGUMENTS_LIMIT = 120;

type CardFinding = CardView['findings'][number];

function lastInput(messages: readonly ChatMessage[]): ChatMessage | undefined {
  for (let k = messages.length - 1; k >= 0; k--) {
    const r = messages[k].role;
    if (r === 'user' || r === 'tool') return messages[k];
  }
  return undefined;
}

const joined = (parts: (string | undefined)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');

const toolCall = (r: ToolCallRequest): CardToolCall => ({
  ...(r.id !== undefined ? { id: r.id } : {}),
  name: r.name,
  arguments: previewValue(r.arguments, CARD_ARGUMENTS_LIMIT) ?? '',
});

/**
 * The text of card `card`: one iteration (an LLM call and the tools it ran) with its cost row
 * and the findings listed on it. Reading the call's messages is the costly part, so the model
 * builds cards only for the windows the webview asks for.
 */
export function buildCard(
  card: number,
  { iteration: it, run, depth }: PlacedIteration,
  trace: Trace,
  cost: CostStep,
  findings: readonly CardFinding[],
  limits: CardLimits = DEFAULT_CARD_LIMITS,
): CardView {
  const call = it.llmCall;
  const span = trace.spans[call.spanIndex];
  const last = lastInput(call.input);
  const reasoning = joined(call.output.map((m) => m.reasoning));
  const answer = joined(call.output.map((m) => m.text));
  const errors: { spanIndex: number; message: string }[] = [];
  if (span.status.code === StatusCode.Error) errors.push({ spanIndex: span.index, message: span.status.message || 'LLM call failed' });
  const tools: CardToolRun[] = it.toolExecutions.map((t) => {
    const ts = trace.spans[t.spanIndex];
    if (t.status === 'error') errors.push({ spanIndex: t.spanIndex, message: t.error || `${t.name} failed` });
    const resultPreview = previewValue(t.result, limits.result);
    return {
      spanIndex: t.spanIndex,
      name: t.name,
      status: t.status,
      durationMs: durationMs(spanMs(ts.startNs, ts.endNs)),
      ...(resultPreview !== undefined ? { resultPreview } : {}),
      ...(t.error ? { error: t.error } : {}),
    };
  });
  return {
    card,
    llmSpanIndex: call.spanIndex,
    runSpanIndex: run.spanIndex,
    runName: run.name,
    depth,
    iteration: it.index,
    ...(call.model !== undefined ? { model: call.model } : {}),
    startMs: offsetMs(spanMs(trace.startNs, span.startNs)),
    durationMs: durationMs(spanMs(span.startNs, span.endNs)),
    ...(last ? { inputSummary: { role: last.role, text: previewText(last.text, limits.input) } } : {}),
    ...(reasoning ? { reasoning: previewText(reasoning, limits.text) } : {}),
    ...(answer ? { answer: previewText(answer, limits.text) } : {}),
    requestedToolCalls: call.output.flatMap((m) => m.toolCalls).map(toolCall),
    toolExecutions: tools,
    unexecuted: it.unexecutedRequests.map(toolCall),
    tokens: { input: cost.input, output: cost.output, cached: cost.cached, reasoning: cost.reasoning },
    costUsd: cost.costUsd,
    runningUsd: cost.runningUsd,
    ...(cost.waste ? { waste: cost.waste } : {}),
    errors,
    findings,
  };
}
