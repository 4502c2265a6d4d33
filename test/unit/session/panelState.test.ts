import { describe, expect, it } from 'vitest';
import { parsePanelState } from '../../../src/core/protocol';
import { errorOf, valueOf } from '../protocol/checked';

describe('parsePanelState (what the serializer restores a panel from)', () => {
  it("reads the file URI and trace index, ignoring the webview's own keys", () => {
    expect(valueOf(parsePanelState({ fileUri: 'file:///w/run.json', traceIndex: 2, version: 1, selectedIndex: 4, collapsed: [] }))).toEqual({
      fileUri: 'file:///w/run.json',
      traceIndex: 2,
    });
    expect(valueOf(parsePanelState({ fileUri: 'file:///w/run.json' }))).toEqual({ fileUri: 'file:///w/run.json', traceIndex: 0 });
  });

  it('says what is wrong with a state it cannot use', () => {
    expect(errorOf(parsePanelState(undefined))).toBe('saved state is not an object');
    expect(errorOf(parsePanelState([]))).toBe('saved state is not an object');
    expect(errorOf(parsePanelState({ version: 1 }))).toBe('saved state has no fileUri');
    expect(errorOf(parsePanelState({ fileUri: '' }))).toBe('saved state has no fileUri');
    expect(errorOf(parsePanelState({ fileUri: 'x'.repeat(9000) }))).toBe('saved state has no fileUri');
    expect(errorOf(parsePanelState({ fileUri: 'file:///a', traceIndex: -1 }))).toBe('saved state: traceIndex must be a non-negative integer');
    expect(errorOf(parsePanelState({ fileUri: 'file:///a', traceIndex: 1.5 }))).toBe('saved state: traceIndex must be a non-negative integer');
  });
});
