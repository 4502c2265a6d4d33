import { describe, expect, it } from 'vitest';
import { Attributes, newAttrMap } from '../../../src/core/model/attributes';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { DETAIL_VALUE_LIMIT } from '../../../src/core/protocol';
import { attributeValueText, buildSpanDetail, MESSAGE_TEXT_LIMIT } from '../../../src/core/view/spanDetail';
import { clipText, previewText } from '../../../src/core/view/clip';
import { agentTrace, agentView, emptyView, id, LLM_CALL, ms, TRACE_ID } from './buildFixture';

function oneSpan(attributes: Attributes) {
  const b = new TraceBuilder();
  b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'x', startNs: ms(0), endNs: ms(1), attributes });
  return b.build('otlp-json', 'x').traces[0];
}

describe('buildSpanDetail', () => {
  it('gives the LLM span its identity, times, attributes, resource, events, messages, tokens and cost', () => {
    const trace = agentTrace().traces[0];
    const d = buildSpanDetail(trace, agentView(), 1)!;
    expect(d).toMatchObject({
      index: 1,
      spanId: id(2),
      parentSpanId: id(1),
      name: 'chat gpt-4o',
      kind: 'client',
      category: 'llm',
      convention: 'genai',
      status: { code: 'error', message: 'rate limited' },
      startMs: 100,
      durationMs: 1000,
      scope: '',
      model: 'gpt-4o',
      tokens: { input: 1200, output: 34, cachedInput: 1000 },
      costUsd: 0.0123,
      diagnostics: [],
    });
    expect(d.attributes).toEqual([
      { key: 'gen_ai.request.model', value: 'gpt-4o', type: 'string' },
      { key: 'gen_ai.usage.input_tokens', value: '1200', type: 'number' },
      { key: 'big.int', value: '9007199254740993', type: 'number' },
    ]);
    expect(d.resource).toEqual([
      { key: 'service.name', value: 'planner', type: 'string' },
      { key: 'host.name', value: 'box-1', type: 'string' },
    ]);
    expect(d.events).toEqual([{ name: 'retry', offsetMs: 600, attributes: [{ key: 'attempt', value: '2', type: 'number' }] }]);
    expect(d.input).toEqual([
      { role: 'system', text: 'You are terse.', toolCalls: [] },
      { role: 'user', text: 'Find the weather in Paris', toolCalls: [] },
    ]);
    expect(d.output).toEqual([
      {
        role: 'assistant',
        text: '',
        reasoning: 'Need a search.',
        toolCalls: [{ id: 'call_1', name: 'web_search', arguments: '{\n  "q": "Paris weather"\n}' }],
      },
    ]);
  });

  it('leaves LLM fields out of a non-LLM span and names the scope with its version', () => {
    const trace = agentTrace().traces[0];
    const root = buildSpanDetail(trace, agentView(), 0)!;
    expect(root.scope).toBe('my.lib 1.2.0');
    expect(root.parentSpanId).toBeUndefined();
    expect(root.input).toEqual([]);
    expect(root.output).toEqual([]);
    expect('model' in root || 'tokens' in root || 'costUsd' in root).toBe(false);
    expect(root.status).toEqual({ code: 'unset' });
  });

  it('keeps an unknown LLM cost as null', () => {
    const trace = agentTrace().traces[0];
    const view = agentView({ llmCalls: [{ ...LLM_CALL, cost: { usd: null, source: 'unpriced' } }] });
    expect(buildSpanDetail(trace, view, 1)!.costUsd).toBeNull();
  });

  it('returns undefined for an index outside the trace', () => {
    const trace = agentTrace().traces[0];
    expect(buildSpanDetail(trace, agentView(), 3)).toBeUndefined();
    expect(buildSpanDetail(trace, agentView(), -1)).toBeUndefined();
  });

  it(`clips long values to ${DETAIL_VALUE_LIMIT} characters and gives the full length`, () => {
    const long = 'a'.repeat(DETAIL_VALUE_LIMIT + 500);
    const trace = oneSpan(Attributes.fromRecord({ long, short: 'b'.repeat(DETAIL_VALUE_LIMIT) }));
    const [a, b] = buildSpanDetail(trace, emptyView(1), 0)!.attributes;
    expect(a.value.length).toBe(DETAIL_VALUE_LIMIT);
    expect(a.fullLength).toBe(DETAIL_VALUE_LIMIT + 500);
    expect(b.value.length).toBe(DETAIL_VALUE_LIMIT);
    expect(b.fullLength).toBeUndefined();
    expect(attributeValueText(trace, 0, 'long', 'span')).toBe(long);
  });

  it('renders bytes as hex, maps and arrays as JSON, and keeps a "__proto__" key as data', () => {
    const map = newAttrMap();
    map['__proto__'] = 'evil';
    map.n = 1n;
    const trace = oneSpan(Attributes.fromRecord({ bytes: new Uint8Array([0, 15, 255]), list: [1, 'two', null], map, nul: null, flag: true }));
    const attrs = buildSpanDetail(trace, emptyView(1), 0)!.attributes;
    expect(attrs).toEqual([
      { key: 'bytes', value: '000fff', type: 'bytes' },
      { key: 'list', value: '[\n  1,\n  "two",\n  null\n]', type: 'array' },
      { key: 'map', value: '{\n  "__proto__": "evil",\n  "n": "1"\n}', type: 'map' },
      { key: 'nul', value: 'null', type: 'null' },
      { key: 'flag', value: 'true', type: 'boolean' },
    ]);
    expect(({} as Record<string, unknown>).n).toBeUndefined();
  });

  it('lists the diagnostics recorded against the span', () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'root', startNs: ms(10), endNs: ms(20) });
    b.addSpan({ traceId: TRACE_ID, spanId: id(2), parentSpanId: id(1), name: 'early child', startNs: ms(5), endNs: ms(15) });
    const trace = b.build('otlp-json', 'x').traces[0];
    const d = buildSpanDetail(trace, emptyView(2), 1)!;
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toContain('before its parent');
    expect(d.startMs).toBe(0);
    expect(buildSpanDetail(trace, emptyView(2), 0)!.startMs).toBe(5);
  });

  it('cuts very long message text and says how much was left out', () => {
    const trace = agentTrace().traces[0];
    const text = 'x'.repeat(MESSAGE_TEXT_LIMIT + 1234);
    const view = agentView({ llmCalls: [{ ...LLM_CALL, input: [{ role: 'user', text, toolCalls: [] }] }] });
    const msg = buildSpanDetail(trace, view, 1)!.input[0];
    expect(msg.text.startsWith('x'.repeat(MESSAGE_TEXT_LIMIT) + '\n')).toBe(true);
    expect(msg.text).toContain('1,234 more characters not shown');
  });
});

describe('attributeValueText', () => {
  it('reads span or resource attributes, and undefined for a missing key or span', () => {
    const trace = agentTrace().traces[0];
    expect(attributeValueText(trace, 1, 'gen_ai.request.model', 'span')).toBe('gpt-4o');
    expect(attributeValueText(trace, 1, 'host.name', 'resource')).toBe('box-1');
    expect(attributeValueText(trace, 1, 'host.name', 'span')).toBeUndefined();
    expect(attributeValueText(trace, 9, 'x', 'span')).toBeUndefined();
  });
});

describe('clipText', () => {
  it('never splits a surrogate pair', () => {
    expect(clipText('ab😀c', 3)).toBe('ab');
    expect(clipText('ab😀c', 4)).toBe('ab😀');
    expect(clipText('abc', 5)).toBe('abc');
  });

  it('previews collapse whitespace and end in an ellipsis within the limit, also before an emoji', () => {
    expect(previewText('a  b\n c', 10)).toBe('a b c');
    expect(previewText('abcdef', 4)).toBe('abc…');
    // 'ab😀c' cut to 3 units would split the emoji's surrogate pair: 'ab' + '…'
    expect(previewText('ab😀cd', 4)).toBe('ab…');
  });
});

describe('the mapping report in span details', () => {
  it('says where the model and tokens of a real LLM span came from', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { importTrace } = await import('../../../src/core/import/index');
    const { deriveAgentView } = await import('../../../src/core/semantics/agentView');
    const trace = importTrace(readFileSync(join(__dirname, '../../fixtures/corpus/any-agent/OPENAI_trace.json'))).traces[0];
    const view = deriveAgentView(trace);
    const llm = trace.spans.findIndex((s) => s.name.startsWith('call_llm'));
    const d = buildSpanDetail(trace, view, llm)!;
    // The file carries gen_ai.request.model and gen_ai.usage.input_tokens on call_llm spans.
    const sources = d.mapping.map((m) => m.from ?? '').join(' ');
    expect(sources).toContain('gen_ai.request.model');
    expect(sources).toContain('gen_ai.usage.input_tokens');
    // Every field either names its source or says why it is empty.
    expect(d.mapping.every((m) => m.from !== undefined || m.missing !== undefined)).toBe(true);
  });
});
