import { describe, expect, it } from 'vitest';
import { isPlanTool, jsonSteps, numberedSteps, statedPlans } from '../../../src/core/analyze/graph/planSteps';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from './genaiSpans';

describe('numbered steps in text', () => {
  it('reads "1." and "2)" lines in order from 1', () => {
    expect(numberedSteps('Plan:\n1. get_weather for Paris\n2) search_flights\nthen answer')).toEqual([
      { id: '1', text: 'get_weather for Paris', dependsOn: [] },
      { id: '2', text: 'search_flights', dependsOn: [] },
    ]);
  });
  it('needs at least two steps starting at 1', () => {
    expect(numberedSteps('1. only one')).toBeUndefined();
    expect(numberedSteps('2. a\n3. b')).toBeUndefined();
    expect(numberedSteps('In 2024. we grew')).toBeUndefined();
  });
});

describe('plan tool names', () => {
  it('recognises todo/plan words in snake, kebab and camel case', () => {
    expect(['TodoWrite', 'todo_write', 'update_plan', 'create-plan', 'Planner', 'write_todos'].map(isPlanTool)).toEqual([true, true, true, true, true, true]);
  });
  it('does not match the words inside other words', () => {
    expect(['airplane_lookup', 'planet_info', 'mastodon', 'search'].map(isPlanTool)).toEqual([false, false, false, false]);
  });
});

describe('JSON step lists', () => {
  it('reads id, text and every dependency spelling', () => {
    const steps = jsonSteps(
      JSON.stringify({
        todos: [
          { id: 'a', content: 'fetch data' },
          { id: 'b', title: 'clean', depends_on: ['a'] },
          { id: 3, description: 'train', dependsOn: 'b' },
          { id: 'd', task: 'report', after: [3, 'a'] },
        ],
      }),
      0,
    );
    expect(steps).toEqual([
      { id: 'a', text: 'fetch data', dependsOn: [] },
      { id: 'b', text: 'clean', dependsOn: ['a'] },
      { id: '3', text: 'train', dependsOn: ['b'] },
      { id: 'd', text: 'report', dependsOn: ['3', 'a'] },
    ]);
  });
  it('ignores lists whose items lack ids', () => {
    expect(jsonSteps({ steps: [{ content: 'x' }, { content: 'y' }] }, 0)).toBeUndefined();
  });
});

describe('plans stated in a trace', () => {
  // span-1 invoke_agent planner
  // ├─ span-2 chat        text "1. search\n2. summarize"; asks todo_write (t1) with 2 steps
  // ├─ span-3 execute_tool todo_write (t1)   same steps as arguments
  // ├─ span-4 plan        gen_ai.operation.name = plan, steps in gen_ai.output.messages text
  // └─ span-5 chat        answers
  const todo = {
    todos: [
      { id: '1', content: 'search' },
      { id: '2', content: 'summarize', depends_on: ['1'] },
    ],
  };
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent planner', start: 0, end: 100, attrs: agent('planner') },
    { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ text: '1. search\n2. summarize', calls: [['todo_write', 't1', todo]] }) },
    { id: 3, parent: 1, name: 'execute_tool todo_write', start: 2, attrs: tool('todo_write', 't1', todo) },
    {
      id: 4,
      parent: 1,
      name: 'plan',
      start: 3,
      attrs: {
        'gen_ai.operation.name': 'plan',
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: JSON.stringify({ steps: [{ id: 'x', text: 'go' }] }) }] },
        ]),
      },
    },
    { id: 5, parent: 1, name: 'chat', start: 4, attrs: chat({ text: 'done' }) },
  ]);
  const i = (id: number) => indexOf(trace, id);

  it('finds the text plan, the requested and executed todo list, and the plan operation', () => {
    const plans = statedPlans(trace, deriveAgentView(trace));
    expect(plans.map((p) => [p.source, p.spanIndex, p.steps.map((s) => s.id)])).toEqual([
      ['text', i(2), ['1', '2']],
      ['tool-call', i(2), ['1', '2']],
      ['tool-call', i(3), ['1', '2']],
      ['plan-operation', i(4), ['x']],
    ]);
  });
});
