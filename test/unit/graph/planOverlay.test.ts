import { describe, expect, it } from 'vitest';
import { overlayPlan } from '../../../src/core/analyze/graph/planOverlay';
import { statedPlans } from '../../../src/core/analyze/graph/planSteps';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from './genaiSpans';

describe('executed steps over a stated plan', () => {
  // span-1 invoke_agent travel
  // ├─ span-2 chat   "1. Call get_weather  2. Call search_flights  3. Call book_hotel  4. Tell the user"
  // │                asks search_flights (f1)
  // ├─ span-3 execute_tool search_flights (f1)
  // ├─ span-4 chat   asks get_weather (w1)
  // ├─ span-5 execute_tool get_weather (w1)
  // ├─ span-6 chat   asks send_email (e1)
  // ├─ span-7 execute_tool send_email (e1)
  // └─ span-8 chat   answers
  const text = '1. Call get_weather for Paris\n2. Call search_flights\n3. Call book_hotel\n4. Tell the user';
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent travel', start: 0, end: 100, attrs: agent('travel') },
    { id: 2, parent: 1, name: 'chat', start: 1, attrs: chat({ text, calls: [['search_flights', 'f1', {}]] }) },
    { id: 3, parent: 1, name: 'execute_tool search_flights', start: 2, attrs: tool('search_flights', 'f1', {}) },
    { id: 4, parent: 1, name: 'chat', start: 3, attrs: chat({ calls: [['get_weather', 'w1', {}]] }) },
    { id: 5, parent: 1, name: 'execute_tool get_weather', start: 4, attrs: tool('get_weather', 'w1', {}) },
    { id: 6, parent: 1, name: 'chat', start: 5, attrs: chat({ calls: [['send_email', 'e1', {}]] }) },
    { id: 7, parent: 1, name: 'execute_tool send_email', start: 6, attrs: tool('send_email', 'e1', {}) },
    { id: 8, parent: 1, name: 'chat', start: 7, attrs: chat({ text: 'Booked.' }) },
  ]);
  const view = deriveAgentView(trace);
  const i = (id: number) => indexOf(trace, id);
  const [plan] = statedPlans(trace, view);

  it('marks done, out-of-order, skipped, unmatched and extra', () => {
    // Step 1 (get_weather) ran first at span 5; step 2 (search_flights) ran at span 3, before
    // step 1: out of order. book_hotel is a known tool that never ran: skipped. Step 4 names no
    // tool. send_email ran but no step names it: extra.
    const o = overlayPlan(plan, view.runs[0], ['book_hotel']);
    expect(o.steps.map((s) => [s.step.id, s.status, s.spanIndex])).toEqual([
      ['1', 'done', i(5)],
      ['2', 'out-of-order', i(3)],
      ['3', 'skipped', undefined],
      ['4', 'unmatched', undefined],
    ]);
    expect(o.extra.map((e) => e.spanIndex)).toEqual([i(7)]);
  });

  it('cannot call a step skipped when its tool is unknown', () => {
    const o = overlayPlan(plan, view.runs[0]);
    expect(o.steps[2].status).toBe('unmatched');
  });
});
