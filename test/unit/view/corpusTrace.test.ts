/**
 * The view-model on a real trace, end to end through the importer and the agent view:
 * test/fixtures/corpus/any-agent/OPENAI_trace.json. Expected numbers come from
 * test/fixtures/corpus/expectations.json (derived independently, in python, from the file)
 * and, for per-row tokens, from the file's gen_ai.usage.* attributes:
 *   invoke_agent [any_agent]        (root)
 *     call_llm mistral/…   269 in + 16 out
 *     execute_tool get_current_time
 *     call_llm mistral/…   359 in + 14 out
 *     execute_tool write_file
 *     call_llm mistral/…   392 in + 46 out
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { CATEGORY_CODES } from '../../../src/core/protocol';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { LoadedTrace } from '../../../src/session/loadedTrace';

const CORPUS = join(__dirname, '../../fixtures/corpus');
const FILE = 'any-agent/OPENAI_trace.json';
const expected = (JSON.parse(readFileSync(join(CORPUS, 'expectations.json'), 'utf8')) as Record<string, Record<string, unknown>>)[FILE] as {
  spanCount: number;
  durationMs: number;
  iterations: number;
  llmCalls: number;
  toolCalls: number;
  errorSpans: number;
  tokens: { input: number; output: number };
  vendorCostUsd: number;
  firstUserMessage: string;
  toolNames: string[];
  models: string[];
};

function load(): LoadedTrace {
  const set = importTrace(readFileSync(join(CORPUS, FILE)));
  return new LoadedTrace('file:///corpus/OPENAI_trace.json', 'OPENAI_trace.json', set, (s, i) => deriveAgentView(s.traces[i]));
}

describe(`view-model on ${FILE}`, () => {
  it('summarises the run as the independent reading does', () => {
    const s = load().summary();
    expect(s.rootName).toBe('invoke_agent [any_agent]');
    expect(s.spanCount).toBe(expected.spanCount);
    // Within 0.5 µs: this file writes nanosecond times as JSON numbers past 2^53, which the
    // importer reads with a timestamp-precision note (1227.24992 ms here, not 1227.25).
    expect(s.durationMs).toBeCloseTo(expected.durationMs, 3);
    expect(s.status).toBe(expected.errorSpans > 0 ? 'error' : 'ok');
    expect(s.iterations).toBe(expected.iterations);
    expect(s.llmCalls).toBe(expected.llmCalls);
    expect(s.toolCalls).toBe(expected.toolCalls);
    expect(s.tokens).toEqual(expected.tokens);
    expect(s.costUsd).toBeCloseTo(expected.vendorCostUsd, 10);
  });

  it('labels rows with the model or tool name and the call tokens, in tree order', () => {
    const t = load();
    const rows = t.rows(0, 100);
    expect(rows.map((r) => r.name)).toEqual([
      'invoke_agent [any_agent]',
      'call_llm mistral/mistral-small-latest',
      'execute_tool get_current_time',
      'call_llm mistral/mistral-small-latest',
      'execute_tool write_file',
      'call_llm mistral/mistral-small-latest',
    ]);
    expect(rows.map((r) => r.label)).toEqual([
      undefined,
      expected.models[0],
      expected.toolNames[0],
      expected.models[0],
      expected.toolNames[1],
      expected.models[0],
    ]);
    expect(rows.map((r) => r.tokens)).toEqual([undefined, 269 + 16, undefined, 359 + 14, undefined, 392 + 46]);
    const categories = Array.from(t.structure().category).map((c) => CATEGORY_CODES[c]);
    expect(categories).toEqual(['agent', 'llm', 'tool', 'llm', 'tool', 'llm']);
  });

  it("shows the first LLM call's conversation in its detail", () => {
    const d = load().spanDetail(1)!;
    expect(d.model).toBe(expected.models[0]);
    expect(d.tokens).toMatchObject({ input: 269, output: 16 });
    const user = d.input.find((m) => m.role === 'user');
    expect(user?.text.startsWith(expected.firstUserMessage)).toBe(true);
    expect(d.output.flatMap((m) => m.toolCalls.map((c) => c.name))).toEqual(['get_current_time']);
  });
});
