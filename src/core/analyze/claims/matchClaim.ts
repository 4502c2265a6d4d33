import { executedValues } from './claimArguments';
import type { ToolProfile } from './toolProfile';
import { testRunFailed } from './toolOutcome';
import type { ActionId, Claim, FindingKind } from './types';
import { actionOfAnyForm, actionOfBaseWord, pastParticiple, simplePast, singular } from './verbs';
import type { ToolExecution } from '../../semantics/types';

/** A tool execution with its profile and, when it failed, why. */
export interface ExecutedTool {
  readonly exec: ToolExecution;
  readonly profile: ToolProfile;
  readonly failure?: string;
}

/** The outcome of checking one completed claim: nothing, or one discrepancy with its evidence. */
export interface ClaimVerdict {
  readonly kind: FindingKind;
  readonly message: string;
  /** Span indices of the tool executions involved (the claim's own span is added by the caller). */
  readonly toolSpans: readonly number[];
}

/**
 * Actions close enough that a tool doing one may be described as the other ("scheduled the
 * meeting" for create_event). They only prevent claimed-not-executed; they never make a
 * failure or mismatch finding.
 */
const RELATED: Readonly<Record<ActionId, readonly ActionId[]>> = {
  schedule: ['create', 'book', 'send', 'invite'],
  book: ['create', 'schedule', 'pay'],
  create: ['schedule', 'book', 'write', 'submit', 'send', 'invite'],
  submit: ['create', 'send', 'pay', 'refund'],
  send: ['invite', 'submit', 'create', 'schedule', 'publish'],
  invite: ['send', 'schedule', 'create'],
  update: ['write', 'create', 'submit'],
  write: ['create', 'update', 'commit'],
  pay: ['book', 'submit', 'refund'],
  refund: ['pay', 'submit'],
  delete: ['update'],
  deploy: ['merge', 'push', 'release'],
  merge: ['deploy', 'push', 'commit'],
  commit: ['push', 'merge', 'write'],
  push: ['commit', 'merge', 'deploy'],
};

const CLAIM_STOP = new Set([
  'the',
  'and',
  'for',
  'your',
  'you',
  'have',
  'has',
  'been',
  'was',
  'were',
  'are',
  'with',
  'from',
  'that',
  'this',
  'all',
  'now',
  'also',
  'just',
  'successfully',
  'already',
]);

/**
 * Checks a completed claim against the executed tools of its run. `knownTools` are the
 * profiles of tools the run could call (definitions and requests), used to tell "a tool for
 * this exists but never ran" from "nothing in the trace can tell".
 */
export function matchClaim(claim: Claim, executed: readonly ExecutedTool[], knownTools: readonly ToolProfile[]): ClaimVerdict | undefined {
  if (claim.verb === 'test') return matchTestClaim(executed);
  // "I've submitted your refund": the object's action noun names the tool as well as the verb.
  const actions = new Set([claim.verb, ...objectActions(claim.object)]);
  const candidates = executed.filter((t) => [...actions].some((a) => t.profile.actions.has(a)));
  // The verb's own object decides between tools first ("booked your flight, but the hotel
  // failed"); the whole sentence only when the object names no tool.
  const objectWords = claimWords(claim.object);
  const said = claimPhrase(claim);
  const words = [...candidates, ...knownTools.map((profile) => ({ profile }))].some((t) => overlap(t.profile, objectWords) > 0)
    ? objectWords
    : claimWords(claim.sentence);
  if (candidates.length === 0) {
    // A delivery ("emailed", "posted", "shared") is done by a tool that delivers, never by one
    // that only produced the content (draft_email, compose_sms).
    const others = claim.verb === 'send' ? executed.filter((t) => !t.profile.producesContent) : executed;
    const related = RELATED[claim.verb] ?? [];
    if (others.some((t) => [...t.profile.actions].some((a) => related.includes(a)))) return undefined;
    // A tool whose name names no action but whose object the claim names may have done it.
    if (others.some((t) => t.profile.actions.size === 0 && !t.profile.readOnly && overlap(t.profile, words) > 0)) return undefined;
    if (executed.length === 0 && knownTools.length === 0) {
      // No tool in the run at all: an action on the world ("cancelled your subscription") cannot
      // have happened; writing or creating may be the answer text itself ("I've written a haiku").
      if (IN_TEXT_ACTIONS.has(claim.verb)) return undefined;
      return { kind: 'claimed-not-executed', message: `the model says ${said}, but no tool ran in this run`, toolSpans: [] };
    }
    return { kind: 'claimed-not-executed', message: `the model says ${said}, but no ${claim.verb} tool ran in this run`, toolSpans: [] };
  }
  const best = Math.max(...candidates.map((t) => overlap(t.profile, words)));
  if (best === 0) {
    // The claim names no object of any tool that ran; if a tool that was never executed has this
    // action and names the claim's object, the claim is about that tool.
    const unrun = knownTools.filter(
      (p) => [...actions].some((a) => p.actions.has(a)) && !executed.some((t) => t.profile.name === p.name) && overlap(p, words) > 0,
    );
    if (unrun.length > 0 && candidates.every((t) => t.profile.objectWords.size > 0)) {
      return { kind: 'claimed-not-executed', message: `the model says ${said}, but ${unrun[0].name} never ran`, toolSpans: [] };
    }
  }
  const narrowed = candidates.filter((t) => overlap(t.profile, words) === best);
  const succeeded = narrowed.filter((t) => t.failure === undefined);
  if (succeeded.length === 0) {
    const f = narrowed[narrowed.length - 1];
    return {
      kind: 'claimed-success-but-failed',
      message: `the model says ${said}, but ${f.exec.name} failed: ${f.failure}`,
      toolSpans: narrowed.map((t) => t.exec.spanIndex),
    };
  }
  // Compare with the tools doing the claim's own verb when there are any ("emailed the refund
  // receipt to …" is checked against send_email's arguments, not issue_refund's).
  const own = succeeded.filter((t) => t.profile.actions.has(claim.verb));
  return compareArguments(claim, own.length > 0 ? own : succeeded);
}

/**
 * The executions a claim is about, for linking the two in a view: the tools with the claim's
 * action (else a related action, else no action but the claim's object) that share the most
 * object words with it. Empty when no execution fits. Does not judge: see `matchClaim`.
 */
export function claimedTools(claim: Claim, executed: readonly ExecutedTool[]): ExecutedTool[] {
  if (claim.verb === 'test') return executed.filter((t) => t.profile.actions.has('test'));
  const actions = new Set([claim.verb, ...objectActions(claim.object)]);
  const related = RELATED[claim.verb] ?? [];
  const objectWords = claimWords(claim.object);
  const wordsFor = (ts: readonly ExecutedTool[]) => (ts.some((t) => overlap(t.profile, objectWords) > 0) ? objectWords : claimWords(claim.sentence));
  const direct = executed.filter((t) => [...actions].some((a) => t.profile.actions.has(a)));
  if (direct.length > 0) {
    const words = wordsFor(direct);
    const best = Math.max(...direct.map((t) => overlap(t.profile, words)));
    return direct.filter((t) => overlap(t.profile, words) === best);
  }
  const near = executed.filter((t) => [...t.profile.actions].some((a) => related.includes(a)));
  const nearWords = wordsFor(near);
  const nearBest = near.length > 0 ? Math.max(...near.map((t) => overlap(t.profile, nearWords))) : 0;
  if (nearBest > 0) return near.filter((t) => overlap(t.profile, nearWords) === nearBest);
  const words = claimWords(claim.sentence);
  return executed.filter((t) => t.profile.actions.size === 0 && !t.profile.readOnly && overlap(t.profile, words) > 0);
}

/** Actions whose result can be the answer's own text, so a run without tools may have done them. */
const IN_TEXT_ACTIONS = new Set<ActionId>(['write', 'create', 'update', 'test']);

/** "it booked your hotel", "it wrote a file", "the invite was sent": how the claim reads in a message. */
export function claimPhrase(claim: Claim): string {
  if (claim.voice === 'passive')
    return `${claim.object ? claim.object.charAt(0).toLowerCase() + claim.object.slice(1) : 'it'} was ${pastParticiple(claim.verbText)}`;
  return `it ${simplePast(claim.verbText)}${claim.object ? ` ${claim.object}` : ''}`;
}

function matchTestClaim(executed: readonly ExecutedTool[]): ClaimVerdict | undefined {
  const runs = executed.filter((t) => t.profile.actions.has('test'));
  if (runs.length === 0) return undefined; // tests may run through a shell tool we cannot read
  if (runs.some((t) => t.failure === undefined && !testRunFailed(t.exec.result))) return undefined;
  const last = runs[runs.length - 1];
  return {
    kind: 'claimed-success-but-failed',
    message: `the model says the tests pass, but ${last.exec.name} reported failures${last.failure ? `: ${last.failure}` : ''}`,
    toolSpans: runs.map((t) => t.exec.spanIndex),
  };
}

/**
 * A claimed e-mail, amount or id that none of the matching successful executions carries, in
 * arguments or result, while they do carry values of that type.
 */
function compareArguments(claim: Claim, succeeded: readonly ExecutedTool[]): ClaimVerdict | undefined {
  const args = succeeded.map((t) => executedValues(t.exec.arguments));
  const seen = succeeded.map((t) => JSON.stringify([t.exec.arguments ?? null, t.exec.result ?? null]).toLowerCase()).join('\n');
  const spans = succeeded.map((t) => t.exec.spanIndex);
  const tool = succeeded[0].exec.name;
  const emails = args.flatMap((a) => [...a.emails]);
  const missingEmail = claim.arguments.emails.find((e) => !seen.includes(e));
  if (missingEmail && emails.length > 0)
    return { kind: 'argument-mismatch', message: `the model says ${missingEmail}, but ${tool} was called with ${unique(emails).join(', ')}`, toolSpans: spans };
  const amounts = args.flatMap((a) => [...a.amounts]);
  const missingAmount = claim.arguments.amounts.find((x) => !amounts.some((y) => Math.abs(x - y) < 0.005) && !numberIn(seen, x));
  if (missingAmount !== undefined && amounts.length > 0)
    return {
      kind: 'argument-mismatch',
      message: `the model says ${missingAmount}, but ${tool} was called with ${unique(amounts).join(', ')}`,
      toolSpans: spans,
    };
  const ids = args.flatMap((a) => [...a.ids]);
  const missingId = claim.arguments.ids.find((id) => !seen.includes(id));
  if (missingId && ids.length > 0)
    return { kind: 'argument-mismatch', message: `the model says ${missingId}, but ${tool} was called with ${unique(ids).join(', ')}`, toolSpans: spans };
  const sentence = claim.sentence.toLowerCase();
  // "messaged Maria Rossi" while the tool was called with "Mario Rossi".
  const names = args.flatMap((a) => [...a.names]);
  const missingName = claim.arguments.names.find((n) => !seen.includes(n.toLowerCase()));
  if (missingName && names.length > 0 && !names.some((n) => sentence.includes(n.toLowerCase())))
    return { kind: 'argument-mismatch', message: `the model says ${missingName}, but ${tool} was called with ${unique(names).join(', ')}`, toolSpans: spans };
  const places = succeeded.flatMap((t) => placeArguments(t.exec.arguments));
  const missingPlace = claim.arguments.places.find((p) => !seen.includes(p.toLowerCase()));
  if (missingPlace && places.length > 0 && !places.some((p) => sentence.includes(p.toLowerCase()))) {
    return { kind: 'argument-mismatch', message: `the model says ${missingPlace}, but ${tool} was called with ${unique(places).join(', ')}`, toolSpans: spans };
  }
  return undefined;
}

/** String arguments naming a place (city, destination, location). */
function placeArguments(args: unknown): string[] {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return [];
  const r = args as Record<string, unknown>;
  return Object.keys(r)
    .filter((k) => /^(?:city|destination|location|place|town)$/i.test(k) && typeof r[k] === 'string' && (r[k] as string).trim() !== '')
    .map((k) => (r[k] as string).trim());
}

/** Nouns that name an action on their own ("submitted your refund", "confirmed the booking"). */
const ACTION_NOUNS = new Set(['refund', 'booking', 'reservation', 'payment', 'invite', 'invitation', 'transfer', 'reimbursement']);

function objectActions(object: string): ActionId[] {
  const out: ActionId[] = [];
  for (const w of object.toLowerCase().match(/[a-z]+/g) ?? []) {
    const a = ACTION_NOUNS.has(w) ? (actionOfBaseWord(w) ?? actionOfAnyForm(w)) : undefined;
    if (a) out.push(a);
  }
  return out;
}

function numberIn(text: string, x: number): boolean {
  const forms = [String(x), x.toFixed(2), String(Math.round(x * 100))];
  return forms.some((f) => new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d])`).test(text));
}

function claimWords(sentence: string): Set<string> {
  const out = new Set<string>();
  for (const w of sentence.toLowerCase().match(/[a-z]+/g) ?? []) if (w.length > 2 && !CLAIM_STOP.has(w)) out.add(singular(w));
  return out;
}

function overlap(p: ToolProfile, words: ReadonlySet<string>): number {
  let n = 0;
  for (const w of p.objectWords) if (words.has(w)) n++;
  return n;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
