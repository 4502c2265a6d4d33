/**
 * The messages: webview → host `Request`s, host → webview `Response`s and `HostEvent`s, and the
 * contract both ends type against, `ResultTypes` (what each request's `result` is). The host's
 * request handlers are typed by it (src/session/webviewRequests.ts), the webview's RPC client
 * checks every result against it (validate/results.ts), so a shape change fails to compile on
 * the side that did not follow.
 */
import { type ClaimsView } from './claims';
import { type CostView } from './cost';
import { type PlanGraphView } from './graph';
import { type RowText, type SpanDetail, type TraceStructure, type TraceSummary } from './shapes';
import { type TraceSourceView } from './remote';
import { type SourceJumpResult, type StepAction } from './source';
import { type CardFindings, type CardView, type TimelineIndex } from './timeline';
import { type CriticalPathView, type SpanFilter, type SpanSearchResult } from './waterfall';

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
  /**
   * Result: `CardView[]` for cards in [start, start + count), count ≤ MAX_CARDS_PER_REQUEST. Their
   * `findings` are filled only once the host has the whole-trace findings; `getCardFindings`
   * brings them (the card text never waits for the claims analysis).
   */
  | { readonly type: 'getCards'; readonly requestId: number; readonly start: number; readonly count: number }
  /** Result: `CardFindings`, the findings of every card (whole-trace work, answered in the background). */
  | { readonly type: 'getCardFindings'; readonly requestId: number }
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
  | { readonly type: 'goToPrompt'; readonly requestId: number; readonly index: number }
  /**
   * Result: null. The host opens a link from trace text with VS Code (its link protection
   * applies); `url` is re-checked there by `checkLinkUrl` and anything else is refused.
   */
  | { readonly type: 'openLink'; readonly requestId: number; readonly url: string }
  /** Result: `TraceSourceView` when the trace was fetched from a backend connection, else null. */
  | { readonly type: 'getTraceSource'; readonly requestId: number }
  /**
   * Result: null. The host opens the trace's page in the backend's web UI. No URL travels: the
   * host builds it from the connection and re-checks its origin before `openExternal`.
   */
  | { readonly type: 'openInBackend'; readonly requestId: number }
  /** Result: null. The host fetches the trace from its backend again and, when done, sends `traceChanged`. */
  | { readonly type: 'refreshFromBackend'; readonly requestId: number }
  /**
   * Result: null, once the host has started Create Bug Report… (its redaction preview and the
   * rest run in VS Code's own UI). `target` is data the host looks up in the shown trace (a
   * finding by key, a span by index); an unknown one is answered with an error.
   */
  | { readonly type: 'createBugReport'; readonly requestId: number; readonly target: BugReportRequestTarget };

/** What a bug report from the webview is about: the whole trace, one finding (`FindingItem.key`) or one span. */
export type BugReportRequestTarget =
  { readonly kind: 'trace' } | { readonly kind: 'finding'; readonly key: string } | { readonly kind: 'span'; readonly index: number };

export const MAX_ROWS_PER_REQUEST = 2000;
/** Longest URL `openLink` accepts. */
export const MAX_LINK_URL_LENGTH = 2048;

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

/** The result of each request, by `type`. */
export interface ResultTypes {
  ready: TraceSummary;
  getStructure: TraceStructure;
  getRows: RowText[];
  getSpanDetail: SpanDetail;
  getAttributeValue: string;
  copySummary: null;
  selectTrace: null;
  findSpan: number;
  getClaims: ClaimsView;
  dismissFinding: null;
  getTimelineIndex: TimelineIndex;
  getCards: CardView[];
  getCardFindings: CardFindings;
  getCost: CostView;
  getCriticalPath: CriticalPathView;
  searchSpans: SpanSearchResult;
  getPlanGraph: PlanGraphView;
  goToHandler: SourceJumpResult;
  goToPrompt: SourceJumpResult;
  openLink: null;
  getTraceSource: TraceSourceView | null;
  openInBackend: null;
  refreshFromBackend: null;
  createBugReport: null;
}

export type RequestType = Request['type'];

/** The request of one type. */
export type RequestOf<K extends RequestType> = Extract<Request, { readonly type: K }>;
