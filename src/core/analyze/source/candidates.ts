/** A place in a source file that may be what the user is looking for, and how sure we are. */
export interface SourceCandidate {
  /** Workspace-relative or absolute path as the caller named the file. */
  readonly path: string;
  /** 0-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
  /** Higher is better (see `SCORES`). */
  readonly score: number;
  /** Why it matched, shown in the quick pick ("handler via execute: getWeather"). */
  readonly reason: string;
}

/**
 * How much each kind of match is worth. A handler reached from the tool's definition beats the
 * definition, which beats a registration by name, which beats a function merely named like the tool.
 */
export const SCORES = {
  codeAttribute: 100,
  followedHandler: 95,
  decoratedFunction: 90,
  inlineExecute: 90,
  toolRegistration: 85,
  toolDefinition: 80,
  toolNameProperty: 70,
  symbol: 65,
  namedFunction: 60,
  promptText: 90,
  promptName: 75,
  userMapping: 100,
} as const;

const TEST_PATH = /(^|\/)(test|tests|__tests__|spec)(\/|$)|\.(test|spec)\.[jt]sx?$|(^|\/)test_[^/]*\.py$/;

/**
 * Best first, one per file and line (the best reason kept): score, then non-test files, then
 * shorter paths, then earlier lines.
 */
export function rankCandidates(list: readonly SourceCandidate[]): SourceCandidate[] {
  const best = new Map<string, SourceCandidate>();
  for (const c of list) {
    const key = `${c.path}\n${c.line}`;
    const prev = best.get(key);
    if (!prev || c.score > prev.score) best.set(key, c);
  }
  return [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      Number(TEST_PATH.test(a.path)) - Number(TEST_PATH.test(b.path)) ||
      a.path.length - b.path.length ||
      a.path.localeCompare(b.path) ||
      a.line - b.line,
  );
}

/**
 * The candidate to open without asking: the only one, or a top one that is a handler-level
 * match (score ≥ 90) clearly ahead of the next (another candidate with the same score means the
 * user must choose). Undefined: show a pick list (or nothing when the list is empty).
 */
export function decisiveCandidate(ranked: readonly SourceCandidate[]): SourceCandidate | undefined {
  if (ranked.length === 1) return ranked[0];
  if (ranked.length === 0) return undefined;
  const [first, second] = ranked;
  return first.score >= 90 && first.score > second.score ? first : undefined;
}
