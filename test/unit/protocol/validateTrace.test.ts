import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { durationMs, offsetMs } from '../../../src/core/protocol/units';
import type { SpanDetail, TraceStructure, TraceSummary } from '../../../src/core/protocol';
import { resultCheckerFor } from '../../../src/core/protocol/validate/results';
import { validateRows, validateSpanDetail, validateStructure, validateSummary } from '../../../src/core/protocol/validate/trace';
import { SAMPLE_PARENTS, structureOf } from '../webview/structureOf';
import { errorOf, valueOf } from './checked';

const summary: TraceSummary = {
  fileName: 'run.json',
  fileUri: 'file:///w/run.json',
  formatLabel: 'OTLP JSON',
  traceIndex: 0,
  traceCount: 1,
  traceId: 'ab'.repeat(16),
  rootName: 'agent',
  spanCount: 9,
  durationMs: durationMs(12.5),
  status: 'ok',
  iterations: 2,
  llmCalls: 2,
  toolCalls: 1,
  tokens: { input: 100, output: 20 },
  costUsd: null,
  diagnostics: [{ code: 'orphan', message: 'm', spanId: '01'.repeat(8) }],
  quarantined: 0,
};

const detail: SpanDetail = {
  index: 3,
  spanId: '01'.repeat(8),
  name: 'chat',
  kind: 'client',
  category: 'llm',
  convention: 'genai',
  status: { code: 'error', message: 'boom' },
  startMs: offsetMs(1),
  durationMs: durationMs(2),
  attributes: [{ key: 'k', value: 'v', type: 'string', fullLength: 5000 }],
  resource: [],
  scope: 'x',
  events: [{ name: 'e', offsetMs: offsetMs(1.5), attributes: [] }],
  input: [{ role: 'user', text: 'hi', toolCalls: [] }],
  output: [{ role: 'assistant', text: '', toolCalls: [{ id: 'c1', name: 'search', arguments: '{}' }] }],
  model: 'gpt-4o',
  tokens: { input: 10, output: 2 },
  costUsd: null,
  diagnostics: ['d'],
  mapping: [
    { field: 'model', from: 'gen_ai.request.model' },
    { field: 'messages', missing: 'no gen_ai.input.messages' },
  ],
};

const withField = <T extends object>(o: T, k: string, v: unknown) => ({ ...o, [k]: v });

describe('validateSummary', () => {
  it('accepts a well-formed summary', () => {
    expect(valueOf(validateSummary(summary))).toBe(summary);
  });

  it.each([
    ['spanCount', -1],
    ['spanCount', 1.5],
    ['status', 'fine'],
    ['rootName', 42],
    ['fileUri', undefined],
    ['tokens', { input: 1 }],
    ['costUsd', -0.5],
    ['costUsd', '0.1'],
    ['diagnostics', [{ code: 'x' }]],
    ['durationMs', Number.NaN],
  ])('rejects %s = %j, naming the field', (field, value) => {
    const r = validateSummary(withField(summary, field, value));
    expect(r.ok).toBe(false);
    expect(errorOf(r)).toContain(field);
  });

  it('rejects non-objects', () => {
    expect(validateSummary(null).ok).toBe(false);
    expect(validateSummary([summary]).ok).toBe(false);
  });
});

describe('validateStructure', () => {
  const good = structureOf(SAMPLE_PARENTS);

  it('accepts a consistent pre-order structure', () => {
    expect(valueOf(validateStructure(good))).toBe(good);
  });

  it('rejects a plain array where a typed array is expected', () => {
    expect(errorOf(validateStructure({ ...good, depth: [...good.depth] }))).toMatch(/structure.depth must be a Uint16Array/);
  });

  it('rejects the wrong typed array type', () => {
    expect(errorOf(validateStructure({ ...good, startMs: Float32Array.from(good.startMs) }))).toMatch(/startMs must be a Float64Array/);
  });

  it('rejects columns of different lengths', () => {
    expect(errorOf(validateStructure({ ...good, status: good.status.subarray(0, 8) }))).toMatch(/status has length 8, expected 9/);
  });

  const broken = (col: keyof TraceStructure, i: number, v: number) => {
    const copy = { ...good, [col]: good[col].slice() } as TraceStructure;
    (copy[col] as unknown as number[])[i] = v;
    return validateStructure(copy);
  };

  it('rejects a parent that is not an earlier span (cycles, forward references)', () => {
    expect(errorOf(broken('parentIndex', 2, 2))).toMatch(/parentIndex\[2\]/);
    expect(errorOf(broken('parentIndex', 2, 5))).toMatch(/parentIndex\[2\]/);
    expect(errorOf(broken('parentIndex', 2, -2))).toMatch(/parentIndex\[2\]/);
  });

  it('rejects a depth that is not the parent depth + 1', () => {
    expect(errorOf(broken('depth', 4, 2))).toMatch(/depth\[4\] = 2, expected 3/);
  });

  it('rejects a subtreeEnd out of range or past the parent subtree', () => {
    expect(errorOf(broken('subtreeEnd', 2, 2))).toMatch(/subtreeEnd\[2\]/);
    expect(errorOf(broken('subtreeEnd', 2, 10))).toMatch(/subtreeEnd\[2\]/);
    expect(errorOf(broken('subtreeEnd', 4, 6))).toMatch(/subtreeEnd\[4\] goes past/);
  });

  it('rejects unknown category and status codes and bad times', () => {
    expect(errorOf(broken('category', 1, 7))).toMatch(/category\[1\] = 7/);
    expect(errorOf(broken('status', 1, 3))).toMatch(/status\[1\] = 3/);
    expect(errorOf(broken('durationMs', 1, -1))).toMatch(/span 1 has a bad time/);
    expect(errorOf(broken('startMs', 1, Number.POSITIVE_INFINITY))).toMatch(/span 1 has a bad time/);
  });

  it('accepts depth clamped at 65,535 (the host clamps deeper spans)', () => {
    const n = 65_540;
    const s = structureOf([-1], {});
    const deep: TraceStructure = {
      startMs: new Float64Array(n),
      durationMs: new Float64Array(n),
      parentIndex: Int32Array.from({ length: n }, (_, i) => i - 1),
      depth: Uint16Array.from({ length: n }, (_, i) => Math.min(i, 65_535)),
      subtreeEnd: new Int32Array(n).fill(n),
      category: new Uint8Array(n),
      status: new Uint8Array(n),
    };
    expect(valueOf(validateStructure(s))).toBe(s);
    expect(valueOf(validateStructure(deep))).toBe(deep);
  });
});

describe('validateRows / validateSpanDetail', () => {
  it('accepts rows and rejects a row with a non-string name, naming its position', () => {
    const rows = [{ index: 0, name: 'a', service: 's', kind: 'internal', label: 'gpt', tokens: 3 }];
    expect(valueOf(validateRows(rows))).toBe(rows);
    expect(errorOf(validateRows([...rows, { index: 1, name: 5, service: 's', kind: 'k' }]))).toMatch(/rows\[1\]: name/);
  });

  it('accepts a well-formed detail', () => {
    expect(valueOf(validateSpanDetail(detail))).toBe(detail);
  });

  it.each([
    ['category', 'robot'],
    ['status', { code: 'fine' }],
    ['attributes', [{ key: 'k', value: 1, type: 'string' }]],
    ['attributes', [{ key: 'k', value: 'v', type: 'object' }]],
    ['events', [{ name: 'e' }]],
    ['input', [{ role: 'user', text: 'x' }]],
    ['output', [{ role: 'assistant', text: '', toolCalls: [{ name: 'f', arguments: {} }] }]],
    ['tokens', { input: 'many' }],
    ['diagnostics', [1]],
    ['mapping', [{ from: 'x' }]],
    ['mapping', [{ field: 'model', missing: 3 }]],
    ['mapping', undefined],
  ])('rejects %s = %j', (field, value) => {
    expect(validateSpanDetail(withField(detail, field, value)).ok).toBe(false);
  });
});

describe('resultCheckerFor', () => {
  it('getRows: rows outside the asked range are an invalid result', () => {
    const check = resultCheckerFor({ type: 'getRows', requestId: 1, start: 200, count: 200 });
    expect(check([{ index: 200, name: 'a', service: '', kind: 'k' }]).ok).toBe(true);
    const bad = check([{ index: 5, name: 'a', service: '', kind: 'k' }]);
    expect(bad).toEqual({ ok: false, error: 'rows[0].index 5 is outside [200, 400)' });
  });

  it('getSpanDetail: a detail of another span is an invalid result', () => {
    expect(resultCheckerFor({ type: 'getSpanDetail', requestId: 1, index: 3 })(detail).ok).toBe(true);
    expect(resultCheckerFor({ type: 'getSpanDetail', requestId: 1, index: 4 })(detail).ok).toBe(false);
  });

  it('getAttributeValue: any string is a valid result (a string result is not an error message)', () => {
    expect(resultCheckerFor({ type: 'getAttributeValue', requestId: 1, index: 0, key: 'k', scope: 'span' })('{"a": 1}')).toEqual({
      ok: true,
      value: '{"a": 1}',
    });
    expect(resultCheckerFor({ type: 'getAttributeValue', requestId: 1, index: 0, key: 'k', scope: 'span' })(7).ok).toBe(false);
  });

  it('copySummary/selectTrace: null only', () => {
    expect(resultCheckerFor({ type: 'copySummary', requestId: 1 })(null)).toEqual({ ok: true, value: null });
    expect(resultCheckerFor({ type: 'selectTrace', requestId: 1, traceIndex: 0 })({}).ok).toBe(false);
  });
});

describe('contract with the host view-model', () => {
  it('the structure core builds for a corpus trace passes the webview validator', async () => {
    const { importTrace } = await import('../../../src/core/import/index');
    const { buildTraceStructure } = await import('../../../src/core/view/structure');
    const { deriveAgentView } = await import('../../../src/core/semantics/agentView');
    const bytes = readFileSync(new URL('../../fixtures/corpus/zipkin/smartthings-mobile-web-install-1041-spans.json', import.meta.url));
    const set = importTrace(new Uint8Array(bytes));
    const trace = set.traces[0];
    const s = buildTraceStructure(trace, deriveAgentView(trace));
    expect(valueOf(validateStructure(s))).toBe(s);
    expect(s.parentIndex.length).toBe(trace.spans.length);
  });
});
