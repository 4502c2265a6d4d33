import { describe, expect, it } from 'vitest';
import { minimapBins } from '../../../webview/waterfall/minimapModel';
import { sectionsBySpan } from '../../../webview/waterfall/criticalSections';
import { validateCriticalPath, validateSearchResult } from '../../../src/core/protocol/validate/waterfall';
import { errorOf } from '../protocol/checked';

describe('minimap bins', () => {
  it('density counts concurrent spans per column (normalised), errors and matches by start column', () => {
    // Extent 100 ms over 10 columns (10 ms each). Spans: [0,100] all columns; [20,45] cols 2..4;
    // [40,41] col 4 (error); [90,90] col 9 (match).
    const b = minimapBins(
      {
        startMs: [0, 20, 40, 90],
        durationMs: [100, 25, 1, 0],
        status: [1, 1, 2, 0],
        matchMask: Uint8Array.from([0, 0, 0, 1]),
        originMs: 0,
        extentMs: 100,
      },
      10,
    );
    // Concurrency: 1,1,2,2,3,1,1,1,1,2 → / 3.
    expect([...b.density].map((d) => Math.round(d * 3))).toEqual([1, 1, 2, 2, 3, 1, 1, 1, 1, 2]);
    expect([...b.errors]).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect([...b.matches]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('critical sections by span', () => {
  it('groups section numbers per span in CSR form', () => {
    const g = sectionsBySpan(4, Int32Array.from([0, 2, 0, 3]), new Float64Array(4), new Float64Array(4));
    expect([...g.offsets]).toEqual([0, 2, 2, 3, 4]);
    expect([...g.order]).toEqual([0, 2, 1, 3]);
  });
});

describe('waterfall validators', () => {
  const good = () => ({
    onPath: Uint8Array.from([1, 0]),
    selfMs: Float64Array.from([5, 3]),
    criticalMs: Float64Array.from([8, 0]),
    sectionSpan: Int32Array.from([0]),
    sectionStartMs: Float64Array.from([0]),
    sectionEndMs: Float64Array.from([8]),
  });

  it('accepts a well-formed critical path', () => {
    expect(validateCriticalPath(good()).ok).toBe(true);
  });

  it('rejects wrong typed array types, lengths and values', () => {
    expect(errorOf(validateCriticalPath({ ...good(), onPath: [1, 0] }))).toMatch(/onPath must be a Uint8Array/);
    expect(errorOf(validateCriticalPath({ ...good(), selfMs: Float32Array.from([5, 3]) }))).toMatch(/selfMs must be a Float64Array/);
    expect(errorOf(validateCriticalPath({ ...good(), sectionSpan: Float64Array.from([0]) }))).toMatch(/sectionSpan must be a Int32Array/);
    expect(errorOf(validateCriticalPath({ ...good(), criticalMs: Float64Array.from([8]) }))).toMatch(/lengths/);
    expect(errorOf(validateCriticalPath({ ...good(), sectionEndMs: Float64Array.from([8, 9]) }))).toMatch(/section columns/);
    expect(errorOf(validateCriticalPath({ ...good(), onPath: Uint8Array.from([2, 0]) }))).toMatch(/0 or 1/);
    expect(errorOf(validateCriticalPath({ ...good(), selfMs: Float64Array.from([NaN, 3]) }))).toMatch(/selfMs\[0\]/);
    expect(errorOf(validateCriticalPath({ ...good(), sectionSpan: Int32Array.from([2]) }))).toMatch(/not a span index/);
    expect(errorOf(validateCriticalPath({ ...good(), sectionStartMs: Float64Array.from([9]) }))).toMatch(/bad time range/);
    expect(errorOf(validateCriticalPath(null))).toMatch(/not an object/);
  });

  it('search result: ascending Int32Array only', () => {
    expect(validateSearchResult({ matches: Int32Array.from([1, 4]) }).ok).toBe(true);
    expect(errorOf(validateSearchResult({ matches: [1, 4] }))).toMatch(/Int32Array/);
    expect(errorOf(validateSearchResult({ matches: Int32Array.from([4, 1]) }))).toMatch(/ascending/);
    expect(errorOf(validateSearchResult({ matches: Int32Array.from([-1]) }))).toMatch(/negative/);
    expect(errorOf(validateSearchResult({ matches: new Int32Array(0), extra: 1 }))).toMatch(/unexpected/);
  });
});
