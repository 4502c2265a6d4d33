/**
 * Hand-built GenAI-convention runs for the compare tests: one `invoke_agent` root, then per
 * step a `chat` span and the `execute_tool` spans it caused, 10 ms apart. Ids and start time
 * come from `seed`, so two builds of the same steps differ only in ids and times (as two runs
 * of one script do).
 */
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

export interface ToolSpec {
  name: string;
  args?: unknown;
  error?: string;
  /** Requested by the model, never executed (no execute_tool span). */
  notExecuted?: boolean;
}
export interface StepSpec {
  model?: string;
  text?: string;
  tools?: ToolSpec[];
  input?: number;
  output?: number;
  /** No usage attributes at all. */
  noUsage?: boolean;
  llmError?: boolean;
}

const attr = (key: string, v: string | number) => ({ key, value: typeof v === 'number' ? { intValue: v } : { stringValue: v } });
const hex = (seed: number, n: number, len: number) => ((seed * 7919 + n * 104729) >>> 0).toString(16).padStart(8, '0').repeat(4).slice(0, len);

export function buildRun(steps: StepSpec[], opts: { seed?: number; rootError?: boolean } = {}): TraceAnalyses {
  const seed = opts.seed ?? 1;
  const traceId = hex(seed, 0, 32);
  const rootId = hex(seed, 1, 16);
  let t = 1_780_000_000_000 + seed * 1000; // ms
  let n = 2;
  const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
  const spans: object[] = [];
  const start = t;
  for (const s of steps) {
    const callId = (k: number) => `call_${seed}x${n}x${k}`;
    const parts: object[] = [];
    if (s.text) parts.push({ type: 'text', content: s.text });
    (s.tools ?? []).forEach((tool, k) => parts.push({ type: 'tool_call', id: callId(k), name: tool.name, arguments: tool.args ?? {} }));
    const llmId = hex(seed, n++, 16);
    spans.push({
      traceId,
      spanId: llmId,
      parentSpanId: rootId,
      name: `chat ${s.model ?? 'gpt-4o'}`,
      kind: 1,
      startTimeUnixNano: ns(t),
      endTimeUnixNano: ns(t + 9),
      attributes: [
        attr('gen_ai.operation.name', 'chat'),
        attr('gen_ai.request.model', s.model ?? 'gpt-4o'),
        attr('gen_ai.output.messages', JSON.stringify([{ role: 'assistant', parts }])),
        ...(s.noUsage ? [] : [attr('gen_ai.usage.input_tokens', s.input ?? 100), attr('gen_ai.usage.output_tokens', s.output ?? 20)]),
      ],
      status: { code: s.llmError ? 2 : 0 },
    });
    t += 10;
    (s.tools ?? []).forEach((tool, k) => {
      if (tool.notExecuted) return;
      spans.push({
        traceId,
        spanId: hex(seed, n++, 16),
        parentSpanId: rootId,
        name: `execute_tool ${tool.name}`,
        kind: 1,
        startTimeUnixNano: ns(t),
        endTimeUnixNano: ns(t + 9),
        attributes: [
          attr('gen_ai.operation.name', 'execute_tool'),
          attr('gen_ai.tool.name', tool.name),
          attr('gen_ai.tool.call.id', callId(k)),
          attr('gen_ai.tool.call.arguments', JSON.stringify(tool.args ?? {})),
          ...(tool.error ? [] : [attr('gen_ai.tool.call.result', '{"ok":true}')]),
        ],
        status: tool.error ? { code: 2, message: tool.error } : { code: 0 },
      });
      t += 10;
    });
  }
  spans.unshift({
    traceId,
    spanId: rootId,
    name: 'invoke_agent assistant',
    kind: 1,
    startTimeUnixNano: ns(start - 1),
    endTimeUnixNano: ns(t + 1),
    attributes: [attr('gen_ai.operation.name', 'invoke_agent'), attr('gen_ai.agent.name', 'assistant')],
    status: { code: opts.rootError ? 2 : 0 },
  });
  const doc = {
    resourceSpans: [{ resource: { attributes: [attr('service.name', 'compare-test')] }, scopeSpans: [{ scope: { name: 'compare-test' }, spans }] }],
  };
  const trace = importTrace(new TextEncoder().encode(JSON.stringify(doc))).traces[0];
  return new TraceAnalyses(trace, deriveAgentView(trace));
}
