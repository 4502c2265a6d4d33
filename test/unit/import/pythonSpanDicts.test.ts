import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';

/**
 * OTel Python `ReadableSpan.to_json()` dicts whose ids lost their `0x` (issue 11 defect 12), in
 * the `{"spans": […]}` and bare `[…]` forms. Ids and the tree are read off the input by hand.
 */
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const spans = [
  {
    name: 'invoke_agent shop',
    context: { trace_id: TRACE, span_id: '00f067aa0ba902b7', trace_state: '[]' },
    kind: 'SpanKind.INTERNAL',
    parent_id: null,
    start_time: '2025-10-01T09:00:00.000000Z',
    end_time: '2025-10-01T09:00:02.000000Z',
    status: { status_code: 'UNSET' },
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'shop' },
    events: [],
    links: [],
    resource: { attributes: { 'service.name': 'shop-agent' }, schema_url: '' },
  },
  {
    name: 'chat gpt-4o',
    context: { trace_id: TRACE, span_id: 'b9c7c989f97918e1', trace_state: '[]' },
    kind: 'SpanKind.CLIENT',
    parent_id: '00f067aa0ba902b7',
    start_time: '2025-10-01T09:00:00.100000Z',
    end_time: '2025-10-01T09:00:01.000000Z',
    status: { status_code: 'OK' },
    attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 2 },
    events: [],
    links: [],
    resource: { attributes: { 'service.name': 'shop-agent' }, schema_url: '' },
  },
];

describe('Python span dicts with plain hex ids', () => {
  it.each([
    ['{"spans": […]}', { spans }],
    ['[…]', spans],
  ])('reads the %s form with its tree', (_form, doc) => {
    const set = importTrace(new TextEncoder().encode(JSON.stringify(doc)));
    expect(set.format).toBe('any-agent');
    expect(set.formatLabel).toBe('OTel Python span JSON');
    const t = set.traces[0];
    expect(t.traceId).toBe(TRACE);
    expect(t.spans.map((s) => [s.spanId, s.parentIndex])).toEqual([
      ['00f067aa0ba902b7', -1],
      ['b9c7c989f97918e1', 0],
    ]);
    expect(t.spans[1].kind).toBe(3); // SpanKind.CLIENT
    expect(t.diagnostics.filter((d) => d.code.startsWith('invalid'))).toEqual([]);
  });
});
