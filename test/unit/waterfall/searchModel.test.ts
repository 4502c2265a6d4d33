import { describe, expect, it } from 'vitest';
import { filterOf, matchCounter, parseAttributeQuery, stepMatch } from '../../../webview/waterfall/searchModel';
import { formatTick } from '../../../webview/waterfall/ticks';
import { waterfallKeyAction, windowForKey } from '../../../webview/waterfall/waterfallKeys';

const base = { text: '', category: 'any', status: 'any' as const, attribute: '' };

describe('search inputs → filter', () => {
  it('parses key and key=value (first "=" splits, sides trimmed)', () => {
    expect(parseAttributeQuery('')).toBeUndefined();
    expect(parseAttributeQuery('  =x')).toBeUndefined();
    expect(parseAttributeQuery(' gen_ai.tool.name ')).toEqual({ key: 'gen_ai.tool.name' });
    expect(parseAttributeQuery('url = a=b ')).toEqual({ key: 'url', value: 'a=b' });
    expect(parseAttributeQuery('k=')).toEqual({ key: 'k', value: '' });
  });

  it('empty inputs filter nothing: no request', () => {
    expect(filterOf(base)).toBeUndefined();
    expect(filterOf({ ...base, text: '   ' })).toBeUndefined();
  });

  it('builds the request filter, unknown categories fall back to any', () => {
    expect(filterOf({ ...base, text: ' chat ' })).toEqual({ text: 'chat', category: 'any', status: 'any' });
    expect(filterOf({ ...base, category: 'tool', status: 'error', attribute: 'a=b' })).toEqual({
      text: '',
      category: 'tool',
      status: 'error',
      attribute: { key: 'a', value: 'b' },
    });
    expect(filterOf({ ...base, category: 'bogus' })).toBeUndefined();
  });
});

describe('match stepping and counter', () => {
  const m = Int32Array.from([3, 8, 20]);
  it('next/previous wrap around, from a match or from between matches', () => {
    expect(stepMatch(m, -1, 1)).toBe(3);
    expect(stepMatch(m, 3, 1)).toBe(8);
    expect(stepMatch(m, 10, 1)).toBe(20);
    expect(stepMatch(m, 20, 1)).toBe(3);
    expect(stepMatch(m, 8, -1)).toBe(3);
    expect(stepMatch(m, 10, -1)).toBe(8);
    expect(stepMatch(m, 3, -1)).toBe(20);
    expect(stepMatch(new Int32Array(0), 5, 1)).toBe(-1);
  });

  it('counter says which match is selected, else how many there are', () => {
    expect(matchCounter(m, 8)).toBe('2 of 3');
    expect(matchCounter(m, 9)).toBe('3 matches');
    expect(matchCounter(Int32Array.from([4]), 0)).toBe('1 match');
    expect(matchCounter(new Int32Array(0), 0)).toBe('No matches');
  });
});

describe('axis ticks', () => {
  it('picks the unit from the step and keeps the decimals the step needs', () => {
    expect(formatTick(0, 500)).toBe('0');
    expect(formatTick(2500, 500)).toBe('2500 ms');
    expect(formatTick(3000, 1000)).toBe('3 s');
    expect(formatTick(12500, 2500)).toBe('12.5 s');
    expect(formatTick(1.5, 0.5)).toBe('1500 µs');
    expect(formatTick(0.25, 0.05)).toBe('250 µs');
    expect(formatTick(0.0125, 0.0005)).toBe('12.5 µs');
  });
});

describe('waterfall keys', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    waterfallKeyAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods }, 1.5);
  it('maps zoom, pan, reset and search', () => {
    expect(key('+')).toEqual({ kind: 'zoom', factor: 1.5 });
    expect(key('=')).toEqual({ kind: 'zoom', factor: 1.5 });
    expect(key('-')).toEqual({ kind: 'zoom', factor: 1 / 1.5 });
    expect(key('0')).toEqual({ kind: 'resetZoom' });
    expect(key('/')).toEqual({ kind: 'focusSearch' });
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'pan', direction: -1 });
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ kind: 'pan', direction: 1 });
  });
  it('leaves plain arrows to the tree keys, the stepping letters and modified keys to others', () => {
    expect(key('ArrowLeft')).toBeUndefined();
    for (const k of ['n', 'p', 'j', 'k', 'e']) expect(key(k)).toBeUndefined();
    expect(key('+', { ctrlKey: true })).toBeUndefined();
  });
});

describe('windows for keys', () => {
  const w = { startMs: 100, endMs: 200 };
  it('pans a fifth of the window, stopping at the edges', () => {
    expect(windowForKey({ kind: 'pan', direction: 1 }, w, undefined, 1000)).toEqual({ startMs: 120, endMs: 220 });
    expect(windowForKey({ kind: 'pan', direction: -1 }, { startMs: 0, endMs: 100 }, undefined, 1000)).toEqual({ startMs: 0, endMs: 100 });
    expect(windowForKey({ kind: 'pan', direction: 1 }, { startMs: 950, endMs: 1000 }, undefined, 1000)).toEqual({ startMs: 950, endMs: 1000 });
  });
  it('zooms around the selection, resets to the whole trace, and leaves search alone', () => {
    // Anchor 150 is the middle of [100, 200]; factor 2 → 50 wide, still centred there.
    expect(windowForKey({ kind: 'zoom', factor: 2 }, w, 150, 1000)).toEqual({ startMs: 125, endMs: 175 });
    expect(windowForKey({ kind: 'resetZoom' }, w, 150, 1000)).toEqual({ startMs: 0, endMs: 1000 });
    expect(windowForKey({ kind: 'focusSearch' }, w, 150, 1000)).toBeUndefined();
  });
});
