/**
 * Hand-built traces for the view-model tests, made with the real TraceBuilder so the tree
 * invariants hold, plus a hand-written AgentView (the view-model only reads it).
 *
 * The agent trace `agentTrace()`:
 *   span-0: "agent run"      (root, server, service "planner", 0–2500 ms)
 *   span-1:   "chat gpt-4o"  (client, 100–1100 ms, ERROR "rate limited", 1 event at 600 ms)
 *   span-2:   "search"       (internal, 1200–1450.5 ms)
 * Times are ms after T0 = 1,700,000,000 s.
 */
import { Attributes, type AttrValue } from '../../../src/core/model/attributes';
import { SpanKind, StatusCode, type RawSpan } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import type { AgentView, LlmCall, SpanCategory, SpanSemantics, ToolExecution } from '../../../src/core/semantics/types';

export const T0 = 1_700_000_000_000_000_000n;
export const ms = (x: number): bigint => T0 + BigInt(Math.round(x * 1e6));
export const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
export const id = (n: number): string => n.toString(16).padStart(16, '0');

export function attrs(rec: Record<string, AttrValue>): Attributes {
  return Attributes.fromRecord(rec);
}

export function agentTrace(): TraceSet {
  const b = new TraceBuilder();
  const resource = { attributes: attrs({ 'service.name': 'planner', 'host.name': 'box-1' }), serviceName: 'planner' };
  const spans: RawSpan[] = [
    {
      traceId: TRACE_ID,
      spanId: id(1),
      name: 'agent run',
      kind: SpanKind.Server,
      startNs: ms(0),
      endNs: ms(2500),
      resource,
      scope: { name: 'my.lib', version: '1.2.0', attributes: Attributes.EMPTY },
    },
    {
      traceId: TRACE_ID,
      spanId: id(2),
      parentSpanId: id(1),
      name: 'chat gpt-4o',
      kind: SpanKind.Client,
      startNs: ms(100),
      endNs: ms(1100),
      status: { code: StatusCode.Error, message: 'rate limited' },
      resource,
      attributes: attrs({ 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1200, 'big.int': 9007199254740993n }),
      events: [{ name: 'retry', timeNs: ms(600), attributes: attrs({ attempt: 2 }) }],
    },
    {
      traceId: TRACE_ID,
      spanId: id(3),
      parentSpanId: id(1),
      name: 'search',
      kind: SpanKind.Internal,
      startNs: ms(1200),
      endNs: ms(1450.5),
      resource,
      attributes: attrs({ 'gen_ai.tool.name': 'web_search' }),
    },
  ];
  for (const s of spans) b.addSpan(s);
  return b.build('otlp-json', 'OTLP JSON');
}

const sem = (category: SpanCategory): SpanSemantics => ({ category, convention: category === 'other' ? 'none' : 'genai', fields: [] });

export const LLM_CALL: LlmCall = {
  spanIndex: 1,
  model: 'gpt-4o',
  input: [
    { role: 'system', text: 'You are terse.', toolCalls: [] },
    { role: 'user', text: 'Find the weather in Paris', toolCalls: [] },
  ],
  output: [{ role: 'assistant', text: '', reasoning: 'Need a search.', toolCalls: [{ id: 'call_1', name: 'web_search', arguments: { q: 'Paris weather' } }] }],
  usage: { input: 1200, output: 34, cachedInput: 1000 },
  cost: { usd: 0.0123, source: 'price-table' },
};

export const TOOL_EXEC: ToolExecution = { spanIndex: 2, name: 'web_search', callId: 'call_1', status: 'ok', requestedBy: 1 };

/** The agent view of `agentTrace()`: one run, one iteration, one LLM call, one tool execution. */
export function agentView(overrides: Partial<AgentView> = {}): AgentView {
  return {
    spans: [sem('agent'), sem('llm'), sem('tool')],
    llmCalls: [LLM_CALL],
    toolExecutions: [TOOL_EXEC],
    runs: [
      {
        spanIndex: 0,
        name: 'agent run',
        iterations: [{ index: 0, llmCall: LLM_CALL, toolExecutions: [TOOL_EXEC], unexecutedRequests: [] }],
        looseToolExecutions: [],
        subAgents: [],
      },
    ],
    iterationCount: 1,
    tokens: { input: 1200, output: 34 },
    costUsd: 0.0123,
    unpricedModels: [],
    noUsageCalls: 0,
    ...overrides,
  };
}

/** An agent view that finds nothing agent-like in `n` spans. */
export function emptyView(n: number): AgentView {
  return {
    spans: Array.from({ length: n }, () => sem('other')),
    llmCalls: [],
    toolExecutions: [],
    runs: [],
    iterationCount: 0,
    tokens: { input: 0, output: 0 },
    costUsd: null,
    unpricedModels: [],
    noUsageCalls: 0,
  };
}
