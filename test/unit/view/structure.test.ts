import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { CATEGORY_CODES } from '../../../src/core/protocol';
import { buildTraceStructure } from '../../../src/core/view/structure';
import { agentTrace, agentView, emptyView, id, ms, TRACE_ID } from './buildFixture';

describe('buildTraceStructure', () => {
  it('gives one column entry per span in pre-order, times from the trace start', () => {
    const set = agentTrace();
    const st = buildTraceStructure(set.traces[0], agentView());
    expect(Array.from(st.startMs)).toEqual([0, 100, 1200]);
    expect(Array.from(st.durationMs)).toEqual([2500, 1000, 250.5]);
    expect(Array.from(st.parentIndex)).toEqual([-1, 0, 0]);
    expect(Array.from(st.depth)).toEqual([0, 1, 1]);
    expect(Array.from(st.subtreeEnd)).toEqual([3, 2, 3]);
    expect(Array.from(st.category).map((c) => CATEGORY_CODES[c])).toEqual(['agent', 'llm', 'tool']);
    expect(Array.from(st.status)).toEqual([0, 2, 0]);
  });

  it('uses typed arrays (cheap to post) and handles a deep chain', () => {
    const b = new TraceBuilder();
    const n = 300;
    for (let i = 0; i < n; i++)
      b.addSpan({ traceId: TRACE_ID, spanId: id(i + 1), parentSpanId: i ? id(i) : undefined, name: `s${i}`, startNs: ms(i), endNs: ms(1000) });
    const trace = b.build('otlp-json', 'x').traces[0];
    const st = buildTraceStructure(trace, emptyView(n));
    expect(st.depth).toBeInstanceOf(Uint16Array);
    expect(st.startMs).toBeInstanceOf(Float64Array);
    expect(st.depth[n - 1]).toBe(n - 1);
    expect(st.subtreeEnd[0]).toBe(n);
    expect(st.parentIndex[n - 1]).toBe(n - 2);
    expect(st.category.every((c) => c === 0)).toBe(true);
  });

  it('gives empty columns for a trace whose spans were all quarantined', () => {
    const st = buildTraceStructure(
      { traceId: TRACE_ID, spans: [], rootIndices: [], startNs: 0n, endNs: 0n, diagnostics: [], quarantined: [], inputSpanCount: 0 },
      emptyView(0),
    );
    expect(st.startMs.length).toBe(0);
  });
});
