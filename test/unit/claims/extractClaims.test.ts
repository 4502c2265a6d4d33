import { describe, expect, it } from 'vitest';
import { extractArguments } from '../../../src/core/analyze/claims/claimArguments';
import { extractClaims } from '../../../src/core/analyze/claims/extractClaims';
import { splitSentences } from '../../../src/core/analyze/claims/sentences';

const one = (text: string) => {
  const claims = extractClaims(text, 7);
  expect(claims.length).toBe(1);
  return claims[0];
};

describe('extractClaims: polarity', () => {
  it.each([
    ["I've submitted your refund.", 'submit', 'done'],
    ['I have booked your hotel in Lisbon for 3 nights.', 'book', 'done'],
    ['I updated the record.', 'update', 'done'],
    ['The invite is sent.', 'send', 'done'],
    ['Your refund has been submitted.', 'submit', 'done'],
    ['We just deployed the fix.', 'deploy', 'done'],
    ['Sent the agenda to the team.', 'send', 'done'],
    ['- Refunded order #4521', 'refund', 'done'],
    ['Deployed to staging.', 'deploy', 'done'],
    ['All tests pass.', 'test', 'done'],
    ["I couldn't say it was sent.", 'send', 'negated'],
    ['The message was not sent.', 'send', 'negated'],
    ["I haven't booked anything yet.", 'book', 'negated'],
    ['The refund will be submitted tomorrow.', 'submit', 'future'],
    ['It should be booked by Friday.', 'book', 'hypothetical'],
    ['If you confirm, the invoice is sent right away.', 'send', 'hypothetical'],
    ['Has the invoice been sent already?', 'send', 'hypothetical'],
    ['You said the invoice was sent last week.', 'send', 'hypothetical'],
    ['Some tests still fail, so not all tests pass.', 'test', 'negated'],
  ])('%s → %s, %s', (text, verb, polarity) => {
    const c = one(text);
    expect(c.verb).toBe(verb);
    expect(c.polarity).toBe(polarity);
    expect(c.spanIndex).toBe(7);
  });

  it.each([
    'I will book the hotel once you confirm.',
    'I can send you a summary by email.',
    'If you want I can refund the difference.',
    'Let me update the record.',
    'Unable to send the email: the address bounced.',
    'Do you want me to cancel it?',
    'You were charged $5 more than the total.',
    'Your order was cancelled by the seller.',
    'Checking the dashboards now.',
    "Here's a snippet:\n```\n# I have deleted the cache\n```",
  ])('no claim in %j', (text) => {
    expect(extractClaims(text, 0).filter((c) => c.polarity === 'done')).toEqual([]);
  });

  it('finds each action of a compound sentence, with the subject carried over "and"', () => {
    const claims = extractClaims('I booked the Hotel Avenida for 2 nights and emailed the confirmation to you@mail.com.', 0);
    expect(claims.map((c) => [c.verb, c.polarity, c.object])).toEqual([
      ['book', 'done', 'the Hotel Avenida for 2 nights'],
      ['send', 'done', 'the confirmation to you@mail.com.'.replace(/\.$/, '')],
    ]);
    expect(claims[1].arguments.emails).toEqual(['you@mail.com']);
    expect(claims[0].arguments.emails).toEqual([]);
  });

  it('reads "gone ahead and" as first person, and joins verbs across a file name with a dot', () => {
    expect(one("I've gone ahead and cancelled your 3pm meeting.").verb).toBe('delete');
    expect(extractClaims('I updated src/a.ts and pushed the changes to main.', 0).map((c) => [c.verb, c.polarity])).toEqual([
      ['update', 'done'],
      ['push', 'done'],
    ]);
  });

  it('keeps a partial success partial', () => {
    const claims = extractClaims('I booked your flight TP1351, but the hotel booking failed.', 0);
    expect(claims.map((c) => [c.verb, c.object, c.polarity])).toEqual([['book', 'your flight TP1351', 'done']]);
  });

  it('takes the subject of a passive as its object', () => {
    const c = one('The calendar invite has been sent to the team.');
    expect([c.voice, c.object]).toEqual(['passive', 'The calendar invite']);
  });

  it('joins streamed fragments only in the caller; a sentence list is split on ., ! and ? before capitals', () => {
    expect(splitSentences('Done! I sent it, e.g. by mail. Total is 4.50 EUR? Yes\n- item one')).toEqual([
      'Done!',
      'I sent it, e.g. by mail.',
      'Total is 4.50 EUR?',
      'Yes',
      '- item one',
    ]);
  });
});

describe('extractArguments', () => {
  it('reads emails, amounts, ids, dates and places', () => {
    const a = extractArguments('refunded $1,250.50 and €20 for order #4521 and ORD-77A to Bob@Example.com on 2026-05-14 (14 May) in Lisbon, 3 nights');
    expect(a.emails).toEqual(['bob@example.com']);
    expect(a.amounts).toEqual([1250.5, 20]);
    expect(a.ids).toEqual(['4521', 'ord-77a']);
    expect(a.dates).toEqual(['2026-05-14', '14 May']);
    expect(a.places).toEqual(['Lisbon']);
    expect(a.numbers).toEqual([3]);
  });

  it('reads amounts written after the number', () => {
    expect(extractArguments('charged 49.99 USD and 10 euros').amounts).toEqual([49.99, 10]);
  });
});
