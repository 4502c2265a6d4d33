import type { Rule } from './rules/rule';
import type { AllowList } from './scanText';

/**
 * The user's redaction settings: `agentTrace.redaction.extraPatterns` (an array of
 * `{ name, pattern }`, `pattern` a JavaScript regex source, `name` the marker type) and
 * `agentTrace.redaction.allow` (an array of values never redacted: an exact string, or
 * `/source/flags` for a regex). Bad entries are reported in `errors` and skipped, never thrown.
 */
export interface RedactionSettings {
  readonly extraPatterns: readonly { readonly name: string; readonly pattern: string }[];
  readonly allow: readonly string[];
}

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;
const MAX_PATTERN = 1000;

/** Validates raw setting values (anything a settings.json may hold). */
export function parseRedactionSettings(extraPatterns: unknown, allow: unknown): { settings: RedactionSettings; errors: string[] } {
  const errors: string[] = [];
  const patterns: { name: string; pattern: string }[] = [];
  if (extraPatterns !== undefined && extraPatterns !== null && !Array.isArray(extraPatterns)) errors.push('agentTrace.redaction.extraPatterns: not an array');
  for (const [i, e] of (Array.isArray(extraPatterns) ? extraPatterns : []).entries()) {
    const at = `agentTrace.redaction.extraPatterns[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) {
      errors.push(`${at}: not an object with name and pattern`);
      continue;
    }
    const { name, pattern } = e as { name?: unknown; pattern?: unknown };
    if (typeof name !== 'string' || !NAME.test(name)) {
      errors.push(`${at}.name: must be 1–40 lower-case letters, digits or '-'`);
      continue;
    }
    const problem = typeof pattern === 'string' ? patternProblem(pattern, 'g') : 'not a string';
    if (problem !== undefined) {
      errors.push(`${at}.pattern: ${problem}`);
      continue;
    }
    patterns.push({ name, pattern: pattern as string });
  }
  const values: string[] = [];
  if (allow !== undefined && allow !== null && !Array.isArray(allow)) errors.push('agentTrace.redaction.allow: not an array');
  for (const [i, v] of (Array.isArray(allow) ? allow : []).entries()) {
    const at = `agentTrace.redaction.allow[${i}]`;
    if (typeof v !== 'string' || v === '') {
      errors.push(`${at}: not a non-empty string`);
      continue;
    }
    const lit = REGEX_LITERAL.exec(v);
    const problem = lit === null ? undefined : patternProblem(lit[1], lit[2]);
    if (problem !== undefined) {
      errors.push(`${at}: ${problem}`);
      continue;
    }
    values.push(v);
  }
  return { settings: { extraPatterns: patterns, allow: values }, errors };
}

/** Why a regex source cannot be used, or undefined. A rule that matches the empty string would mark every position. */
function patternProblem(source: string, flags: string): string | undefined {
  if (source.length === 0) return 'empty pattern';
  if (source.length > MAX_PATTERN) return `longer than ${MAX_PATTERN} characters`;
  if (!/^[gimsuy]*$/.test(flags)) return `unsupported flags '${flags}'`;
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return `invalid regular expression (${(e as Error).message})`;
  }
  if (re.test('')) return 'matches the empty string';
  return undefined;
}

/** User rules as scanner rules; invalid ones are skipped and reported. */
export function compileExtraRules(patterns: RedactionSettings['extraPatterns']): { rules: Rule[]; errors: string[] } {
  const { settings, errors } = parseRedactionSettings(patterns, undefined);
  return { rules: settings.extraPatterns.map((p) => ({ type: p.name, pattern: new RegExp(p.pattern, 'g'), hint: {} })), errors };
}

/** The allow list; invalid regexes are skipped and reported. */
export function compileAllow(values: readonly string[]): { allow: AllowList; errors: string[] } {
  const { settings, errors } = parseRedactionSettings(undefined, values);
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const v of settings.allow) {
    const lit = REGEX_LITERAL.exec(v);
    if (lit === null) exact.add(v);
    else patterns.push(new RegExp(lit[1], lit[2].replace('g', '')));
  }
  return { allow: { exact, patterns }, errors };
}
