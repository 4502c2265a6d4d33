import { describe, expect, it } from 'vitest';
import { buildRows } from '../../../src/core/view/rows';
import { agentTrace, agentView, LLM_CALL } from './buildFixture';

describe('buildRows', () => {
  it('labels LLM rows with the model and tokens, tool rows with the tool name', () => {
    const trace = agentTrace().traces[0];
    expect(buildRows(trace, agentView(), 0, 10)).toEqual([
      { index: 0, name: 'agent run', service: 'planner', kind: 'server' },
      { index: 1, name: 'chat gpt-4o', service: 'planner', kind: 'client', label: 'gpt-4o', tokens: 1234 },
      { index: 2, name: 'search', service: 'planner', kind: 'internal', label: 'web_search' },
    ]);
  });

  it('returns only the window asked for, clipped to the trace', () => {
    const trace = agentTrace().traces[0];
    expect(buildRows(trace, agentView(), 1, 1).map((r) => r.index)).toEqual([1]);
    expect(buildRows(trace, agentView(), 2, 2000).map((r) => r.index)).toEqual([2]);
    expect(buildRows(trace, agentView(), 3, 5)).toEqual([]);
    expect(buildRows(trace, agentView(), 99, 5)).toEqual([]);
  });

  it('prefers the producer total, and leaves tokens out when none were recorded', () => {
    const trace = agentTrace().traces[0];
    const withTotal = agentView({ llmCalls: [{ ...LLM_CALL, usage: { input: 10, output: 5, total: 20 } }] });
    expect(buildRows(trace, withTotal, 1, 1)[0].tokens).toBe(20);
    const noUsage = agentView({ llmCalls: [{ ...LLM_CALL, model: undefined, usage: {} }] });
    expect(buildRows(trace, noUsage, 1, 1)[0]).toEqual({ index: 1, name: 'chat gpt-4o', service: 'planner', kind: 'client' });
  });
});
