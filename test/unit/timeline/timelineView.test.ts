import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import type { Trace } from '../../../src/core/model/trace';
import { CARD_FLAG_ERROR, CARD_FLAG_WASTE } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTimelineModel } from '../../../src/core/view/timelineModel';
import { chat as loopChat, tool as loopTool } from '../graph/genaiSpans';
import { buildTrace, indexOf, type SpanSpec } from '../semantics/buildTrace';
import { agent, chat, tool } from './fixtures';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

describe('timeline model of a hand-built trace with a sub-agent', () => {
  // 1 invoke_agent boss [0,100]
  // ├─ 2 chat [1,10]  in 100 out 10, asks delegate{task:flights}        card 0
  // │  └─ 8 POST /v1/chat [2,9]  (plain child of the LLM call)
  // ├─ 3 execute_tool delegate [11,50]  result "TP1351 €142"            card 0
  // │  └─ 4 invoke_agent helper [12,49]                                  run span: -1
  // │     ├─ 5 chat [13,20]  in 200 out 20, asks search{q:BER-LIS}      card 1 (depth 1)
  // │     └─ 6 execute_tool search [21,30]  error "HTTP 503"             card 1
  // │        └─ 9 GET /search [22,29]
  // └─ 7 chat [51,60]  in 400 (100 cached) out 40, answers              card 2
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent boss', start: 0, end: 100, attrs: agent('boss') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 1,
      end: 10,
      attrs: chat({ model: 'gpt-4o-mini', input: 100, output: 10, sent: [['user', 'Find flights']], calls: [['delegate', 'd1', { task: 'flights' }]] }),
    },
    { id: 8, parent: 2, name: 'POST /v1/chat', start: 2, end: 9 },
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
    { id: 9, parent: 6, name: 'GET /search', start: 22, end: 29 },
    {
      id: 7,
      parent: 1,
      name: 'chat',
      start: 51,
      end: 60,
      attrs: chat({ model: 'gpt-4o-mini', input: 400, cached: 100, output: 40, sent: [['tool', 'TP1351 €142']], text: 'TP1351 costs €142.' }),
    },
  ]);
  const model = buildTimelineModel(new TraceAnalyses(trace, deriveAgentView(trace)));
  const at = (id: number) => indexOf(trace, id);

  it('has one card per LLM call, in time order, with run span and depth', () => {
    expect([...model.index.llmSpan]).toEqual([at(2), at(5), at(7)]);
    expect([...model.index.runSpan]).toEqual([at(1), at(4), at(1)]);
    expect([...model.index.depth]).toEqual([0, 1, 0]);
  });

  it('maps every span of an iteration to its card, runs to -1, the innermost card winning', () => {
    const expected: [number, number][] = [
      [1, -1],
      [2, 0],
      [8, 0],
      [3, 0],
      [4, -1],
      [5, 1],
      [6, 1],
      [9, 1],
      [7, 2],
    ];
    expect(model.index.cardOfSpan).toHaveLength(9);
    for (const [id, card] of expected) expect([id, model.index.cardOfSpan[at(id)]]).toEqual([id, card]);
  });

  it('flags the sub-agent card whose only tool failed as error and waste', () => {
    // card 1: search failed → an error; all its tools failed → wasted ("failed").
    expect([...model.index.flags]).toEqual([0, CARD_FLAG_ERROR | CARD_FLAG_WASTE, 0]);
  });

  it('gives the text of a window of cards, clipped to the cards that exist', () => {
    const cards = model.cards(1, 5);
    expect(cards.map((c) => c.card)).toEqual([1, 2]);
    const [helper, last] = cards;
    expect(helper).toMatchObject({
      llmSpanIndex: at(5),
      runSpanIndex: at(4),
      runName: 'helper',
      depth: 1,
      iteration: 0,
      model: 'gpt-4o-mini',
      startMs: 13,
      durationMs: 7,
    });
    expect(helper.requestedToolCalls).toEqual([{ id: 's1', name: 'search', arguments: '{"q":"BER-LIS"}' }]);
    expect(helper.toolExecutions).toEqual([expect.objectContaining({ spanIndex: at(6), name: 'search', status: 'error', durationMs: 9, error: 'HTTP 503' })]);
    expect(helper.errors).toEqual([{ spanIndex: at(6), message: 'HTTP 503' }]);
    expect(helper.waste).toBe('failed');
    expect(helper.tokens).toEqual({ input: 200, output: 20, cached: 0, reasoning: 0 });
    expect(last.tokens).toEqual({ input: 400, output: 40, cached: 100, reasoning: 0 });
    expect(last.answer).toBe('TP1351 costs €142.');
    expect(last.inputSummary).toEqual({ role: 'tool', text: 'TP1351 €142' });
    expect(model.cards(3, 10)).toEqual([]);
  });

  it('prices the cards at gpt-4o-mini rates with a running total', () => {
    // $0.15 / M input, $0.075 / M cached input, $0.60 / M output
    // card 0: 100×0.15 + 10×0.6 = 21 µ$; card 1: 200×0.15 + 20×0.6 = 42 µ$
    // card 2: 300×0.15 + 100×0.075 + 40×0.6 = 45 + 7.5 + 24 = 76.5 µ$
    const cards = model.cards(0, 3);
    expect(cards.map((c) => c.costUsd)).toEqual([expect.closeTo(21e-6, 12), expect.closeTo(42e-6, 12), expect.closeTo(76.5e-6, 12)]);
    expect(cards.map((c) => c.runningUsd)).toEqual([expect.closeTo(21e-6, 12), expect.closeTo(63e-6, 12), expect.closeTo(139.5e-6, 12)]);
  });
});

describe('timeline model: unpriced models and unexecuted requests', () => {
  // 1 invoke_agent a; 2 chat (mystery-model, unpriced) asks x{n:1} and y{}; only 3 execute_tool x ran.
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent a', start: 0, end: 10, attrs: agent('a') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 1,
      end: 2,
      attrs: chat({
        model: 'mystery-model-9',
        input: 10,
        output: 5,
        calls: [
          ['x', 'cx', { n: 1 }],
          ['y', 'cy', {}],
        ],
      }),
    },
    { id: 3, parent: 1, name: 'execute_tool x', start: 3, end: 4, attrs: tool('x', 'cx', { n: 1 }, 'ok'), status: 'ok' },
  ]);
  const [card] = buildTimelineModel(new TraceAnalyses(trace, deriveAgentView(trace))).cards(0, 200);

  it('says null (unpriced), never 0, and lists the request that never ran', () => {
    expect(card.costUsd).toBeNull();
    expect(card.runningUsd).toBeNull();
    expect(card.unexecuted).toEqual([{ id: 'cy', name: 'y', arguments: '{}' }]);
    expect(card.toolExecutions.map((t) => [t.name, t.status, t.resultPreview])).toEqual([['x', 'ok', 'ok']]);
  });
});

describe('timeline model: loop findings', () => {
  // 1 invoke_agent looper; three iterations each asking fetch{url:a} (spans 2/3, 4/5, 6/7), then 8 answers.
  const specs: SpanSpec[] = [{ id: 1, name: 'invoke_agent looper', start: 0, end: 100, attrs: agent('looper') }];
  for (let k = 0; k < 3; k++) {
    specs.push({ id: 2 + 2 * k, parent: 1, name: 'chat', start: 1 + 2 * k, attrs: loopChat({ calls: [['fetch', `c${k}`, { url: 'a' }]] }) });
    specs.push({ id: 3 + 2 * k, parent: 1, name: 'execute_tool fetch', start: 2 + 2 * k, attrs: loopTool('fetch', `c${k}`, { url: 'a' }), status: 'ok' });
  }
  specs.push({ id: 8, parent: 1, name: 'chat', start: 50, attrs: loopChat({ text: 'done' }) });
  const trace = buildTrace(specs);
  const model = buildTimelineModel(new TraceAnalyses(trace, deriveAgentView(trace)));

  it('marks the three cards whose fetch repeats, not the answering one', () => {
    expect([...model.index.flags]).toEqual([0, 0, 0, 0]);
    const cards = model.cards(0, 4);
    for (const k of [0, 1, 2]) expect(cards[k].findings).toEqual([expect.objectContaining({ kind: 'loop', severity: 'warning' })]);
    expect(cards[3].findings).toEqual([]);
  });
});

describe('timeline model of the demo trace (travel-agent-run)', () => {
  const trace: Trace = importTrace(new Uint8Array(readFileSync(join(__dirname, '../../../demo/workspace/traces/travel-agent-run.otlp.json')))).traces[0];
  const model = buildTimelineModel(new TraceAnalyses(trace, deriveAgentView(trace)));
  const byId = (id: string) => trace.spans.findIndex((s) => s.spanId === id);
  // From the file: root ai.generateText 9964cdd4a77d2ab3; doGenerate 93814e16… (asks get_weather,
  // search_flights; both ran: a4f6988d…, 3fd96254…), doGenerate 1ee531dc… (asks book_hotel,
  // 8ff34524… fails "no rooms available in Lisbon for 3 nights"), doGenerate cd4cca57… answers
  // "… and I have booked your hotel in Lisbon for 3 nights." — a claim the failed booking contradicts.
  const llm = ['93814e16e009f31d', '1ee531dc4c4d493b', 'cd4cca57965213a6'].map(byId);

  it('has three cards, one per doGenerate, all in the root run', () => {
    expect([...model.index.llmSpan]).toEqual(llm);
    expect([...model.index.runSpan]).toEqual([byId('9964cdd4a77d2ab3'), byId('9964cdd4a77d2ab3'), byId('9964cdd4a77d2ab3')]);
    expect([...model.index.depth]).toEqual([0, 0, 0]);
  });

  it('maps the tool spans to the card that asked for them and the root to -1', () => {
    const c = model.index.cardOfSpan;
    expect([c[byId('9964cdd4a77d2ab3')], c[byId('a4f6988db15b1aad')], c[byId('3fd96254cf628483')], c[byId('8ff34524e9d37b2b')]]).toEqual([-1, 0, 0, 1]);
    expect(llm.map((i) => c[i])).toEqual([0, 1, 2]);
  });

  it('flags the failed booking step and both cards the false claim finding names', () => {
    expect([...model.index.flags]).toEqual([0, CARD_FLAG_ERROR | CARD_FLAG_WASTE, 0]);
    const cards = model.cards(0, 3);
    expect(cards.map((c) => c.findings.length > 0)).toEqual([false, true, true]);
    expect(cards[1].toolExecutions.map((t) => [t.name, t.status, t.error])).toEqual([['book_hotel', 'error', 'no rooms available in Lisbon for 3 nights']]);
    expect(cards[0].requestedToolCalls.map((t) => [t.name, t.arguments])).toEqual([
      ['get_weather', '{"city":"Lisbon"}'],
      ['search_flights', '{"from":"BER","to":"LIS","date":"2026-05-14"}'],
    ]);
    expect(cards[2].findings.length).toBeGreaterThan(0);
    expect(cards[2].findings[0].severity).toBe('error');
    // tokens from the file: 412/58, 655/31 (384 cached), 748/44 (640 cached)
    expect(cards.map((c) => [c.tokens.input, c.tokens.output, c.tokens.cached])).toEqual([
      [412, 58, 0],
      [655, 31, 384],
      [748, 44, 640],
    ]);
  });
});
