import type { Rule } from './rules/rule';

/** One secret in a text: `[start, end)` is what gets replaced. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** Values never redacted (`agentTrace.redaction.allow`): exact strings or regexes. */
export interface AllowList {
  readonly exact: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
}

export const EMPTY_ALLOW: AllowList = { exact: new Set(), patterns: [] };

export function isAllowed(allow: AllowList, value: string): boolean {
  if (allow.exact.has(value)) return true;
  for (const p of allow.patterns) {
    p.lastIndex = 0;
    if (p.test(value)) return true;
  }
  return false;
}

interface CompiledRule {
  readonly rule: Rule;
  readonly pattern: RegExp;
  readonly hint: RegExp;
}

/**
 * Runs rules over one text and returns the non-overlapping secrets, by position. A text that
 * matches no rule's hint (most texts of a trace) costs one regex test.
 */
export class Scanner {
  readonly #rules: readonly CompiledRule[];
  readonly #anyHint: RegExp;

  constructor(
    rules: readonly Rule[],
    private readonly allow: AllowList,
  ) {
    this.#rules = rules.map((rule) => ({
      rule,
      pattern: new RegExp(rule.pattern.source, rule.pattern.flags.includes('d') ? rule.pattern.flags : rule.pattern.flags + 'd'),
      hint: new RegExp(rule.hint, 'i'),
    }));
    this.#anyHint = new RegExp(rules.map((r) => `(?:${r.hint})`).join('|'), 'i');
  }

  /** False when no rule can match `text` (a necessary condition only). */
  mayMatch(text: string): boolean {
    return this.#anyHint.test(text);
  }

  scan(text: string): TextMatch[] {
    if (!this.#anyHint.test(text)) return [];
    const taken: TextMatch[] = [];
    for (const { rule, pattern, hint } of this.#rules) {
      if (!hint.test(text)) continue;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        const span = m.indices?.groups?.s ?? m.indices?.[0];
        if (span === undefined) continue;
        const [start, end] = span;
        const value = text.slice(start, end);
        // A marker left by redaction (`https://u:[REDACTED:url-password#1]@h`) is not a secret.
        if (value.length === 0 || value.includes('[REDACTED:') || overlaps(taken, start, end)) continue;
        if (rule.check !== undefined && !rule.check(value)) continue;
        if (isAllowed(this.allow, value)) continue;
        taken.push({ start, end, type: rule.typeOf?.(m) ?? rule.type, value });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  }
}

function overlaps(taken: readonly TextMatch[], start: number, end: number): boolean {
  for (const t of taken) if (start < t.end && t.start < end) return true;
  return false;
}
