import { describe, expect, it } from 'vitest';
import { findLoops } from '../../../src/core/analyze/graph/loops';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildTrace, spanId, type SpanSpec } from '../semantics/buildTrace';
import { agent, chat, tool, type ChatSpec } from './genaiSpans';

/**
 * A run of one agent (span 1) where each entry is one iteration: a chat span asking for one tool
 * call, then that tool's execution span. Chat spans get ids 2, 4, 6…, tools 3, 5, 7…; a final
 * answering chat closes the run.
 */
interface Step {
  name: string;
  args: unknown;
  tokens?: [number, number];
  error?: string;
  model?: string;
  /** Tool call id; defaults to a fresh one per step. */
  callId?: string;
}
function run(steps: Step[]) {
  const specs: SpanSpec[] = [{ id: 1, name: 'invoke_agent looper', start: 0, end: 1000, attrs: agent('looper') }];
  steps.forEach((s, k) => {
    const id = s.callId ?? `c${k}`;
    const c: ChatSpec = { calls: [[s.name, id, s.args]], tokens: s.tokens };
    specs.push({ id: 2 + 2 * k, parent: 1, name: 'chat', start: 1 + 2 * k, attrs: { ...chat(c), ...(s.model ? { 'gen_ai.request.model': s.model } : {}) } });
    specs.push({
      id: 3 + 2 * k,
      parent: 1,
      name: `execute_tool ${s.name}`,
      start: 2 + 2 * k,
      attrs: tool(s.name, id, s.args),
      ...(s.error ? { status: 'error' as const, statusMessage: s.error } : { status: 'ok' as const }),
    });
  });
  specs.push({ id: 2 + 2 * steps.length, parent: 1, name: 'chat', start: 900, attrs: chat({ text: 'done' }) });
  const trace = buildTrace(specs);
  return findLoops(trace, deriveAgentView(trace));
}
/** Span id of the k-th (0-based) tool execution built by `run`. */
const toolSpan = (k: number) => spanId(3 + 2 * k);
/** gpt-4o: $2.50 per million input tokens, $10 per million output tokens. */
const gpt4o = (input: number, output: number) => (input * 2.5 + output * 10) / 1e6;

describe('repeated calls', () => {
  // span-1 invoke_agent looper
  // ├─ span-2 chat [1000 in, 100 out] → span-3 fetch {"url":"a","page":1}
  // ├─ span-4 chat [2000 in, 100 out] → span-5 fetch {"page":1,"url":"a"}   (same, keys reordered)
  // ├─ span-6 chat [3000 in, 100 out] → span-7 fetch {"url":"a","page":1}
  // └─ span-8 chat answers
  it('flags the same tool with the same canonical arguments three times', () => {
    const findings = run([
      { name: 'fetch', args: { url: 'a', page: 1 }, tokens: [1000, 100] },
      { name: 'fetch', args: { page: 1, url: 'a' }, tokens: [2000, 100] },
      { name: 'fetch', args: { url: 'a', page: 1 }, tokens: [3000, 100] },
    ]);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({ kind: 'loop', severity: 'warning', pattern: 'repeated-call', spanIds: [toolSpan(0), toolSpan(1), toolSpan(2)] });
    expect(f.message).toContain('fetch was called 3 times');
    // Wasted: the 2nd and 3rd requesting calls (spans 4 and 6): 2100 + 3100 tokens.
    expect(f.wastedTokens).toBe(5200);
    expect(f.wastedCostUsd).toBeCloseTo(gpt4o(2000, 100) + gpt4o(3000, 100), 12);
  });

  it('does not flag two repeats, or three calls with different arguments', () => {
    expect(
      run([
        { name: 'fetch', args: { url: 'a' } },
        { name: 'fetch', args: { url: 'a' } },
      ]),
    ).toEqual([]);
    expect(
      run([
        { name: 'fetch', args: { url: 'a' } },
        { name: 'fetch', args: { url: 'b' } },
        { name: 'fetch', args: { url: 'c' } },
      ]),
    ).toEqual([]);
  });

  it('counts executions sharing one tool call id as one request', () => {
    // span-3, span-5, span-7 all execute call "same": one request recorded three times.
    const same = { name: 'fetch', args: { url: 'a' }, callId: 'same' };
    expect(run([same, same, same])).toEqual([]);
  });

  it('gives a null cost when a wasted call has no known price', () => {
    // Same as above but the repeats are asked for by an unpriced model.
    const [f] = run([
      { name: 'fetch', args: { url: 'a' } },
      { name: 'fetch', args: { url: 'a' }, model: 'acme-private-1' },
      { name: 'fetch', args: { url: 'a' } },
    ]);
    expect(f.wastedTokens).toBe(220);
    expect(f.wastedCostUsd).toBeNull();
  });
});

describe('oscillation', () => {
  // span-1 invoke_agent looper
  // ├─ span-2 chat → span-3  read  {"path":"a"}
  // ├─ span-4 chat → span-5  write {"path":"a","text":"x"}
  // ├─ span-6 chat → span-7  read  {"path":"a"}
  // ├─ span-8 chat → span-9  write {"path":"a","text":"x"}
  // ├─ span-10 chat → span-11 read {"path":"a"}
  // └─ span-12 chat answers
  const read = { name: 'read', args: { path: 'a' } };
  const write = { name: 'write', args: { path: 'a', text: 'x' } };

  it('flags A,B,A,B,A with repeated arguments once (the 3 reads are part of it)', () => {
    const findings = run([read, write, read, write, read]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ pattern: 'oscillation', spanIds: [0, 1, 2, 3, 4].map(toolSpan) });
    expect(findings[0].message).toBe('read and write alternated 5 times with the same arguments');
    // The first read and first write were needed; chats 6, 8, 10 (100 in + 10 out each) were not.
    expect(findings[0].wastedTokens).toBe(330);
    expect(findings[0].wastedCostUsd).toBeCloseTo(3 * gpt4o(100, 10), 12);
  });

  it('flags the shortest oscillation A,B,A,B', () => {
    const findings = run([read, write, read, write]);
    expect(findings.map((f) => [f.pattern, f.spanIds.length, f.wastedTokens])).toEqual([['oscillation', 4, 220]]);
  });

  it('does not flag alternation that makes progress (new arguments each time)', () => {
    expect(run([read, write, { name: 'read', args: { path: 'b' } }, { name: 'write', args: { path: 'b', text: 'y' } }])).toEqual([]);
  });
});

describe('retries after the same error', () => {
  // span-1 invoke_agent looper
  // ├─ span-2 chat → span-3 deploy {"env":"prod"}              ✗ quota exceeded
  // ├─ span-4 chat → span-5 deploy {"env":"prod"}              ✗ quota exceeded
  // ├─ span-6 chat → span-7 deploy {"env":"prod","force":true}  ✓
  // └─ span-8 chat answers
  it('flags two same-error failures followed by another attempt', () => {
    const findings = run([
      { name: 'deploy', args: { env: 'prod' }, error: 'quota exceeded' },
      { name: 'deploy', args: { env: 'prod' }, error: 'quota exceeded' },
      { name: 'deploy', args: { env: 'prod', force: true } },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ pattern: 'retry-same-error', spanIds: [0, 1, 2].map(toolSpan), wastedTokens: 220 });
    expect(findings[0].message).toContain('deploy failed 2 times in a row with "quota exceeded"');
  });

  it('does not flag different errors, or two failures with no further attempt', () => {
    expect(
      run([
        { name: 'deploy', args: { env: 'prod' }, error: 'quota exceeded' },
        { name: 'deploy', args: { env: 'prod' }, error: 'timeout' },
        { name: 'deploy', args: { env: 'dev' } },
      ]),
    ).toEqual([]);
    expect(
      run([
        { name: 'deploy', args: { env: 'prod' }, error: 'quota exceeded' },
        { name: 'deploy', args: { env: 'prod' }, error: 'quota exceeded' },
      ]),
    ).toEqual([]);
  });
});

describe('what is not a repeat (issue 11, defect 8)', () => {
  // span-1 invoke_agent looper
  // ├─ span-2 chat → search {"q":"a"} ×3 (calls p1, p2, p3 in one response)
  // ├─ span-3..5 execute_tool search, one per call
  // └─ span-6 chat answers
  it('three parallel calls in one LLM response are fan-out, not a loop', () => {
    const q = { q: 'a' };
    const trace = buildTrace([
      { id: 1, name: 'invoke_agent looper', start: 0, end: 100, attrs: agent('looper') },
      {
        id: 2,
        parent: 1,
        name: 'chat',
        start: 1,
        attrs: chat({
          calls: [
            ['search', 'p1', q],
            ['search', 'p2', q],
            ['search', 'p3', q],
          ],
        }),
      },
      { id: 3, parent: 1, name: 'execute_tool search', start: 2, attrs: tool('search', 'p1', q) },
      { id: 4, parent: 1, name: 'execute_tool search', start: 2, attrs: tool('search', 'p2', q) },
      { id: 5, parent: 1, name: 'execute_tool search', start: 2, attrs: tool('search', 'p3', q) },
      { id: 6, parent: 1, name: 'chat', start: 10, attrs: chat({ text: 'done' }) },
    ]);
    expect(findLoops(trace, deriveAgentView(trace))).toEqual([]);
  });

  it.each([[{}], [[]], [''], ['[REDACTED]'], [{ query: '<redacted>' }]])('three steps whose arguments are only %j are not the same call', (args) => {
    expect(
      run([
        { name: 'fetch', args },
        { name: 'fetch', args },
        { name: 'fetch', args },
      ]),
    ).toEqual([]);
  });

  it('the same non-empty arguments in three separate steps still are', () => {
    expect(
      run([
        { name: 'fetch', args: { q: 'a' } },
        { name: 'fetch', args: { q: 'a' } },
        { name: 'fetch', args: { q: 'a' } },
      ]).map((f) => f.pattern),
    ).toEqual(['repeated-call']);
  });
});
