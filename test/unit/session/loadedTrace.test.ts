import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { LoadedTrace, plainView } from '../../../src/session/loadedTrace';
import { agentTrace, agentView, id, ms, TRACE_ID } from '../view/buildFixture';

describe('LoadedTrace', () => {
  it('derives each trace view once, on first use', () => {
    let calls = 0;
    const t = new LoadedTrace('file:///a', 'a', agentTrace(), () => (calls++, agentView()));
    expect(calls).toBe(0);
    t.summary();
    t.rows(0, 10);
    t.structure();
    expect(calls).toBe(1);
  });

  it('shows the spans without semantics when deriving the agent view throws', () => {
    const errors: unknown[] = [];
    const t = new LoadedTrace(
      'file:///a',
      'a',
      agentTrace(),
      () => {
        throw new Error('bad convention');
      },
      (_i, e) => errors.push(e),
    );
    const s = t.summary();
    expect(s.spanCount).toBe(3);
    expect(s.llmCalls).toBe(0);
    expect(s.costUsd).toBeNull();
    expect(errors).toHaveLength(1);
    expect(t.structure().category.every((c) => c === 0)).toBe(true);
  });

  it('refuses an index outside the file when selecting a trace', () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'a', startNs: ms(0), endNs: ms(1) });
    b.addSpan({ traceId: '3'.repeat(32), spanId: id(2), name: 'b', startNs: ms(2), endNs: ms(3) });
    const t = new LoadedTrace('file:///a', 'a', b.build('otlp-json', 'x'), (set, i) => plainView(set.traces[i].spans.length));
    expect(t.select(2)).toBe(false);
    expect(t.select(-1)).toBe(false);
    expect(t.traceIndex).toBe(0);
    expect(t.select(1)).toBe(true);
    expect(t.summary().rootName).toBe('b');
    expect(t.summaryText()).toContain('trace 2 of 2');
  });
});
