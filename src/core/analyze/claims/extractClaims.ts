import { extractArguments } from './claimArguments';
import { isListItem, splitSentences, stripBullet } from './sentences';
import type { Claim, ClaimPolarity } from './types';
import { actionOfDoneForm } from './verbs';

/**
 * Action claims in assistant text. A claim is an action verb in a completed form ("sent",
 * "booked") with a first-person subject ("I've sent", "we booked"), in a passive ("the invite
 * is sent", "your refund has been submitted"), opening a sentence or list item ("Sent the
 * invite to …"), or joined to such a claim ("I booked the flight and sent the receipt"), plus
 * "tests pass" statements. Polarity comes from what precedes the verb in its sentence:
 * questions and conditionals are hypothetical, modals and "will" are future, negations negate.
 */
export function extractClaims(text: string, spanIndex: number): Claim[] {
  const out: Claim[] = [];
  for (const sentence of splitSentences(text)) out.push(...claimsInSentence(sentence, spanIndex));
  return out;
}

const WORD = /[A-Za-z][A-Za-z']*/g;
const CLAUSE_BREAK = /[,;:—–()]|\b(?:but|however|although|though|whereas|while|so|because)\b/g;
const FIRST_PERSON = /\b(?:i|we)(?:'ve|'d)?(?:\s+(?:have|has|had|haven't|hadn't|not|never|yet|just|already|also|successfully|now|then|finally|went ahead and|both|all))*\s*$/;
const PASSIVE = /(?:\b(?:is|are|was|were|be|been|got|get|gets|isn't|aren't|wasn't|weren't)|'s|'re)(?:\s+(?:not|never|yet|now|already|successfully|also|just|all|fully|both))*\s*$/;
const JOINED = /(?:\band|\bthen|,)\s*(?:also\s+|then\s+|have\s+)?$/;
const LEADING_OBJECT = /^\s+(?:the|a|an|your|my|our|their|his|her|its|it|them|you|him|this|that|these|those|all|both|\d)/;
const QUESTION = /\?\s*["'”’)]*$/;
const CONDITIONAL = /\b(?:if|unless|once|whenever|in case|would you|do you want|shall i|should i|want me to|wants me to|before|after you|until)\b/;
const HEARSAY = /\b(?:you said|you mentioned|you asked|according to|it says|claims?|seems?|appears?|apparently|supposedly|make sure|ensure|verify|confirm whether|check whether|check if)\b/;
const NEGATION = /\b(?:not|never|no|nothing|neither|nor|unable|failed to|fail to|without)\b|n't\b/;
const FUTURE = /\b(?:will|shall|going to|gonna|about to|plan to|plans to|planning to|let me|let's|next|now i'll)\b|'ll\b/;
const MODAL = /\b(?:would|should|could|can|may|might|must|need to|needs to|want to|try to|trying to|able to|ready to|to be)\b/;
const TESTS_PASS = /\b(?:(?:all|the)\s+)*(?:\d+\s+)?(?:(?:unit|integration|e2e)\s+)?(?:tests?|test suite|specs?)\s+(?:now\s+|all\s+)*(?:pass(?:es|ed)?|are passing|is passing|succeeded|are green|is green|ran successfully)\b/;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function claimsInSentence(sentence: string, spanIndex: number): Claim[] {
  const body = stripBullet(sentence).replace(/[’‘]/g, "'");
  const lower = body.toLowerCase();
  const question = QUESTION.test(sentence);
  const tokens: Token[] = [...body.matchAll(WORD)].map((m) => ({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const actions = tokens.filter((t) => actionOfDoneForm(t.text) !== undefined);
  const out: Claim[] = [];
  let previous: { token: Token; polarity: ClaimPolarity } | undefined;
  actions.forEach((tok, k) => {
    const clauseStart = lastBreakBefore(lower, tok.start);
    const clausePrefix = lower.slice(clauseStart, tok.start);
    const sentencePrefix = lower.slice(0, tok.start);
    const passive = PASSIVE.test(clausePrefix);
    const firstPerson = FIRST_PERSON.test(clausePrefix);
    const leading = tok.start === 0 && LEADING_OBJECT.test(lower.slice(tok.end)) && (isListItem(sentence) || tokens.length > 2);
    const joined = previous !== undefined && JOINED.test(lower.slice(previous.token.end, tok.start)) && !/[;.]/.test(lower.slice(previous.token.end, tok.start));
    if (!passive && !firstPerson && !leading && !joined) return;
    let polarity: ClaimPolarity;
    if (joined && !passive && !firstPerson && previous) polarity = previous.polarity;
    else polarity = polarityOf(question, sentencePrefix, passive || firstPerson || joined ? modalScope(lower, clauseStart, tok.start) : clausePrefix);
    if (question) polarity = 'hypothetical';
    previous = { token: tok, polarity };
    const clauseEnd = nextBreakAfter(lower, tok.end, actions[k + 1]?.start);
    const argFrom = passive ? clauseStart : tok.start;
    out.push({
      sentence: sentence.trim(),
      verbText: body.slice(tok.start, tok.end),
      verb: actionOfDoneForm(tok.text)!,
      object: objectAfter(body, tok.end, clauseEnd),
      arguments: extractArguments(body.slice(argFrom, clauseEnd)),
      polarity,
      spanIndex,
    });
  });
  const tests = TESTS_PASS.exec(lower);
  if (tests) {
    const prefix = lower.slice(0, tests.index);
    let polarity: ClaimPolarity = question ? 'hypothetical' : polarityOf(question, prefix, prefix.slice(lastBreakBefore(lower, tests.index)));
    if (/\bfail/.test(lower)) polarity = 'negated';
    out.push({ sentence: sentence.trim(), verbText: tests[0], verb: 'test', object: 'tests', arguments: extractArguments(body), polarity, spanIndex });
  }
  return out;
}

/** The part of the sentence whose modals and negations govern a verb: its clause, widened to the sentence for "I couldn't …, so it is not sent" chains only through the clause. */
function modalScope(lower: string, clauseStart: number, at: number): string {
  return lower.slice(clauseStart, at);
}

function polarityOf(question: boolean, sentencePrefix: string, clausePrefix: string): ClaimPolarity {
  if (question || CONDITIONAL.test(sentencePrefix) || HEARSAY.test(sentencePrefix)) return 'hypothetical';
  if (NEGATION.test(clausePrefix)) return 'negated';
  if (FUTURE.test(clausePrefix)) return 'future';
  if (MODAL.test(clausePrefix)) return 'hypothetical';
  return 'done';
}

function lastBreakBefore(lower: string, at: number): number {
  let start = 0;
  for (const m of lower.slice(0, at).matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return start;
}

function nextBreakAfter(lower: string, from: number, nextAction: number | undefined): number {
  const limit = nextAction ?? lower.length;
  const rest = lower.slice(from, limit);
  const m = /[;]|\bbut\b|\bhowever\b|[.!?](?:\s|$)/.exec(rest);
  return m ? from + m.index : limit;
}

const STOP_AT = /^(?:and|but|so|because|which|who|as|then)$/i;

function objectAfter(body: string, from: number, to: number): string {
  const words: string[] = [];
  for (const m of body.slice(from, to).matchAll(/\S+/g)) {
    if (STOP_AT.test(m[0]) || words.length >= 12) break;
    words.push(m[0]);
  }
  return words.join(' ').replace(/[,:;]+$/, '');
}
