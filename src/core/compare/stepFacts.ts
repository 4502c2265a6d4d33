import { iterationFailed } from '../analyze/timeline/costSteps';
import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { StatusCode } from '../model/span';
import { normaliseValue } from './normalise';

/** One tool call of a step as the compare sees it: name, normalised arguments, outcome. */
export interface StepToolCall {
  readonly name: string;
  /** Canonical JSON of the arguments with ids and times normalised (see normalise.ts); 'null' when none were recorded. */
  readonly args: string;
  /** The arguments as recorded, for showing. */
  readonly rawArgs: unknown;
  /** 'ok' for ok and unset span status (exporters differ in setting it); 'not-executed' for a requested call with no execution. */
  readonly status: 'ok' | 'error' | 'not-executed';
}

/**
 * One step (iteration: an LLM call and the tool calls it caused) reduced to what two runs are
 * compared on. `index` is the step's position in time order over all runs of the trace, the
 * same numbering as the timeline's and cost panel's steps.
 */
export interface StepFacts {
  readonly index: number;
  readonly llmSpanIndex: number;
  readonly model: string;
  /** The model's output text (assistant messages joined by blank lines); '' when it only called tools. */
  readonly text: string;
  /** Tool executions, then requested-but-unexecuted calls, sorted by name and arguments: parallel calls compare as a multiset. */
  readonly toolCalls: readonly StepToolCall[];
  readonly llmStatus: 'ok' | 'error';
  readonly failed: boolean;
  /** Tokens; 0 when not recorded (`hasUsage` says which). */
  readonly input: number;
  readonly output: number;
  readonly hasUsage: boolean;
  /** US dollars; null when unknown. */
  readonly costUsd: number | null;
  readonly durationMs: number;
  /**
   * What aligns steps: the model and the multiset of tool names with their normalised
   * arguments. The model's text is left out (it is what a prompt edit changes); ids and times
   * are normalised, so a re-run of the same script has the same signatures.
   */
  readonly signature: string;
  /** The signature without arguments: steps with the same tools but other arguments are related (a substitution, not an insertion). */
  readonly shape: string;
}

export function stepFacts(analyses: TraceAnalyses): StepFacts[] {
  const { trace } = analyses;
  const costs = analyses.cost().steps;
  return analyses.placed().map(({ iteration: it }, index) => {
    const call = it.llmCall;
    const span = trace.spans[call.spanIndex];
    const toolCalls: StepToolCall[] = [
      ...it.toolExecutions.map((t) => ({
        name: t.name,
        args: normaliseValue(t.arguments ?? null),
        rawArgs: t.arguments,
        status: t.status === 'error' ? ('error' as const) : ('ok' as const),
      })),
      ...it.unexecutedRequests.map((r) => ({ name: r.name, args: normaliseValue(r.arguments ?? null), rawArgs: r.arguments, status: 'not-executed' as const })),
    ].sort((x, y) => cmp(x.name, y.name) || cmp(x.args, y.args));
    const model = call.model ?? '';
    const text = call.output
      .filter((m) => m.role === 'assistant' && m.text !== '')
      .map((m) => m.text)
      .join('\n\n');
    const cost = costs[index];
    return {
      index,
      llmSpanIndex: call.spanIndex,
      model,
      text,
      toolCalls,
      llmStatus: span.status.code === StatusCode.Error ? 'error' : 'ok',
      failed: iterationFailed(it, trace),
      input: cost.input,
      output: cost.output,
      hasUsage: call.usage.input !== undefined || call.usage.output !== undefined,
      costUsd: cost.costUsd,
      durationMs: Number(span.endNs - span.startNs) / 1e6,
      signature: JSON.stringify([model, toolCalls.map((t) => [t.name, t.args])]),
      shape: JSON.stringify([model, toolCalls.map((t) => t.name)]),
    };
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
