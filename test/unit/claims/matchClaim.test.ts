import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/core/analyze/claims/extractClaims';
import { matchClaim, type ExecutedTool } from '../../../src/core/analyze/claims/matchClaim';
import { errorPayload, failureOf } from '../../../src/core/analyze/claims/toolOutcome';
import { profileTool } from '../../../src/core/analyze/claims/toolProfile';
import { splitIdentifier } from '../../../src/core/analyze/claims/verbs';
import type { ToolExecution } from '../../../src/core/semantics/types';

let next = 100;
function ran(name: string, args: unknown, result: unknown, opts: { error?: string; description?: string } = {}): ExecutedTool {
  const exec: ToolExecution = { spanIndex: next++, name, arguments: args, result, status: opts.error ? 'error' : 'unset', error: opts.error };
  return { exec, profile: profileTool(name, opts.description, exec), failure: failureOf(exec) };
}
const claim = (text: string) => {
  const done = extractClaims(text, 1).filter((c) => c.polarity === 'done');
  expect(done.length).toBe(1);
  return done[0];
};

describe('profileTool', () => {
  it('splits snake, kebab, camel and Pascal case names', () => {
    expect(splitIdentifier('sendSlackMessage')).toEqual(['send', 'slack', 'message']);
    expect(splitIdentifier('book_hotel')).toEqual(['book', 'hotel']);
    expect(splitIdentifier('HTTPPostJSON-v2')).toEqual(['http', 'post', 'json', 'v2']);
  });

  it('reads actions from names, synonyms and descriptions', () => {
    expect([...profileTool('reserve_table', undefined).actions]).toEqual(['book']);
    expect([...profileTool('notify_customer', undefined).actions]).toEqual(['send']);
    expect([...profileTool('crm_v2', "Update a customer's record").actions]).toEqual(['update']);
    expect(profileTool('crm_v2', undefined).actions.size).toBe(0);
  });

  it('never treats get/search/list/lookup tools as side-effecting', () => {
    for (const n of ['get_order', 'search_flights', 'list_invoices', 'lookup_booking', 'add']) expect(profileTool(n, undefined).sideEffecting).toBe(false);
    for (const n of ['send_email', 'book_hotel', 'charge_card', 'delete_record', 'create_user', 'update_record'])
      expect(profileTool(n, undefined).sideEffecting).toBe(true);
    expect(profileTool('get_order', undefined).actions.size).toBe(0);
  });

  it('recognises answer-carrying tools', () => {
    for (const n of ['final_answer', 'final_result', 'final_output', 'FinalAnswer']) expect(profileTool(n, undefined).answerTool).toBe(true);
    expect(profileTool('answer_email', undefined).answerTool).toBe(false);
  });
});

describe('errorPayload', () => {
  it.each([
    [{ error: 'seat unavailable' }, 'seat unavailable'],
    [{ status: 'failed', message: 'tax id missing' }, 'status: failed (tax id missing)'],
    [{ success: false }, 'success: false'],
    [{ isError: true, content: [] }, 'isError'],
    [{ exitCode: 2 }, 'exitCode 2'],
    ['Error: 404 page missing', 'Error: 404 page missing'],
    ['{"response_status":"Error","message":"no data"}', 'response_status: Error (no data)'],
  ])('%j is an error: %s', (result, reason) => {
    expect(errorPayload(result)).toBe(reason);
  });

  it.each([[{ status: 'ok', rows: 12 }], [{ error: null }], [{ error: {} }], [{ status: 'cancelled' }], ['The weather is sunny.'], [null], [[1, 2]]])(
    '%j is not an error',
    (result) => {
      expect(errorPayload(result)).toBeUndefined();
    },
  );
});

describe('matchClaim', () => {
  it('accepts a claim backed by a successful execution anywhere in the run', () => {
    expect(
      matchClaim(claim('I have booked your hotel in Porto.'), [ran('get_weather', {}, {}), ran('book_hotel', { city: 'Porto' }, { ok: true })], []),
    ).toBeUndefined();
  });

  it('reports claimed-not-executed when no tool with the action ran', () => {
    const v = matchClaim(claim("I've emailed the summary to dana@acme.io."), [ran('search_contacts', { q: 'Dana' }, [])], []);
    expect(v?.kind).toBe('claimed-not-executed');
    expect(v?.toolSpans).toEqual([]);
  });

  it('stays silent when the trace has no tools at all', () => {
    expect(matchClaim(claim("I've updated the function below."), [], [])).toBeUndefined();
  });

  it('stays silent when a related action ran (scheduled ↔ create_event)', () => {
    expect(matchClaim(claim('I scheduled the meeting for Monday.'), [ran('create_event', { title: 'sync' }, { id: 'e1' })], [])).toBeUndefined();
  });

  it('reports claimed-success-but-failed with the failed spans, choosing the tool the object names', () => {
    const flight = ran('book_flight', {}, { pnr: 'X' });
    const hotel = ran('book_hotel', {}, undefined, { error: 'no rooms' });
    expect(matchClaim(claim('I booked your flight.'), [flight, hotel], [])).toBeUndefined();
    const v = matchClaim(claim('I have booked your hotel.'), [flight, hotel], []);
    expect(v?.kind).toBe('claimed-success-but-failed');
    expect(v?.toolSpans).toEqual([hotel.exec.spanIndex]);
    expect(v?.message).toContain('no rooms');
  });

  it('accepts a failure followed by a successful retry', () => {
    expect(
      matchClaim(claim('I have booked your hotel.'), [ran('book_hotel', {}, undefined, { error: 'busy' }), ran('book_hotel', {}, { ok: true })], []),
    ).toBeUndefined();
  });

  it('reports an unrun known tool that the claim names even when a sibling ran', () => {
    const v = matchClaim(
      claim('I have booked your hotel.'),
      [ran('book_flight', {}, { ok: true }, { description: 'Book a flight' })],
      [profileTool('book_hotel', 'Book a hotel room')],
    );
    expect(v?.kind).toBe('claimed-not-executed');
    expect(v?.message).toContain('book_hotel never ran');
  });

  it('uses an action noun in the object ("submitted your refund")', () => {
    const v = matchClaim(claim("I've submitted your refund."), [ran('issue_refund', { amount: 5 }, undefined, { error: 'card expired' })], []);
    expect(v?.kind).toBe('claimed-success-but-failed');
  });

  it.each([
    ["I've sent the invite to alicia@acme.com.", 'send_invite', { to: 'alice@acme.com' }],
    ["I've refunded $50.", 'issue_refund', { amount: 15 }],
    ["I've charged $52.00 to your card.", 'charge_card', { amount_cents: 2500 }],
    ['I cancelled order ORD-7713.', 'cancel_order', { order_id: 'ORD-7731' }],
    ['I booked your hotel in Porto.', 'book_hotel', { city: 'Lisbon' }],
  ])('argument-mismatch: %s vs %s %j', (text, name, args) => {
    expect(matchClaim(claim(text), [ran(name, args, { ok: true })], [])?.kind).toBe('argument-mismatch');
  });

  it.each([
    ["I've sent the invite to alice@acme.com.", 'send_invite', { to: 'alice@acme.com' }, {}],
    ["I've charged $49.99 to your card.", 'charge_card', { amount_cents: 4999 }, {}],
    ['I created ticket TCK-5512.', 'create_ticket', { title: 'x' }, { ticket_id: 'TCK-5512' }],
    ['I created ticket TCK-5512.', 'create_ticket', { ticket_id: 'TMP-1' }, { ticket_id: 'TCK-5512' }],
    ["I've refunded $50.", 'issue_refund', { order: 'A-1' }, {}],
  ])('no mismatch: %s vs %s %j → %j', (text, name, args, result) => {
    expect(matchClaim(claim(text), [ran(name, args, result)], [])).toBeUndefined();
  });

  it('checks "tests pass" against the test run output', () => {
    expect(matchClaim(claim('All tests pass.'), [ran('run_tests', {}, '24 passed')], [])).toBeUndefined();
    expect(matchClaim(claim('All tests pass.'), [ran('run_tests', {}, '12 passed, 3 failed')], [])?.kind).toBe('claimed-success-but-failed');
    expect(matchClaim(claim('All tests pass.'), [ran('bash', { command: 'npx vitest run' }, { exitCode: 1 })], [])?.kind).toBe('claimed-success-but-failed');
    expect(matchClaim(claim('All tests pass.'), [ran('bash', { command: 'ls' }, 'a b')], [])).toBeUndefined();
  });
});
