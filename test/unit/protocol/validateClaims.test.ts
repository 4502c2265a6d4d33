import { describe, expect, it } from 'vitest';
import type { ClaimsView } from '../../../src/core/protocol';
import { resultCheckerFor } from '../../../src/core/protocol/validate/results';
import { validateClaimsView } from '../../../src/core/protocol/validate/claims';
import { errorOf, valueOf } from './checked';

const good = (): ClaimsView => ({
  claims: [{ id: 'aa#0', sentence: 'I booked it.', spanIndex: 3, verb: 'book', object: 'it', status: 'failed', matchedSpanIndices: [2] }],
  actions: [
    { spanIndex: 2, name: 'book_hotel', status: 'error', summary: 'city: "Lisbon"', claimIds: ['aa#0'] },
    { spanIndex: 1, name: 'get_weather', status: 'unset', summary: '', claimIds: [] },
  ],
  findings: [
    {
      key: 'claimed-success-but-failed:aa,bb',
      kind: 'claimed-success-but-failed',
      severity: 'error',
      message: 'm',
      spanIds: ['aa', 'bb'],
      spanIndices: [3, 2],
      claim: 'I booked it.',
      dismissed: false,
    },
  ],
});

/** `good()` with one field of one item replaced (JSON round trip, as postMessage would). */
function bad(part: 'claims' | 'actions' | 'findings', patch: Record<string, unknown>): unknown {
  const v = JSON.parse(JSON.stringify(good())) as Record<string, Record<string, unknown>[]>;
  v[part][0] = { ...v[part][0], ...patch };
  return v;
}

describe('validateClaimsView', () => {
  it('accepts a well-formed view, also empty', () => {
    expect(valueOf(validateClaimsView(good(), 4))).toEqual(good());
    expect(valueOf(validateClaimsView({ claims: [], actions: [], findings: [] }))).toEqual({ claims: [], actions: [], findings: [] });
  });

  it('rejects bad claims, naming the field', () => {
    expect(errorOf(validateClaimsView(bad('claims', { status: 'maybe' })))).toBe('claims.claims[0]: status is unknown');
    expect(errorOf(validateClaimsView(bad('claims', { sentence: 3 })))).toBe('claims.claims[0]: sentence and verb must be strings');
    expect(errorOf(validateClaimsView(bad('claims', { matchedSpanIndices: [-1] })))).toBe('claims.claims[0]: matchedSpanIndices must be span indices');
    expect(errorOf(validateClaimsView(bad('claims', { id: '' })))).toBe('claims.claims[0]: id must be a non-empty string');
    expect(errorOf(validateClaimsView(good(), 3))).toBe('claims.claims[0]: spanIndex is not a span of the trace');
  });

  it('rejects bad actions, including links to claims that are not there', () => {
    expect(errorOf(validateClaimsView(bad('actions', { status: 'failed' })))).toBe('claims.actions[0]: status is unknown');
    expect(errorOf(validateClaimsView(bad('actions', { claimIds: ['zz#9'] })))).toBe('claims.actions[0]: claimIds names an unknown claim');
    expect(errorOf(validateClaimsView(bad('actions', { summary: null })))).toBe('claims.actions[0]: name and summary must be strings');
  });

  it('rejects bad findings', () => {
    expect(errorOf(validateClaimsView(bad('findings', { dismissed: 'no' })))).toBe('claims.findings[0]: dismissed must be a boolean');
    expect(errorOf(validateClaimsView(bad('findings', { severity: 'fatal' })))).toBe('claims.findings[0]: severity is unknown');
    expect(errorOf(validateClaimsView(bad('findings', { key: undefined })))).toBe('claims.findings[0]: key must be a string');
    expect(errorOf(validateClaimsView(bad('findings', { spanIndices: [1.5] })))).toBe('claims.findings[0]: spanIndices must be span indices');
    expect(errorOf(validateClaimsView(bad('findings', { claim: 1 })))).toBe('claims.findings[0]: claim must be a string');
  });

  it('rejects a non-object and missing lists', () => {
    expect(errorOf(validateClaimsView(null))).toBe('claims view is not an object');
    expect(errorOf(validateClaimsView({ claims: [], actions: [] }))).toBe('claims.findings must be an array');
    expect(errorOf(validateClaimsView({ claims: [1], actions: [], findings: [] }))).toBe('claims.claims[0]: is not an object');
  });
});

describe('resultCheckerFor: the claims requests', () => {
  it('getClaims checks the view; dismissFinding expects null', () => {
    expect(resultCheckerFor({ type: 'getClaims', requestId: 1 })(good())).toEqual({ ok: true, value: good() });
    expect(resultCheckerFor({ type: 'getClaims', requestId: 1 })({ claims: 'x' })).toEqual({ ok: false, error: 'claims.claims must be an array' });
    expect(resultCheckerFor({ type: 'dismissFinding', requestId: 2, key: 'k', dismissed: true })(null)).toEqual({ ok: true, value: null });
    expect(resultCheckerFor({ type: 'dismissFinding', requestId: 2, key: 'k', dismissed: true })({})).toEqual({ ok: false, error: 'result must be null' });
  });
});
