import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph, groupNodeId, spanNodeId } from '../../../src/core/analyze/graph/buildPlanGraph';
import type { PlanGraph } from '../../../src/core/analyze/graph/types';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf, type SpanSpec } from '../semantics/buildTrace';
import { agent, chat, tool } from './genaiSpans';

const count = (g: PlanGraph, kind: string) => g.edges.filter((e) => e.kind === kind).length;
const edge = (from: number | string, to: number | string, kind: string) => ({
  from: typeof from === 'number' ? spanNodeId(from) : from,
  to: typeof to === 'number' ? spanNodeId(to) : to,
  kind,
});

describe('plan graph of the demo travel-agent trace', () => {
  // span 0 ai.generateText (agent travel-agent)
  // ├─ span 1 doGenerate   requests get_weather (call_weather_1), search_flights (call_flights_1)
  // ├─ span 2 toolCall get_weather
  // ├─ span 3 toolCall search_flights
  // ├─ span 4 doGenerate   input has both results; requests book_hotel (call_hotel_1)
  // ├─ span 5 toolCall book_hotel
  // └─ span 6 doGenerate   input has all three results; answers
  const set = importTrace(new Uint8Array(readFileSync('demo/workspace/traces/travel-agent-run.otlp.json')));
  const trace = set.traces[0];
  const g = buildPlanGraph(trace, deriveAgentView(trace));

  it('has one node per span: 1 agent, 3 LLM calls, 3 tools', () => {
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['span:0', 'agent'],
      ['span:1', 'llm'],
      ['span:2', 'tool'],
      ['span:3', 'tool'],
      ['span:4', 'llm'],
      ['span:5', 'tool'],
      ['span:6', 'llm'],
    ]);
    expect(g.groups).toEqual([]);
  });

  it('links causes, iteration order and first-consumer data flow', () => {
    // caused: agent→1, 1→2, 1→3, 4→5; next: 1→4, 4→6; dataflow: 2→4, 3→4 (first call seeing
    // them; span 6 resends them as history), 5→6.
    expect(count(g, 'caused')).toBe(4);
    expect(count(g, 'next')).toBe(2);
    expect(count(g, 'dataflow')).toBe(3);
    expect(count(g, 'handoff')).toBe(0);
    expect(g.edges).toEqual(
      expect.arrayContaining([
        edge(0, 1, 'caused'),
        edge(1, 2, 'caused'),
        edge(1, 3, 'caused'),
        edge(4, 5, 'caused'),
        edge(1, 4, 'next'),
        edge(4, 6, 'next'),
        edge(2, 4, 'dataflow'),
        edge(3, 4, 'dataflow'),
        edge(5, 6, 'dataflow'),
      ]),
    );
    expect(g.edges).toHaveLength(9);
  });
});

describe('repeated iterations fold into a group', () => {
  // span-1 invoke_agent worker
  // ├─ span-2 chat             asks search (s1)
  // ├─ span-3 execute_tool search s1
  // ├─ span-4 chat   ←s1       asks search (s2)
  // ├─ span-5 execute_tool search s2
  // ├─ span-6 chat   ←s2       asks search (s3)
  // ├─ span-7 execute_tool search s3
  // ├─ span-8 chat   ←s3       asks write (w1)
  // ├─ span-9 execute_tool write w1
  // └─ span-10 chat  ←w1       answers
  // Shapes: [search] ×3, [write], [] → one group of iterations 0–2, then two single iterations.
  const specs: SpanSpec[] = [
    { id: 1, name: 'invoke_agent worker', start: 0, end: 100, attrs: agent('worker') },
    { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['search', 's1', { q: 'a' }]] }) },
    { id: 3, parent: 1, name: 'execute_tool search', start: 2, attrs: tool('search', 's1', { q: 'a' }) },
    { id: 4, parent: 1, name: 'chat', start: 3, attrs: chat({ calls: [['search', 's2', { q: 'b' }]], results: ['s1'] }) },
    { id: 5, parent: 1, name: 'execute_tool search', start: 4, attrs: tool('search', 's2', { q: 'b' }) },
    { id: 6, parent: 1, name: 'chat', start: 5, attrs: chat({ calls: [['search', 's3', { q: 'c' }]], results: ['s2'] }) },
    { id: 7, parent: 1, name: 'execute_tool search', start: 6, attrs: tool('search', 's3', { q: 'c' }) },
    { id: 8, parent: 1, name: 'chat', start: 7, attrs: chat({ calls: [['write', 'w1', { f: 'x' }]], results: ['s3'] }) },
    { id: 9, parent: 1, name: 'execute_tool write', start: 8, attrs: tool('write', 'w1', { f: 'x' }) },
    { id: 10, parent: 1, name: 'chat', start: 9, attrs: chat({ text: 'done', results: ['w1'] }) },
  ];
  const trace = buildTrace(specs);
  const view = deriveAgentView(trace);
  const i = (id: number) => indexOf(trace, id);
  const gid = groupNodeId(i(1), 0);

  it('collapsed: agent, one group of 3, then the write iteration and the answer', () => {
    const g = buildPlanGraph(trace, view);
    expect(g.nodes.map((n) => n.id)).toEqual([spanNodeId(i(1)), gid, spanNodeId(i(8)), spanNodeId(i(9)), spanNodeId(i(10))]);
    const group = g.nodes[1];
    expect(group).toMatchObject({ kind: 'group', count: 3, shape: ['search'], spanIndex: i(2) });
    expect(group.spanIndices).toEqual([i(2), i(3), i(4), i(5), i(6), i(7)]);
    expect(g.groups).toEqual([{ id: gid, runSpanIndex: i(1), iterations: [0, 1, 2], shape: ['search'], expanded: false }]);
    // Data flow s1→4 and s2→6 fall inside the group and are dropped; s3 leaves it.
    expect(g.edges).toEqual([
      edge(i(1), gid, 'caused'),
      edge(i(8), i(9), 'caused'),
      edge(gid, i(8), 'next'),
      edge(i(8), i(10), 'next'),
      edge(gid, i(8), 'dataflow'),
      edge(i(9), i(10), 'dataflow'),
    ]);
  });

  it('expanded: every span is a node again', () => {
    const g = buildPlanGraph(trace, view, { expanded: new Set([gid]) });
    expect(g.nodes).toHaveLength(10);
    expect(g.groups[0].expanded).toBe(true);
    // caused: agent→2, 2→3, 4→5, 6→7, 8→9; next: 2→4, 4→6, 6→8, 8→10; dataflow: 3→4, 5→6, 7→8, 9→10.
    expect(count(g, 'caused')).toBe(5);
    expect(count(g, 'next')).toBe(4);
    expect(count(g, 'dataflow')).toBe(4);
    expect(g.edges).toContainEqual(edge(i(6), i(8), 'next'));
    expect(g.edges).toContainEqual(edge(i(7), i(8), 'dataflow'));
  });
});

describe('sub-agents and retrievers', () => {
  // span-1 invoke_agent supervisor
  // ├─ span-2 chat              asks delegate (d1)
  // ├─ span-3 execute_tool delegate (d1)
  // │  └─ span-4 invoke_agent helper
  // │     ├─ span-5 chat        asks search (s1)
  // │     └─ span-6 execute_tool search (s1)
  // ├─ span-7 retrieval docs
  // └─ span-8 chat              answers
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent supervisor', start: 0, end: 100, attrs: agent('supervisor') },
    { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['delegate', 'd1', { task: 'find' }]] }) },
    { id: 3, parent: 1, name: 'execute_tool delegate', start: 11, end: 50, attrs: tool('delegate', 'd1') },
    { id: 4, parent: 3, name: 'invoke_agent helper', start: 12, end: 49, attrs: agent('helper') },
    { id: 5, parent: 4, name: 'chat', start: 13, attrs: chat({ calls: [['search', 's1', { q: 'x' }]] }) },
    { id: 6, parent: 4, name: 'execute_tool search', start: 21, attrs: tool('search', 's1') },
    { id: 7, parent: 1, name: 'retrieval docs', start: 51, attrs: { 'gen_ai.operation.name': 'retrieval' } },
    { id: 8, parent: 1, name: 'chat', start: 60, attrs: chat({ text: 'Done.' }) },
  ]);
  const i = (id: number) => indexOf(trace, id);
  const g = buildPlanGraph(trace, deriveAgentView(trace));

  it('hands off from the supervisor to the helper and hangs the retriever off its agent', () => {
    expect(g.nodes.map((n) => n.kind).sort()).toEqual(['agent', 'agent', 'llm', 'llm', 'llm', 'retriever', 'tool', 'tool']);
    expect(g.edges).toEqual(
      expect.arrayContaining([
        edge(i(1), i(4), 'handoff'),
        edge(i(1), i(2), 'caused'),
        edge(i(2), i(3), 'caused'),
        edge(i(2), i(8), 'next'),
        edge(i(4), i(5), 'caused'),
        edge(i(5), i(6), 'caused'),
        edge(i(1), i(7), 'caused'),
      ]),
    );
    expect(g.edges).toHaveLength(7);
  });
});

describe('a 2,000-span run', () => {
  // span-1 invoke_agent worker
  // ├─ chat → execute_tool poll   ×999 (1,998 spans, all the same shape [poll])
  // └─ chat answers
  const specs: SpanSpec[] = [{ id: 1, name: 'invoke_agent worker', start: 0, end: 10_000, attrs: agent('worker') }];
  for (let k = 0; k < 999; k++) {
    specs.push({ id: 2 + 2 * k, parent: 1, name: 'chat', start: 1 + 2 * k, attrs: chat({ calls: [['poll', `p${k}`, { n: k }]] }) });
    specs.push({ id: 3 + 2 * k, parent: 1, name: 'execute_tool poll', start: 2 + 2 * k, attrs: tool('poll', `p${k}`, { n: k }) });
  }
  specs.push({ id: 2000, parent: 1, name: 'chat', start: 5000, attrs: chat({ text: 'done' }) });
  const trace = buildTrace(specs);

  it('collapses to the agent, one group of 999 and the answer', () => {
    expect(trace.spans).toHaveLength(2000);
    const g = buildPlanGraph(trace, deriveAgentView(trace));
    expect(g.nodes.map((n) => n.kind)).toEqual(['agent', 'group', 'llm']);
    expect(g.nodes[1].count).toBe(999);
    expect(g.edges).toHaveLength(2);
  });
});

describe('a 2,000-span run whose shape keeps changing', () => {
  // span-1 invoke_agent worker
  // ├─ chat → execute_tool a | b | c   ×999, tool names cycling a, b, c (no two neighbours alike)
  // └─ chat answers
  // 999 single-iteration stretches + the answer = 1,000 stretches > 100, so every 10 merge:
  // 100 mixed groups of 10 iterations.
  const specs: SpanSpec[] = [{ id: 1, name: 'invoke_agent worker', start: 0, end: 10_000, attrs: agent('worker') }];
  for (let k = 0; k < 999; k++) {
    const name = 'abc'[k % 3];
    specs.push({ id: 2 + 2 * k, parent: 1, name: 'chat', start: 1 + 2 * k, attrs: chat({ calls: [[name, `t${k}`, { k }]] }) });
    specs.push({ id: 3 + 2 * k, parent: 1, name: `execute_tool ${name}`, start: 2 + 2 * k, attrs: tool(name, `t${k}`, { k }) });
  }
  specs.push({ id: 2000, parent: 1, name: 'chat', start: 5000, attrs: chat({ text: 'done' }) });
  const trace = buildTrace(specs);

  it('stays at 101 nodes: the agent and 100 mixed groups in a chain', () => {
    expect(trace.spans).toHaveLength(2000);
    const g = buildPlanGraph(trace, deriveAgentView(trace));
    expect(g.nodes).toHaveLength(101);
    expect(g.nodes.slice(1).every((n) => n.kind === 'group' && n.count === 10 && n.shape === undefined)).toBe(true);
    expect(g.nodes[1].label).toBe('10 iterations (mixed)');
    expect(count(g, 'caused')).toBe(1);
    expect(count(g, 'next')).toBe(99);
    expect(g.edges).toHaveLength(100);
  });
});

describe('folding takes sub-agents and retrievers along', () => {
  // span-1 invoke_agent boss
  // ├─ span-2 chat                asks delegate (d1)
  // ├─ span-3 execute_tool delegate (d1)
  // │  └─ span-4 invoke_agent helper
  // │     └─ span-5 chat          answers
  // ├─ span-6 chat                asks delegate (d2)
  // ├─ span-7 execute_tool delegate (d2)
  // │  └─ span-8 invoke_agent helper
  // │     └─ span-9 chat          answers
  // └─ span-10 chat               answers
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent boss', start: 0, end: 100, attrs: agent('boss') },
    { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['delegate', 'd1', { n: 1 }]] }) },
    { id: 3, parent: 1, name: 'execute_tool delegate', start: 2, end: 10, attrs: tool('delegate', 'd1') },
    { id: 4, parent: 3, name: 'invoke_agent helper', start: 3, end: 9, attrs: agent('helper') },
    { id: 5, parent: 4, name: 'chat', start: 4, attrs: chat({ text: 'ok' }) },
    { id: 6, parent: 1, name: 'chat', start: 11, attrs: chat({ calls: [['delegate', 'd2', { n: 2 }]] }) },
    { id: 7, parent: 1, name: 'execute_tool delegate', start: 12, end: 20, attrs: tool('delegate', 'd2') },
    { id: 8, parent: 7, name: 'invoke_agent helper', start: 13, end: 19, attrs: agent('helper') },
    { id: 9, parent: 8, name: 'chat', start: 14, attrs: chat({ text: 'ok' }) },
    { id: 10, parent: 1, name: 'chat', start: 30, attrs: chat({ text: 'done' }) },
  ]);
  const view = deriveAgentView(trace);
  const i = (id: number) => indexOf(trace, id);
  const gid = groupNodeId(i(1), 0);

  it('collapsed: the helpers live inside the group', () => {
    const g = buildPlanGraph(trace, view);
    expect(g.nodes.map((n) => n.id)).toEqual([spanNodeId(i(1)), gid, spanNodeId(i(10))]);
    expect(g.nodes[1].spanIndices).toEqual([2, 3, 4, 5, 6, 7, 8, 9].map(i));
    expect(g.edges).toEqual([edge(i(1), gid, 'caused'), edge(gid, i(10), 'next'), edge(i(1), gid, 'handoff')]);
  });

  it('expanded: each helper is its own agent with a handoff', () => {
    const g = buildPlanGraph(trace, view, { expanded: new Set([gid]) });
    expect(g.nodes).toHaveLength(10);
    // caused: 1→2, 2→3, 6→7, 4→5, 8→9; next: 2→6, 6→10; handoff: 1→4, 1→8.
    expect(count(g, 'caused')).toBe(5);
    expect(count(g, 'next')).toBe(2);
    expect(g.edges.filter((e) => e.kind === 'handoff')).toEqual([edge(i(1), i(4), 'handoff'), edge(i(1), i(8), 'handoff')]);
  });
});

describe('plan graph of the Jaeger GenAI agent-loop trace', () => {
  // span 3 invoke_agent triage-agent
  // ├─ 4 chat   → 6 list_dashboards, 11 search_traces, 17 retrieval      (iteration 0)
  // ├─ 19 chat  → 21 list_dashboards, 26 search_traces, 32 retrieval     (iteration 1, same shape)
  // ├─ 34 chat  → 36 list_dashboards, 41 search_traces, 47 retrieval,
  // │             49 summarize_findings → 52 invoke_agent summarizer → 53 chat
  // └─ 55 chat  answers
  // (spans 0–2 are the HTTP/GraphQL wrappers; the rest are HTTP/DB children.)
  const set = importTrace(new Uint8Array(readFileSync('test/fixtures/corpus/jaeger/genai-agent-loop.json')));
  const trace = set.traces[0];
  const g = buildPlanGraph(trace, deriveAgentView(trace));
  const gid = groupNodeId(3, 0);

  it('folds iterations 0–1 with their retrievals and keeps the rest', () => {
    expect(g.nodes.map((n) => n.id).sort()).toEqual([gid, ...[3, 34, 36, 41, 47, 49, 52, 53, 55].map(spanNodeId)].sort());
    const group = g.nodes.find((n) => n.id === gid)!;
    expect(group.count).toBe(2);
    expect([...group.spanIndices].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, k) => 4 + k));
  });

  it('links causes, order, the hand-off and the unfolded retrieval', () => {
    expect(g.edges).toHaveLength(9);
    expect(g.edges).toEqual(
      expect.arrayContaining([
        edge(3, gid, 'caused'),
        edge(gid, 34, 'next'),
        edge(34, 36, 'caused'),
        edge(34, 41, 'caused'),
        edge(34, 49, 'caused'),
        edge(34, 55, 'next'),
        edge(3, 52, 'handoff'),
        edge(52, 53, 'caused'),
        edge(3, 47, 'caused'),
      ]),
    );
  });
});
