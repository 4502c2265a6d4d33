import { cardNumberValid, ibanValid, ssnValid } from './checksums';
import { rule, windowed, type Rule } from './rule';

/** File extensions that follow `name@2x.` in asset names, which are not e-mail domains. */
const ASSET_TLD = /\.(?:png|jpe?g|gif|svg|webp|ico|js|mjs|ts|css|json|md|py|txt|html?|pdf)$/i;

/**
 * Personal data: e-mail addresses (also `%40`-encoded in query strings), phone numbers
 * (international `+…` or North American formatted, never a bare digit run: those are ids,
 * counts and times), card numbers (issuer prefix + Luhn), IBANs (mod 97), US SSNs (area rules)
 * and UK National Insurance numbers.
 */
export const PII_RULES: readonly Rule[] = [
  windowed(
    rule(
      'email',
      `(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}(?:@|%40)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])`,
      { any: ['@', '%40'] },
      (s) => !ASSET_TLD.test(s),
    ),
    { anchors: ['@', '%40'], before: 70, after: 260 },
  ),
  rule('iban', `(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])`, { digits: 6 }, ibanValid),
  rule(
    'card',
    `(?<![\\w.+-])(?:\\d{4}[ -]\\d{4}[ -]\\d{4}[ -]\\d{1,7}|\\d{4}[ -]\\d{6}[ -]\\d{4,5}|\\d{13,19})(?![\\w.]|[ -]\\d)`,
    { digits: 12 },
    cardNumberValid,
  ),
  rule('ssn', `(?<![\\w-])\\d{3}-\\d{2}-\\d{4}(?![\\w-])`, { digits: 9, any: ['-'] }, ssnValid),
  rule('ssn', `\\b(?:ssn|social security(?: number| no\\.?)?)\\W{0,3}(?<s>\\d{9})\\b`, { anyCi: ['ssn', 'social security'] }, ssnValid, 'gi'),
  rule('uk-nino', `\\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b`, { digits: 6 }, undefined),
  rule(
    'phone',
    `(?<![\\w+%])(?:\\+|%2B)[1-9]\\d{0,2}(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d{1,4}){2,6}(?![\\w.]|-\\d)`,
    { any: ['+', '%2B', '%2b'], digits: 8 },
    phoneDigits,
    'gi',
  ),
  rule('phone', `(?<![\\w.+-])(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])[2-9]\\d{2}[-. ]\\d{4}(?![\\w-]|\\.\\d)`, { digits: 10 }, undefined),
];

/** International numbers have 8 to 15 digits (E.164). */
function phoneDigits(s: string): boolean {
  const n = s.replace(/%2B/i, '').replace(/\D/g, '').length;
  return n >= 8 && n <= 15;
}
