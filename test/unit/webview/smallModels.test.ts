import { describe, expect, it } from 'vitest';
import { filterAttributes, isClipped } from '../../../webview/detail/attributeFilter';
import { prettyArguments, reindentJson } from '../../../webview/detail/prettyArguments';
import { llmCallIndices, totalLlmMs } from '../../../webview/side/llmCalls';
import { barGeometry, barLabelPlacement, categoryVisual, indentLevels, MAX_INDENT_LEVELS, timeExtent } from '../../../webview/tree/rowVisuals';
import { SAMPLE_PARENTS, structureOf } from './structureOf';

describe('filterAttributes', () => {
  const attrs = [
    { key: 'gen_ai.request.model', value: 'gpt-4o', type: 'string' as const },
    { key: 'http.status_code', value: '200', type: 'number' as const },
    { key: 'llm.prompt', value: 'Find the GPT pricing', type: 'string' as const, fullLength: 9000 },
  ];

  it('matches key or value, case-insensitively, ignoring surrounding spaces', () => {
    expect(filterAttributes(attrs, '  GPT ').map((a) => a.key)).toEqual(['gen_ai.request.model', 'llm.prompt']);
    expect(filterAttributes(attrs, 'status').map((a) => a.key)).toEqual(['http.status_code']);
    expect(filterAttributes(attrs, '')).toBe(attrs);
    expect(filterAttributes(attrs, 'nothing')).toEqual([]);
  });

  it('isClipped only when the host says the value is longer than what it sent', () => {
    expect(attrs.map(isClipped)).toEqual([false, false, true]);
  });
});

describe('prettyArguments', () => {
  it('re-indents JSON without changing any value (big integers, 1.0, escapes, duplicate keys)', () => {
    const raw = '{"id":12345678901234567890,"x":1.0,"s":"a\\"b, {c}: [d]","k":1,"k":2,"e":[],"o":{}}';
    expect(prettyArguments(raw)).toBe(
      '{\n  "id": 12345678901234567890,\n  "x": 1.0,\n  "s": "a\\"b, {c}: [d]",\n  "k": 1,\n  "k": 2,\n  "e": [],\n  "o": {}\n}',
    );
  });

  it('leaves non-JSON and invalid JSON as it came', () => {
    expect(prettyArguments('query=cats')).toBe('query=cats');
    expect(prettyArguments('{"a": ')).toBe('{"a": ');
  });

  it('removing the added whitespace gives back the minified input', () => {
    const min = '[{"a":[1,2,{"b":null}]},"x y"]';
    expect(reindentJson(min).replace(/\n\s*/g, '').replace(/": /g, '":')).toBe(min);
  });
});

describe('row visuals', () => {
  it('maps category codes to names, unknown codes to other', () => {
    expect(categoryVisual(2)).toMatchObject({ name: 'llm', glyph: 'L' });
    expect(categoryVisual(3).name).toBe('tool');
    expect(categoryVisual(200).name).toBe('other');
  });

  it('places bars as fractions of the trace extent, clamped to the track', () => {
    const extent = { originMs: 0, totalMs: 200 };
    expect(barGeometry(50, 100, extent)).toEqual({ left: 0.25, width: 0.5 });
    expect(barGeometry(150, 100, extent)).toEqual({ left: 0.75, width: 0.25 });
    expect(barGeometry(0, 0, { originMs: 0, totalMs: 0 })).toEqual({ left: 0, width: 1 });
  });

  it('timeExtent spans from the earliest start (or 0) to the latest end', () => {
    const s = structureOf([-1, 0, 0], { start: [0, 5, -2], duration: [10, 20, 1] });
    expect(timeExtent(s)).toEqual({ originMs: -2, totalMs: 27 });
  });

  it('puts the duration label after, before or inside the bar by the room left', () => {
    expect(barLabelPlacement(0.1, 0.2)).toBe('after');
    expect(barLabelPlacement(0.5, 0.45)).toBe('before');
    expect(barLabelPlacement(0, 1)).toBe('inside');
  });

  it('stops indenting past MAX_INDENT_LEVELS', () => {
    expect(indentLevels(3)).toBe(3);
    expect(indentLevels(10_000)).toBe(MAX_INDENT_LEVELS);
  });
});

describe('llmCallIndices', () => {
  it('lists spans of category llm in trace order and sums their durations', () => {
    const s = structureOf(SAMPLE_PARENTS, { category: [1, 2, 3, 2, 0, 2, 3, 0, 0], duration: [9, 4, 1, 2, 1, 3, 1, 1, 1] });
    const calls = llmCallIndices(s);
    expect([...calls]).toEqual([1, 3, 5]);
    expect(totalLlmMs(s, calls)).toBe(9);
  });
});
