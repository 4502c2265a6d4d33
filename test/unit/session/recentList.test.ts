import { describe, expect, it } from 'vitest';
import { addRecent, parseRecentList, RECENT_LIMIT, recentFromSummary, removeRecent, type RecentTrace } from '../../../src/session/recentList';
import { buildTraceSummary } from '../../../src/core/view/summary';
import { agentTrace, agentView } from '../view/buildFixture';

const entry = (uri: string, openedAt: number): RecentTrace => ({
  uri,
  fileName: uri.split('/').pop()!,
  formatLabel: 'OTLP JSON',
  rootName: 'r',
  status: 'ok',
  spanCount: 1,
  durationMs: 1,
  tokens: { input: 0, output: 0 },
  costUsd: null,
  openedAt,
});

describe('recent list', () => {
  it('keeps the summary fields the side bar and quick pick show', () => {
    const s = buildTraceSummary({ fileName: 'run.json', fileUri: 'file:///w/run.json', set: agentTrace(), traceIndex: 0, view: agentView() });
    expect(recentFromSummary(s, 42)).toEqual({
      uri: 'file:///w/run.json',
      fileName: 'run.json',
      formatLabel: 'OTLP JSON',
      rootName: 'agent run',
      status: 'error',
      spanCount: 3,
      durationMs: 2500,
      tokens: { input: 1200, output: 34 },
      costUsd: 0.0123,
      openedAt: 42,
    });
  });

  it('puts a reopened file first once, and caps the list', () => {
    let list: RecentTrace[] = [];
    for (let i = 0; i < RECENT_LIMIT + 5; i++) list = addRecent(list, entry(`file:///t${i}.json`, i));
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0].uri).toBe(`file:///t${RECENT_LIMIT + 4}.json`);
    list = addRecent(list, entry('file:///t10.json', 1000));
    expect(list[0]).toMatchObject({ uri: 'file:///t10.json', openedAt: 1000 });
    expect(list.filter((e) => e.uri === 'file:///t10.json')).toHaveLength(1);
    expect(removeRecent(list, 'file:///t10.json').some((e) => e.uri === 'file:///t10.json')).toBe(false);
  });

  it('reads back a stored list, skipping entries that do not check out, most recent first', () => {
    const raw = [
      entry('file:///old.json', 1),
      'junk',
      { uri: 42 },
      { uri: 'file:///new.json', openedAt: 9, spanCount: -3, costUsd: 'free', status: 'weird' },
      entry('file:///old.json', 5),
    ];
    const list = parseRecentList(raw);
    expect(list.map((e) => e.uri)).toEqual(['file:///new.json', 'file:///old.json']);
    expect(list[0]).toMatchObject({ fileName: 'file:///new.json', spanCount: 0, costUsd: null, status: 'ok' });
    expect(parseRecentList(undefined)).toEqual([]);
    expect(parseRecentList({ uri: 'x' })).toEqual([]);
  });
});
