import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, MAX_PERSISTED_COLLAPSED, parsePersistedState, restoreFor, toStorable, traceKeyOf } from '../../../webview/state/persistedState';
import { valueOf } from '../protocol/checked';

describe('parsePersistedState', () => {
  it('falls back to the initial state for anything that is not a v1 state', () => {
    for (const raw of [undefined, null, 'x', 42, [], { version: 2 }]) expect(parsePersistedState(raw)).toEqual(INITIAL_STATE);
  });

  it('keeps valid fields and replaces malformed ones field by field', () => {
    const s = parsePersistedState({
      version: 1,
      fileUri: 'file:///w/run.json',
      traceIndex: 'two',
      traceKey: 'abc:10',
      selectedIndex: 4,
      collapsed: [7, 3, 'x', -1, 3, 2.5],
      scrollTop: -5,
      detailTab: 'evil',
      attributeFilter: 'gen_ai',
      mainView: '<script>',
    });
    expect(s).toEqual({
      version: 1,
      fileUri: 'file:///w/run.json',
      traceIndex: 0,
      traceKey: 'abc:10',
      selectedIndex: 4,
      selectedSpanId: '',
      collapsed: [3, 7],
      scrollTop: 0,
      detailTab: 'messages',
      attributeFilter: 'gen_ai',
      sideTab: 'claims',
      mainView: '',
    });
  });

  it('round-trips what toStorable produces', () => {
    const s = {
      ...INITIAL_STATE,
      fileUri: 'file:///x.json',
      traceIndex: 1,
      traceKey: traceKeyOf('ab', 3),
      selectedIndex: 2,
      collapsed: [2, 0],
      scrollTop: 44,
      detailTab: 'resource' as const,
      attributeFilter: 'q',
    };
    expect(parsePersistedState(JSON.parse(JSON.stringify(toStorable(s))))).toEqual({ ...s, collapsed: [0, 2] });
  });

  it('caps the stored collapsed list', () => {
    const many = Array.from({ length: MAX_PERSISTED_COLLAPSED + 5 }, (_, i) => i);
    expect(toStorable({ ...INITIAL_STATE, collapsed: many }).collapsed).toHaveLength(MAX_PERSISTED_COLLAPSED);
  });
});

describe('restoreFor', () => {
  const stored = {
    ...INITIAL_STATE,
    fileUri: 'file:///a.json',
    traceIndex: 1,
    traceKey: 'T:10',
    selectedIndex: 9,
    collapsed: [1, 12],
    scrollTop: 300,
    detailTab: 'events' as const,
    attributeFilter: 'http',
    sideTab: 'llm-calls' as const,
  };

  it('restores selection, collapse and scroll for the same trace, dropping indices past its end', () => {
    const same = { fileUri: 'file:///a.json', traceIndex: 1, traceKey: 'T:10', spanCount: 10 };
    expect(restoreFor(stored, same)).toEqual({ ...stored, collapsed: [1] });
    expect(restoreFor({ ...stored, selectedIndex: 10 }, same).selectedIndex).toBe(-1);
  });

  it('for another trace keeps only the tab and the filter, and takes the new file and trace index', () => {
    expect(restoreFor(stored, { fileUri: 'file:///b.json', traceIndex: 0, traceKey: 'U:10', spanCount: 10 })).toEqual({
      ...INITIAL_STATE,
      fileUri: 'file:///b.json',
      traceIndex: 0,
      traceKey: 'U:10',
      detailTab: 'events',
      attributeFilter: 'http',
      sideTab: 'llm-calls',
    });
  });

  it('keeps a known side tab and falls back to the Claims tab for anything else', () => {
    expect(parsePersistedState({ version: 1, sideTab: 'llm-calls' }).sideTab).toBe('llm-calls');
    for (const sideTab of [undefined, 'claims', 'Claims', 3, '__proto__']) expect(parsePersistedState({ version: 1, sideTab }).sideTab).toBe('claims');
  });

  it('the stored state is what the host panel serializer needs (PanelState)', async () => {
    const { parsePanelState } = await import('../../../src/core/protocol');
    const state = restoreFor(INITIAL_STATE, { fileUri: 'file:///w/run.json', traceIndex: 2, traceKey: 'T:3', spanCount: 3 });
    expect(valueOf(parsePanelState(JSON.parse(JSON.stringify(toStorable(state)))))).toEqual({ fileUri: 'file:///w/run.json', traceIndex: 2 });
  });
});
