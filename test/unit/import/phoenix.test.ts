import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { phoenixImporter } from '../../../src/core/import/phoenix';
import { StatusCode } from '../../../src/core/model/span';

const fixture = (p: string) => readFileSync(join(__dirname, '../../fixtures/phoenix', p));
const enc = new TextEncoder();
const load = (v: unknown) => importTrace(enc.encode(JSON.stringify(v)));
/** ISO instant with whole milliseconds → ns, computed independently of the importer. */
const ms = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

describe('Phoenix importer', () => {
  // agent-run.json (listed newest first):
  // weather_agent.run AGENT a1b2…0718 10:00:00.000 → 04.250
  // ├─ ChatCompletion LLM b2c3…1829   00.120 → 01.480   (asks for get_weather)
  // ├─ lookup_forecast TOOL e5f6…4b5c 01.490 → 01.49525 ERROR + exception event at 01.495123
  // ├─ get_weather TOOL c3d4…2930     01.500 → 02.100
  // └─ ChatCompletion LLM d4e5…3a4b   02.150 → 04.200   (answers)
  it('reads a {data, next_cursor} page into one tree, detected without a file name', () => {
    const set = importTrace(fixture('agent-run.json'));
    expect(set.format).toBe('phoenix');
    expect(set.formatLabel).toBe('Phoenix span JSON');
    expect(set.inputSpanCount).toBe(5);
    expect(set.traces.length).toBe(1);
    const t = set.traces[0];
    expect(t.traceId).toBe('6f1c2b7e9a4d4e0f8b3a1c5d7e9f0a12');
    expect(t.diagnostics).toEqual([]);
    expect(t.spans.map((s) => `${'-'.repeat(s.depth)}${s.name}`)).toEqual([
      'weather_agent.run',
      '-ChatCompletion',
      '-lookup_forecast',
      '-get_weather',
      '-ChatCompletion',
    ]);
    expect(t.spans.map((s) => s.spanId)).toEqual(['a1b2c3d4e5f60718', 'b2c3d4e5f6071829', 'e5f60718293a4b5c', 'c3d4e5f607182930', 'd4e5f60718293a4b']);
    expect(t.startNs).toBe(ms('2025-06-01T10:00:00.000Z'));
    expect(t.endNs).toBe(ms('2025-06-01T10:00:04.250Z'));
    expect(t.spans[2].endNs).toBe(ms('2025-06-01T10:00:01.495Z') + 250_000n); // .495250 keeps µs
  });

  it('puts openinference.span.kind back and keeps the flat OpenInference attributes', () => {
    const t = importTrace(fixture('agent-run.json')).traces[0];
    expect(t.spans.map((s) => s.attributes.get('openinference.span.kind'))).toEqual(['AGENT', 'LLM', 'TOOL', 'TOOL', 'LLM']);
    const llm = t.spans[1].attributes;
    expect(llm.get('llm.input_messages.1.message.content')).toBe("What's the weather in Paris?");
    expect(llm.get('llm.output_messages.0.message.tool_calls.0.tool_call.function.name')).toBe('get_weather');
    expect(llm.get('llm.token_count.prompt')).toBe(52);
    expect(llm.get('llm.token_count.total')).toBe(69);
    expect(t.spans[4].attributes.get('llm.input_messages.3.message.role')).toBe('tool');
    expect(t.spans[0].attributes.get('phoenix.span.global_id')).toBe('U3BhbjoxMDE='); // base64("Span:101")
    expect(t.spans[0].status).toEqual({ code: StatusCode.Ok });
  });

  it('reads status ERROR with its message and the exception event', () => {
    const failed = importTrace(fixture('agent-run.json')).traces[0].spans[2];
    expect(failed.status).toEqual({ code: StatusCode.Error, message: 'TimeoutError: forecast service did not answer' });
    expect(failed.events.length).toBe(1);
    expect(failed.events[0].name).toBe('exception');
    expect(failed.events[0].timeNs).toBe(ms('2025-06-01T10:00:01.495Z') + 123_000n);
    expect(failed.events[0].attributes.get('exception.type')).toBe('TimeoutError');
  });

  it('reads the same spans as a bare array and as JSON Lines', () => {
    const page = JSON.parse(fixture('agent-run.json').toString('utf8')) as { data: unknown[] };
    const names = (set: ReturnType<typeof importTrace>) => set.traces[0].spans.map((s) => s.name);
    const fromArray = load(page.data);
    expect(fromArray.format).toBe('phoenix');
    expect(names(fromArray)).toEqual(names(importTrace(fixture('agent-run.json'))));
    const lines = importTrace(enc.encode(page.data.map((s) => JSON.stringify(s)).join('\n') + '\n'));
    expect(lines.formatLabel).toBe('Phoenix span JSON (JSON Lines)');
    expect(lines.traces[0].spans.length).toBe(5);
  });

  it('flattens nested attributes the way Phoenix does', () => {
    const set = importTrace(fixture('nested-attributes.json'));
    expect(set.format).toBe('phoenix');
    const s = set.traces[0].spans[0];
    expect(s.attributes.keys()).toEqual([
      'openinference.span.kind',
      'llm.model_name',
      'llm.token_count.prompt',
      'llm.token_count.completion',
      'llm.token_count.total',
      'llm.input_messages.0.message.role',
      'llm.input_messages.0.message.content',
      'llm.input_messages.1.message.role',
      'llm.input_messages.1.message.content',
      'llm.output_messages.0.message.role',
      'llm.output_messages.0.message.content',
      'tag.tags',
      'input.value',
      'phoenix.span.global_id',
    ]);
    expect(s.attributes.get('openinference.span.kind')).toBe('LLM'); // span_kind is "UNKNOWN": not used
    expect(s.attributes.get('llm.token_count.prompt')).toBe(10);
    expect(s.attributes.get('tag.tags')).toEqual(['smoke', 'nested']); // arrays of scalars stay arrays
    expect(s.startNs).toBe(ms('2025-06-01T12:00:00.500Z')); // "…00.5+00:00"
    expect(s.endNs).toBe(ms('2025-06-01T12:00:01.000Z') + 1_000n); // "…01.000001+00:00"
    expect(s.status.code).toBe(StatusCode.Unset);
    expect(s.events[0].attributes.get('llm.latency_ms')).toBe(250);
  });

  it('keeps a nested `__proto__` key as a dotted attribute, without touching Object.prototype', () => {
    const set = load([
      {
        name: 'x',
        context: { trace_id: '0123456789abcdef0123456789abcdef', span_id: '2222222222222222' },
        span_kind: 'CHAIN',
        start_time: '2025-01-01T00:00:00Z',
        end_time: '2025-01-01T00:00:01Z',
        status_code: 'OK',
        attributes: JSON.parse('{"__proto__":{"polluted":true},"a":{"__proto__":1}}'),
      },
    ]);
    const s = set.traces[0].spans[0];
    expect(s.attributes.get('__proto__.polluted')).toBe(true);
    expect(s.attributes.get('a.__proto__')).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads the /spans/otlpv1 variant and notes rounded nanosecond numbers once', () => {
    const span = (id: string, parent: string | null, start: number) => ({
      trace_id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      span_id: id,
      parent_span_id: parent,
      name: `s${id.slice(0, 1)}`,
      start_time_unix_nano: start,
      end_time_unix_nano: start + 1e9,
      attributes: [
        { key: 'llm.token_count.prompt', value: { int_value: 7 } },
        { key: 'openinference.span.kind', value: { string_value: 'LLM' } },
      ],
      status: { code: 2, message: 'boom' },
    });
    const set = load({ data: [span('1111111111111111', null, 1.7e18), span('2222222222222222', '1111111111111111', 1.7e18 + 5e8)], next_cursor: null });
    expect(set.format).toBe('phoenix');
    expect(set.formatLabel).toBe('Phoenix OTLP span JSON');
    const t = set.traces[0];
    expect(t.spans.map((s) => s.name)).toEqual(['s1', 's2']);
    expect(t.spans[1].parentIndex).toBe(0);
    expect(t.spans[0].startNs).toBe(1_700_000_000_000_000_000n);
    expect(t.spans[0].attributes.get('llm.token_count.prompt')).toBe(7);
    expect(t.spans[0].status).toEqual({ code: StatusCode.Error, message: 'boom' });
    expect(set.diagnostics.map((d) => d.code)).toEqual(['timestamp-precision']);
  });

  it('sniffs only Phoenix shapes', () => {
    const phoenixSpan = { name: 'a', context: { trace_id: 'ab', span_id: 'cd' }, span_kind: 'LLM', start_time: '2025-01-01T00:00:00Z' };
    expect(phoenixImporter.sniff({ data: [phoenixSpan], next_cursor: null })).toBe(true);
    expect(phoenixImporter.sniff([phoenixSpan])).toBe(true);
    // any-agent (int ids) and OTel Python to_json ("0x…" ids) also have context.span_id.
    expect(phoenixImporter.sniff([{ name: 'a', context: { trace_id: 1, span_id: 2 }, parent: null, start_time: 1 }])).toBe(false);
    expect(phoenixImporter.sniff([{ name: 'a', context: { trace_id: '0x01', span_id: '0x02' }, parent_id: null, start_time: '2025-01-01T00:00:00Z' }])).toBe(
      false,
    );
    expect(phoenixImporter.sniff([{ traceId: 'a', id: 'b', timestamp: 1 }])).toBe(false); // Zipkin
    expect(phoenixImporter.sniff({ data: [{ span_id: 'a', trace_id: 'b', start_time_unix_nano: 1 }] })).toBe(false); // no Phoenix envelope
  });
});
