import { describe, expect, it } from 'vitest';
import { grewFrom, INITIAL_STATE, parsePersistedState, restoreFor } from '../../../webview/state/persistedState';

/** A live trace grows while shown: the webview keeps the selection (by span id) and the scroll. */
describe('persisted state of a live trace that grew', () => {
  const stored = {
    ...INITIAL_STATE,
    fileUri: 'file:///s/T.otlp.jsonl',
    traceIndex: 0,
    traceKey: 'T:3',
    selectedIndex: 2,
    selectedSpanId: 'd366d8af6b0c951e',
    collapsed: [1],
    scrollTop: 120,
    detailTab: 'attributes' as const,
  };
  const grown = { fileUri: 'file:///s/T.otlp.jsonl', traceIndex: 0, traceKey: 'T:6', spanCount: 6 };

  it('is told apart from the same trace unchanged and from another trace or file', () => {
    expect(grewFrom(stored, grown)).toBe(true);
    expect(grewFrom(stored, { ...grown, traceKey: 'T:3' })).toBe(false);
    expect(grewFrom(stored, { ...grown, traceKey: 'U:6' })).toBe(false);
    expect(grewFrom(stored, { ...grown, fileUri: 'file:///s/other.otlp.jsonl' })).toBe(false);
    expect(grewFrom(stored, { ...grown, traceIndex: 1 })).toBe(false);
    expect(grewFrom({ ...stored, traceKey: '' }, grown)).toBe(false);
  });

  it('keeps scroll, span id and visual choices; drops the moved indices', () => {
    expect(restoreFor(stored, grown)).toEqual({ ...stored, traceKey: 'T:6', selectedIndex: -1, collapsed: [] });
  });

  it('stores the span id only when it looks like one', () => {
    expect(parsePersistedState({ version: 1, selectedSpanId: 'd366d8af6b0c951e' }).selectedSpanId).toBe('d366d8af6b0c951e');
    expect(parsePersistedState({ version: 1, selectedSpanId: '<script>' }).selectedSpanId).toBe('');
    expect(parsePersistedState({ version: 1, selectedSpanId: 7 }).selectedSpanId).toBe('');
  });
});
