import type { ActionId } from './types';

/**
 * The synonym table of side-effecting actions. Each canonical action lists
 * - `base`: words that name it in tool names, descriptions and answers (send, email, notify);
 * - `done`: the past / participle forms that make a completed claim ("sent", "emailed");
 * - `other`: further forms that only count as a mention in an answer (sending, invitation).
 * Words that are also common nouns in tool names ("file") are left out of `base` so a tool
 * called write_file is not read as "submit".
 */
interface ActionEntry {
  readonly base: readonly string[];
  readonly done: readonly string[];
  readonly other?: readonly string[];
}

const TABLE: Readonly<Record<ActionId, ActionEntry>> = {
  send: {
    base: ['send', 'email', 'mail', 'notify', 'forward', 'dispatch', 'sms', 'reply', 'publish', 'post', 'share'],
    done: ['sent', 'emailed', 'mailed', 'notified', 'messaged', 'forwarded', 'dispatched', 'texted', 'replied', 'published', 'posted', 'shared'],
    other: ['sending', 'emailing', 'notification', 'notifying', 'forwarding', 'message', 'messages', 'posting', 'sharing'],
  },
  invite: { base: ['invite'], done: ['invited'], other: ['invitation', 'inviting'] },
  book: {
    base: ['book', 'reserve', 'booking', 'reservation'],
    done: ['booked', 'reserved'],
    other: ['bookings', 'reservations', 'reserving'],
  },
  refund: { base: ['refund', 'reimburse'], done: ['refunded', 'reimbursed'], other: ['refunding', 'reimbursement'] },
  create: {
    base: ['create', 'add', 'register', 'insert'],
    done: ['created', 'added', 'registered', 'inserted'],
    other: ['creating', 'adding', 'creation'],
  },
  update: {
    base: ['update', 'modify', 'change', 'edit', 'rename', 'patch', 'upsert'],
    done: ['updated', 'modified', 'changed', 'edited', 'renamed', 'patched'],
    other: ['updating', 'modification'],
  },
  delete: {
    base: ['delete', 'remove', 'cancel', 'drop', 'erase', 'purge'],
    done: ['deleted', 'removed', 'cancelled', 'canceled', 'dropped', 'erased', 'purged'],
    other: ['deleting', 'removal', 'cancellation', 'cancelling', 'canceling'],
  },
  submit: { base: ['submit'], done: ['submitted', 'filed'], other: ['submission', 'submitting'] },
  pay: {
    base: ['pay', 'charge', 'transfer', 'purchase', 'buy', 'order', 'payment', 'checkout'],
    done: ['paid', 'charged', 'transferred', 'purchased', 'bought', 'ordered'],
    other: ['paying', 'charging', 'transferring'],
  },
  schedule: { base: ['schedule'], done: ['scheduled', 'rescheduled'], other: ['scheduling'] },
  deploy: { base: ['deploy', 'release'], done: ['deployed', 'released'], other: ['deployment', 'deploying'] },
  merge: { base: ['merge'], done: ['merged'], other: ['merging'] },
  commit: { base: ['commit'], done: ['committed'], other: ['committing'] },
  push: { base: ['push'], done: ['pushed'], other: ['pushing'] },
  write: { base: ['write', 'save'], done: ['wrote', 'written', 'saved'], other: ['writing', 'saving'] },
  test: { base: ['test', 'tests', 'pytest', 'jest', 'vitest'], done: [], other: ['testing'] },
};

/**
 * Verbs of tools that produce content without delivering it (draft_email, compose_sms,
 * generate_post): the medium in their name is their object, so they never back a delivery claim.
 */
const CONTENT_VERBS = new Set(['draft', 'compose', 'write', 'generate', 'prepare', 'render', 'format', 'preview', 'template', 'summarize', 'summarise']);
/** Name words that do deliver: send_draft, post_message, share_file. */
const DELIVERY_VERBS = new Set(['send', 'notify', 'forward', 'dispatch', 'reply', 'publish', 'post', 'share', 'deliver']);

export function isContentVerb(word: string): boolean {
  return CONTENT_VERBS.has(word.toLowerCase());
}

export function isDeliveryVerb(word: string): boolean {
  return DELIVERY_VERBS.has(word.toLowerCase());
}

/** Participles that are not also the simple past, with their past ("it written" → "it wrote"). */
const SIMPLE_PAST: Readonly<Record<string, string>> = { written: 'wrote' };
/** Simple pasts that are not also the participle ("was wrote" → "was written"). */
const PARTICIPLE: Readonly<Record<string, string>> = { wrote: 'written' };

/** The simple past of a completed-form verb, keeping its case ("written" → "wrote"). */
export function simplePast(verb: string): string {
  return SIMPLE_PAST[verb.toLowerCase()] ?? verb;
}

/** The past participle of a completed-form verb ("wrote" → "written"). */
export function pastParticiple(verb: string): string {
  return PARTICIPLE[verb.toLowerCase()] ?? verb;
}

/** Words naming read-only tools: a tool with one of these is never side-effecting. */
const READ_ONLY = new Set([
  'get',
  'search',
  'list',
  'lookup',
  'look',
  'find',
  'fetch',
  'read',
  'query',
  'check',
  'view',
  'show',
  'describe',
  'retrieve',
  'browse',
  'calculate',
  'convert',
  'compute',
  'count',
  'inspect',
  'summarize',
  'summarise',
  'analyze',
  'analyse',
  'validate',
  'preview',
  'estimate',
  'quote',
  'status',
  'weather',
  'time',
  'info',
  'suggestion',
]);

const DONE_FORM = new Map<string, ActionId>();
const BASE_FORM = new Map<string, ActionId>();
const MENTION_FORM = new Map<string, ActionId>();
for (const id of Object.keys(TABLE)) {
  const e = TABLE[id];
  for (const w of e.done) DONE_FORM.set(w, id);
  for (const w of e.base) BASE_FORM.set(w, id);
  for (const w of [...e.base, ...e.done, ...(e.other ?? [])]) MENTION_FORM.set(w, id);
}

/** The action a completed-form verb names ("booked" → book), if any. */
export function actionOfDoneForm(word: string): ActionId | undefined {
  return DONE_FORM.get(word.toLowerCase());
}

/** The action a word names in a tool name or description ("email" → send), if any. */
export function actionOfBaseWord(word: string): ActionId | undefined {
  const w = word.toLowerCase();
  return BASE_FORM.get(w) ?? BASE_FORM.get(singular(w));
}

/** The action any form of a word names, for mention checks ("booking" → book). */
export function actionOfAnyForm(word: string): ActionId | undefined {
  const w = word.toLowerCase();
  return MENTION_FORM.get(w) ?? MENTION_FORM.get(singular(w));
}

export function isReadOnlyWord(word: string): boolean {
  return READ_ONLY.has(word.toLowerCase());
}

/** Crude singular for overlap tests: "nights" → "night", keeps "address", "status". */
export function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') ? w.slice(0, -1) : w;
}

/** Splits a tool name into lower-case words: snake, kebab, dotted, camel and Pascal case. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}
