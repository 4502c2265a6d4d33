import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { langfuseImporter } from '../../../src/core/import/langfuse';
import { StatusCode } from '../../../src/core/model/span';
import type { Trace } from '../../../src/core/model/trace';

const fixtures = join(__dirname, '../../fixtures');
const corpus = (p: string) => readFileSync(join(fixtures, 'corpus', p));
const enc = new TextEncoder();
const load = (v: unknown) => importTrace(enc.encode(JSON.stringify(v)));

interface Expected {
  spanCount: number;
  traceIds: string[];
  rootCount: number;
  orphanCount: number;
  rootNames: Record<string, string[]>;
  startNs: string;
  endNs: string;
  errorSpans: number;
}
const expectations = JSON.parse(readFileSync(join(fixtures, 'corpus/expectations.json'), 'utf8')) as Record<string, Expected>;

const byName = (t: Trace, name: string) => t.spans.filter((s) => s.name === name);

/**
 * Synthetic-root arithmetic for the 11 corpus files (python3 over `observations[]`; a root has
 * no parentObservationId or one that is not among the observations):
 *
 * file                          observations  roots  of which orphans  synthetic root?
 * beeai-2025-08-01                   29          1          0              no
 * claude-agent-2025-12-22             7          1          0              no
 * crewai-2025-07-11                   6          1          0              no
 * csharp-agent-with-gemini-…          8          1          1 (→1db8118c6ecfd744)  no
 * google-adk-2025-08-28               5          1          0              no
 * koog-2025-08-26                    11          1          0              no
 * langgraph-js-2025-10-30            20          1          0              no
 * microsoft-agent-2025-12-17          4          1          0              no
 * openai-agents-2025-09-30            5          1          0              no
 * pydantic-ai-tools-2025-12-04       12          1          0              no
 * vercel-aisdk-2025-11-17             3          1          0              no
 *
 * So every corpus trace keeps exactly its observations as spans (110 in all) and no file gets
 * an `interpretation` note; the several-roots case is pinned by a fixture of our own below.
 */
const CORPUS: [file: string, observations: number, rootId: string, rootName: string][] = [
  ['beeai-2025-08-01.trace.json', 29, 'cb4886242bf214b8', 'beeai-framework-main'],
  ['claude-agent-2025-12-22.trace.json', 7, '805dc5dff9e33e32', 'claude.conversation'],
  ['crewai-2025-07-11.trace.json', 6, '839dad620fa92594', 'crewai-index-trace'],
  ['csharp-agent-with-gemini-2026-03-09.trace.json', 8, '5b9ba1e61e2e10fc', 'Insights Agent C#'],
  ['google-adk-2025-08-28.trace.json', 5, '86cd4912944ddc41', 'invocation [hello_app]'],
  ['koog-2025-08-26.trace.json', 11, '1b7200380e3316e7', 'agent.f9f77d1a-437f-4ba6-890e-b592a50cbd21'],
  ['langgraph-js-2025-10-30.trace.json', 20, '0fabddcbcd5cee2d', 'LangGraph'],
  ['microsoft-agent-2025-12-17.trace.json', 4, '4cd6caa32861956a', 'invoke_agent 171105b7-59dd-49c0-9677-0b95395aa46a'],
  ['openai-agents-2025-09-30.trace.json', 5, 'e5a76f27f51ad40e', 'Agent workflow'],
  ['pydantic-ai-tools-2025-12-04.trace.json', 12, '00d3f40ee8e3b716', 'run_joke_generator'],
  ['vercel-aisdk-2025-11-17.trace.json', 3, '1dc6768109615657', 'ai.generateText'],
];

describe('Langfuse importer: corpus', () => {
  it.each(CORPUS)('%s: detected without a file name, one span per observation, one root', (file, observations, rootId, rootName) => {
    const set = importTrace(corpus(`langfuse/${file}`));
    const exp = expectations[`langfuse/${file}`];
    expect(set.format).toBe('langfuse');
    expect(set.formatLabel).toBe('Langfuse trace export');
    expect(set.inputSpanCount).toBe(observations);
    expect(exp.spanCount).toBe(observations);
    expect(set.traces.map((t) => t.traceId)).toEqual(exp.traceIds);
    const t = set.traces[0];
    expect(t.spans.length).toBe(observations);
    expect(t.quarantined).toEqual([]);
    expect(t.rootIndices.length).toBe(exp.rootCount);
    const root = t.spans[t.rootIndices[0]];
    expect(root.spanId).toBe(rootId);
    expect(root.name).toBe(rootName);
    expect(exp.rootNames[t.traceId]).toEqual([rootName]);
    expect(t.startNs).toBe(BigInt(exp.startNs));
    expect(t.endNs).toBe(BigInt(exp.endNs));
    expect(t.spans.filter((s) => s.status.code === StatusCode.Error).length).toBe(exp.errorSpans);
    expect(t.diagnostics.filter((d) => d.code === 'orphan').length).toBe(exp.orphanCount);
    expect(set.diagnostics.filter((d) => d.code === 'interpretation')).toEqual([]);
    // Every span keeps its Langfuse ids; the trace id is already 32 hex in these files.
    for (const s of t.spans) {
      expect(s.attributes.get('langfuse.observation.id')).toBe(s.spanId);
      expect(s.attributes.get('langfuse.trace.id')).toBe(t.traceId);
    }
  });

  it('vercel-aisdk: generation usage, cost, model, input text and the original OTel attributes', () => {
    // ai.generateText 1dc6768109615657 (root) → ai.generateText.doGenerate 91a17a2274bfd23f, getWeather e9bb8c191e1e4706 (TOOL)
    const t = importTrace(corpus('langfuse/vercel-aisdk-2025-11-17.trace.json')).traces[0];
    expect(t.spans.map((s) => `${'-'.repeat(s.depth)}${s.name}`)).toEqual(['ai.generateText', '-ai.generateText.doGenerate', '-getWeather']);
    const root = t.spans[0];
    const a = root.attributes;
    expect(a.get('langfuse.observation.type')).toBe('GENERATION');
    expect(a.get('langfuse.observation.model.name')).toBe('gpt-5');
    expect(a.get('langfuse.observation.model.parameters.maxRetries')).toBe('2');
    expect(a.has('langfuse.observation.model.parameters.temperature')).toBe(false); // null in the file
    expect(a.get('langfuse.observation.usage_details.input')).toBe(14);
    expect(a.get('langfuse.observation.usage_details.output')).toBe(43);
    expect(a.get('langfuse.observation.usage_details.total')).toBe(57);
    expect(a.get('langfuse.observation.cost_details.total')).toBe(0.0004475);
    expect(a.get('langfuse.observation.input')).toBe('{"prompt":"What is the weather like today in San Francisco?"}');
    // metadata (a JSON string here) → original attributes as-is, resource and scope.
    expect(a.get('ai.model.id')).toBe('gpt-5');
    expect(a.get('ai.usage.promptTokens')).toBe('62');
    expect(root.resource.serviceName).toBe('unknown_service:/opt/homebrew/bin/deno');
    expect(root.resource.attributes.get('process.pid')).toBe(22217);
    expect(root.scope.name).toBe('ai');
    // Trace-level attributes go on the single root; scores with no observationId too.
    expect(a.get('langfuse.trace.name')).toBe('ai.generateText');
    expect(a.get('langfuse.score.hallucination.value')).toBe(0);
    expect(String(a.get('langfuse.score.hallucination.comment'))).toMatch(/^The generation uses a tool call/);
    expect(t.spans[1].attributes.has('langfuse.trace.name')).toBe(false);
    // 2025-11-17T14:55:18.786Z … 14:55:21.831Z
    expect(root.startNs).toBe(1763391318786000000n);
    expect(root.endNs).toBe(1763391321831000000n);
  });

  it('csharp-agent: the top observation points to a parent that is not exported; it is the single root', () => {
    const set = importTrace(corpus('langfuse/csharp-agent-with-gemini-2026-03-09.trace.json'));
    const t = set.traces[0];
    const root = t.spans[t.rootIndices[0]];
    expect(root.parentSpanId).toBe('1db8118c6ecfd744');
    expect(root.parentIndex).toBe(-1);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['orphan']);
    expect(root.attributes.get('langfuse.trace.name')).toBe('Insights Agent C#');
    expect(root.resource.serviceName).toBe('agentic-clientinsights');
    // chat gemini-2.5-flash c651c1dac855f97e: usageDetails {input 2546, output 47, total 2593}
    const gen = t.spans.find((s) => s.spanId === 'c651c1dac855f97e')!;
    expect(gen.parentSpanId).toBe('f858b986537e9e41');
    expect(gen.attributes.get('langfuse.observation.usage_details.input')).toBe(2546);
    expect(gen.attributes.get('langfuse.observation.cost_details.total')).toBe(0.0008813);
    expect(gen.attributes.get('gen_ai.request.model')).toBe('gemini-2.5-flash');
  });

  it('pydantic-ai: metadata, input and output are objects rather than JSON strings', () => {
    const t = importTrace(corpus('langfuse/pydantic-ai-tools-2025-12-04.trace.json')).traces[0];
    const gen = t.spans.find((s) => s.spanId === 'be64c23f44dd98be')!;
    expect(gen.name).toBe('chat gpt-4o-mini');
    expect(gen.attributes.get('gen_ai.operation.name')).toBe('chat');
    expect(gen.attributes.get('langfuse.observation.usage_details.input')).toBe(265);
    expect(gen.scope).toMatchObject({ name: 'pydantic-ai', version: '1.26.0' });
    // Objects and arrays become JSON text: the 4 chat spans have array input, the root an object.
    const inputs = t.spans.map((s) => String(s.attributes.get('langfuse.observation.input') ?? ''));
    expect(inputs.filter((v) => v.startsWith('[{"role":"system"')).length).toBe(4);
    expect(t.spans.find((s) => s.spanId === '00d3f40ee8e3b716')!.attributes.get('langfuse.observation.input')).toBe('{"args":["programming"],"kwargs":{}}');
    expect(t.spans.find((s) => s.spanId === '02d7769b76595f0b')!.attributes.get('langfuse.observation.input')).toBe('{"topic":"programming"}');
    // This file's trace has no `observations` copy; the top-level list is used.
    expect(t.spans.length).toBe(12);
  });

  it('langgraph-js: DEBUG level is not an error; free metadata keys are kept under langfuse.observation.metadata', () => {
    const t = importTrace(corpus('langfuse/langgraph-js-2025-10-30.trace.json')).traces[0];
    const debug = t.spans.filter((s) => s.attributes.get('langfuse.observation.level') === 'DEBUG');
    expect(debug.length).toBe(7);
    expect(debug.every((s) => s.status.code === StatusCode.Unset)).toBe(true);
    // All 20 observations carry langgraph_* keys at the top of their metadata (python3 count).
    expect(t.spans.filter((s) => s.attributes.has('langfuse.observation.metadata.langgraph_node')).length).toBe(20);
  });
});

describe('Langfuse importer: shapes and edge cases', () => {
  // public-api-uuid-ids-several-roots.json (TraceWithFullDetails, ids are UUIDs or free text):
  // planner (AGENT, root) ─┬─ llm call (GENERATION, legacy `usage`)
  //                        ├─ think (unknown type REASONING)
  //                        └─ search_restaurants (TOOL, ERROR, no endTime, text metadata)
  // user feedback (EVENT, root, no endTime)
  // late callback (16-hex id, parent "not-exported-parent" missing)
  const fixture = () => readFileSync(join(fixtures, 'langfuse/public-api-uuid-ids-several-roots.json'));

  it('adds one synthetic root for a trace with three roots, and says so', () => {
    const set = importTrace(fixture());
    expect(set.formatLabel).toBe('Langfuse trace (public API)');
    expect(set.inputSpanCount).toBe(7); // 6 observations + the synthetic root
    const notes = set.diagnostics.filter((d) => d.code === 'interpretation');
    expect(notes.length).toBe(1);
    expect(notes[0].message).toContain('3 root observations (1 of them name a parent that is not in the file)');
    const t = set.traces[0];
    expect(t.traceId).toBe('3f2a1b4c5d6e4f708a9b0c1d2e3f4a5b'); // the UUID without dashes
    expect(t.rootIndices.length).toBe(1);
    const root = t.spans[0];
    expect(root.name).toBe('book-table');
    expect(root.attributes.get('langfuse.synthetic_root')).toBe(true);
    expect(root.attributes.get('user.id')).toBe('u-1');
    expect(root.attributes.get('session.id')).toBe('s-1');
    expect(root.attributes.get('langfuse.trace.tags')).toEqual(['prod', 'booking']);
    expect(root.attributes.get('langfuse.trace.input')).toBe('{"q":"table for 2"}');
    expect(root.attributes.get('langfuse.trace.metadata.team')).toBe('search');
    expect(root.attributes.get('langfuse.score.helpfulness.value')).toBe(0.75);
    // Starts at trace.timestamp (08:59:59.900), ends with the last observation (EVENT at 09:00:06).
    expect(root.startNs).toBe(BigInt(Date.UTC(2025, 2, 1, 8, 59, 59, 900)) * 1_000_000n);
    expect(root.endNs).toBe(BigInt(Date.UTC(2025, 2, 1, 9, 0, 6)) * 1_000_000n);
    expect(t.spans.filter((s) => s.depth === 1).map((s) => s.name)).toEqual(['planner', 'late callback', 'user feedback']);
    const late = byName(t, 'late callback')[0];
    expect(late.spanId).toBe('0123456789abcdef'); // 16-hex ids are kept (lower-cased)
    expect(late.attributes.get('langfuse.observation.parent_observation_id')).toBe('not-exported-parent');
    expect(t.diagnostics.filter((d) => d.code === 'orphan')).toEqual([]);
  });

  it('maps UUID and free-text ids to stable hex ids, keeps the originals, and links parents', () => {
    const a = importTrace(fixture()).traces[0];
    const b = importTrace(fixture()).traces[0];
    expect(a.spans.map((s) => s.spanId)).toEqual(b.spans.map((s) => s.spanId));
    expect(new Set(a.spans.map((s) => s.spanId)).size).toBe(7);
    for (const s of a.spans) expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    const planner = byName(a, 'planner')[0];
    const tool = byName(a, 'search_restaurants')[0];
    expect(planner.attributes.get('langfuse.observation.id')).toBe('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    expect(tool.attributes.get('langfuse.observation.id')).toBe('tool-call-1');
    expect(tool.parentSpanId).toBe(planner.spanId);
    expect(a.spans[tool.parentIndex]).toBe(planner);
    expect(planner.attributes.get('langfuse.trace.id')).toBe('3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b');
  });

  it('reads level ERROR, a missing end, an EVENT without end, an unknown type, text metadata and legacy usage', () => {
    const t = importTrace(fixture()).traces[0];
    const tool = byName(t, 'search_restaurants')[0];
    expect(tool.status).toEqual({ code: StatusCode.Error, message: 'HTTP 503 from search API' });
    expect(tool.endNs).toBe(tool.startNs);
    expect(tool.attributes.get('langfuse.observation.metadata')).toBe('not json at all');
    expect(tool.attributes.get('langfuse.score.tool_ok.value')).toBe(0); // score with observationId
    expect(t.diagnostics.filter((d) => d.code === 'missing-end').map((d) => d.spanId)).toEqual([tool.spanId]);
    const event = byName(t, 'user feedback')[0];
    expect(event.endNs).toBe(event.startNs); // no missing-end note for an EVENT
    const think = byName(t, 'think')[0];
    expect(think.attributes.get('langfuse.observation.type')).toBe('REASONING');
    expect(think.endNs - think.startNs).toBe(150123000n); // 01.800Z → 01.950123Z keeps µs digits
    const gen = byName(t, 'llm call')[0];
    const g = gen.attributes;
    expect(g.get('langfuse.observation.usage_details.input')).toBe(120);
    expect(g.get('langfuse.observation.usage_details.total')).toBe(150);
    expect(g.get('langfuse.observation.cost_details.input')).toBe(0.0003);
    expect(g.get('langfuse.observation.cost_details.total')).toBe(0.0006);
    expect(g.get('langfuse.observation.model.parameters.max_tokens')).toBe(256);
    expect(g.get('langfuse.observation.completion_start_time')).toBe('2025-03-01T09:00:00.900Z');
    expect(g.get('langfuse.observation.prompt.version')).toBe(3);
    expect(g.get('gen_ai.request.model')).toBe('gpt-4o');
    const planner = byName(t, 'planner')[0];
    expect(planner.attributes.get('langfuse.observation.input')).toBe('{"goal":"book a table"}');
    expect(planner.attributes.get('langfuse.observation.metadata.user_tag')).toBe('vip');
    expect(planner.resource.attributes.get('deployment.environment')).toBe('test');
    expect(planner.scope).toMatchObject({ name: 'langfuse-sdk', version: '3.1.0' });
  });

  it('reads {data:[observations]} from the observations API, grouping several traces', () => {
    const obs = (id: string, traceId: string, parent: string | null, start: string) => ({
      id,
      traceId,
      type: 'SPAN',
      name: id,
      startTime: start,
      endTime: start,
      parentObservationId: parent,
    });
    const set = load({
      data: [
        obs('a1', 'trace-a', null, '2025-01-01T00:00:01.000Z'),
        obs('a2', 'trace-a', 'a1', '2025-01-01T00:00:01.000Z'),
        obs('b1', 'trace-b', null, '2025-01-01T00:00:00.000Z'),
        obs('b2', 'trace-b', null, '2025-01-01T00:00:02.000Z'),
      ],
      meta: { cursor: 'abc' },
    });
    expect(set.formatLabel).toBe('Langfuse observations (public API)');
    expect(set.traces.length).toBe(2);
    const [b, a] = set.traces; // by start time
    expect(a.spans.map((s) => s.name)).toEqual(['a1', 'a2']);
    // trace-b has two roots and no trace object: the synthetic root is named after the id.
    expect(b.spans.map((s) => `${'-'.repeat(s.depth)}${s.name}`)).toEqual(['trace trace-b', '-b1', '-b2']);
    expect(b.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.traceId).not.toBe(b.traceId);
  });

  it('keeps a `__proto__` key in metadata attributes as data, without touching Object.prototype', () => {
    const metadata = '{"attributes":{"__proto__":{"polluted":true},"constructor":"x","gen_ai.system":"openai"}}';
    const set = load({
      trace: { id: 'abcdefabcdefabcdefabcdefabcdefab', name: 't' },
      observations: [
        {
          id: '1111111111111111',
          traceId: 'abcdefabcdefabcdefabcdefabcdefab',
          type: 'SPAN',
          name: 's',
          startTime: '2025-01-01T00:00:00Z',
          endTime: '2025-01-01T00:00:01Z',
          parentObservationId: null,
          metadata,
        },
      ],
    });
    const s = set.traces[0].spans[0];
    expect(s.attributes.keys()).toContain('__proto__');
    expect(s.attributes.get('gen_ai.system')).toBe('openai');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows a trace object without observations as one span', () => {
    const set = load({ id: 'trace-1', timestamp: '2025-01-01T00:00:00.000Z', name: 'empty run', latency: 1.5, observations: [] });
    expect(set.format).toBe('langfuse');
    const t = set.traces[0];
    expect(t.spans.map((s) => s.name)).toEqual(['empty run']);
    expect(t.spans[0].endNs - t.spans[0].startNs).toBe(1_500_000_000n);
    expect(set.diagnostics.map((d) => d.code)).toEqual(['interpretation']);
  });

  it('counts a non-object observation as unreadable and reads the rest', () => {
    const set = load({
      trace: { id: 'abcdefabcdefabcdefabcdefabcdefab' },
      observations: [
        { id: 'x', traceId: 'abcdefabcdefabcdefabcdefabcdefab', startTime: '2025-01-01T00:00:00Z', endTime: '2025-01-01T00:00:01Z', parentObservationId: null },
        42,
      ],
    });
    expect(set.inputSpanCount).toBe(2);
    expect(set.traces[0].spans.length).toBe(1);
    expect(set.diagnostics.map((d) => [d.code, d.source])).toEqual([['unreadable-span', 'observations[1]']]);
  });

  it('leaves a missing trace id to the builder (bare observation array without traceId)', () => {
    const set = load([
      { id: 'only', type: 'SPAN', name: 'lonely', startTime: '2025-01-01T00:00:00Z', endTime: '2025-01-01T00:00:01Z', parentObservationId: null },
    ]);
    expect(set.formatLabel).toBe('Langfuse observations');
    const t = set.traces[0];
    expect(t.spans.map((s) => s.name)).toEqual(['lonely']);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['invalid-trace-id']);
    expect(t.spans[0].attributes.has('langfuse.trace.id')).toBe(false);
  });

  it('sniffs only Langfuse shapes', () => {
    expect(langfuseImporter.sniff({ data: [{ traceID: 'ab', spans: [] }] })).toBe(false); // Jaeger envelope
    expect(langfuseImporter.sniff({ data: [{ name: 'x', context: { trace_id: 'a', span_id: 'b' }, start_time: '2025-01-01T00:00:00Z' }] })).toBe(false); // Phoenix
    expect(langfuseImporter.sniff([{ traceId: 'a', id: 'b', timestamp: 1, duration: 2 }])).toBe(false); // Zipkin
    expect(langfuseImporter.sniff({ resourceSpans: [] })).toBe(false);
    expect(langfuseImporter.sniff([{ id: 'o', traceId: 't', startTime: '2025-01-01T00:00:00Z', type: 'SPAN', parentObservationId: null }])).toBe(true);
  });
});
