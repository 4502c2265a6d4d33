import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';
import { importTrace } from '../../../src/core/import/index';
import { deriveAgentView } from '../../../src/core/semantics/agentView';

const file = join(__dirname, '../../fixtures/openai-agents/refund-run.json');

/** Expected values read off the fixture by hand (see its README). */
describe('OpenAI Agents SDK trace export', () => {
  const set = importTrace(readFileSync(file));
  const trace = set.traces[0];

  it('is detected and becomes one trace under the workflow root', () => {
    expect(set.format).toBe('openai-agents');
    expect(set.traces.length).toBe(1);
    expect(trace.traceId).toBe('5c7e0f3f1a2b4c6d8e9f0a1b2c3d4e5f');
    expect(trace.spans.length).toBe(9);
    expect(trace.rootIndices.length).toBe(1);
    expect(trace.spans[0].name).toBe('Customer support');
    // the root spans its spans: first start 10:15:00.000100, last end 10:15:03.000000
    expect(trace.spans[0].endNs - trace.spans[0].startNs).toBe(2_999_900_000n);
    // both agents hang under the root, their spans under them
    const byName = (n: string) => trace.spans.find((s) => s.name === n)!;
    expect(byName('invoke_agent Triage agent').depth).toBe(1);
    expect(byName('invoke_agent Refund agent').depth).toBe(1);
    expect(byName('execute_tool issue_refund').parentSpanId).toBe(byName('invoke_agent Refund agent').spanId);
    expect(byName('execute_tool issue_refund').spanId).toBe('293a4b5c6d7e8f90'); // last 16 hex of span_e5f6…8f90
    expect(byName('execute_tool issue_refund').attributes.get('openai_agents.id')).toBe('span_e5f60718293a4b5c6d7e8f90');
    expect(byName('handoff Triage agent → Refund agent')).toBeDefined();
    expect(trace.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reads LLM calls, usage, messages and the failed tool', () => {
    const view = deriveAgentView(trace);
    expect(view.llmCalls.length).toBe(3);
    expect(view.tokens).toMatchObject({ input: 580, output: 49 });
    // the handoff span executes the transfer tool the triage model called
    expect(view.toolExecutions.map((t) => [t.name, t.status])).toEqual([
      ['transfer_to_refund_agent', 'unset'],
      ['issue_refund', 'error'],
    ]);
    const refund = view.toolExecutions[1];
    expect(refund.arguments).toEqual({ order_id: 'A1' });
    expect(refund.error).toBe('Error running tool');
    const last = view.llmCalls.find((c) => c.output.some((m) => m.text.includes('refunded order A1 for you')));
    expect(last).toBeDefined();
  });

  it('flags the claim of a refund that failed', () => {
    const findings = new TraceAnalyses(trace, deriveAgentView(trace)).findings();
    expect(findings.map((f) => f.kind)).toEqual(['claimed-success-but-failed']);
  });

  it('reads one record per line (JSON Lines)', () => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { data: unknown[] };
    const lines = doc.data.map((r) => JSON.stringify(r)).join('\n');
    const again = importTrace(new TextEncoder().encode(lines));
    expect(again.traces[0].spans.length).toBe(9);
    expect(again.traces[0].rootIndices.length).toBe(1);
  });
});
