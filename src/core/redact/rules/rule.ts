/**
 * One detection rule. `pattern` is global; when it has a named group `s`, only that group is the
 * secret (the rest is context that stays, e.g. the `Authorization: Bearer ` before a token),
 * otherwise the whole match is. `hint` is a cheap necessary condition that lets the scanner
 * skip the rule on texts that cannot match (most texts of a trace): it must never be narrower
 * than the pattern. `check` rejects matches the pattern alone cannot judge (Luhn, mod-97, SSN
 * area numbers, "looks random").
 *
 * Rules are hand-written. The maintained sets are Python or Go (detect-secrets, gitleaks'
 * TOML, trufflehog); the JS one, secretlint's rule preset (MIT), is a set of async rules bound
 * to secretlint's file linting context, without personal data, checksums or key context, and
 * a scanner that must do 10k spans in well under a second cannot go through it. The prefixes
 * follow the providers' documented formats (and gitleaks' public patterns).
 */
export interface Rule {
  readonly type: string;
  readonly pattern: RegExp;
  readonly hint: Hint;
  readonly check?: (secret: string) => boolean;
  /** The type of one match when it depends on the match (an assignment is typed by its key). */
  readonly typeOf?: (m: RegExpExecArray) => string;
  /**
   * For rules whose regex starts with a broad character class (slow over megabytes): on a large
   * text, the regex runs only on windows around these lower-case anchors, `before` characters
   * back and `after` forward, which must cover any match containing the anchor.
   */
  readonly window?: Window;
}

export interface Window {
  readonly anchors: readonly string[];
  readonly before: number;
  readonly after: number;
}

/** The same rule, scanned by windows on large texts. */
export function windowed(r: Rule, window: Window): Rule {
  return { ...r, window };
}

/**
 * A necessary condition, checked from features computed once per text. The rule runs when one
 * of the given `any` / `anyCi` / `digits` conditions holds (all of them when none is given)
 * and the text has a token run of at least `run` characters.
 */
export interface Hint {
  /** Substrings, case-sensitive. */
  readonly any?: readonly string[];
  /** Lower-case substrings, looked for in the lower-cased text. */
  readonly anyCi?: readonly string[];
  /** At least this many ASCII digits in the text. */
  readonly digits?: number;
  /** A run of at least this many `[A-Za-z0-9_-]` characters. */
  readonly run?: number;
}

/** Not preceded by a key character: a token starts here, not in the middle of a word. */
export const START = '(?<![A-Za-z0-9_-])';
/** Not followed by a key character. */
export const END = '(?![A-Za-z0-9_-])';

export function rule(
  type: string,
  source: string,
  hint: Hint,
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
