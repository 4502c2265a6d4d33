import { iterationFailed } from '../analyze/timeline/costSteps';
import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { StatusCode } from '../model/span';
import { spanMs } from '../model/time';

/**
 * The figures of one run that the compare totals show. Part of the `agent-trace diff --json`
 * contract (`a` and `b`): add fields, never rename.
 *
 * - `iterations`: steps (LLM calls with their tool calls) over all runs of the trace.
 * - `costUsd`: null when unknown — an LLM call with no usage recorded or no price — never 0 then.
 * - `status`: the outcome. 'error' when the root span or the last step has error status (the
 *   step's LLM call, or every tool it ran failed); a tool error the agent recovered from by a
 *   later step is not a failed outcome.
 * - `errors`: spans with error status, recovered ones included.
 */
export interface RunFacts {
  readonly traceId: string;
  readonly iterations: number;
  readonly tokens: { readonly input: number; readonly output: number };
  /** False when no LLM call recorded usage: token growth cannot be judged. */
  readonly hasUsage: boolean;
  readonly costUsd: number | null;
  readonly durationMs: number;
  readonly status: 'ok' | 'error';
  /** Why the outcome is 'error': 'root' or 'last-step'; absent when ok. */
  readonly failedAt?: 'root' | 'last-step';
  readonly errors: number;
}

export function runFacts(analyses: TraceAnalyses): RunFacts {
  const { trace, view } = analyses;
  const placed = analyses.placed();
  const rootFailed = trace.rootIndices.some((r) => trace.spans[r].status.code === StatusCode.Error);
  const last = placed.at(-1);
  const lastFailed = last !== undefined && iterationFailed(last.iteration, trace);
  let errors = 0;
  for (const s of trace.spans) if (s.status.code === StatusCode.Error) errors++;
  const costKnown = view.costUsd !== null && view.llmCalls.every((c) => c.cost.usd !== null);
  return {
    traceId: trace.traceId,
    iterations: placed.length,
    tokens: { input: view.tokens.input, output: view.tokens.output },
    hasUsage: view.llmCalls.some((c) => c.usage.input !== undefined || c.usage.output !== undefined || c.usage.total !== undefined),
    costUsd: costKnown ? view.costUsd : null,
    durationMs: spanMs(trace.startNs, trace.endNs),
    status: rootFailed || lastFailed ? 'error' : 'ok',
    ...(rootFailed ? { failedAt: 'root' as const } : lastFailed ? { failedAt: 'last-step' as const } : {}),
    errors,
  };
}
