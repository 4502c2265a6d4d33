import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { STATUS_NAMES } from '../model/span';
import type { ChatMessage, Iteration } from '../semantics/types';

/**
 * `inspect --json --steps`: what was extracted from each iteration, so a user (or a script) can
 * check the reading against the file. One entry per iteration in time order (sub-agents
 * included, see `placedIterations`). Part of the public `inspect --json` contract.
 *
 * - `input`: the text of the last user or tool message sent to the model (what it answered);
 *   null when content capture was off.
 * - `output`: the model's answer text, else its reasoning text; null when neither was recorded.
 * - `arguments` (requests and executions) and `result`: parsed JSON where the text is JSON.
 */
export interface InspectStep {
  spanId: string;
  model: string | null;
  input: string | null;
  output: string | null;
  toolCalls: { id: string | null; name: string; arguments: unknown }[];
  executions: { spanId: string; name: string; callId: string | null; status: string; arguments: unknown; result: unknown }[];
}

export function inspectSteps(a: TraceAnalyses): InspectStep[] {
  const spans = a.trace.spans;
  return a.placed().map(({ iteration }) => {
    const call = iteration.llmCall;
    return {
      spanId: spans[call.spanIndex].spanId,
      model: call.model ?? null,
      input: lastSent(call.input),
      output: answer(call.output),
      toolCalls: call.output.flatMap((m) => m.toolCalls).map((t) => ({ id: t.id ?? null, name: t.name, arguments: parsed(t.arguments) })),
      executions: executions(a, iteration),
    };
  });
}

function executions(a: TraceAnalyses, it: Iteration): InspectStep['executions'] {
  return it.toolExecutions.map((e) => ({
    spanId: a.trace.spans[e.spanIndex].spanId,
    name: e.name,
    callId: e.callId ?? null,
    status: e.status === 'unset' ? STATUS_NAMES[0] : e.status,
    arguments: parsed(e.arguments),
    result: parsed(e.result),
  }));
}

function lastSent(input: readonly ChatMessage[]): string | null {
  for (let i = input.length - 1; i >= 0; i--) {
    const m = input[i];
    if (m.role === 'user' || m.role === 'tool') return m.text;
  }
  return null;
}

function answer(output: readonly ChatMessage[]): string | null {
  const text = output
    .map((m) => m.text)
    .filter((t) => t !== '')
    .join('\n\n');
  if (text !== '') return text;
  const reasoning = output
    .map((m) => m.reasoning ?? '')
    .filter((t) => t !== '')
    .join('\n\n');
  return reasoning !== '' ? reasoning : null;
}

/** JSON text → its value; anything else as it is (undefined → null, so the key is kept). */
function parsed(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (t === '' || !(t.startsWith('{') || t.startsWith('[') || t.startsWith('"'))) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}
