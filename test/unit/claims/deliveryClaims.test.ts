import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/core/analyze/claims/extractClaims';
import { matchClaim, type ExecutedTool } from '../../../src/core/analyze/claims/matchClaim';
import { failureOf } from '../../../src/core/analyze/claims/toolOutcome';
import { profileTool } from '../../../src/core/analyze/claims/toolProfile';
import type { ToolExecution } from '../../../src/core/semantics/types';

/** Completed claims in runs without tools, and delivery claims backed only by content tools (issue 11, defect 10 a/b). */
let next = 100;
function ran(name: string, args: unknown, result: unknown, description?: string): ExecutedTool {
  const exec: ToolExecution = { spanIndex: next++, name, arguments: args, result, status: 'unset' };
  return { exec, profile: profileTool(name, description, exec), failure: failureOf(exec) };
}
const claim = (text: string) => {
  const done = extractClaims(text, 1).filter((c) => c.polarity === 'done');
  expect(done.length).toBe(1);
  return done[0];
};

describe('a completed action in a run with no tools at all', () => {
  it.each([
    ["Done! I've cancelled your subscription.", 'it cancelled your subscription'],
    ["Sure, I've emailed the Q3 report to jane@corp.example.", 'it emailed the Q3 report to jane@corp.example'],
    ["Great news, I've booked a table for two at 7pm.", 'it booked a table for two at 7pm'],
    ["I've refunded $40 to your card.", 'it refunded $40 to your card'],
  ])('%s is claimed-not-executed', (text, phrase) => {
    expect(matchClaim(claim(text), [], [])).toEqual({
      kind: 'claimed-not-executed',
      message: `the model says ${phrase}, but no tool ran in this run`,
      toolSpans: [],
    });
  });

  it.each([["I've written a short haiku for you:"], ["I've created a summary of the article below."], ["I've updated the paragraph as you asked."]])(
    '%s may be the answer text itself: no finding',
    (text) => {
      expect(matchClaim(claim(text), [], [])).toBeUndefined();
    },
  );
});

describe('completion signals', () => {
  it('reads task_complete-like tools as answer tools (never requested-not-executed)', () => {
    for (const n of ['task_complete', 'complete_task', 'end_task', 'TaskDone']) expect(profileTool(n, undefined).answerTool).toBe(true);
    expect(profileTool('complete_order', undefined).answerTool).toBe(false);
  });
});

describe('delivery claims', () => {
  it('reads posted, shared and texted as deliveries', () => {
    for (const text of ["I've posted the notes to #eng.", "I've shared the summary with the team.", "I've texted Sam the address."])
      expect(claim(text).verb).toBe('send');
  });

  it('profiles draft/compose tools as content producers without the send action', () => {
    const draft = profileTool('draft_email', 'Draft an email for the user to review');
    expect(draft.producesContent).toBe(true);
    expect(draft.actions.has('send')).toBe(false);
    expect(draft.sideEffecting).toBe(false);
    expect(profileTool('compose_sms', undefined).actions.has('send')).toBe(false);
    // A name that says it delivers keeps the action.
    expect(profileTool('send_draft', undefined).actions.has('send')).toBe(true);
    expect(profileTool('post_message', undefined).actions.has('send')).toBe(true);
  });

  const send = profileTool('send_email', 'Send an email to a recipient');
  const draftDesc = 'Draft an email for the user to review';

  it('a delivery backed only by the tool that drafted it is claimed-not-executed', () => {
    const draft = ran('draft_email', { to: 'bob@corp.example' }, { draft_id: 'd-1' }, draftDesc);
    expect(matchClaim(claim("I've emailed the meeting notes to bob@corp.example."), [draft], [draft.profile, send])).toMatchObject({
      kind: 'claimed-not-executed',
      message: 'the model says it emailed the meeting notes to bob@corp.example, but no send tool ran in this run',
    });
  });

  it('a delivery backed by a composing tool and nothing that sends is claimed-not-executed', () => {
    const sms = ran('compose_sms', { to: '+15550100', text: '12 Elm St' }, { text: '12 Elm St' });
    expect(matchClaim(claim("I've texted Sam the address."), [sms], [sms.profile])?.kind).toBe('claimed-not-executed');
  });

  it('the same delivery is backed once the sending tool ran too', () => {
    const draft = ran('draft_email', { to: 'bob@corp.example' }, { draft_id: 'd-1' }, draftDesc);
    const sent = ran('send_email', { to: 'bob@corp.example' }, { status: 'sent' });
    expect(matchClaim(claim("I've emailed the meeting notes to bob@corp.example."), [draft, sent], [draft.profile, send])).toBeUndefined();
  });

  it('a non-delivery claim may still be backed by a content tool', () => {
    const draft = ran('draft_email', { to: 'bob@corp.example' }, { draft_id: 'd-1' }, draftDesc);
    expect(matchClaim(claim("I've written the draft for Bob."), [draft], [draft.profile])).toBeUndefined();
  });
});
