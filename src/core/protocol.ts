/**
 * The one message protocol between the extension host and the trace webview.
 *
 * Shape: the webview sends `Request`s with a `requestId`; the host answers each with exactly
 * one `Response` carrying `inReplyTo` (a `result` or an `error`). The host may also push
 * `HostEvent`s. Both ends validate what they receive with the functions at the bottom: a
 * message that does not validate is dropped and logged, never acted on. The host never runs a
 * command named by the webview: requests are data queries plus a fixed set of actions.
 *
 * Data flow: the webview pulls. After `ready` it asks for the summary, then for the trace's
 * structure as typed arrays (a few bytes per span, cheap to post even at 100k spans), then for
 * text in windows of rows and details of one span at a time. Long attribute values are clipped
 * in details and fetched whole on demand.
 */

export const PROTOCOL_VERSION = 1;

import { MAX_CARDS_PER_REQUEST } from './protocol/timeline';
import { MAX_FILTER_TEXT, SPAN_STATUS_FILTERS, type SpanFilter } from './protocol/waterfall';
import { MAX_EXPANDED_GROUPS } from './protocol/graph';
import { STEP_ACTIONS, type StepAction } from './protocol/source';

export * from './protocol/timeline';
export * from './protocol/waterfall';
export * from './protocol/cost';
export * from './protocol/graph';
export * from './protocol/source';

// #region shared shapes

export interface TraceSummary {
  readonly fileName: string;
  /** The file's URI (`Uri.toString()`). The webview keeps it in its saved state: see `PanelState`. */
  readonly fileUri: string;
  readonly formatLabel: string;
  /** Which trace of the file (files may hold several). */
  readonly traceIndex: number;
  readonly traceCount: number;
  readonly traceId: string;
  readonly rootName: string;
  readonly spanCount: number;
  readonly durationMs: number;
  readonly status: 'ok' | 'error';
  readonly iterations: number;
  readonly llmCalls: number;
  readonly toolCalls: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number | null;
  readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly spanId?: string }[];
  readonly quarantined: number;
}

/**
 * Column arrays, one entry per span in tree pre-order (the order of `Trace.spans`).
 * `category` codes: see `CATEGORY_CODES`; `status`: 0 unset, 1 ok, 2 error.
 */
export interface TraceStructure {
  readonly startMs: Float64Array;
  readonly durationMs: Float64Array;
  readonly parentIndex: Int32Array;
  readonly depth: Uint16Array;
  readonly subtreeEnd: Int32Array;
  readonly category: Uint8Array;
  readonly status: Uint8Array;
}

export const CATEGORY_CODES = ['other', 'agent', 'llm', 'tool', 'retriever', 'embedding', 'chain'] as const;
export type CategoryName = (typeof CATEGORY_CODES)[number];

/** The text of one row of the span tree. */
export interface RowText {
  readonly index: number;
  readonly name: string;
  readonly service: string;
  readonly kind: string;
  /** Short extra label: model for LLM calls, tool name for tools. */
  readonly label?: string;
  readonly tokens?: number;
}

export interface DetailAttribute {
  readonly key: string;
  /** Rendered text, clipped to `DETAIL_VALUE_LIMIT` characters. */
  readonly value: string;
  readonly type: 'string' | 'number' | 'boolean' | 'bytes' | 'array' | 'map' | 'null';
  /** Full length in characters when `value` was clipped. */
  readonly fullLength?: number;
}

export const DETAIL_VALUE_LIMIT = 2000;

export interface DetailMessage {
  readonly role: string;
  readonly text: string;
  readonly toolCalls: readonly { readonly id?: string; readonly name: string; readonly arguments: string }[];
  readonly toolCallId?: string;
  /** Reasoning / thinking text, when the producer keeps it apart from `text`. */
  readonly reasoning?: string;
}

export interface SpanDetail {
  readonly index: number;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: string;
  readonly category: CategoryName;
  readonly convention: string;
  readonly status: { readonly code: 'unset' | 'ok' | 'error'; readonly message?: string };
  readonly startMs: number;
  readonly durationMs: number;
  readonly attributes: readonly DetailAttribute[];
  readonly resource: readonly DetailAttribute[];
  readonly scope: string;
  /** `offsetMs`: milliseconds from the trace's start, like `startMs`. */
  readonly events: readonly { readonly name: string; readonly offsetMs: number; readonly attributes: readonly DetailAttribute[] }[];
  /** LLM spans: the conversation in, then the model's output. */
  readonly input: readonly DetailMessage[];
  readonly output: readonly DetailMessage[];
  readonly model?: string;
  readonly tokens?: { readonly input?: number; readonly output?: number; readonly cachedInput?: number; readonly reasoning?: number };
  readonly costUsd?: number | null;
  readonly diagnostics: readonly string[];
  /** The mapping report: where each agent field came from, or why it is empty. */
  readonly mapping: readonly { readonly field: string; readonly from?: string; readonly missing?: string }[];
}

/**
 * The claimed-vs-executed diff of the shown trace, for the Claims panel: the model's completed
 * action claims, the tool executions, and the analysis findings. Built by
 * `buildClaimsView` (src/core/view/claimsView.ts). Span indices index `Trace.spans`.
 */
export interface ClaimsView {
  /** Completed ("done") claims, in span order then text order. */
  readonly claims: readonly ClaimItem[];
  /** Tool executions, in span order. */
  readonly actions: readonly ActionItem[];
  /** Analysis findings, in the order the analysis reports them. */
  readonly findings: readonly FindingItem[];
}

/**
 * `matched`: executions back the claim. `failed`: the claimed tool failed. `mismatch`: it ran
 * with other values than the claim names. `unmatched`: no execution backs it (a finding says
 * so only when the trace can tell, e.g. the run could call such a tool).
 */
export type ClaimStatus = 'matched' | 'failed' | 'unmatched' | 'mismatch';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['matched', 'failed', 'unmatched', 'mismatch'];

export interface ClaimItem {
  /** Stable within a trace: the claiming span's id and the claim's ordinal in it (`<spanId>#<n>`). */
  readonly id: string;
  readonly sentence: string;
  /** The LLM call whose output holds the sentence. */
  readonly spanIndex: number;
  /** Canonical action ("book"). */
  readonly verb: string;
  readonly object?: string;
  readonly status: ClaimStatus;
  /** The executions the claim is about (linked pairs), ascending. */
  readonly matchedSpanIndices: readonly number[];
}

export interface ActionItem {
  readonly spanIndex: number;
  /** Tool name. */
  readonly name: string;
  /** `error` when the span's status or its result says the tool failed. */
  readonly status: 'ok' | 'error' | 'unset';
  /** The arguments as short one-line text (clipped). */
  readonly summary: string;
  /** Ids of the claims linked to this execution. */
  readonly claimIds: readonly string[];
}

export interface FindingItem {
  /** Stable across reloads: `<kind>:<spanIds joined by ",">`. Dismissals are stored by it. */
  readonly key: string;
  readonly kind: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly spanIds: readonly string[];
  /** `spanIds` as span indices (ids not in the trace are left out). */
  readonly spanIndices: readonly number[];
  readonly claim?: string;
  /** The user dismissed it (remembered per file and trace by the host). */
  readonly dismissed: boolean;
}

/** Longest finding key `dismissFinding` accepts (kind + up to 50 evidence span ids). */
export const MAX_FINDING_KEY_LENGTH = 2048;

// #endregion

// #region webview → host requests

export type Request =
  /** First message: the webview is up. Result: the summary of the trace it shows. */
  | { readonly type: 'ready'; readonly requestId: number }
  /** Result: `TraceStructure` of the shown trace. */
  | { readonly type: 'getStructure'; readonly requestId: number }
  /** Result: `RowText[]` for indices in [start, start + count), count ≤ MAX_ROWS_PER_REQUEST. */
  | { readonly type: 'getRows'; readonly requestId: number; readonly start: number; readonly count: number }
  /** Result: `SpanDetail`. */
  | { readonly type: 'getSpanDetail'; readonly requestId: number; readonly index: number }
  /** Result: the whole value of one attribute, as text (for "show all"). */
  | { readonly type: 'getAttributeValue'; readonly requestId: number; readonly index: number; readonly key: string; readonly scope: 'span' | 'resource' }
  /** Result: null. Host copies the summary of the trace to the clipboard. */
  | { readonly type: 'copySummary'; readonly requestId: number }
  /** Result: null. Switch the shown trace of a multi-trace file. */
  | { readonly type: 'selectTrace'; readonly requestId: number; readonly traceIndex: number }
  /**
   * Result: the index of the span with this id in the shown trace, or -1. After `traceChanged`
   * for a trace that grew (live traces) rows move, so the webview finds its selection by id.
   */
  | { readonly type: 'findSpan'; readonly requestId: number; readonly spanId: string }
  /** Result: `ClaimsView` of the shown trace, with the dismissed flags applied. */
  | { readonly type: 'getClaims'; readonly requestId: number }
  /** Result: null. Marks a finding (by `FindingItem.key`) dismissed or not, remembered per file and trace. */
  | { readonly type: 'dismissFinding'; readonly requestId: number; readonly key: string; readonly dismissed: boolean }
  /** Result: `TimelineIndex` of the shown trace (column arrays, one entry per card / span). */
  | { readonly type: 'getTimelineIndex'; readonly requestId: number }
  /** Result: `CardView[]` for cards in [start, start + count), count ≤ MAX_CARDS_PER_REQUEST. */
  | { readonly type: 'getCards'; readonly requestId: number; readonly start: number; readonly count: number }
  /** Result: `CostView`, priced with the user's `agentTrace.prices` overrides. */
  | { readonly type: 'getCost'; readonly requestId: number }
  /** Result: `CriticalPathView` (critical path and self time of every span). */
  | { readonly type: 'getCriticalPath'; readonly requestId: number }
  /** Result: `SpanSearchResult`, the spans that match `filter`. */
  | { readonly type: 'searchSpans'; readonly requestId: number; readonly filter: SpanFilter }
  /** Result: `PlanGraphView`, with the iteration groups named in `expanded` shown unfolded. */
  | { readonly type: 'getPlanGraph'; readonly requestId: number; readonly expanded: readonly string[] }
  /** Result: `SourceJumpResult`. The host opens the code of the tool that span `index` executed. */
  | { readonly type: 'goToHandler'; readonly requestId: number; readonly index: number }
  /** Result: `SourceJumpResult`. The host opens the prompt template used by LLM span `index`. */
  | { readonly type: 'goToPrompt'; readonly requestId: number; readonly index: number };

export const MAX_ROWS_PER_REQUEST = 2000;

// #endregion

// #region host → webview

export type Response =
  | { readonly type: 'response'; readonly inReplyTo: number; readonly result: unknown }
  | { readonly type: 'response'; readonly inReplyTo: number; readonly error: string };

export type HostEvent =
  /** The trace changed (reloaded, or switched): the webview should pull again. */
  | { readonly type: 'traceChanged' }
  /** The file could not be read: shown instead of the trace. */
  | { readonly type: 'loadError'; readonly message: string }
  /** Select span `index` of the shown trace (a CodeLens "called N×" was clicked). */
  | { readonly type: 'revealSpan'; readonly index: number }
  /** A stepping command ran (keybinding), possibly while another editor has focus. */
  | { readonly type: 'step'; readonly action: StepAction };

export type HostMessage = Response | HostEvent;

// #endregion

// #region validation

const isInt = (v: unknown, min = 0, max = 2 ** 31 - 1): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a message from the webview. Returns the typed request, or a string saying what is
 * wrong. Unknown extra keys are rejected too: a message is exactly one of the shapes above.
 */
export function parseRequest(msg: unknown): Request | string {
  if (!isRecord(msg)) return 'message is not an object';
  const { type, requestId } = msg;
  if (!isInt(requestId)) return 'requestId must be a non-negative integer';
  const keys = Object.keys(msg).sort().join(',');
  const expect = (k: string[]) => (keys === ['requestId', 'type', ...k].sort().join(',') ? undefined : `${String(type)}: unexpected keys ${keys}`);
  switch (type) {
    case 'ready':
    case 'getStructure':
    case 'copySummary':
    case 'getClaims':
    case 'getTimelineIndex':
    case 'getCost':
    case 'getCriticalPath':
      return expect([]) ?? { type, requestId };
    case 'getCards': {
      const bad = expect(['start', 'count']);
      if (bad) return bad;
      if (!isInt(msg.start)) return 'getCards: start must be a non-negative integer';
      if (!isInt(msg.count, 1, MAX_CARDS_PER_REQUEST)) return `getCards: count must be 1..${MAX_CARDS_PER_REQUEST}`;
      return { type, requestId, start: msg.start, count: msg.count };
    }
    case 'searchSpans': {
      const bad = expect(['filter']);
      if (bad) return bad;
      const filter = parseSpanFilter(msg.filter);
      return typeof filter === 'string' ? `searchSpans: ${filter}` : { type, requestId, filter };
    }
    case 'getPlanGraph': {
      const bad = expect(['expanded']);
      if (bad) return bad;
      const ex = msg.expanded;
      if (!Array.isArray(ex) || ex.length > MAX_EXPANDED_GROUPS || !ex.every((g) => typeof g === 'string' && g.length <= 200)) {
        return `getPlanGraph: expanded must be an array of at most ${MAX_EXPANDED_GROUPS} group ids`;
      }
      return { type, requestId, expanded: ex as string[] };
    }
    case 'goToHandler':
    case 'goToPrompt': {
      const bad = expect(['index']);
      if (bad) return bad;
      if (!isInt(msg.index)) return `${type}: index must be a non-negative integer`;
      return { type, requestId, index: msg.index };
    }
    case 'dismissFinding': {
      const bad = expect(['key', 'dismissed']);
      if (bad) return bad;
      if (typeof msg.key !== 'string' || msg.key === '' || msg.key.length > MAX_FINDING_KEY_LENGTH)
        return `dismissFinding: key must be a non-empty string of at most ${MAX_FINDING_KEY_LENGTH} characters`;
      if (typeof msg.dismissed !== 'boolean') return 'dismissFinding: dismissed must be a boolean';
      return { type, requestId, key: msg.key, dismissed: msg.dismissed };
    }
    case 'getRows': {
      const bad = expect(['start', 'count']);
      if (bad) return bad;
      if (!isInt(msg.start)) return 'getRows: start must be a non-negative integer';
      if (!isInt(msg.count, 1, MAX_ROWS_PER_REQUEST)) return `getRows: count must be 1..${MAX_ROWS_PER_REQUEST}`;
      return { type, requestId, start: msg.start, count: msg.count };
    }
    case 'getSpanDetail': {
      const bad = expect(['index']);
      if (bad) return bad;
      if (!isInt(msg.index)) return 'getSpanDetail: index must be a non-negative integer';
      return { type, requestId, index: msg.index };
    }
    case 'getAttributeValue': {
      const bad = expect(['index', 'key', 'scope']);
      if (bad) return bad;
      if (!isInt(msg.index)) return 'getAttributeValue: index must be a non-negative integer';
      if (typeof msg.key !== 'string' || msg.key.length > 4096) return 'getAttributeValue: key must be a string';
      if (msg.scope !== 'span' && msg.scope !== 'resource') return 'getAttributeValue: scope must be "span" or "resource"';
      return { type, requestId, index: msg.index, key: msg.key, scope: msg.scope };
    }
    case 'selectTrace': {
      const bad = expect(['traceIndex']);
      if (bad) return bad;
      if (!isInt(msg.traceIndex)) return 'selectTrace: traceIndex must be a non-negative integer';
      return { type, requestId, traceIndex: msg.traceIndex };
    }
    case 'findSpan': {
      const bad = expect(['spanId']);
      if (bad) return bad;
      if (typeof msg.spanId !== 'string' || msg.spanId.length > 64) return 'findSpan: spanId must be a string of at most 64 characters';
      return { type, requestId, spanId: msg.spanId };
    }
    default:
      return `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}`;
  }
}

function parseSpanFilter(f: unknown): SpanFilter | string {
  if (!isRecord(f)) return 'filter must be an object';
  const keys = Object.keys(f);
  if (keys.some((k) => k !== 'text' && k !== 'category' && k !== 'status' && k !== 'attribute')) return `filter: unexpected keys ${keys.join(',')}`;
  if (typeof f.text !== 'string' || f.text.length > MAX_FILTER_TEXT) return `filter.text must be a string of at most ${MAX_FILTER_TEXT} characters`;
  if (f.category !== 'any' && !(CATEGORY_CODES as readonly unknown[]).includes(f.category)) return 'filter.category must be "any" or a category name';
  if (!(SPAN_STATUS_FILTERS as readonly unknown[]).includes(f.status)) return `filter.status must be one of ${SPAN_STATUS_FILTERS.join(', ')}`;
  const base = { text: f.text, category: f.category as string, status: f.status as SpanFilter['status'] };
  if (f.attribute === undefined) return base;
  const a = f.attribute;
  if (!isRecord(a) || typeof a.key !== 'string' || a.key === '' || a.key.length > MAX_FILTER_TEXT) return 'filter.attribute.key must be a non-empty string';
  if (Object.keys(a).some((k) => k !== 'key' && k !== 'value')) return 'filter.attribute: unexpected keys';
  if (a.value !== undefined && (typeof a.value !== 'string' || a.value.length > MAX_FILTER_TEXT)) return 'filter.attribute.value must be a string';
  return { ...base, attribute: a.value === undefined ? { key: a.key } : { key: a.key, value: a.value } };
}

/** Validates a message from the host (the webview trusts nothing it did not check). */
export function parseHostMessage(msg: unknown): HostMessage | string {
  if (!isRecord(msg)) return 'message is not an object';
  switch (msg.type) {
    case 'response':
      if (!isInt(msg.inReplyTo)) return 'response: inReplyTo must be an integer';
      if ('error' in msg)
        return typeof msg.error === 'string' ? { type: 'response', inReplyTo: msg.inReplyTo, error: msg.error } : 'response: error must be a string';
      if (!('result' in msg)) return 'response: needs result or error';
      return { type: 'response', inReplyTo: msg.inReplyTo, result: msg.result };
    case 'traceChanged':
      return { type: 'traceChanged' };
    case 'loadError':
      return typeof msg.message === 'string' ? { type: 'loadError', message: msg.message } : 'loadError: message must be a string';
    case 'revealSpan':
      return isInt(msg.index) ? { type: 'revealSpan', index: msg.index } : 'revealSpan: index must be a non-negative integer';
    case 'step':
      return (STEP_ACTIONS as readonly unknown[]).includes(msg.action) ? { type: 'step', action: msg.action as StepAction } : 'step: unknown action';
    default:
      return `unknown message type ${JSON.stringify(String(msg.type)).slice(0, 60)}`;
  }
}

/**
 * What the webview must keep in `vscode.setState(...)` (it may add keys of its own): after a
 * window reload the host's panel serializer gets this state back and re-reads the file from
 * `fileUri` (copied from `TraceSummary.fileUri`), showing trace `traceIndex` of it.
 */
export interface PanelState {
  readonly fileUri: string;
  readonly traceIndex: number;
}

/** Validates a saved webview state (host side, on restore). Extra keys are the webview's own. */
export function parsePanelState(state: unknown): PanelState | string {
  if (!isRecord(state)) return 'saved state is not an object';
  const { fileUri, traceIndex } = state;
  if (typeof fileUri !== 'string' || fileUri === '' || fileUri.length > 8192) return 'saved state has no fileUri';
  if (traceIndex !== undefined && !isInt(traceIndex)) return 'saved state: traceIndex must be a non-negative integer';
  return { fileUri, traceIndex: traceIndex ?? 0 };
}

/** Exhaustiveness check for `switch (msg.type)`. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}

// #endregion
