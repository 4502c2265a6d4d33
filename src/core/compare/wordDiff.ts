import { diffWords } from 'diff';

/** One run of a word diff: text common to both, only in A (`removed`) or only in B (`added`). */
export interface WordDiffPart {
  readonly op: 'same' | 'added' | 'removed';
  readonly text: string;
}

/**
 * Beyond this many word edits the texts are shown as wholly replaced: jsdiff's diff is O(N·D),
 * and two unrelated long answers would otherwise take seconds.
 */
const MAX_EDITS = 2000;

/** The model's text of A against B, word by word (jsdiff `diffWords`: words and punctuation are tokens, whitespace kept). */
export function wordDiff(a: string, b: string): WordDiffPart[] {
  if (a === b) return a === '' ? [] : [{ op: 'same', text: a }];
  const changes = diffWords(a, b, { maxEditLength: MAX_EDITS });
  if (changes === undefined) return [...(a ? [{ op: 'removed' as const, text: a }] : []), ...(b ? [{ op: 'added' as const, text: b }] : [])];
  return changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}
