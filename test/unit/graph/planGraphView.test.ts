import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildPlanGraphView } from '../../../src/core/view/planGraphView';
import { buildTrace, spanId } from '../semantics/buildTrace';
import { agent, chat, tool } from './genaiSpans';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

// span-1  invoke_agent looper                      0..1000 ms
// ├─ span-2  chat  asks todo_write (t0): 1 "fetch the page" after 2, 2 "parse it with parse_html" after 1
// ├─ span-3  execute_tool todo_write (t0), same list
// ├─ span-4  chat [1000 in, 100 out] → span-5 fetch {"url":"a"}     10..20, 20..30
// ├─ span-6  chat [2000 in, 100 out] → span-7 fetch {"url":"a"}     30..40, 40..50 (fails: timeout)
// ├─ span-8  chat [3000 in, 100 out] → span-9 fetch {"url":"a"}     50..60, 60..70
// └─ span-10 chat answers                                             80..90
// Span id n sits at index n-1 (pre-order, children by start).
const todos = {
  todos: [
    { id: '1', content: 'fetch the page', depends_on: ['2'] },
    { id: '2', content: 'parse it with parse_html', depends_on: ['1'] },
  ],
};
const trace = buildTrace([
  { id: 1, name: 'invoke_agent looper', start: 0, end: 1000, attrs: agent('looper') },
  { id: 2, parent: 1, name: 'chat', start: 1, end: 2, attrs: chat({ calls: [['todo_write', 't0', todos]] }) },
  { id: 3, parent: 1, name: 'execute_tool todo_write', start: 2, end: 3, attrs: tool('todo_write', 't0', todos), status: 'ok' },
  { id: 4, parent: 1, name: 'chat', start: 10, end: 20, attrs: chat({ calls: [['fetch', 'c1', { url: 'a' }]], tokens: [1000, 100] }) },
  { id: 5, parent: 1, name: 'execute_tool fetch', start: 20, end: 30, attrs: tool('fetch', 'c1', { url: 'a' }), status: 'ok' },
  { id: 6, parent: 1, name: 'chat', start: 30, end: 40, attrs: chat({ calls: [['fetch', 'c2', { url: 'a' }]], tokens: [2000, 100] }) },
  { id: 7, parent: 1, name: 'execute_tool fetch', start: 40, end: 50, attrs: tool('fetch', 'c2', { url: 'a' }), status: 'error', statusMessage: 'timeout' },
  { id: 8, parent: 1, name: 'chat', start: 50, end: 60, attrs: chat({ calls: [['fetch', 'c3', { url: 'a' }]], tokens: [3000, 100] }) },
  { id: 9, parent: 1, name: 'execute_tool fetch', start: 60, end: 70, attrs: tool('fetch', 'c3', { url: 'a' }), status: 'ok' },
  { id: 10, parent: 1, name: 'chat', start: 80, end: 90, attrs: chat({ text: 'done' }) },
]);
const view = deriveAgentView(trace);

describe('plan graph view', () => {
  it('folds the three same-shape fetch iterations into one group that covers their spans and shows the failure', () => {
    const g = buildPlanGraphView(new TraceAnalyses(trace, view), new Set());
    expect(g.nodes.map((n) => n.id)).toEqual(['span:0', 'span:1', 'span:2', 'group:0:1', 'span:9']);
    const group = g.nodes.find((n) => n.kind === 'group')!;
    expect(group).toMatchObject({ count: 3, shape: ['fetch'], expanded: false, spanIndex: 3, spanIndices: [3, 4, 5, 6, 7, 8], status: 'error' });
    // From the first chat's start (10 ms) to the last fetch's end (70 ms).
    expect(group.durationMs).toBe(60);
    const todo = g.nodes.find((n) => n.id === 'span:2')!;
    expect(todo).toMatchObject({ kind: 'tool', label: 'todo_write', status: 'ok', durationMs: 1, spanIndices: [2] });
    expect(todo.count).toBeUndefined();
    expect(g.edges).toEqual([
      { from: 'span:1', to: 'span:2', kind: 'caused' },
      { from: 'span:0', to: 'span:1', kind: 'caused' },
      { from: 'span:1', to: 'group:0:1', kind: 'next' },
      { from: 'group:0:1', to: 'span:9', kind: 'next' },
    ]);
  });

  it('shows an expanded group iteration by iteration, each node naming the group that folds it back', () => {
    const g = buildPlanGraphView(new TraceAnalyses(trace, view), new Set(['group:0:1']));
    expect(g.nodes.find((n) => n.id === 'group:0:1')).toBeUndefined();
    const members = g.nodes.filter((n) => n.groupId === 'group:0:1').map((n) => n.id);
    expect(members).toEqual(['span:3', 'span:4', 'span:5', 'span:6', 'span:7', 'span:8']);
    expect(g.nodes.find((n) => n.id === 'span:6')!.status).toBe('error');
    expect(g.nodes.find((n) => n.id === 'span:9')!.groupId).toBeUndefined();
  });

  it('reports the repeated fetch with the tokens and cost of the two calls that asked again', () => {
    const [loop] = buildPlanGraphView(new TraceAnalyses(trace, view), new Set()).findings.filter((f) => f.kind === 'loop');
    expect(loop.key).toBe(`loop:repeated-call:${spanId(5)},${spanId(7)},${spanId(9)}`);
    expect(loop.pattern).toBe('repeated-call');
    expect(loop.spanIndices).toEqual([4, 6, 8]);
    // Spans 6 and 8 asked again: (2000 + 100) + (3000 + 100) tokens; gpt-4o at $2.50/M in, $10/M out.
    expect(loop.wastedTokens).toBe(5200);
    expect(loop.wastedCostUsd).toBeCloseTo((5000 * 2.5 + 200 * 10) / 1e6, 12);
  });

  it('lists the todo plan once, overlays the executed fetch, and marks the cycle', () => {
    const g = buildPlanGraphView(new TraceAnalyses(trace, view), new Set());
    expect(g.plans).toHaveLength(1);
    const [plan] = g.plans;
    expect(plan.source).toBe('tool-call');
    expect(plan.spanIndex).toBe(1);
    expect(plan.steps).toEqual([
      { id: '1', text: 'fetch the page', dependsOn: ['2'], status: 'done', spanIndex: 4, inCycle: true },
      { id: '2', text: 'parse it with parse_html', dependsOn: ['1'], status: 'unmatched', inCycle: true },
    ]);
    expect(plan.extraSpanIndices).toEqual([]);
    const cycle = g.findings.find((f) => f.kind === 'plan-cycle')!;
    expect(cycle).toMatchObject({ severity: 'error', spanIndices: [1, 2], cycle: ['1', '2', '1'], key: `plan-cycle:1>2>1:${spanId(2)},${spanId(3)}` });
  });

  it('is deterministic', () => {
    expect(buildPlanGraphView(new TraceAnalyses(trace, view), new Set())).toEqual(
      buildPlanGraphView(new TraceAnalyses(trace, deriveAgentView(trace)), new Set()),
    );
  });
});
