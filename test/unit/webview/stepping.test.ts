import { describe, expect, it } from 'vitest';
import type { TimelineIndex } from '../../../src/core/protocol';
import { stepKeyAction, stepTarget, stepTreeChange, type StepKeyEvent } from '../../../webview/stepping/stepping';
import { TreeModel } from '../../../webview/tree/treeModel';
import { SAMPLE_PARENTS, structureOf } from './structureOf';

// SAMPLE_PARENTS: 0 root (1 a (2 a1, 3 a2 (4 a2x)), 5 b, 6 c (7 c1)), 8 second root; span i starts at i ms.
// Read as an agent run: 0 is the run, three cards: LLM span 1 (holding 1..4), LLM span 5, LLM span 6
// (holding 6, 7); 8 comes after every card. Spans 3 and 7 failed (status 2).
const structure = structureOf(SAMPLE_PARENTS, { status: [1, 1, 1, 2, 1, 1, 1, 2, 1] });
const timeline: TimelineIndex = {
  llmSpan: Int32Array.from([1, 5, 6]),
  runSpan: Int32Array.from([0, 0, 0]),
  depth: Uint16Array.from([0, 0, 0]),
  flags: Uint8Array.from([0, 0, 0]),
  cardOfSpan: Int32Array.from([-1, 0, 0, 0, 0, 1, 2, 2, -1]),
};
const ctx = (collapsed: number[] = [], t: TimelineIndex = timeline, s = structure) => ({ structure: s, tree: new TreeModel(s, collapsed), timeline: t });

describe('stepTarget: iterations', () => {
  it('goes to the next card from any span of a card, and nowhere after the last', () => {
    expect(stepTarget('nextIteration', 1, ctx())).toBe(5);
    expect(stepTarget('nextIteration', 4, ctx())).toBe(5); // a2x is inside card 0
    expect(stepTarget('nextIteration', 5, ctx())).toBe(6);
    expect(stepTarget('nextIteration', 7, ctx())).toBe(-1);
  });

  it('from a span before the first card goes to the first card; after the last, stays', () => {
    expect(stepTarget('nextIteration', 0, ctx())).toBe(1);
    expect(stepTarget('nextIteration', 8, ctx())).toBe(-1);
    expect(stepTarget('nextIteration', -1, ctx())).toBe(1);
  });

  it('goes to the previous card, from outside the cards to the last one that started before', () => {
    expect(stepTarget('previousIteration', 7, ctx())).toBe(5);
    expect(stepTarget('previousIteration', 5, ctx())).toBe(1);
    expect(stepTarget('previousIteration', 2, ctx())).toBe(-1);
    expect(stepTarget('previousIteration', 8, ctx())).toBe(6);
    expect(stepTarget('previousIteration', 0, ctx())).toBe(-1);
  });

  it('stays when the trace has no cards', () => {
    const none: TimelineIndex = {
      llmSpan: new Int32Array(0),
      runSpan: new Int32Array(0),
      depth: new Uint16Array(0),
      flags: new Uint8Array(0),
      cardOfSpan: new Int32Array(9).fill(-1),
    };
    expect(stepTarget('nextIteration', 0, ctx([], none))).toBe(-1);
    expect(stepTarget('previousIteration', 8, ctx([], none))).toBe(-1);
  });
});

describe('stepTarget: spans', () => {
  it('walks the visible spans in pre-order, skipping those under a collapsed span', () => {
    // collapsed 3: visible 0 1 2 3 5 6 7 8
    expect(stepTarget('nextSpan', 3, ctx([3]))).toBe(5);
    expect(stepTarget('previousSpan', 5, ctx([3]))).toBe(3);
    expect(stepTarget('nextSpan', 3, ctx())).toBe(4);
    expect(stepTarget('nextSpan', 8, ctx())).toBe(-1);
    expect(stepTarget('previousSpan', 0, ctx())).toBe(-1);
  });

  it('from a hidden selection moves to the visible neighbours around it', () => {
    // collapsed 1: visible 0 1 5 6 7 8; selection 4 is hidden under 1
    expect(stepTarget('nextSpan', 4, ctx([1]))).toBe(5);
    expect(stepTarget('previousSpan', 4, ctx([1]))).toBe(1);
  });
});

describe('stepTarget: errors', () => {
  it('goes to the first error, then on to the next one after the selection, wrapping', () => {
    expect(stepTarget('firstError', 0, ctx())).toBe(3);
    expect(stepTarget('firstError', -1, ctx())).toBe(3);
    expect(stepTarget('firstError', 3, ctx())).toBe(7);
    expect(stepTarget('firstError', 5, ctx())).toBe(7);
    expect(stepTarget('firstError', 7, ctx())).toBe(3);
    expect(stepTarget('firstError', 8, ctx())).toBe(3);
  });

  it('stays when nothing failed', () => {
    const ok = structureOf(SAMPLE_PARENTS);
    expect(stepTarget('firstError', 2, ctx([], timeline, ok))).toBe(-1);
  });
});

describe('expand and collapse', () => {
  it('asks for a tree change when the selected span can change state', () => {
    expect(stepTreeChange('collapse', 3, new TreeModel(structure))).toEqual({ index: 3, expanded: false });
    expect(stepTreeChange('expand', 3, new TreeModel(structure, [3]))).toEqual({ index: 3, expanded: true });
    expect(stepTreeChange('expand', 3, new TreeModel(structure))).toBeUndefined(); // already open
    expect(stepTreeChange('expand', 2, new TreeModel(structure))).toBeUndefined(); // a leaf
    expect(stepTreeChange('nextSpan', 3, new TreeModel(structure))).toBeUndefined();
  });

  it('collapse on a leaf or a collapsed span selects the parent', () => {
    expect(stepTarget('collapse', 2, ctx())).toBe(1);
    expect(stepTarget('collapse', 3, ctx([3]))).toBe(1);
    expect(stepTarget('collapse', 3, ctx())).toBe(-1); // collapses instead (stepTreeChange)
    expect(stepTarget('collapse', 0, ctx([0]))).toBe(-1); // a root has no parent
    expect(stepTarget('expand', 3, ctx([3]))).toBe(-1);
  });
});

describe('stepKeyAction', () => {
  const key = (k: string, more: Partial<StepKeyEvent> = {}): StepKeyEvent => ({
    key: k,
    shiftKey: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target: null,
    ...more,
  });

  it('maps the stepping keys', () => {
    expect(['n', 'p', 'N', 'j', 'k', 'e', '+', '=', '-'].map((k) => stepKeyAction(key(k, { shiftKey: k === 'N' || k === '+' })))).toEqual([
      'nextIteration',
      'previousIteration',
      'previousIteration',
      'nextSpan',
      'previousSpan',
      'firstError',
      'expand',
      'expand',
      'collapse',
    ]);
    expect(stepKeyAction(key('x'))).toBeUndefined();
    expect(stepKeyAction(key('ArrowDown'))).toBeUndefined();
    expect(stepKeyAction(key('constructor'))).toBeUndefined();
  });

  it('ignores keys typed into text fields, taken by another handler or with a modifier', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) expect(stepKeyAction(key('n', { target: { tagName } }))).toBeUndefined();
    expect(stepKeyAction(key('n', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeUndefined();
    // VS Code Elements fields: the key event is retargeted to the custom element's host.
    for (const tagName of ['VSCODE-TEXTFIELD', 'vscode-textarea', 'VSCODE-SINGLE-SELECT'])
      expect(stepKeyAction(key('n', { target: { tagName } }))).toBeUndefined();
    expect(stepKeyAction(key('n', { target: { tagName: 'VSCODE-BUTTON' } }))).toBe('nextIteration');
    expect(stepKeyAction(key('n', { target: { tagName: 'DIV', isContentEditable: false } }))).toBe('nextIteration');
    expect(stepKeyAction(key('n', { defaultPrevented: true }))).toBeUndefined();
    expect(stepKeyAction(key('n', { ctrlKey: true }))).toBeUndefined();
    expect(stepKeyAction(key('n', { metaKey: true }))).toBeUndefined();
    expect(stepKeyAction(key('e', { altKey: true }))).toBeUndefined();
  });
});
