import type { CompareHostMessage, CompareView, CompareWebviewMessage } from '../compare';
import { everyItem, fail, isInt, isOneOf, isRecord, ok, type Checked } from './kit';

const PAIR_STATUS = new Set(['same', 'changed', 'added', 'removed']);
const TOOL_STATUS = new Set(['ok', 'error', 'not-executed']);
const WORD_OP = new Set(['same', 'added', 'removed']);
const TONE = new Set(['better', 'worse', 'neutral']);
const GROUP = new Set(['fixed', 'new', 'unchanged']);
const SEVERITY = new Set(['error', 'warning', 'info']);

const str = (v: Record<string, unknown>, k: string) => (typeof v[k] === 'string' ? undefined : `${k} must be a string`);
const strs = (v: Record<string, unknown>, ...keys: string[]) => keys.map((k) => str(v, k)).find((e) => e !== undefined);
const oneOf = (v: Record<string, unknown>, k: string, set: ReadonlySet<string>) =>
  isOneOf(set, v[k]) ? undefined : `${k} is not one of ${[...set].join(', ')}`;

function checkSide(v: unknown): string | undefined {
  if (v === null) return undefined;
  if (!isRecord(v)) return 'must be an object or null';
  if (!isInt(v.index) || typeof v.tokens !== 'number' || !Number.isFinite(v.tokens)) return 'index and tokens must be numbers';
  return (
    strs(v, 'model', 'cost', 'text') ??
    oneOf(v, 'status', new Set(['ok', 'error'])) ??
    everyItem(v.tools, 'tools', (t) => (isRecord(t) ? (strs(t, 'name', 'args') ?? oneOf(t, 'status', TOOL_STATUS)) : 'must be an object'))
  );
}

function checkPair(v: unknown): string | undefined {
  if (!isRecord(v)) return 'must be an object';
  const side = (k: 'a' | 'b') => {
    const e = checkSide(v[k]);
    return e === undefined ? undefined : `${k}: ${e}`;
  };
  return (
    oneOf(v, 'status', PAIR_STATUS) ??
    side('a') ??
    side('b') ??
    everyItem(v.changes, 'changes', (c) => (typeof c === 'string' ? undefined : 'must be a string')) ??
    everyItem(v.words, 'words', (w) => (isRecord(w) ? (str(w, 'text') ?? oneOf(w, 'op', WORD_OP)) : 'must be an object'))
  );
}

function checkView(v: unknown): string | undefined {
  if (!isRecord(v)) return 'view must be an object';
  if (typeof v.regression !== 'boolean') return 'regression must be a boolean';
  if (!isInt(v.selected, -1)) return 'selected must be an integer ≥ -1';
  return (
    strs(v, 'titleA', 'titleB') ??
    everyItem(v.totals, 'totals', (r) => (isRecord(r) ? (strs(r, 'label', 'a', 'b', 'delta') ?? oneOf(r, 'tone', TONE)) : 'must be an object')) ??
    everyItem(v.pairs, 'pairs', checkPair) ??
    everyItem(v.findings, 'findings', (f) =>
      isRecord(f) ? (strs(f, 'kind', 'message') ?? oneOf(f, 'group', GROUP) ?? oneOf(f, 'severity', SEVERITY)) : 'must be an object',
    ) ??
    everyItem(v.reasons, 'reasons', (r) => (typeof r === 'string' ? undefined : 'must be a string'))
  );
}

/** The compare page's check of what the host sends. */
export function parseCompareHostMessage(v: unknown): Checked<CompareHostMessage> {
  if (!isRecord(v)) return fail('message must be an object');
  if (v.type === 'compareView') {
    const bad = checkView(v.view);
    return bad === undefined ? ok({ type: 'compareView', view: v.view as unknown as CompareView }) : fail(bad);
  }
  if (v.type === 'selectPair') return isInt(v.pair, -1) ? ok({ type: 'selectPair', pair: v.pair }) : fail('pair must be an integer ≥ -1');
  return fail(`unknown message type ${JSON.stringify(v.type)}`);
}

/** The host's check of what the compare page sends; `pairCount` bounds the pair index. */
export function parseCompareWebviewMessage(v: unknown, pairCount: number): Checked<CompareWebviewMessage> {
  if (!isRecord(v)) return fail('message must be an object');
  switch (v.type) {
    case 'compareReady':
      return ok({ type: 'compareReady' });
    case 'pairSelected':
      return isInt(v.pair) && v.pair < pairCount ? ok({ type: 'pairSelected', pair: v.pair }) : fail('pair must be an index of a shown pair');
    case 'openSide':
      return v.side === 'a' || v.side === 'b' ? ok({ type: 'openSide', side: v.side }) : fail("side must be 'a' or 'b'");
    default:
      return fail(`unknown message type ${JSON.stringify(v.type)}`);
  }
}
