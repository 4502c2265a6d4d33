import { describe, expect, it } from 'vitest';
import type { RowText } from '../../../src/core/protocol';
import { ROW_WINDOW, RowTextCache, windowOf, windowRequest, windowsFor } from '../../../webview/tree/rowCache';

const rowsOf = (start: number, count: number): RowText[] =>
  Array.from({ length: count }, (_, k) => ({ index: start + k, name: `span ${start + k}`, service: 's', kind: 'internal' }));

describe('row windows', () => {
  it('maps indices to windows of ROW_WINDOW spans', () => {
    expect(ROW_WINDOW).toBe(200);
    expect(windowOf(0)).toBe(0);
    expect(windowOf(199)).toBe(0);
    expect(windowOf(200)).toBe(1);
    expect(windowsFor(Int32Array.from([5, 150, 250, 399, 400, 10]))).toEqual([0, 1, 2]);
  });

  it('asks for a full window, or the rest of the trace for the last one', () => {
    expect(windowRequest(0, 1041)).toEqual({ start: 0, count: 200 });
    expect(windowRequest(5, 1041)).toEqual({ start: 1000, count: 41 });
    expect(windowRequest(6, 1041)).toEqual({ start: 1200, count: 0 });
  });
});

describe('RowTextCache', () => {
  it('reports missing windows, skips loading ones, serves loaded rows', () => {
    const c = new RowTextCache(1041);
    expect(c.missingWindows([0, 5, 210])).toEqual([0, 1]);
    c.markLoading(0);
    expect(c.missingWindows([0, 5, 210])).toEqual([1]);
    expect(c.get(5)).toBeUndefined();
    c.receive(0, rowsOf(0, 200));
    expect(c.get(5)?.name).toBe('span 5');
    expect(c.missingWindows([0, 5])).toEqual([]);
  });

  it('never asks for windows past the end of the trace', () => {
    expect(new RowTextCache(150).missingWindows([100, 149, 200])).toEqual([0]);
  });

  it('keeps a failed window failed (with its error) until retried', () => {
    const c = new RowTextCache(1000);
    c.markLoading(2);
    c.fail(2, 'timeout');
    expect(c.errorFor(450)).toBe('timeout');
    expect(c.missingWindows([450])).toEqual([]);
    c.retry(2);
    expect(c.missingWindows([450])).toEqual([2]);
  });

  it('evicts the least recently used loaded window past capacity, never a loading one', () => {
    const c = new RowTextCache(10_000, 3);
    c.markLoading(9); // oldest entry, still loading
    c.receive(0, rowsOf(0, 200));
    c.receive(1, rowsOf(200, 200));
    c.get(0); // window 0 is now more recent than window 1
    c.receive(2, rowsOf(400, 200)); // 4 entries > 3: evict LRU non-loading = window 1
    expect(c.windowCount).toBe(3);
    expect(c.get(250)).toBeUndefined();
    expect(c.get(10)?.index).toBe(10);
    expect(c.get(410)?.index).toBe(410);
    expect(c.missingWindows([9 * 200])).toEqual([]); // still loading, not forgotten
  });
});
