/**
 * Stepping through a trace with single keys (and the host's step commands, which post the same
 * actions while another editor has focus). Pure: the app applies the result.
 *
 *   n          next iteration (the LLM span of the next card)
 *   p, N       previous iteration
 *   j / k      next / previous span (pre-order over the spans visible in the tree)
 *   e          first error span; again: the next error after the selection, wrapping
 *   + or =     expand the selected span          -   collapse it (on a leaf or a collapsed span: go to the parent)
 *
 * Keys are ignored while typing (input, textarea, select, contenteditable), when another
 * handler already took the event, or with Ctrl/Meta/Alt held (shortcuts of VS Code).
 */
import type { StepAction, TimelineIndex, TraceStructure } from '../../src/core/protocol';
import type { TreeModel } from '../tree/treeModel';

export interface StepContext {
  readonly structure: TraceStructure;
  readonly tree: Pick<TreeModel, 'visible' | 'hasChildren' | 'isExpanded'>;
  readonly timeline: TimelineIndex;
}

/** The parts of a keyboard event stepping looks at (structural, so it compiles and tests without the DOM). */
export interface StepKeyEvent {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly defaultPrevented: boolean;
  readonly target: unknown;
}

const STATUS_ERROR = 2;

const KEYS: Readonly<Record<string, StepAction>> = {
  n: 'nextIteration',
  N: 'previousIteration',
  p: 'previousIteration',
  P: 'previousIteration',
  j: 'nextSpan',
  k: 'previousSpan',
  e: 'firstError',
  '+': 'expand',
  '=': 'expand',
  '-': 'collapse',
};

const TEXT_ENTRY_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'VSCODE-TEXTFIELD', 'VSCODE-TEXTAREA', 'VSCODE-SINGLE-SELECT']);

/** True when key presses on `target` are text input. */
function isTyping(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: unknown; isContentEditable?: unknown };
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  // A key typed in a VS Code Elements field reaches document listeners retargeted to its host.
  return TEXT_ENTRY_TAGS.has(tag) || el.isContentEditable === true;
}

/** The step a key press asks for, or undefined (the key is not a stepping key). */
export function stepKeyAction(ev: StepKeyEvent): StepAction | undefined {
  if (ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return undefined;
  return Object.prototype.hasOwnProperty.call(KEYS, ev.key) ? KEYS[ev.key] : undefined;
}

/** First position in ascending `arr` whose value is > `value` (arr.length when none). */
function upperBound(arr: ArrayLike<number>, value: number): number {
  let lo = 0,
    hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The card to go to from `selected`, `delta` = +1 or -1. From a span inside a card, its
 * neighbour; from a span outside every card (an agent run, a span between iterations), the
 * first card starting after it (next) or the last starting before it (previous).
 */
function iterationTarget(delta: 1 | -1, selected: number, { structure: s, timeline: t }: StepContext): number {
  const n = t.llmSpan.length;
  if (n === 0) return -1;
  const valid = selected >= 0 && selected < t.cardOfSpan.length;
  if (!valid) return delta > 0 ? t.llmSpan[0] : t.llmSpan[n - 1];
  const card = t.cardOfSpan[selected];
  if (card >= 0) {
    const next = card + delta;
    return next >= 0 && next < n ? t.llmSpan[next] : -1;
  }
  const at = s.startMs[selected];
  if (delta > 0) {
    for (let c = 0; c < n; c++) if (s.startMs[t.llmSpan[c]] >= at) return t.llmSpan[c];
    return -1;
  }
  for (let c = n - 1; c >= 0; c--) if (s.startMs[t.llmSpan[c]] < at) return t.llmSpan[c];
  return -1;
}

/** Visible spans are a pre-order subsequence, so ascending: the neighbours are found by index. */
function spanTarget(delta: 1 | -1, selected: number, tree: StepContext['tree']): number {
  const visible = tree.visible;
  if (visible.length === 0) return -1;
  if (selected < 0) return delta > 0 ? visible[0] : -1;
  if (delta > 0) {
    const p = upperBound(visible, selected);
    return p < visible.length ? visible[p] : -1;
  }
  const p = upperBound(visible, selected - 1) - 1; // last visible < selected
  return p >= 0 ? visible[p] : -1;
}

function errorTarget(selected: number, s: TraceStructure): number {
  const n = s.status.length;
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (s.status[i] !== STATUS_ERROR) continue;
    if (first < 0) first = i;
    if (selected < first) return first;
    if (i > selected) return i;
  }
  return first; // none after the selection: wrap to the first (-1 when the trace has no errors)
}

/**
 * The tree change `expand`/`collapse` asks for at the selection, or undefined (nothing to
 * change: a leaf, or already in that state).
 */
export function stepTreeChange(action: StepAction, selected: number, tree: StepContext['tree']): { index: number; expanded: boolean } | undefined {
  if (selected < 0 || (action !== 'expand' && action !== 'collapse')) return undefined;
  const expanded = action === 'expand';
  if (!tree.hasChildren(selected) || tree.isExpanded(selected) === expanded) return undefined;
  return { index: selected, expanded };
}

/** The span to select after `action` from `selected`, or -1 to stay. */
export function stepTarget(action: StepAction, selected: number, ctx: StepContext): number {
  switch (action) {
    case 'nextIteration':
      return iterationTarget(1, selected, ctx);
    case 'previousIteration':
      return iterationTarget(-1, selected, ctx);
    case 'nextSpan':
      return spanTarget(1, selected, ctx.tree);
    case 'previousSpan':
      return spanTarget(-1, selected, ctx.tree);
    case 'firstError':
      return errorTarget(selected, ctx.structure);
    case 'expand':
      return -1; // a tree change, see stepTreeChange
    case 'collapse':
      // Nothing to collapse here (a leaf, or collapsed already): go up, like Left in the tree.
      if (selected < 0 || selected >= ctx.structure.parentIndex.length || stepTreeChange(action, selected, ctx.tree)) return -1;
      return ctx.structure.parentIndex[selected];
  }
}
