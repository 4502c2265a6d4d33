import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { PRICE_TABLE } from '../../../src/core/semantics/prices';
import { buildTimelineModel } from '../../../src/core/view/timelineModel';
import { buildTrace, indexOf } from '../semantics/buildTrace';
import { agent, chat, tool } from '../timeline/fixtures';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

describe('chain-of-thought cards', () => {
  // 1 invoke_agent boss [0,100]
  // ├─ 2 chat gpt-4o-mini [1,10]   in 100 out 10; user "Find cheap   flights to Lisbon"; thinks "need a helper"; asks delegate{task:flights}
  // ├─ 3 execute_tool delegate [11,50]  result "TP1351 €142"
  // │  └─ 4 invoke_agent helper [12,49]
  // │     ├─ 5 chat gpt-4o-mini [13,20]  in 200 out 20; asks search{q:BER-LIS}
  // │     └─ 6 execute_tool search [21,30]  error "HTTP 503"
  // └─ 7 chat gpt-4o-mini [51,60]  in 400 (100 cached) out 40; after a tool message; long answer
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent boss', start: 0, end: 100, attrs: agent('boss') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 1,
      end: 10,
      attrs: chat({
        model: 'gpt-4o-mini',
        input: 100,
        output: 10,
        sent: [
          ['system', 'be nice'],
          ['user', 'Find cheap   flights to Lisbon'],
        ],
        thinking: 'need a helper',
        calls: [['delegate', 'd1', { task: 'flights' }]],
      }),
    },
    { id: 3, parent: 1, name: 'execute_tool delegate', start: 11, end: 50, attrs: tool('delegate', 'd1', { task: 'flights' }, 'TP1351 €142') },
    { id: 4, parent: 3, name: 'invoke_agent helper', start: 12, end: 49, attrs: agent('helper') },
    {
      id: 5,
      parent: 4,
      name: 'chat',
      start: 13,
      end: 20,
      attrs: chat({ model: 'gpt-4o-mini', input: 200, output: 20, sent: [['user', 'flights']], calls: [['search', 's1', { q: 'BER-LIS' }]] }),
    },
    {
      id: 6,
      parent: 4,
      name: 'execute_tool search',
      start: 21,
      end: 30,
      attrs: tool('search', 's1', { q: 'BER-LIS' }),
      status: 'error',
      statusMessage: 'HTTP 503',
    },
    {
      id: 7,
      parent: 1,
      name: 'chat',
      start: 51,
      end: 60,
      attrs: chat({
        model: 'gpt-4o-mini',
        input: 400,
        cached: 100,
        output: 40,
        sent: [
          ['user', 'Find cheap flights to Lisbon'],
          ['tool', 'TP1351 €142'],
        ],
        text: 'Your trip is booked and confirmed for May',
      }),
    },
  ]);
  const cards = buildTimelineModel(new TraceAnalyses(trace, deriveAgentView(trace)), { input: 160, text: 20, result: 160 }).cards(0, 10);

  it('orders cards by time with sub-agent steps nested by depth', () => {
    expect(cards.map((c) => [c.llmSpanIndex, c.depth, c.runName])).toEqual([
      [indexOf(trace, 2), 0, 'boss'],
      [indexOf(trace, 5), 1, 'helper'],
      [indexOf(trace, 7), 0, 'boss'],
    ]);
    expect(cards.map((c) => c.iteration)).toEqual([0, 0, 1]);
  });

  it('summarises the input, requested calls and executions', () => {
    const c = cards[0];
    expect(c.model).toBe('gpt-4o-mini');
    expect(c.startMs).toBe(1);
    expect(c.durationMs).toBe(9);
    expect(c.inputSummary).toEqual({ role: 'user', text: 'Find cheap flights to Lisbon' });
    expect(c.requestedToolCalls.map((r) => [r.name, r.id, r.arguments])).toEqual([['delegate', 'd1', '{"task":"flights"}']]);
    expect(c.toolExecutions).toHaveLength(1);
    expect(c.toolExecutions[0]).toMatchObject({ spanIndex: indexOf(trace, 3), name: 'delegate', durationMs: 39, resultPreview: 'TP1351 €142' });
    expect(c.errors).toEqual([]);
    expect(c.reasoning).toBe('need a helper');
    expect(c.answer).toBeUndefined(); // only tool calls, no text
    expect(cards[2].inputSummary).toEqual({ role: 'tool', text: 'TP1351 €142' });
  });

  it('clips the answer text and marks errors', () => {
    // "Your trip is booked" is 19 characters, plus the ellipsis = 20
    expect(cards[2].answer).toBe('Your trip is booked…');
    expect(cards[1].errors).toEqual([{ spanIndex: indexOf(trace, 6), message: 'HTTP 503' }]);
    expect(cards[1].toolExecutions[0]).toMatchObject({ status: 'error', durationMs: 9 });
  });

  it('carries step tokens, cost and the running total', () => {
    expect(PRICE_TABLE['gpt-4o-mini']).toEqual({ input: 0.15, output: 0.6, cachedInput: 0.075 });
    // card 0: 100×0.15 + 10×0.6 = 15 + 6 = 21 µ$
    // card 1: 200×0.15 + 20×0.6 = 30 + 12 = 42 µ$ → running 63 µ$
    // card 2: 300×0.15 + 100×0.075 + 40×0.6 = 45 + 7.5 + 24 = 76.5 µ$ → running 139.5 µ$
    expect(cards.map((c) => c.costUsd)).toEqual([expect.closeTo(21e-6, 12), expect.closeTo(42e-6, 12), expect.closeTo(76.5e-6, 12)]);
    expect(cards.map((c) => c.runningUsd)).toEqual([expect.closeTo(21e-6, 12), expect.closeTo(63e-6, 12), expect.closeTo(139.5e-6, 12)]);
    expect(cards[2].tokens).toMatchObject({ input: 400, cached: 100, output: 40 });
  });
});
