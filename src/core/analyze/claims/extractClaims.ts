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
const FIRST_PERSON =
  /\b(?:i|we)(?:'ve|'d)?(?:\s+(?:have|has|had|haven't|hadn't|not|never|yet|just|already|also|successfully|now|then|finally|went ahead and|gone ahead and|both|all))*\s*$/;
const PASSIVE =
  /(?:\b(?:is|are|was|were|be|been|got|get|gets|isn't|aren't|wasn't|weren't)|'s|'re)(?:\s+(?:not|never|yet|now|already|successfully|also|just|all|fully|both))*\s*$/;
const JOINED = /(?:\band|\bthen|,)\s*(?:also\s+|then\s+|have\s+)?$/;
const LEADING_OBJECT = /^\s+(?:the|a|an|your|my|our|their|his|her|its|it|them|you|him|this|that|these|those|all|both|\d)/;
const PERSON_PAST_PASSIVE = /\b(?:you|he|she|they)\s+(?:were|was)\s+(?:\w+\s+)?$/;
const HEADLINE_TAIL = /^\s+(?:to|for|on|at|via|with|successfully)\b|^\s*[.!]?\s*$/;
const QUESTION = /\?\s*["'”’)]*$/;
const CONDITIONAL = /\b(?:if|unless|once|whenever|in case|would you|do you want|shall i|should i|want me to|wants me to|before|after you|until)\b/;
const HEARSAY =
  /\b(?:you said|you mentioned|you asked|according to|it says|claims?|seems?|appears?|apparently|supposedly|make sure|ensure|verify|confirm whether|check whether|check if)\b/;
const NEGATION = /\b(?:not|never|no|nothing|neither|nor|unable|failed to|fail to|without)\b|n't\b/;
const FUTURE = /\b(?:will|shall|going to|gonna|about to|plan to|plans to|planning to|let me|let's|next|now i'll)\b|'ll\b/;
const MODAL = /\b(?:would|should|could|can|may|might|must|need to|needs to|want to|try to|trying to|able to|ready to|to be)\b/;
const TESTS_PASS =
  /\b(?:(?:all|the)\s+)*(?:\d+\s+)?(?:(?:unit|integration|e2e)\s+)?(?:tests?|test suite|specs?)\s+(?:now\s+|all\s+)*(?:pass(?:es|ed)?|are passing|is passing|succeeded|are green|is green|ran successfully)\b/;

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
    const short = tokens.length <= 8;
    // "Sent the invite to …", "- Refunded order #4521", "Deployed to staging."
    const leading =
      tok.start === 0 &&
      (isListItem(sentence) || (LEADING_OBJECT.test(lower.slice(tok.end)) && tokens.length > 2) || (short && HEADLINE_TAIL.test(lower.slice(tok.end))));
    // "Message sent to #general.": a short headline with the auxiliary left out.
    const elliptical =
      !leading &&
      short &&
      k === 0 &&
      tokens.indexOf(tok) <= 3 &&
      tokens.indexOf(tok) > 0 &&
      HEADLINE_TAIL.test(lower.slice(tok.end)) &&
      !/[,;:]/.test(lower.slice(0, tok.start));
    const joined =
      previous !== undefined && JOINED.test(lower.slice(previous.token.end, tok.start)) && !/;|[.!?]\s/.test(lower.slice(previous.token.end, tok.start));
    if (!passive && !firstPerson && !leading && !joined && !elliptical) return;
    // "was cancelled by the seller": someone else's action.
    if (
      (passive || elliptical) &&
      !firstPerson &&
      /^\s+by\s+(?!me\b|us\b|the assistant\b|(?:the\s+)?(?:end|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|noon|midnight|next|this|\d))/.test(
        lower.slice(tok.end),
      )
    )
      return;
    // "You were charged $5 more": a past passive about a person reports what happened to them,
    // not something the agent did.
    if (passive && !firstPerson && PERSON_PAST_PASSIVE.test(clausePrefix)) return;
    const asPassive = (passive || elliptical) && !firstPerson;
    let polarity: ClaimPolarity;
    if (joined && !passive && !firstPerson && previous) polarity = previous.polarity;
    else polarity = polarityOf(question, sentencePrefix, clausePrefix);
    if (question) polarity = 'hypothetical';
    previous = { token: tok, polarity };
    const clauseEnd = nextBreakAfter(lower, tok.end, actions[k + 1]?.start);
    const argFrom = asPassive ? clauseStart : tok.start;
    out.push({
      sentence: sentence.trim(),
      verbText: body.slice(tok.start, tok.end),
      verb: actionOfDoneForm(tok.text)!,
      voice: asPassive ? 'passive' : 'active',
      object: asPassive ? subjectBefore(body, clauseStart, tok.start) : objectAfter(body, tok.end, clauseEnd),
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
    out.push({
      sentence: sentence.trim(),
      verbText: tests[0],
      verb: 'test',
      voice: 'active',
      object: 'tests',
      arguments: extractArguments(body),
      polarity,
      spanIndex,
    });
  }
  return out;
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

/** The subject of a passive claim: its clause up to the verb, without the auxiliaries ("Your refund has been" → "Your refund"). */
function subjectBefore(body: string, clauseStart: number, at: number): string {
  const words = body.slice(clauseStart, at).trim().split(/\s+/);
  while (
    words.length > 0 &&
    /^(?:is|are|was|were|be|been|has|have|had|got|get|gets|now|already|successfully|also|just|all|fully|both|it's|that's)$/i.test(words[words.length - 1])
  )
    words.pop();
  return words
    .slice(-8)
    .join(' ')
    .replace(/^(?:and|then)\s+/i, '');
}
