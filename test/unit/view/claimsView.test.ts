import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import { importTrace } from '../../../src/core/import/index';
import { SpanKind, StatusCode, type RawSpan } from '../../../src/core/model/span';
import type { Trace } from '../../../src/core/model/trace';
import type { AgentView, LlmCall, ToolExecution } from '../../../src/core/semantics/types';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { ACTION_SUMMARY_LIMIT, argumentSummary, buildClaimsView, findingKey } from '../../../src/core/view/claimsView';
import { validateClaimsView } from '../../../src/core/protocol/validate/claims';
import { emptyView, id, ms, TRACE_ID } from './buildFixture';
import { valueOf } from '../protocol/checked';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

const DEMO = join(resolve(__dirname, '../../..'), 'demo/workspace/traces/travel-agent-run.otlp.json');

function demo(): { trace: Trace; view: AgentView } {
  const trace = importTrace(readFileSync(DEMO)).traces[0];
  return { trace, view: deriveAgentView(trace) };
}

describe('buildClaimsView on the demo trace', () => {
  // Read from the file: spans in start order are the root ai.generateText (0), three
  // doGenerate calls (1, 4, 6) and the tool calls get_weather (2, status unset),
  // search_flights (3, unset) and book_hotel (5, ERROR "no rooms available…"). The last call
  // (span cd4cca57965213a6) answers "… and I have booked your hotel in Lisbon for 3 nights."
  const { trace, view } = demo();
  const v = buildClaimsView(new TraceAnalyses(trace, view));

  it('has the one completed claim, failed, linked to book_hotel', () => {
    expect(v.claims).toEqual([
      {
        id: 'cd4cca57965213a6#0',
        sentence:
          'Your trip is set: flight TP1351 from Berlin to Lisbon on 14 May (€142), sunny and 24 °C, and I have booked your hotel in Lisbon for 3 nights.',
        spanIndex: 6,
        verb: 'book',
        object: 'your hotel in Lisbon for 3 nights',
        status: 'failed',
        matchedSpanIndices: [5],
      },
    ]);
  });

  it('lists the three tool executions with status, arguments and the claim linked to book_hotel', () => {
    expect(v.actions).toEqual([
      { spanIndex: 2, name: 'get_weather', status: 'unset', summary: 'city: "Lisbon"', claimIds: [] },
      { spanIndex: 3, name: 'search_flights', status: 'unset', summary: 'from: "BER", to: "LIS", date: "2026-05-14"', claimIds: [] },
      { spanIndex: 5, name: 'book_hotel', status: 'error', summary: 'city: "Lisbon", nights: 3', claimIds: ['cd4cca57965213a6#0'] },
    ]);
  });

  it('has one claimed-success-but-failed finding with a key made of its kind and span ids', () => {
    expect(v.findings).toHaveLength(1);
    const f = v.findings[0];
    expect(f.kind).toBe('claimed-success-but-failed');
    expect(f.severity).toBe('error');
    expect(f.key).toBe('claimed-success-but-failed:cd4cca57965213a6,8ff34524e9d37b2b');
    expect(f.spanIds).toEqual(['cd4cca57965213a6', '8ff34524e9d37b2b']);
    expect(f.spanIndices).toEqual([6, 5]);
    expect(f.message).toContain('book_hotel failed: no rooms available in Lisbon for 3 nights');
    expect(f.claim).toBe(v.claims[0].sentence);
    expect(f.dismissed).toBe(false);
  });

  it('keeps keys and ids stable across imports, and applies dismissals by key', () => {
    const again = demo();
    const w = buildClaimsView(new TraceAnalyses(again.trace, again.view), new Set([v.findings[0].key, 'argument-mismatch:ffff']));
    expect(w.findings.map((f) => f.key)).toEqual(v.findings.map((f) => f.key));
    expect(w.claims.map((c) => c.id)).toEqual(v.claims.map((c) => c.id));
    expect(w.findings[0].dismissed).toBe(true);
  });

  it('passes the webview result validator, also after a JSON round trip', () => {
    expect(valueOf(validateClaimsView(JSON.parse(JSON.stringify(v)), trace.spans.length))).toEqual(v);
  });
});

/**
 * A hand-built run: one LLM call requests the tools, then
 *   span 2 send_email(to ana@example.com) ok, span 3 book_flight ERROR "sold out",
 *   span 4 create_invoice(amount 50) ok,
 * and the final call (span 5) says it sent the e-mail to ana@example.com (true), booked the
 * flight (it failed), created the invoice for $80 (it was 50) and refunded the order (no refund
 * tool ran).
 */
function handBuilt(): { trace: Trace; view: AgentView } {
  const b = new TraceBuilder();
  const span = (n: number, name: string, start: number, extra: Partial<RawSpan> = {}): RawSpan => ({
    traceId: TRACE_ID,
    spanId: id(n + 1),
    parentSpanId: n === 0 ? undefined : id(1),
    name,
    kind: SpanKind.Internal,
    startNs: ms(start),
    endNs: ms(start + 50),
    ...extra,
  });
  const spans: RawSpan[] = [
    { ...span(0, 'agent', 0), endNs: ms(1000) },
    span(1, 'chat 1', 10),
    span(2, 'tool send_email', 100),
    span(3, 'tool book_flight', 200, { status: { code: StatusCode.Error, message: 'sold out' } }),
    span(4, 'tool create_invoice', 300),
    span(5, 'chat 2', 400),
  ];
  for (const s of spans) b.addSpan(s);
  const trace = b.build('otlp-json', 'OTLP JSON').traces[0];
  const first: LlmCall = {
    spanIndex: 1,
    input: [],
    output: [{ role: 'assistant', text: '', toolCalls: [] }],
    usage: {},
    cost: { usd: null, source: 'no-usage' },
  };
  const final: LlmCall = {
    ...first,
    spanIndex: 5,
    output: [
      {
        role: 'assistant',
        text: 'I have sent the email to ana@example.com. I booked your flight. I have created the invoice for $80. I have refunded your order.',
        toolCalls: [],
      },
    ],
  };
  const execs: ToolExecution[] = [
    { spanIndex: 2, name: 'send_email', arguments: { to: 'ana@example.com', subject: 'Hi' }, status: 'ok', requestedBy: 1 },
    { spanIndex: 3, name: 'book_flight', arguments: { flight: 'TP1351' }, status: 'error', error: 'sold out', requestedBy: 1 },
    { spanIndex: 4, name: 'create_invoice', arguments: { amount: 50, customer: 'ana' }, status: 'ok', requestedBy: 1 },
  ];
  return { trace, view: { ...emptyView(6), llmCalls: [first, final], toolExecutions: execs } };
}

describe('buildClaimsView on a hand-built trace', () => {
  const { trace, view } = handBuilt();
  const v = buildClaimsView(new TraceAnalyses(trace, view));
  const claimId = (k: number) => `${id(6)}#${k}`;

  it('gives each claim its status and the executions it is about', () => {
    expect(v.claims.map((c) => [c.id, c.verb, c.status, c.matchedSpanIndices, c.spanIndex])).toEqual([
      [claimId(0), 'send', 'matched', [2], 5],
      [claimId(1), 'book', 'failed', [3], 5],
      [claimId(2), 'create', 'mismatch', [4], 5],
      [claimId(3), 'refund', 'unmatched', [], 5],
    ]);
    expect(v.claims[1].sentence).toBe('I booked your flight.');
  });

  it('links each execution back to its claim; a failed span is an error action', () => {
    expect(v.actions.map((a) => [a.spanIndex, a.name, a.status, a.claimIds])).toEqual([
      [2, 'send_email', 'ok', [claimId(0)]],
      [3, 'book_flight', 'error', [claimId(1)]],
      [4, 'create_invoice', 'ok', [claimId(2)]],
    ]);
    expect(v.actions[0].summary).toBe('to: "ana@example.com", subject: "Hi"');
  });

  it('reports the failed, mismatched and unexecuted claims as findings keyed by kind and span ids', () => {
    expect(v.findings.map((f) => [f.kind, f.key, f.spanIndices])).toEqual([
      ['claimed-success-but-failed', `claimed-success-but-failed:${id(6)},${id(4)}`, [5, 3]],
      ['argument-mismatch', `argument-mismatch:${id(6)},${id(5)}`, [5, 4]],
      ['claimed-not-executed', `claimed-not-executed:${id(6)}`, [5]],
    ]);
    for (const f of v.findings) expect(f.key).toBe(findingKey(f));
  });

  it('marks only the dismissed keys', () => {
    const w = buildClaimsView(new TraceAnalyses(trace, view), new Set([`argument-mismatch:${id(6)},${id(5)}`]));
    expect(w.findings.map((f) => f.dismissed)).toEqual([false, true, false]);
  });
});

describe('argumentSummary', () => {
  it('writes objects as key: JSON value pairs on one line', () => {
    expect(argumentSummary({ q: 'a\nb', n: 2, deep: { x: [1] } })).toBe('q: "a\\nb", n: 2, deep: {"x":[1]}');
    expect(argumentSummary('  plain   text ')).toBe('plain text');
    expect(argumentSummary(undefined)).toBe('');
    expect(argumentSummary([1, 2])).toBe('[1,2]');
  });

  it('clips to ACTION_SUMMARY_LIMIT characters with an ellipsis', () => {
    const s = argumentSummary({ text: 'x'.repeat(500) });
    expect(s).toHaveLength(ACTION_SUMMARY_LIMIT);
    expect(s.endsWith('…')).toBe(true);
  });
});
