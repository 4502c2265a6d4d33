import type { ClaimArguments } from './types';

/**
 * Values a sentence names and values a tool call carries, normalised so the two can be
 * compared: e-mails lower-cased, ids lower-cased without '#', amounts as numbers.
 */

/**
 * E-mail addresses, and the redaction marker that stands for one (`[REDACTED:email#2]`): one
 * value gets one marker throughout a redacted trace, so comparing markers compares the addresses.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\[REDACTED:email#\d+\]/g;
const CURRENCY_BEFORE = /(?:[$€£¥]|\b(?:USD|EUR|GBP|CHF|JPY)\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;
const CURRENCY_AFTER = /\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s?(?:[$€£]|(?:USD|EUR|GBP|CHF|JPY|dollars|euros|pounds)\b)/g;
const HASH_ID = /#([A-Za-z0-9][A-Za-z0-9-]{1,})/g;
/** Letters and digits mixed (TP1351, ORD-1234, INV-2024-001), at least 4 characters. */
const MIXED_ID = /\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const TEXT_DATE = new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?)\\b`, 'g');
const PLACE = /\b(?:in|to|from|at)\s+((?:[A-Z][a-zà-ÿ]+)(?:\s+[A-Z][a-zà-ÿ]+)?)/g;
const NUMBER = /(?<![\w.#-])\d+(?:\.\d+)?(?![\w-])/g;
/** A markdown link's target and bare URLs: values inside a link are where to look, not what was done. */
const LINK_TARGET = /\]\([^)\s]*\)/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;
const FULL_NAME = /(?<![\w.])[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)+\b/g;
const NOT_A_NAME = new RegExp(`^(?:${MONTHS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I|The|A|An|My|Your|Our|Done|Sure|Great)$`);

export function extractArguments(text: string): ClaimArguments {
  const clause = text.replace(LINK_TARGET, ']').replace(URL, ' ');
  const emails = unique([...clause.matchAll(EMAIL)].map((m) => m[0].toLowerCase()));
  const withoutEmails = clause.replace(EMAIL, ' ');
  const amounts = unique([...withoutEmails.matchAll(CURRENCY_BEFORE), ...withoutEmails.matchAll(CURRENCY_AFTER)].map((m) => money(m[1], m[2])));
  const dates = unique([...withoutEmails.matchAll(ISO_DATE), ...withoutEmails.matchAll(TEXT_DATE)].map((m) => m[0]));
  const withoutDates = withoutEmails.replace(ISO_DATE, ' ').replace(TEXT_DATE, ' ');
  const ids = unique(
    [...[...withoutDates.matchAll(HASH_ID)].map((m) => m[1]), ...[...withoutDates.matchAll(MIXED_ID)].map((m) => m[0])]
      .map((s) => s.toLowerCase())
      .filter((s) => s.length >= 4 && !/^\d+(st|nd|rd|th|am|pm|h|km|kg|gb|mb)$/.test(s)),
  );
  const numbers = unique([...withoutDates.replace(CURRENCY_BEFORE, ' ').replace(CURRENCY_AFTER, ' ').matchAll(NUMBER)].map((m) => Number(m[0])));
  const places = unique([...withoutEmails.matchAll(PLACE)].map((m) => m[1]).filter((p) => !new RegExp(`^(?:${MONTHS})\\b`).test(p)));
  const names = unique(
    [...withoutEmails.matchAll(FULL_NAME)]
      .map((m) => m[0].split(/\s+/).filter((w) => !NOT_A_NAME.test(w)))
      .flatMap((ws) => (ws.length >= 2 ? [ws.join(' ')] : [])),
  );
  return { emails, amounts, numbers, ids, dates, places, names };
}

function money(whole: string, cents: string | undefined): number {
  return Number(whole.replace(/,/g, '')) + (cents ? Number(cents.padEnd(2, '0')) / 100 : 0);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The leaves of a tool call's arguments, with the key each sits under (lower-cased). */
export interface ArgumentLeaf {
  readonly key: string;
  readonly value: string | number;
}

export function argumentLeaves(args: unknown, key = '', out: ArgumentLeaf[] = [], depth = 0): ArgumentLeaf[] {
  if (depth > 8) return out;
  if (typeof args === 'string') {
    const t = args.trim();
    if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
      try {
        return argumentLeaves(JSON.parse(t) as unknown, key, out, depth + 1);
      } catch {
        // not JSON after all: keep it as text
      }
    }
    out.push({ key, value: args });
  } else if (typeof args === 'number' && Number.isFinite(args)) out.push({ key, value: args });
  else if (Array.isArray(args)) for (const v of args) argumentLeaves(v, key, out, depth + 1);
  else if (args !== null && typeof args === 'object') {
    for (const k of Object.keys(args)) argumentLeaves((args as Record<string, unknown>)[k], k.toLowerCase(), out, depth + 1);
  }
  return out;
}

/** Keys under which a number is a money amount. */
export const AMOUNT_KEY = /amount|price|total|sum|cost|charge|refund|value|fee|usd|eur/;
/** Keys under which a string is a person's name. */
const NAME_KEY = /name|recipient|^to$|contact|assignee|person|attendee|guest|customer/;
/** A person's full name as tools carry it: two to four capitalised words. */
const PERSON_NAME = /^[A-Z][a-zà-ÿ'-]+(?:\s+[A-Z][a-zà-ÿ'-]+){1,3}$/;

/** Keys under which a value is an identifier. */
export const ID_KEY = /(^|_|\b)id$|_id|ids?$|number|ref|order|invoice|ticket|booking|confirmation|code/;

/** The comparable values of executed arguments: e-mails, amounts and ids, normalised like claims. */
export interface ExecutedValues {
  readonly emails: Set<string>;
  readonly amounts: Set<number>;
  readonly ids: Set<string>;
  /** Person names under name-like keys, as written. */
  readonly names: Set<string>;
  /** All string leaves lower-cased, joined, for substring checks. */
  readonly text: string;
}

export function executedValues(args: unknown): ExecutedValues {
  const emails = new Set<string>();
  const amounts = new Set<number>();
  const ids = new Set<string>();
  const names = new Set<string>();
  const texts: string[] = [];
  for (const { key, value } of argumentLeaves(args)) {
    if (typeof value === 'number') {
      if (AMOUNT_KEY.test(key)) {
        amounts.add(value);
        if (/cent/.test(key)) amounts.add(value / 100);
      }
      if (ID_KEY.test(key)) ids.add(String(value));
      continue;
    }
    texts.push(value.toLowerCase());
    for (const m of value.matchAll(EMAIL)) emails.add(m[0].toLowerCase());
    if (AMOUNT_KEY.test(key) && /^\s*[$€£]?\s*\d+(\.\d+)?\s*$/.test(value)) amounts.add(Number(value.replace(/[^\d.]/g, '')));
    if (ID_KEY.test(key) && value.length < 80) ids.add(value.toLowerCase().replace(/^#/, ''));
    if (NAME_KEY.test(key) && PERSON_NAME.test(value.trim())) names.add(value.trim());
  }
  return { emails, amounts, ids, names, text: texts.join('\n') };
}
