/**
 * The search bar as data: the filter sent with `searchSpans`, match stepping and the counter.
 * Pure. Matches are span indices ascending, which is also display order (tree pre-order).
 */
import { CATEGORY_CODES, MAX_FILTER_TEXT, type SpanFilter, type SpanStatusFilter } from '../../src/core/protocol';

export interface SearchInputs {
  readonly text: string;
  readonly category: string;
  readonly status: SpanStatusFilter;
  /** `key` or `key=value`, as typed. */
  readonly attribute: string;
}

/** `key` or `key=value` (split at the first `=`, both sides trimmed); undefined when there is no key. */
export function parseAttributeQuery(q: string): { key: string; value?: string } | undefined {
  const eq = q.indexOf('=');
  const key = (eq < 0 ? q : q.slice(0, eq)).trim().slice(0, MAX_FILTER_TEXT);
  if (key === '') return undefined;
  if (eq < 0) return { key };
  return {
    key,
    value: q
      .slice(eq + 1)
      .trim()
      .slice(0, MAX_FILTER_TEXT),
  };
}

/** The request filter, or undefined when the inputs filter nothing (no search is sent, nothing is highlighted). */
export function filterOf(inp: SearchInputs): SpanFilter | undefined {
  const text = inp.text.trim().slice(0, MAX_FILTER_TEXT);
  const category = inp.category === 'any' || (CATEGORY_CODES as readonly string[]).includes(inp.category) ? inp.category : 'any';
  const attribute = parseAttributeQuery(inp.attribute);
  if (text === '' && category === 'any' && inp.status === 'any' && !attribute) return undefined;
  return { text, category, status: inp.status, ...(attribute ? { attribute } : {}) };
}

/** Position of the first match ≥ `index` (binary search); `matches.length` when none. */
function lowerBound(matches: Int32Array, index: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The match after (`dir` 1) or before (-1) span `selected`, wrapping around; -1 when there are none. */
export function stepMatch(matches: Int32Array, selected: number, dir: 1 | -1): number {
  const m = matches.length;
  if (m === 0) return -1;
  if (dir === 1) {
    const k = lowerBound(matches, selected + 1);
    return matches[k < m ? k : 0];
  }
  const k = lowerBound(matches, selected) - 1;
  return matches[k >= 0 ? k : m - 1];
}

/** "3 of 12" when the selection is a match, else "12 matches" ("1 match", "No matches"). */
export function matchCounter(matches: Int32Array, selected: number): string {
  const m = matches.length;
  if (m === 0) return 'No matches';
  const k = lowerBound(matches, selected);
  if (k < m && matches[k] === selected) return `${k + 1} of ${m}`;
  return m === 1 ? '1 match' : `${m} matches`;
}
