/**
 * One detection rule. `pattern` is global; when it has a named group `s`, only that group is the
 * secret (the rest is context that stays, e.g. the `Authorization: Bearer ` before a token),
 * otherwise the whole match is. `hint` is a cheap necessary condition (a regex source, tested
 * case-insensitively) that lets the scanner skip the rule on texts that cannot match; it must
 * never be narrower than the pattern. `check` rejects matches the pattern alone cannot judge
 * (Luhn, mod-97, SSN area numbers, "looks random").
 *
 * Rules are hand-written: the npm secret-pattern sets we looked at are either Python/Go data
 * files (detect-secrets, gitleaks' TOML, trufflehog), GPL-licensed, or unmaintained JS ports
 * without PII rules or context handling; none validates checksums or knows trace ids from
 * keys. The prefixes follow the providers' documented formats (and gitleaks' public patterns).
 */
export interface Rule {
  readonly type: string;
  readonly pattern: RegExp;
  readonly hint: string;
  readonly check?: (secret: string) => boolean;
  /** The type of one match when it depends on the match (an assignment is typed by its key). */
  readonly typeOf?: (m: RegExpExecArray) => string;
}

/** Not preceded by a key character: a token starts here, not in the middle of a word. */
export const START = '(?<![A-Za-z0-9_-])';
/** Not followed by a key character. */
export const END = '(?![A-Za-z0-9_-])';

export function rule(
  type: string,
  source: string,
  hint: string,
  check?: (secret: string) => boolean,
  flags = 'g',
  typeOf?: (m: RegExpExecArray) => string,
): Rule {
  return { type, pattern: new RegExp(source, flags), hint, check, typeOf };
}

/** Letters and digits both present: real keys are random, words and slugs rarely have both at length. */
export function mixedAlnum(s: string): boolean {
  return /[A-Za-z]/.test(s) && /\d/.test(s);
}

/** Upper case, lower case and digits all present (base62 keys of 20+ characters nearly always are). */
export function base62ish(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s);
}
