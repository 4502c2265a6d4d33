import type { Hint, Rule } from './rules/rule';

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
  readonly hint: Hint;
}

/** What the hints look at, computed in one pass over the text. */
class TextFeatures {
  readonly digits: number;
  readonly run: number;
  #lower: string | undefined;

  constructor(readonly text: string) {
    let digits = 0;
    let run = 0;
    let cur = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const isDigit = c >= 48 && c <= 57;
      if (isDigit) digits++;
      if (isDigit || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45) {
        if (++cur > run) run = cur;
      } else cur = 0;
    }
    this.digits = digits;
    this.run = run;
  }

  get lower(): string {
    return (this.#lower ??= this.text.toLowerCase());
  }
}

function passes(h: Hint, f: TextFeatures): boolean {
  if (h.digits !== undefined && f.digits < h.digits) return false;
  if (h.run !== undefined && f.run < h.run) return false;
  if (h.any === undefined && h.anyCi === undefined) return true;
  if (h.any !== undefined) for (const s of h.any) if (f.text.includes(s)) return true;
  if (h.anyCi !== undefined) for (const s of h.anyCi) if (f.lower.includes(s)) return true;
  return false;
}

/**
 * Runs rules over one text and returns the non-overlapping secrets, by position. A text no
 * rule's hint admits (most texts of a trace) costs one pass over its characters and a few
 * substring searches; the rules' regexes run only where their hint holds.
 */
export class Scanner {
  readonly #rules: readonly CompiledRule[];
  /** The smallest `run` / `digits` any rule requires: a text below both can only meet rules without them. */
  readonly #minRun: number;
  readonly #minDigits: number;
  /** The rules with neither requirement. */
  readonly #plain: readonly CompiledRule[];

  constructor(
    rules: readonly Rule[],
    private readonly allow: AllowList,
  ) {
    this.#rules = rules.map((rule) => ({
      rule,
      pattern: new RegExp(rule.pattern.source, rule.pattern.flags.includes('d') ? rule.pattern.flags : rule.pattern.flags + 'd'),
      hint: rule.hint,
    }));
    this.#minRun = Math.min(...this.#rules.filter((r) => r.hint.run !== undefined).map((r) => r.hint.run!));
    this.#minDigits = Math.min(...this.#rules.filter((r) => r.hint.run === undefined && r.hint.digits !== undefined).map((r) => r.hint.digits!));
    this.#plain = this.#rules.filter((r) => r.hint.run === undefined && r.hint.digits === undefined);
  }

  /** The rules to try on a text: those needing a long run or many digits are skipped together when it has neither. */
  #pool(f: TextFeatures): readonly CompiledRule[] {
    return f.run >= this.#minRun || f.digits >= this.#minDigits ? this.#rules : this.#plain;
  }

  /** False when no rule can match `text` (a necessary condition only). */
  mayMatch(text: string): boolean {
    const f = new TextFeatures(text);
    return this.#pool(f).some((r) => passes(r.hint, f));
  }

  scan(text: string): TextMatch[] {
    const f = new TextFeatures(text);
    let taken: TextMatch[] | undefined;
    let allowed: TextMatch[] | undefined;
    for (const { rule, pattern, hint } of this.#pool(f)) {
      if (!passes(hint, f)) continue;
      taken ??= [];
      for (const [from, to] of windowsOf(rule, f)) {
        const part = from === 0 && to === text.length ? text : text.slice(from, to);
        pattern.lastIndex = 0;
        for (let m = pattern.exec(part); m !== null; m = pattern.exec(part)) {
          if (m[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const span = m.indices?.groups?.s ?? m.indices?.[0];
          if (span === undefined) continue;
          const start = span[0] + from;
          const end = span[1] + from;
          const value = text.slice(start, end);
          // A marker left by redaction (`https://u:[REDACTED:url-password#1]@h`) is not a secret.
          if (value.length === 0 || value.includes('[REDACTED:') || overlaps(taken, start, end) || (allowed !== undefined && overlaps(allowed, start, end)))
            continue;
          if (rule.check !== undefined && !rule.check(value)) continue;
          const match = { start, end, type: rule.typeOf?.(m) ?? rule.type, value };
          // An allowed value still claims its text, so a weaker rule cannot match a part of it.
          if (isAllowed(this.allow, value)) (allowed ??= []).push(match);
          else taken.push(match);
        }
      }
    }
    return taken === undefined ? [] : taken.sort((a, b) => a.start - b.start);
  }
}

/** Texts longer than this are scanned by windows for windowed rules. */
const LARGE_TEXT = 16_384;

/** Where to run a rule: the whole text, or merged windows around its anchors on a large text. */
function windowsOf(rule: Rule, f: TextFeatures): [number, number][] {
  const text = f.text;
  const w = rule.window;
  if (w === undefined || text.length <= LARGE_TEXT) return [[0, text.length]];
  const lower = f.lower;
  const starts: number[] = [];
  for (const a of w.anchors) for (let i = lower.indexOf(a); i !== -1; i = lower.indexOf(a, i + 1)) starts.push(i);
  starts.sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const i of starts) {
    const from = Math.max(0, i - w.before);
    const to = Math.min(text.length, i + w.after);
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function overlaps(taken: readonly TextMatch[], start: number, end: number): boolean {
  for (const t of taken) if (start < t.end && t.start < end) return true;
  return false;
}
