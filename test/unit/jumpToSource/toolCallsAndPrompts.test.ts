import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPromptCandidates, promptNeedles, readPromptRef } from '../../../src/core/analyze/source/promptPatterns';
import { toolCallStats, toolNameOfSpan } from '../../../src/core/analyze/source/toolCalls';
import { toolLensTitle } from '../../../src/core/view/toolLensTitle';
import { Attributes } from '../../../src/core/model/attributes';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { agent, chat, tool } from '../graph/genaiSpans';
import { buildTrace } from '../semantics/buildTrace';

const DIR = join(__dirname, '..', '..', 'fixtures', 'source', 'prompts');

describe('tool call statistics for the CodeLens', () => {
  // Two get_weather calls (30 ms ok, 50 ms failed) and one search call (20 ms).
  const trace = buildTrace([
    { id: 1, name: 'invoke_agent a', start: 0, end: 500, attrs: agent('a') },
    {
      id: 2,
      parent: 1,
      name: 'chat',
      start: 1,
      end: 10,
      attrs: chat({
        calls: [
          ['get_weather', 'c1', {}],
          ['search', 'c2', {}],
        ],
      }),
    },
    { id: 3, parent: 1, name: 'execute_tool get_weather', start: 10, end: 40, attrs: tool('get_weather', 'c1'), status: 'ok' },
    { id: 4, parent: 1, name: 'execute_tool search', start: 40, end: 60, attrs: tool('search', 'c2'), status: 'ok' },
    { id: 5, parent: 1, name: 'chat', start: 60, end: 70, attrs: chat({ calls: [['get_weather', 'c3', {}]] }) },
    { id: 6, parent: 1, name: 'execute_tool get_weather', start: 70, end: 120, attrs: tool('get_weather', 'c3'), status: 'error', statusMessage: 'boom' },
  ]);
  const view = deriveAgentView(trace);

  it('counts executions, errors and the summed duration per tool', () => {
    const stats = toolCallStats(trace, view);
    const weather = stats.find((s) => s.name === 'get_weather');
    expect(weather?.spans).toEqual([2, 5]);
    expect(weather?.errors).toBe(1);
    expect(weather?.totalMs).toBeCloseTo(80, 6);
    expect(stats.find((s) => s.name === 'search')?.totalMs).toBeCloseTo(20, 6);
  });

  it('titles the lens with count, errors and the total (durations with three significant digits)', () => {
    expect(toolLensTitle({ count: 2, errors: 1, totalMs: 80 })).toBe('called 2× · 1 error · 80.0 ms total');
    expect(toolLensTitle({ count: 4, errors: 0, totalMs: 820 })).toBe('called 4× · 820 ms total');
    expect(toolLensTitle({ count: 3, errors: 2, totalMs: 1 })).toBe('called 3× · 2 errors · 1.00 ms total');
  });

  it('names the tool a span executed, and none for other spans', () => {
    expect(toolNameOfSpan(trace, view, 3)).toBe('search');
    expect(toolNameOfSpan(trace, view, 1)).toBeUndefined();
  });
});

describe('finding prompts', () => {
  const files = ['agent.ts', 'refund-policy.md'].map((f) => ({ path: `prompts/${f}`, text: readFileSync(join(DIR, f), 'utf8') }));

  it('reads prompt names and versions (Langfuse, OpenInference)', () => {
    expect(readPromptRef(new Attributes(['langfuse.observation.prompt.name', 'refund-policy', 'langfuse.observation.prompt.version', 3]))).toEqual({
      name: 'refund-policy',
      version: '3',
    });
    expect(readPromptRef(new Attributes(['llm.prompt_template.template', 'Hi {name}']))).toEqual({ template: 'Hi {name}' });
    expect(readPromptRef(new Attributes(['gen_ai.request.model', 'x']))).toBeUndefined();
  });

  it('cuts a rendered system prompt into literal snippets around its placeholders', () => {
    expect(promptNeedles('You are a support assistant for ACME. Answer politely.\nToday is {date}, be brief.')).toEqual([
      'You are a support assistant for ACME. Answer politely.',
    ]);
  });

  it('finds the system prompt text in the source that defines it', () => {
    const rendered = 'You are a support assistant for ACME. Answer politely.\nToday is Sun Nov 22 2026.';
    const top = findPromptCandidates(files, { needles: promptNeedles(rendered) })[0];
    // Line 3 of agent.ts, after "const SYSTEM_PROMPT = `" (23 characters).
    expect(top).toMatchObject({ path: 'prompts/agent.ts', line: 2, column: 23 });
  });

  it('finds a prompt file by the prompt name', () => {
    const found = findPromptCandidates(files, { needles: [], name: 'refund-policy' });
    expect(found.map((c) => `${c.path}:${c.line + 1}`)).toEqual(['prompts/refund-policy.md:1']);
  });
});
