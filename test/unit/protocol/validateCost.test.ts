import { describe, expect, it } from 'vitest';
import { deriveAgentView } from '../../../src/core/semantics/agentView';
import { buildCostView } from '../../../src/core/view/costView';
import { validateCostView } from '../../../src/core/protocol/validate/cost';
import { buildTrace } from '../semantics/buildTrace';
import { agent, chat } from '../timeline/fixtures';
import { errorOf } from './checked';
import { TraceAnalyses } from '../../../src/core/analyze/traceAnalyses';

const trace = buildTrace([
  { id: 1, name: 'invoke_agent a', start: 0, end: 100, attrs: agent('a') },
  { id: 2, parent: 1, name: 'chat', start: 0, end: 10, attrs: chat({ model: 'gpt-4o', input: 10, output: 4, text: 'x' }) },
  { id: 3, parent: 1, name: 'chat', start: 20, end: 30, attrs: chat({ model: 'acme-x', input: 10, output: 4, text: 'y' }) },
]);
const good = () => buildCostView(new TraceAnalyses(trace, deriveAgentView(trace)));
/** A structured-clone copy, as postMessage delivers it. */
const clone = <T>(v: T): T => structuredClone(v);

describe('validateCostView', () => {
  it('accepts a built view, NaN costs included, also after a structured clone', () => {
    const v = good();
    expect(Number.isNaN(v.steps.costUsd[1])).toBe(true);
    expect(validateCostView(clone(v), trace.spans.length).ok).toBe(true);
  });

  it.each([
    ['a non-object', () => 42, 'not an object'],
    ['a plain array for a column', () => ({ ...good(), steps: { ...good().steps, input: [10, 10] } }), 'steps.input must be a Float64Array'],
    ['a short column', () => ({ ...good(), steps: { ...good().steps, waste: new Uint8Array(1) } }), 'steps.waste has length 1'],
    ['an unknown waste code', () => ({ ...good(), steps: { ...good().steps, waste: Uint8Array.of(0, 7) } }), 'waste[1] = 7 is unknown'],
    ['a model index out of range', () => ({ ...good(), steps: { ...good().steps, model: Int32Array.of(0, 5) } }), 'model[1] = 5'],
    ['a span index past the trace', () => ({ ...good(), steps: { ...good().steps, llmSpan: Int32Array.of(1, 99) } }), 'llmSpan[1] is not a span'],
    ['a negative token count', () => ({ ...good(), steps: { ...good().steps, output: Float64Array.of(4, -1) } }), 'output[1] must be a non-negative'],
    ['an infinite cost', () => ({ ...good(), steps: { ...good().steps, costUsd: Float64Array.of(Infinity, NaN) } }), 'costUsd[0]'],
    ['a string total', () => ({ ...good(), totalUsd: '3' }), 'totalUsd'],
    ['a waste share above 1', () => ({ ...good(), wasteShare: 1.5 }), 'wasteShare'],
    ['a bad cancellation', () => ({ ...good(), cancellation: { spanIndex: 0, atMs: 1, via: 'magic' } }), 'cancellation'],
    ['an unknown price source', () => ({ ...good(), prices: [{ ...good().prices[0], source: 'guess' }] }), 'prices[0]: source is unknown'],
    ['a string per-million price', () => ({ ...good(), prices: [{ ...good().prices[0], inputPerMTok: '2.5' }] }), 'prices[0]: inputPerMTok'],
    ['models that are not strings', () => ({ ...good(), models: [1, 2] }), 'models must be strings'],
  ])('rejects %s', (_name, make, message) => {
    const r = validateCostView(make(), trace.spans.length);
    expect(r.ok).toBe(false);
    expect(errorOf(r)).toContain(message);
  });
});
