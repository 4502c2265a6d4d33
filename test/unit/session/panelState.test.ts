import { describe, expect, it } from 'vitest';
import { parsePanelState } from '../../../src/core/protocol';

describe('parsePanelState (what the serializer restores a panel from)', () => {
  it("reads the file URI and trace index, ignoring the webview's own keys", () => {
    expect(parsePanelState({ fileUri: 'file:///w/run.json', traceIndex: 2, version: 1, selectedIndex: 4, collapsed: [] })).toEqual({
      fileUri: 'file:///w/run.json',
      traceIndex: 2,
    });
    expect(parsePanelState({ fileUri: 'file:///w/run.json' })).toEqual({ fileUri: 'file:///w/run.json', traceIndex: 0 });
  });

  it('says what is wrong with a state it cannot use', () => {
    expect(parsePanelState(undefined)).toBe('saved state is not an object');
    expect(parsePanelState([])).toBe('saved state is not an object');
    expect(parsePanelState({ version: 1 })).toBe('saved state has no fileUri');
    expect(parsePanelState({ fileUri: '' })).toBe('saved state has no fileUri');
    expect(parsePanelState({ fileUri: 'x'.repeat(9000) })).toBe('saved state has no fileUri');
    expect(parsePanelState({ fileUri: 'file:///a', traceIndex: -1 })).toBe('saved state: traceIndex must be a non-negative integer');
    expect(parsePanelState({ fileUri: 'file:///a', traceIndex: 1.5 })).toBe('saved state: traceIndex must be a non-negative integer');
  });
});
