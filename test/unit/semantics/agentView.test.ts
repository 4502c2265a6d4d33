import { describe, expect, it } from 'vitest';
import type { AttrValue } from '../../../src/core/model/attributes';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import type { AgentRun } from '../../../src/core/semantics/types';
import { buildTrace, indexOf } from './buildTrace';

const agent = (name: string) => ({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name });
const tool = (name: string, callId?: string, extra: Record<string, AttrValue> = {}) => ({
  'gen_ai.operation.name': 'execute_tool',
  'gen_ai.tool.name': name,
  ...(callId ? { 'gen_ai.tool.call.id': callId } : {}),
  ...extra,
});
/** A chat span asking for `calls` ([name, id, args]) and/or answering `text`. */
function chat(model: string, tokens: [number, number], calls: [string, string | undefined, unknown][] = [], text?: string): Record<string, AttrValue> {
  const parts: unknown[] = calls.map(([name, id, args]) => ({ type: 'tool_call', ...(id ? { id } : {}), name, arguments: args }));
  if (text) parts.push({ type: 'text', content: text });
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': model,
    'gen_ai.usage.input_tokens': tokens[0],
    'gen_ai.usage.output_tokens': tokens[1],
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts }]),
  };
}
const shape = (r: AgentRun): unknown => ({
  span: r.spanIndex,
  iterations: r.iterations.map((it) => [it.llmCall.spanIndex, it.toolExecutions.map((t) => t.spanIndex)]),
  loose: r.looseToolExecutions.map((t) => t.spanIndex),
  sub: r.subAgents.map(shape),
});

describe('agent runs, sub-agents and iterations', () => {
  // span-1 invoke_agent supervisor
  // ├─ span-2 chat              asks for delegate (d1)
  // ├─ span-3 execute_tool delegate (d1)
  // │  └─ span-4 invoke_agent helper
  // │     ├─ span-5 chat        asks for search (s1)
  // │     └─ span-6 execute_tool search (s1)
  // └─ span-7 chat              answers
  const trace = buildTrace([
    {
      id: 1,
      name: 'invoke_agent supervisor',
      start: 0,
      end: 100,
      attrs: { ...agent('supervisor'), 'gen_ai.usage.input_tokens': 5000, 'gen_ai.usage.output_tokens': 5000 },
    },
    { id: 2, parent: 1, name: 'chat', start: 1, end: 10, attrs: chat('gpt-4o', [1000, 100], [['delegate', 'd1', { task: 'find' }]]) },
    { id: 3, parent: 1, name: 'execute_tool delegate', start: 11, end: 50, attrs: tool('delegate', 'd1') },
    { id: 4, parent: 3, name: 'invoke_agent helper', start: 12, end: 49, attrs: agent('helper') },
    { id: 5, parent: 4, name: 'chat', start: 13, end: 20, attrs: chat('gpt-4o-mini', [500, 50], [['search', 's1', { q: 'x' }]]) },
    { id: 6, parent: 4, name: 'execute_tool search', start: 21, end: 30, attrs: tool('search', 's1') },
    { id: 7, parent: 1, name: 'chat', start: 51, end: 60, attrs: chat('gpt-4o', [2000, 200], [], 'Done: found it.') },
  ]);
  const view = deriveAgentView(trace);
  const i = (id: number) => indexOf(trace, id);

  it('nests the sub-agent run and gives each LLM call to its nearest enclosing run', () => {
    expect(view.runs.map(shape)).toEqual([
      {
        span: i(1),
        iterations: [
          [i(2), [i(3)]],
          [i(7), []],
        ],
        loose: [],
        sub: [{ span: i(4), iterations: [[i(5), [i(6)]]], loose: [], sub: [] }],
      },
    ]);
    expect(view.runs[0].name).toBe('supervisor');
    expect(view.runs[0].subAgents[0].name).toBe('helper');
    expect(view.iterationCount).toBe(3);
  });

  it('sums tokens over LLM calls only, not the agent span totals', () => {
    expect(view.tokens).toEqual({ input: 3500, output: 350, total: 3850 });
  });

  it('prices the calls: gpt-4o ($2.50 / $10) and gpt-4o-mini ($0.15 / $0.60)', () => {
    // (3000 × 2.5 + 300 × 10 + 500 × 0.15 + 50 × 0.6) / 1e6 = (7500 + 3000 + 75 + 30) / 1e6
    expect(view.costUsd).toBeCloseTo(10605 / 1e6, 12);
    expect(view.unpricedModels).toEqual([]);
  });

  it('gives final answers per run and for the view', () => {
    expect(view.finalAnswer).toBe('Done: found it.');
    expect(view.runs[0].subAgents[0].finalAnswer).toBeUndefined();
  });

  it('serialises lazily computed fields with JSON.stringify', () => {
    const json = JSON.parse(JSON.stringify(view)) as {
      llmCalls: { output: unknown[] }[];
      toolExecutions: { requestedBy: number }[];
      spans: { fields: unknown[] }[];
      finalAnswer: string;
    };
    expect(json.llmCalls[2].output).toEqual([{ role: 'assistant', text: 'Done: found it.', toolCalls: [] }]);
    expect(json.toolExecutions.map((t) => t.requestedBy)).toEqual([i(2), i(5)]);
    expect(json.spans[i(1)].fields.length).toBeGreaterThan(0);
    expect(json.finalAnswer).toBe('Done: found it.');
  });
});

describe('runs without agent spans, and orphans', () => {
  it('makes one implicit run at the root when there is no agent span', () => {
    // span-1 POST /chat (HTTP root)
    // ├─ span-2 chat      asks for t (t1)
    // ├─ span-3 execute_tool t (t1)
    // └─ span-4 chat      answers
    const trace = buildTrace([
      { id: 1, name: 'POST /chat', start: 0, end: 100, attrs: { 'http.request.method': 'POST' } },
      { id: 2, parent: 1, name: 'chat', start: 1, end: 10, attrs: chat('gpt-4o', [10, 1], [['t', 't1', {}]]) },
      { id: 3, parent: 1, name: 'execute_tool t', start: 11, end: 12, attrs: tool('t', 't1') },
      { id: 4, parent: 1, name: 'chat', start: 13, end: 20, attrs: chat('gpt-4o', [10, 1], [], 'ok') },
    ]);
    const view = deriveAgentView(trace);
    expect(view.runs.map(shape)).toEqual([
      {
        span: 0,
        iterations: [
          [1, [2]],
          [3, []],
        ],
        loose: [],
        sub: [],
      },
    ]);
    expect(view.runs[0].name).toBe('POST /chat');
  });

  it('does not make an agent span without LLM calls below a run; its tools stay in the enclosing run', () => {
    // span-1 invoke_agent outer
    // ├─ span-2 chat                      asks for lookup (no id)
    // └─ span-3 AGENT "react.update" (OpenInference, bookkeeping)
    //    └─ span-4 execute_tool lookup
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent outer', start: 0, end: 100, attrs: agent('outer') },
      { id: 2, parent: 1, name: 'chat', start: 1, end: 10, attrs: chat('gpt-4o', [10, 1], [['lookup', undefined, {}]]) },
      { id: 3, parent: 1, name: 'react.update', start: 11, end: 20, attrs: { 'openinference.span.kind': 'AGENT' } },
      { id: 4, parent: 3, name: 'execute_tool lookup', start: 12, end: 13, attrs: tool('lookup') },
    ]);
    const view = deriveAgentView(trace);
    expect(view.runs.map(shape)).toEqual([{ span: 0, iterations: [[1, [3]]], loose: [], sub: [] }]);
    expect(view.spans[2].fields).toContainEqual({ field: 'run', missing: 'no LLM call below this agent span, so it is not shown as an agent run' });
  });

  it('places orphan roots under the agent span whose time covers them (parents never exported)', () => {
    // span-1 invoke_agent [any_agent] 0–100 (root)
    // span-2 call_llm  parent 99 (missing) 10–20
    // span-3 execute_tool get_time parent 98 (missing) 21–22
    // span-4 call_llm  parent 99 (missing) 200–210: after the agent ended, stays on its own
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent [any_agent]', start: 0, end: 100, attrs: agent('any_agent') },
      {
        id: 2,
        parent: 99,
        name: 'call_llm m',
        start: 10,
        end: 20,
        attrs: { ...chat('gpt-4o', [10, 1], [['get_time', 'g1', {}]]), 'gen_ai.operation.name': 'call_llm' },
      },
      { id: 3, parent: 98, name: 'execute_tool get_time', start: 21, end: 22, attrs: tool('get_time', 'g1') },
      { id: 4, parent: 99, name: 'call_llm m', start: 200, end: 210, attrs: { ...chat('gpt-4o', [10, 1], [], 'late'), 'gen_ai.operation.name': 'call_llm' } },
    ]);
    const view = deriveAgentView(trace);
    const i = (id: number) => indexOf(trace, id);
    expect(view.runs.map(shape)).toEqual([
      { span: i(1), iterations: [[i(2), [i(3)]]], loose: [], sub: [] },
      { span: i(4), iterations: [[i(4), []]], loose: [], sub: [] },
    ]);
    const run = view.spans[i(2)].fields.find((f) => f.field === 'run');
    expect(run?.from).toContain(`parent ${'0'.repeat(14)}63 is missing; placed under agent span #${i(1)}`);
  });
});

describe('linking tool executions to the calls that asked for them', () => {
  it('links by call id even past a later call, else to the latest preceding call; a tool before any call is loose', () => {
    // span-1 invoke_agent a
    // ├─ span-2 execute_tool warmup   (before any call: loose)
    // ├─ span-3 chat                  asks for slow (s1)
    // ├─ span-4 chat                  asks for fast (f1)
    // ├─ span-5 execute_tool slow (s1)  → span-3 by id
    // └─ span-6 execute_tool other      → span-4, the latest preceding
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent a', start: 0, end: 100, attrs: agent('a') },
      { id: 2, parent: 1, name: 'execute_tool warmup', start: 1, end: 2, attrs: tool('warmup') },
      { id: 3, parent: 1, name: 'chat', start: 3, end: 4, attrs: chat('gpt-4o', [1, 1], [['slow', 's1', {}]]) },
      { id: 4, parent: 1, name: 'chat', start: 5, end: 6, attrs: chat('gpt-4o', [1, 1], [['fast', 'f1', {}]]) },
      { id: 5, parent: 1, name: 'execute_tool slow', start: 7, end: 8, attrs: tool('slow', 's1') },
      { id: 6, parent: 1, name: 'execute_tool other', start: 9, end: 10, attrs: tool('other') },
    ]);
    const view = deriveAgentView(trace);
    expect(view.runs.map(shape)).toEqual([
      {
        span: 0,
        iterations: [
          [2, [4]],
          [3, [5]],
        ],
        loose: [1],
        sub: [],
      },
    ]);
    expect(view.runs[0].iterations[0].unexecutedRequests).toEqual([]);
    expect(view.runs[0].iterations[1].unexecutedRequests).toEqual([{ id: 'f1', name: 'fast', arguments: {} }]);
    expect(view.spans[4].fields).toContainEqual({ field: 'requestedBy', from: 'tool call id s1 in the output of LLM span #2' });
    expect(view.spans[5].fields).toContainEqual({ field: 'requestedBy', from: 'most recent LLM call before it in its run (span #3)' });
    expect(view.spans[1].fields).toContainEqual({ field: 'requestedBy', missing: 'no LLM call starts before it in its run' });
  });

  it('pairs id-less parallel calls of one tool with the requests by arguments', () => {
    // Claude Agent SDK style: each tool_use is its own assistant turn, tools carry no ids.
    // span-2 asks weather(NY), span-3 asks weather(Berlin), then both tools run (NY first).
    const trace = buildTrace([
      { id: 1, name: 'conversation', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'chain' } },
      { id: 2, parent: 1, name: 'turn', start: 1, end: 2, attrs: chat('claude-sonnet-4-5', [5, 50], [['weather', 'toolu_1', { city: 'NY' }]]) },
      { id: 3, parent: 1, name: 'turn', start: 3, end: 4, attrs: chat('claude-sonnet-4-5', [5, 50], [['weather', 'toolu_2', { city: 'Berlin' }]]) },
      { id: 4, parent: 1, name: 'weather', start: 5, end: 6, attrs: tool('weather', undefined, { 'gen_ai.tool.call.arguments': '{"city":"NY"}' }) },
      { id: 5, parent: 1, name: 'weather', start: 7, end: 8, attrs: tool('weather', undefined, { 'gen_ai.tool.call.arguments': '{"city":"Berlin"}' }) },
    ]);
    const view = deriveAgentView(trace);
    expect(view.runs.map(shape)).toEqual([
      {
        span: 0,
        iterations: [
          [1, [3]],
          [2, [4]],
        ],
        loose: [],
        sub: [],
      },
    ]);
    expect(view.runs[0].iterations.map((it) => it.unexecutedRequests)).toEqual([[], []]);
  });

  it('counts a tool span wrapping a tool span of the same name once', () => {
    const trace = buildTrace([
      { id: 1, name: 'chat', start: 0, end: 1, attrs: chat('gpt-4o', [1, 1], [['fetch', 'x', {}]]) },
      { id: 2, name: 'fetch', start: 2, end: 10, attrs: { 'langfuse.observation.type': 'TOOL' } },
      { id: 3, parent: 2, name: 'execute_tool fetch', start: 3, end: 9, attrs: tool('fetch', 'x') },
    ]);
    const view = deriveAgentView(trace);
    expect(view.toolExecutions.map((t) => t.spanIndex)).toEqual([indexOf(trace, 3)]);
    expect(view.spans[indexOf(trace, 2)].fields).toContainEqual({
      field: 'tool.name',
      missing: 'not counted as a tool execution: it wraps a tool span of the same name',
    });
  });

  it('finds unmarked tool spans named after a requested tool (LangGraph through Langfuse)', () => {
    // span-1 LangGraph (SPAN)
    // ├─ span-2 ChatOpenAI (GENERATION) asks for get_weather (call_1)
    // ├─ span-3 tools (SPAN)
    // │  └─ span-4 get_weather (SPAN, output a LangChain ToolMessage)
    // └─ span-5 ChatOpenAI (GENERATION) answers
    const L = 'langfuse.observation.';
    const trace = buildTrace([
      { id: 1, name: 'LangGraph', start: 0, end: 100, attrs: { [L + 'type']: 'SPAN' } },
      {
        id: 2,
        parent: 1,
        name: 'ChatOpenAI',
        start: 1,
        end: 10,
        attrs: {
          [L + 'type']: 'GENERATION',
          [L + 'output']:
            '{"role":"assistant","content":"","tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"SF\\"}"}}]}',
        },
      },
      { id: 3, parent: 1, name: 'tools', start: 11, end: 20, attrs: { [L + 'type']: 'SPAN' } },
      {
        id: 4,
        parent: 3,
        name: 'get_weather',
        start: 12,
        end: 19,
        attrs: {
          [L + 'type']: 'SPAN',
          [L + 'input']: '{"city":"SF"}',
          [L + 'output']:
            '{"lc":1,"type":"constructor","id":["langchain_core","messages","ToolMessage"],"kwargs":{"content":"Sunny","tool_call_id":"call_1","name":"get_weather"}}',
        },
      },
      {
        id: 5,
        parent: 1,
        name: 'ChatOpenAI',
        start: 21,
        end: 30,
        attrs: { [L + 'type']: 'GENERATION', [L + 'output']: '{"role":"assistant","content":"Sunny in SF."}' },
      },
    ]);
    const view = deriveAgentView(trace);
    const i = (id: number) => indexOf(trace, id);
    expect(view.spans[i(3)].category).toBe('other');
    expect(view.spans[i(4)].category).toBe('tool');
    expect(view.spans[i(4)].fields[0]).toEqual({ field: 'category', from: `span name matches the tool call "get_weather" requested by LLM span #${i(2)}` });
    expect(view.toolExecutions).toHaveLength(1);
    expect(view.toolExecutions[0]).toMatchObject({ name: 'get_weather', callId: 'call_1', arguments: { city: 'SF' }, result: 'Sunny', requestedBy: i(2) });
    expect(view.runs.map(shape)).toEqual([
      {
        span: 0,
        iterations: [
          [i(2), [i(4)]],
          [i(5), []],
        ],
        loose: [],
        sub: [],
      },
    ]);
  });
});

describe('cost totals', () => {
  it('is null when any call with tokens is unpriced, and lists the unpriced models', () => {
    const trace = buildTrace([
      { id: 1, name: 'chat', start: 0, attrs: chat('gpt-4o', [1000, 0]) },
      { id: 2, name: 'chat', start: 1, attrs: chat('model-a', [10, 10]) },
      { id: 3, name: 'chat', start: 2, attrs: chat('model-b', [10, 10]) },
      { id: 4, name: 'chat', start: 3, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'model-c' } },
    ]);
    const view = deriveAgentView(trace);
    expect(view.llmCalls.map((c) => c.cost.source)).toEqual(['price-table', 'unpriced', 'unpriced', 'no-usage']);
    expect(view.costUsd).toBeNull();
    expect(view.unpricedModels).toEqual(['model-a', 'model-b']);
    const cost = view.spans[1].fields.find((f) => f.field === 'cost');
    expect(cost?.missing).toContain('model "model-a" is not in the price table');
  });

  it('is null, not 0, when an LLM call recorded no usage at all', () => {
    // gpt-4o is priced and has tokens; the second call has a model but no usage attributes.
    const trace = buildTrace([
      { id: 1, name: 'chat', start: 0, attrs: chat('gpt-4o', [1000, 0]) },
      { id: 2, name: 'chat', start: 1, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } },
    ]);
    const view = deriveAgentView(trace);
    expect(view.llmCalls.map((c) => c.cost.source)).toEqual(['price-table', 'no-usage']);
    expect(view.costUsd).toBeNull();
    expect(view.noUsageCalls).toBe(1);
    expect(view.unpricedModels).toEqual([]);
    // Only calls without usage: unknown too (this used to read "$0.0000").
    const none = deriveAgentView(buildTrace([{ id: 1, name: 'chat', start: 0, attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm' } }]));
    expect(none.costUsd).toBeNull();
    expect(none.noUsageCalls).toBe(1);
  });

  it('uses price overrides from settings', () => {
    const trace = buildTrace([{ id: 1, name: 'chat', start: 0, attrs: chat('model-a', [1_000_000, 1_000_000]) }]);
    const view = deriveAgentView(trace, { prices: { 'model-a': { input: 1, output: 3 } } });
    expect(view.costUsd).toBe(4);
    expect(view.spans[0].fields.find((f) => f.field === 'cost')?.from).toBe('price from settings: model-a');
  });

  it('is 0 for a trace without LLM calls', () => {
    const view = deriveAgentView(buildTrace([{ id: 1, name: 'GET /', start: 0 }]));
    expect(view).toMatchObject({ costUsd: 0, tokens: { input: 0, output: 0 }, runs: [], iterationCount: 0, unpricedModels: [] });
    expect(view.spans[0]).toMatchObject({ category: 'other', convention: 'none' });
  });
});
