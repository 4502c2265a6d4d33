import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { buildTraceSummary, diagnosticCount, formatSummaryLine, formatSummaryText, SUMMARY_DIAGNOSTIC_LIMIT } from '../../../src/core/view/summary';
import { agentTrace, agentView, emptyView, id, ms, TRACE_ID } from './buildFixture';

const base = { fileName: 'run.json', fileUri: 'file:///tmp/run.json', traceIndex: 0 };

describe('buildTraceSummary', () => {
  it('reads the header of the agent trace from the trace and its agent view', () => {
    const set = agentTrace();
    const s = buildTraceSummary({ ...base, set, view: agentView() });
    expect(s).toMatchObject({
      fileName: 'run.json',
      fileUri: 'file:///tmp/run.json',
      formatLabel: 'OTLP JSON',
      traceIndex: 0,
      traceCount: 1,
      traceId: TRACE_ID,
      rootName: 'agent run',
      spanCount: 3,
      durationMs: 2500,
      status: 'error', // the LLM span is an error, the root is not
      iterations: 1,
      llmCalls: 1,
      toolCalls: 1,
      tokens: { input: 1200, output: 34 },
      costUsd: 0.0123,
      quarantined: 0,
    });
    expect(s.diagnostics).toEqual([]);
  });

  it('is ok when no span has an error status, and keeps an unknown cost as null', () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'only', startNs: ms(0), endNs: ms(0.5), status: { code: 1 } });
    const s = buildTraceSummary({ ...base, set: b.build('otlp-json', 'OTLP JSON'), view: emptyView(1) });
    expect(s.status).toBe('ok');
    expect(s.costUsd).toBeNull();
    expect(s.durationMs).toBe(0.5);
  });

  it('names the first root by start time, not by input order', () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'late root', startNs: ms(50), endNs: ms(60) });
    b.addSpan({ traceId: TRACE_ID, spanId: id(2), name: 'early root', startNs: ms(10), endNs: ms(20) });
    expect(buildTraceSummary({ ...base, set: b.build('otlp-json', 'x'), view: emptyView(2) }).rootName).toBe('early root');
  });

  it('describes the chosen trace of a multi-trace file and counts records that reached no trace', () => {
    const b = new TraceBuilder();
    const other = '1'.repeat(32);
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'first', startNs: ms(0), endNs: ms(1) });
    b.addSpan({ traceId: other, spanId: id(2), name: 'second', startNs: ms(5), endNs: ms(9) });
    b.addSpan({ traceId: other, spanId: id(3), parentSpanId: id(99), name: 'orphan', startNs: ms(6), endNs: ms(7) });
    b.addUnreadable('spans[3]', 'not an object');
    const set = b.build('otlp-json', 'OTLP JSON');
    const s = buildTraceSummary({ ...base, set, traceIndex: 1, view: emptyView(2) });
    expect(s.traceCount).toBe(2);
    expect(s.traceId).toBe(other);
    expect(s.spanCount).toBe(2);
    expect(s.durationMs).toBe(4);
    expect(s.quarantined).toBe(1); // the unreadable record
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(['orphan', 'unreadable-span']);
    expect(s.diagnostics.find((d) => d.code === 'orphan')?.spanId).toBe(id(3));
  });

  it(`lists at most ${SUMMARY_DIAGNOSTIC_LIMIT} diagnostics plus one entry counting the rest`, () => {
    const b = new TraceBuilder();
    b.addSpan({ traceId: TRACE_ID, spanId: id(1), name: 'root', startNs: ms(0), endNs: ms(1) });
    const orphans = SUMMARY_DIAGNOSTIC_LIMIT + 234;
    for (let i = 0; i < orphans; i++)
      b.addSpan({ traceId: TRACE_ID, spanId: id(100 + i), parentSpanId: id(1_000_000 + i), name: `o${i}`, startNs: ms(0), endNs: ms(1) });
    const set = b.build('otlp-json', 'x');
    const s = buildTraceSummary({ ...base, set, view: emptyView(orphans + 1) });
    expect(s.diagnostics).toHaveLength(SUMMARY_DIAGNOSTIC_LIMIT + 1);
    expect(s.diagnostics[SUMMARY_DIAGNOSTIC_LIMIT]).toEqual({ code: 'more', message: '234 more diagnostics not listed' });
    expect(diagnosticCount(set, 0, emptyView(orphans + 1))).toBe(orphans);
  });
});

describe('formatSummaryText', () => {
  it('gives root, status, spans, duration, iterations, calls, tokens, cost and diagnostics', () => {
    const set = agentTrace();
    const s = buildTraceSummary({ ...base, set, view: agentView() });
    expect(formatSummaryText(s, 7)).toBe(
      [
        `Trace: agent run (${TRACE_ID})`,
        'File: run.json (OTLP JSON)',
        'Status: error',
        'Spans: 3',
        'Duration: 2.50 s',
        'Iterations: 1',
        'LLM calls: 1, tool calls: 1',
        'Tokens: 1,200 in, 34 out',
        'Cost: $0.0123',
        'Diagnostics: 7',
        '',
      ].join('\n'),
    );
  });

  it('says why a cost is unknown', () => {
    const unpriced = buildTraceSummary({ ...base, set: agentTrace(), view: agentView({ costUsd: null, unpricedModels: ['model-x'] }) });
    expect(formatSummaryText(unpriced)).toContain('Cost: unknown (no price for model-x)\n');
    const noUsage = buildTraceSummary({ ...base, set: agentTrace(), view: agentView({ costUsd: null, noUsageCalls: 1 }) });
    expect(formatSummaryText(noUsage)).toContain('Cost: unknown (no usage recorded)\n');
  });
});

describe('formatSummaryLine', () => {
  it('joins spans, duration, tokens and cost', () => {
    expect(formatSummaryLine({ spanCount: 3, durationMs: 2500, tokens: { input: 1200, output: 34 }, costUsd: 0.0123 })).toBe(
      '3 spans · 2.50 s · 1.23k tokens · $0.0123',
    );
    expect(formatSummaryLine({ spanCount: 1, durationMs: 0.789, tokens: { input: 0, output: 0 }, costUsd: null })).toBe(
      '1 span · 789 µs · 0 tokens · unpriced',
    );
  });
});
