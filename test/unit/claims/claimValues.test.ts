import { describe, expect, it } from 'vitest';
import { extractArguments } from '../../../src/core/analyze/claims/claimArguments';
import { extractClaims } from '../../../src/core/analyze/claims/extractClaims';
import { claimPhrase, matchClaim, type ExecutedTool } from '../../../src/core/analyze/claims/matchClaim';
import { failureOf } from '../../../src/core/analyze/claims/toolOutcome';
import { profileTool } from '../../../src/core/analyze/claims/toolProfile';
import type { ToolExecution } from '../../../src/core/semantics/types';

/** Values in a claim against the executed tool's arguments (issue 11, defects 9 and 10c), and the wording of findings (defect 11). */
let next = 100;
function ran(name: string, args: unknown, result: unknown): ExecutedTool {
  const exec: ToolExecution = { spanIndex: next++, name, arguments: args, result, status: 'unset' };
  return { exec, profile: profileTool(name, undefined, exec), failure: failureOf(exec) };
}
const claim = (text: string) => {
  const done = extractClaims(text, 1).filter((c) => c.polarity === 'done');
  expect(done.length).toBe(1);
  return done[0];
};

describe('names, e-mails and ids', () => {
  it('reads full names from a claim, not single capitalised words or weekdays', () => {
    expect(extractArguments('messaged Maria Rossi about the delay').names).toEqual(['Maria Rossi']);
    expect(extractArguments('booked Lisbon for Monday').names).toEqual([]);
    expect(extractArguments('sent it on Monday May 4').names).toEqual([]);
  });

  it('a claimed name that differs from the executed recipient is an argument mismatch', () => {
    const t = ran('send_message', { recipient: 'Mario Rossi', text: 'Delayed to Friday.' }, { ok: true });
    expect(matchClaim(claim("I've messaged Maria Rossi about the delay."), [t], [t.profile])).toEqual({
      kind: 'argument-mismatch',
      message: 'the model says Maria Rossi, but send_message was called with Mario Rossi',
      toolSpans: [t.exec.spanIndex],
    });
  });

  it('the same name is no finding', () => {
    const t = ran('send_message', { recipient: 'Maria Rossi', text: 'Delayed to Friday.' }, { ok: true });
    expect(matchClaim(claim("I've messaged Maria Rossi about the delay."), [t], [t.profile])).toBeUndefined();
  });

  it('maria@ said, mario@ done', () => {
    const t = ran('send_email', { to: 'mario@acme.example' }, { status: 'sent' });
    expect(matchClaim(claim("I've sent the contract to maria@acme.example."), [t], [t.profile])).toMatchObject({
      kind: 'argument-mismatch',
      message: 'the model says maria@acme.example, but send_email was called with mario@acme.example',
    });
  });
});

describe('like with like', () => {
  it("compares the claim with the tool doing the claim's verb, not another tool that only shares an action noun", () => {
    // "refund" in the object also points at issue_refund, whose e-mail is the shop's own.
    const refund = ran('issue_refund', { order_id: 'A-7', customer_email: 'billing@shop.example' }, { status: 'refunded' });
    const mail = ran('send_email', { to: 'Ana', subject: 'Your refund' }, { status: 'sent' });
    expect(matchClaim(claim("I've emailed your refund confirmation to ana@x.example."), [refund, mail], [refund.profile, mail.profile])).toBeUndefined();
  });

  it('ignores values that appear only inside a link', () => {
    expect(extractArguments('sent the invite, see [the page](https://cal.example.com/book/XK12ab-77)').ids).toEqual([]);
    expect(extractArguments('see https://cal.example.com/b/ORD-9921 for details').ids).toEqual([]);
    const t = ran('send_invite', { attendees: ['ana@corp.example'], event_id: 'ev-1' }, { status: 'sent' });
    const c = claim("I've sent the invite to ana@corp.example, also on [the booking page](https://cal.example.com/book/XK12ab-77).");
    expect(matchClaim(c, [t], [t.profile])).toBeUndefined();
  });
});

describe('claimPhrase', () => {
  it('uses the simple past in the active and the participle in the passive', () => {
    expect(claimPhrase(claim('I have written this value to a file.'))).toBe('it wrote this value to a file');
    expect(claimPhrase(claim('The report has been written.'))).toBe('the report was written');
    expect(claimPhrase(claim("I've sent the invite."))).toBe('it sent the invite');
  });
});
