import { describe, expect, it } from 'vitest';
import { formatCost, formatCount, formatDuration, formatTokens, plural } from '../../../src/core/view/format';

describe('formatDuration', () => {
  it.each([
    [1234, '1.23 s'],
    [456, '456 ms'],
    [4.56, '4.56 ms'],
    [45.6, '45.6 ms'],
    [0.789, '789 µs'],
    [0.0001, '100 ns'],
    [0, '0 ms'],
    [59_994, '60.0 s'],
    [125_000, '2 min 05 s'],
    [3_725_000, '1 h 02 min'],
  ])('%d ms reads %s', (input, text) => {
    expect(formatDuration(input)).toBe(text);
  });

  it('carries a rounding into the next unit instead of printing four digits', () => {
    expect(formatDuration(999.6)).toBe('1.00 s');
    expect(formatDuration(9.996)).toBe('10.0 ms');
    expect(formatDuration(0.9996)).toBe('1.00 ms');
  });

  it('reads "–" for negative and non-finite input', () => {
    expect(formatDuration(-1)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('formatTokens', () => {
  it.each([
    [0, '0'],
    [845, '845'],
    [999.4, '999'],
    [999.6, '1.00k'],
    [12_345, '12.3k'],
    [123_456, '123k'],
    [999_499, '999k'],
    [999_500, '1.00M'],
    [1_234_567, '1.23M'],
  ])('%d reads %s', (input, text) => {
    expect(formatTokens(input)).toBe(text);
  });
});

describe('formatCost', () => {
  it('says "unpriced" for an unknown cost, never $0', () => {
    expect(formatCost(null)).toBe('unpriced');
    expect(formatCost(undefined)).toBe('unpriced');
  });
  it.each([
    [0, '$0.00'],
    [0.0123, '$0.0123'],
    [0.12345, '$0.123'],
    [0.00001, '<$0.0001'],
    [0.996, '$1.00'],
    [1.5, '$1.50'],
    [1234.567, '$1,234.57'],
  ])('%d reads %s', (input, text) => {
    expect(formatCost(input)).toBe(text);
  });
});

describe('formatCount and plural', () => {
  it('groups digits and picks the singular only for one', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(plural(1, 'span')).toBe('1 span');
    expect(plural(0, 'span')).toBe('0 spans');
    expect(plural(2000, 'entry', 'entries')).toBe('2,000 entries');
  });
});
