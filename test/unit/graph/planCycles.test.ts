import { describe, expect, it } from 'vitest';
import { findPlanCycles } from '../../../src/core/analyze/graph/planCycles';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, spanId } from '../semantics/buildTrace';
import { agent, chat, tool } from './genaiSpans';

describe('plan-cycle findings', () => {
  // span-1 invoke_agent planner
  // ├─ span-2 chat    asks todo_write (t1): 1 "fetch" after 2, 2 "parse" after 1
  // ├─ span-3 execute_tool todo_write (t1) with the same list
  // └─ span-4 chat    answers
  const cyclic = {
    todos: [
      { id: '1', content: 'fetch', depends_on: ['2'] },
      { id: '2', content: 'parse', dependsOn: ['1'] },
    ],
  };

  it('reports one cycle, named step by step, proven by both spans that state it', () => {
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent planner', start: 0, end: 100, attrs: agent('planner') },
      { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['todo_write', 't1', cyclic]] }) },
      { id: 3, parent: 1, name: 'execute_tool todo_write', start: 2, attrs: tool('todo_write', 't1', cyclic) },
      { id: 4, parent: 1, name: 'chat', start: 3, attrs: chat({ text: 'done' }) },
    ]);
    expect(findPlanCycles(trace, deriveAgentView(trace))).toEqual([
      {
        kind: 'plan-cycle',
        severity: 'error',
        message: 'Plan steps depend on each other in a cycle: 1 (fetch) → 2 (parse) → 1 (fetch)',
        spanIds: [spanId(2), spanId(3)],
        cycle: ['1', '2', '1'],
      },
    ]);
  });

  // span-1 plan   gen_ai.operation.name = plan; step "a" after "a"
  it('reads the GenAI plan operation', () => {
    const trace = buildTrace([
      {
        id: 1,
        name: 'plan',
        start: 0,
        attrs: {
          'gen_ai.operation.name': 'plan',
          'gen_ai.output.messages': JSON.stringify([
            { role: 'assistant', parts: [{ type: 'text', content: JSON.stringify([{ id: 'a', text: 'loop', after: 'a' }]) }] },
          ]),
        },
      },
    ]);
    const [f] = findPlanCycles(trace, deriveAgentView(trace));
    expect(f.message).toBe('Plan step a (loop) depends on itself');
    expect(f.spanIds).toEqual([spanId(1)]);
  });

  // span-1 invoke_agent planner
  // ├─ span-2 chat    asks plan_tasks (p1): a; b after a; c after a, b
  // └─ span-3 execute_tool plan_tasks (p1)
  it('is silent for an acyclic plan', () => {
    const ok = { steps: [{ id: 'a' }, { id: 'b', depends_on: ['a'] }, { id: 'c', depends_on: ['a', 'b'] }] };
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent planner', start: 0, end: 100, attrs: agent('planner') },
      { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ calls: [['plan_tasks', 'p1', ok]] }) },
      { id: 3, parent: 1, name: 'execute_tool plan_tasks', start: 2, attrs: tool('plan_tasks', 'p1', ok) },
    ]);
    expect(findPlanCycles(trace, deriveAgentView(trace))).toEqual([]);
  });
});
