import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyAgentImporter } from '../../../src/core/import/anyAgent';
import { importTrace } from '../../../src/core/import/index';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { SpanKind, StatusCode } from '../../../src/core/model/span';

const fixtures = join(__dirname, '../../fixtures');
const corpus = (p: string) => readFileSync(join(fixtures, 'corpus', p));
const enc = new TextEncoder();

interface Expected {
  spanCount: number;
  traceIds: string[];
  rootCount: number;
  orphanCount: number;
  startNs: string;
  endNs: string;
  anyAgent: { finalOutputCompactJsonPrefix: string };
}
const expectations = JSON.parse(readFileSync(join(fixtures, 'corpus/expectations.json'), 'utf8')) as Record<string, Expected>;

/**
 * The ids (64/128-bit ints) and ns times (~1.76e18) in these files are past 2^53, where
 * JSON.parse would round them; the any-agent importer asks for them as exact decimal text
 * (json/exactIntegers.ts), so the values below are the file's own digits in hex, from python3's
 * exact ints. Parent links: LANGCHAIN/OPENAI/SMOLAGENTS children all name the invoke_agent span;
 * GOOGLE's 6 children name 4 ids that are not in the file at all (Google ADK's own spans were
 * not exported), so they are orphans.
 */
const CORPUS: [
  file: string,
  spans: number,
  traceId: string,
  rootId: string,
  rootStart: bigint,
  rootEnd: bigint,
  firstLlmId: string,
  firstLlmInputTokens: number,
][] = [
  ['GOOGLE_trace.json', 7, 'cdbd7b99cef221c28dd6d03c27d09b4c', '773076b4028f3d19', 1758026586339976000n, 1758026587931400000n, '28b3922a9d89a4ac', 672],
  ['LANGCHAIN_trace.json', 7, '572318454595034fe5076610d6400542', 'd78a58cabe908b85', 1758028600960730000n, 1758028602753668000n, 'a78bc9a92c52cd14', 245],
  ['OPENAI_trace.json', 6, '4bedea77bb33b9c5f280371eae21ea97', 'ab08afea3548c547', 1758026593209236000n, 1758026594436486000n, '8100d9dbee1f3e47', 269],
  ['SMOLAGENTS_trace.json', 7, '9135313a4e40fe254d48742d230ea040', '20ffb2fac8a7db95', 1758026599902637000n, 1758026601061025000n, '4867eef88c3ecc61', 677],
];

describe('any-agent importer: corpus', () => {
  it.each(CORPUS)('%s: detected without a file name; ids and times exact', (file, spans, traceId, rootId, rootStart, rootEnd, firstLlmId, inputTokens) => {
    const set = importTrace(corpus(`any-agent/${file}`));
    const exp = expectations[`any-agent/${file}`];
    expect(set.format).toBe('any-agent');
    expect(set.formatLabel).toBe('any-agent trace JSON');
    expect(set.inputSpanCount).toBe(exp.spanCount);
    expect(exp.spanCount).toBe(spans);
    expect(set.traces.length).toBe(exp.traceIds.length);
    const t = set.traces[0];
    expect(t.traceId).toBe(traceId);
    expect(t.traceId).toBe(exp.traceIds[0]);
    expect(t.spans.length).toBe(spans);
    expect(t.rootIndices.length).toBe(exp.rootCount);
    expect(t.diagnostics.filter((d) => d.code === 'orphan').length).toBe(exp.orphanCount);
    expect(new Set(t.spans.map((s) => s.spanId)).size).toBe(spans);
    const root = t.spans.find((s) => s.name === 'invoke_agent [any_agent]')!;
    expect(root.spanId).toBe(rootId);
    expect(root.parentSpanId).toBeUndefined();
    expect(root.startNs).toBe(rootStart);
    expect(root.endNs).toBe(rootEnd);
    expect(t.startNs).toBe(BigInt(exp.startNs));
    expect(t.endNs).toBe(BigInt(exp.endNs));
    expect(root.status.code).toBe(StatusCode.Unset);
    expect(root.kind).toBe(SpanKind.Internal);
    const llm = t.spans.find((s) => s.spanId === firstLlmId)!;
    expect(llm.name).toBe('call_llm mistral/mistral-small-latest');
    expect(llm.status.code).toBe(StatusCode.Ok);
    expect(llm.attributes.get('gen_ai.usage.input_tokens')).toBe(inputTokens);
    expect(llm.attributes.get('gen_ai.usage.output_tokens')).toBe(16);
    expect(llm.resource.serviceName).toBe('unknown_service');
    expect(llm.resource).toBe(root.resource); // identical resources are shared
    // Nothing was rounded, so no precision note.
    expect(set.diagnostics).toEqual([]);
    expect(t.diagnostics.filter((d) => d.code === 'timestamp-precision')).toEqual([]);
  });

  it.each(CORPUS.filter((c) => c[0] !== 'GOOGLE_trace.json'))('%s: every other span is a child of invoke_agent', (file, spans) => {
    const t = importTrace(corpus(`any-agent/${file}`)).traces[0];
    expect(t.spans[0].name).toBe('invoke_agent [any_agent]');
    expect(t.spans.slice(1).every((s) => s.parentIndex === 0)).toBe(true);
    expect(t.spans[0].subtreeEnd).toBe(spans);
  });

  it.each(CORPUS)('%s: final_output goes on the only parentless span as compact JSON', (file) => {
    const t = importTrace(corpus(`any-agent/${file}`)).traces[0];
    const root = t.spans.find((s) => s.name === 'invoke_agent [any_agent]')!;
    const prefix = expectations[`any-agent/${file}`].anyAgent.finalOutputCompactJsonPrefix;
    expect(String(root.attributes.get('any_agent.final_output')).startsWith(prefix)).toBe(true);
    expect(t.spans.filter((s) => s.attributes.has('any_agent.final_output')).length).toBe(1);
  });

  it('GOOGLE: the 6 children point at 4 parents that are not in the file', () => {
    const t = importTrace(corpus('any-agent/GOOGLE_trace.json')).traces[0];
    const orphans = t.diagnostics.filter((d) => d.code === 'orphan');
    expect(orphans.length).toBe(6);
    // 17348474965005769013 (3 call_llm), 16887867178883245156, 10221318138555217448, 7027657387019838282
    expect(new Set(t.spans.filter((s) => s.parentSpanId).map((s) => s.parentSpanId))).toEqual(
      new Set(['f0c22a1083ed1935', 'ea5dc1b933506464', '8dd96ab130d73628', '61874128cc77a34a']),
    );
  });
});

describe('any-agent importer: precision and shapes', () => {
  const span = (id: unknown, parent: unknown, start: unknown, extra: Record<string, unknown> = {}) => ({
    name: `s${String(id)}`,
    kind: 'internal',
    parent: parent === null ? null : { trace_id: 7, span_id: parent },
    start_time: start,
    end_time: start,
    status: { status_code: 'ok', description: null },
    context: { trace_id: 7, span_id: id },
    attributes: {},
    ...extra,
  });

  it('gives exact ids and times when the JSON parser kept big integers (bigint or decimal text)', () => {
    const b = new TraceBuilder();
    anyAgentImporter.read(
      {
        spans: [
          {
            ...span(15531323892744358789n, null, 1758028600960730000n),
            context: { trace_id: 115825058289444712299650141807529952578n, span_id: 15531323892744358789n },
          },
          {
            ...span('12072964954527026452', '15531323892744358789', '1758028600965362000'),
            context: { trace_id: '115825058289444712299650141807529952578', span_id: '12072964954527026452' },
          },
        ],
      },
      b,
      '',
    );
    const set = b.build('any-agent', 'x');
    const t = set.traces[0];
    expect(t.traceId).toBe('572318454595034fe5076610d6400542'); // expectations.json's exact LANGCHAIN id
    expect(t.spans.map((s) => s.spanId)).toEqual(['d78a58cabe908b85', 'a78bc9a92c52cd14']);
    expect(t.spans[1].parentIndex).toBe(0);
    expect(t.spans[0].startNs).toBe(1758028600960730000n);
    expect(set.diagnostics).toEqual([]); // nothing was rounded
  });

  it('keeps ids apart that JSON.parse would round to the same double', () => {
    // 2^53 + 1 and 2^53 are different ints in Python but the same double.
    const text = `{"spans":[${JSON.stringify(span(1, null, 1000))},${JSON.stringify(span(2, 1, 2000)).replace('"span_id":2}', '"span_id":9007199254740993}')},${JSON.stringify(span(3, 1, 3000)).replace('"span_id":3}', '"span_id":9007199254740992}')}],"final_output":null}`;
    const set = importTrace(enc.encode(text));
    const t = set.traces[0];
    expect(t.spans.map((s) => s.spanId).sort()).toEqual(['0000000000000001', '0020000000000000', '0020000000000001']);
    expect(t.diagnostics).toEqual([]);
    expect(set.diagnostics).toEqual([]);
  });

  it('clamps a span id rounded up to 2^64 to the largest 16-hex id, on both sides of a link', () => {
    const text = `{"spans":[${JSON.stringify(span(1, null, 1000)).replace('"span_id":1}', '"span_id":18446744073709551615}')},${JSON.stringify(span(2, 1, 2000)).replace('"span_id":1}', '"span_id":18446744073709551615}')}]}`;
    const t = importTrace(enc.encode(text)).traces[0];
    expect(t.spans.map((s) => s.spanId)).toEqual(['ffffffffffffffff', '0000000000000002']);
    expect(t.spans[1].parentIndex).toBe(0);
  });

  it('reads error status, events, links and trace flags of any-agent spans', () => {
    const s = span(5, null, 1000, {
      status: { status_code: 'error', description: 'tool failed' },
      events: [{ name: 'exception', timestamp: 1500, attributes: { 'exception.type': 'ValueError' } }],
      links: [{ context: { trace_id: 9, span_id: 10 }, attributes: { why: 'retry' } }],
      context: { trace_id: 7, span_id: 5, trace_flags: { value: 1 }, trace_state: { entries: { vendor: 'x' } } },
      resource: { attributes: { 'service.name': 'svc' }, schema_url: '' },
    });
    const set = importTrace(enc.encode(JSON.stringify({ spans: [s], final_output: 'plain answer' })));
    const out = set.traces[0].spans[0];
    expect(set.traces[0].traceId).toBe('00000000000000000000000000000007');
    expect(out.status).toEqual({ code: StatusCode.Error, message: 'tool failed' });
    expect(out.events.map((e) => [e.name, e.timeNs, e.attributes.get('exception.type')])).toEqual([['exception', 1500n, 'ValueError']]);
    expect(out.links.map((l) => [l.traceId, l.spanId, l.attributes.get('why')])).toEqual([['00000000000000000000000000000009', '000000000000000a', 'retry']]);
    expect(out.flags).toBe(1);
    expect(out.traceState).toBe('vendor=x');
    expect(out.resource.serviceName).toBe('svc');
    expect(out.attributes.get('any_agent.final_output')).toBe('plain answer');
    expect(set.diagnostics).toEqual([]); // small ints and times: nothing rounded
  });

  // python-to-json-spans.json: agent.run 051581bf3cb55c13 ─┬─ llm.call 1d2f3a4b5c6d7e8f (link)
  //                                                          └─ tool.fetch 93564f51e1abe1c2 (CLIENT, ERROR)
  it('reads OTel Python to_json() dicts: 0x ids, ISO times, SpanKind.X, upper-case status', () => {
    const set = importTrace(readFileSync(join(fixtures, 'any-agent/python-to-json-spans.json')));
    expect(set.format).toBe('any-agent');
    expect(set.formatLabel).toBe('OTel Python span JSON');
    const t = set.traces[0];
    expect(t.traceId).toBe('5b8aa5a2d2c872e8321cf37308d69df2');
    expect(t.spans.map((s) => `${'-'.repeat(s.depth)}${s.name}`)).toEqual(['agent.run', '-llm.call', '-tool.fetch']);
    const [run, llm, tool] = t.spans;
    expect(run.status.code).toBe(StatusCode.Ok);
    expect(llm.status.code).toBe(StatusCode.Unset);
    expect(tool.status).toEqual({ code: StatusCode.Error, message: 'ConnectionError: refused' });
    expect(tool.kind).toBe(SpanKind.Client);
    expect(run.startNs).toBe(BigInt(Date.parse('2024-06-06T10:00:00Z')) * 1_000_000n);
    expect(tool.endNs - tool.startNs).toBe(500_123_000n); // 00.250000 → 00.750123
    expect(tool.events[0].timeNs).toBe(BigInt(Date.parse('2024-06-06T10:00:00.750Z')) * 1_000_000n);
    expect(llm.links[0]).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' });
    expect(llm.attributes.get('gen_ai.usage.input_tokens')).toBe(12);
    expect(llm.traceState).toBeUndefined(); // "[]" is a Python repr, not W3C tracestate
    expect(run.resource.serviceName).toBe('py-agent');
    expect(set.diagnostics).toEqual([]);
    expect(t.diagnostics).toEqual([]);
  });

  it('reads Python span dicts one per line (JSON Lines)', () => {
    const spans = JSON.parse(readFileSync(join(fixtures, 'any-agent/python-to-json-spans.json'), 'utf8')) as unknown[];
    const set = importTrace(enc.encode(spans.map((s) => JSON.stringify(s)).join('\n')));
    expect(set.formatLabel).toBe('OTel Python span JSON (JSON Lines)');
    expect(set.traces[0].spans.map((s) => s.name)).toEqual(['agent.run', 'llm.call', 'tool.fetch']);
  });

  it('counts non-object spans as unreadable and keeps `__proto__` attribute keys as data', () => {
    const s = { ...span(5, null, 1000), attributes: JSON.parse('{"__proto__":{"polluted":1},"k":"v"}') };
    const set = importTrace(enc.encode(JSON.stringify({ spans: [s, 'oops'] })));
    expect(set.inputSpanCount).toBe(2);
    expect(set.diagnostics.map((d) => [d.code, d.source])).toEqual([['unreadable-span', 'spans[1]']]);
    const out = set.traces[0].spans[0];
    expect(out.attributes.keys()).toEqual(['__proto__', 'k']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sniffs int or 0x context ids only', () => {
    expect(anyAgentImporter.sniff({ spans: [span(1, null, 1)] })).toBe(true);
    expect(anyAgentImporter.sniff([{ name: 'a', context: { trace_id: 'ab', span_id: 'cd' }, span_kind: 'LLM', parent_id: null, start_time: 'x' }])).toBe(false); // Phoenix
    expect(anyAgentImporter.sniff([{ name: 'a', spanContext: { traceId: 'ab', spanId: 'cd' } }])).toBe(false); // ReadableSpan
    expect(anyAgentImporter.sniff({ resourceSpans: [] })).toBe(false);
  });
});
