import { describe, expect, it } from 'vitest';
import { MAX_CARDS_PER_REQUEST, MAX_EXPANDED_GROUPS, MAX_FILTER_TEXT, parseHostMessage, parseRequest } from '../../../src/core/protocol';
import { errorOf, valueOf } from '../protocol/checked';

/** Validation of the timeline, waterfall, cost, graph and jump-to-source requests and events. */
describe('parseRequest: view requests', () => {
  it('accepts the exact shapes', () => {
    for (const type of ['getTimelineIndex', 'getCost', 'getCriticalPath'] as const)
      expect(valueOf(parseRequest({ type, requestId: 1 }))).toEqual({ type, requestId: 1 });
    expect(valueOf(parseRequest({ type: 'getCards', requestId: 2, start: 0, count: MAX_CARDS_PER_REQUEST }))).toEqual({
      type: 'getCards',
      requestId: 2,
      start: 0,
      count: MAX_CARDS_PER_REQUEST,
    });
    expect(valueOf(parseRequest({ type: 'getPlanGraph', requestId: 3, expanded: ['group:1:0'] }))).toEqual({
      type: 'getPlanGraph',
      requestId: 3,
      expanded: ['group:1:0'],
    });
    expect(valueOf(parseRequest({ type: 'goToHandler', requestId: 4, index: 7 }))).toEqual({ type: 'goToHandler', requestId: 4, index: 7 });
    expect(valueOf(parseRequest({ type: 'goToPrompt', requestId: 5, index: 0 }))).toEqual({ type: 'goToPrompt', requestId: 5, index: 0 });
    const filter = { text: 'fetch', category: 'tool', status: 'error', attribute: { key: 'http.status_code', value: '500' } };
    expect(valueOf(parseRequest({ type: 'searchSpans', requestId: 6, filter }))).toEqual({ type: 'searchSpans', requestId: 6, filter });
    expect(valueOf(parseRequest({ type: 'searchSpans', requestId: 7, filter: { text: '', category: 'any', status: 'any' } }))).toEqual({
      type: 'searchSpans',
      requestId: 7,
      filter: { text: '', category: 'any', status: 'any' },
    });
  });

  it('rejects windows out of bounds, extra keys and bad values, naming the problem', () => {
    expect(errorOf(parseRequest({ type: 'getCards', requestId: 1, start: 0, count: MAX_CARDS_PER_REQUEST + 1 }))).toBe(
      `getCards: count must be 1..${MAX_CARDS_PER_REQUEST}`,
    );
    expect(errorOf(parseRequest({ type: 'getCards', requestId: 1, start: -1, count: 1 }))).toBe('getCards: start must be a non-negative integer');
    expect(errorOf(parseRequest({ type: 'getCost', requestId: 1, extra: true }))).toMatch(/getCost: unexpected keys/);
    expect(errorOf(parseRequest({ type: 'getPlanGraph', requestId: 1, expanded: 'group:1:0' }))).toMatch(/expanded must be an array/);
    expect(errorOf(parseRequest({ type: 'getPlanGraph', requestId: 1, expanded: Array.from({ length: MAX_EXPANDED_GROUPS + 1 }, () => 'g') }))).toMatch(
      /at most/,
    );
    expect(errorOf(parseRequest({ type: 'getPlanGraph', requestId: 1, expanded: [3] }))).toMatch(/expanded must be an array/);
    expect(errorOf(parseRequest({ type: 'goToHandler', requestId: 1, index: 1.5 }))).toBe('goToHandler: index must be a non-negative integer');
    expect(errorOf(parseRequest({ type: 'goToHandler', requestId: 1, index: 1, command: 'workbench.action.terminal.new' }))).toMatch(/unexpected keys/);
  });

  it('checks every part of a span filter', () => {
    const base = { text: '', category: 'any', status: 'any' };
    const bad = (filter: unknown) => parseRequest({ type: 'searchSpans', requestId: 1, filter });
    expect(errorOf(bad(null))).toBe('searchSpans: filter must be an object');
    expect(errorOf(bad({ ...base, text: 'x'.repeat(MAX_FILTER_TEXT + 1) }))).toMatch(/filter.text must be a string/);
    expect(errorOf(bad({ ...base, category: 'database' }))).toMatch(/filter.category/);
    expect(errorOf(bad({ ...base, status: 'failed' }))).toMatch(/filter.status must be one of any, error, ok, unset/);
    expect(errorOf(bad({ ...base, attribute: { key: '' } }))).toMatch(/attribute.key/);
    expect(errorOf(bad({ ...base, attribute: { key: 'a', value: 3 } }))).toMatch(/attribute.value/);
    expect(errorOf(bad({ ...base, attribute: { key: 'a', op: 'eval' } }))).toMatch(/unexpected keys/);
    expect(errorOf(bad({ ...base, regex: '.*' }))).toMatch(/unexpected keys/);
  });
});

describe('parseHostMessage: revealSpan and step', () => {
  it('accepts valid events and rejects others', () => {
    expect(valueOf(parseHostMessage({ type: 'revealSpan', index: 4 }))).toEqual({ type: 'revealSpan', index: 4 });
    expect(valueOf(parseHostMessage({ type: 'step', action: 'nextIteration' }))).toEqual({ type: 'step', action: 'nextIteration' });
    expect(errorOf(parseHostMessage({ type: 'revealSpan', index: -1 }))).toMatch(/index must be/);
    expect(errorOf(parseHostMessage({ type: 'step', action: 'rm -rf' }))).toBe('step: unknown action');
  });
});
