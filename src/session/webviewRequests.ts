import {
  parseRequest,
  type HostMessage,
  type Request,
  type RequestOf,
  type RequestType,
  type ResultTypes,
  type SourceJumpResult,
  type TraceSourceView,
  type BugReportRequestTarget,
} from '../core/protocol';
import { buildClaimsView } from '../core/view/claimsView';
import { noSpan, RequestError, TRACE_REQUEST_HANDLERS } from '../core/view/traceRequests';
import { CancelledWork, type BackgroundWork } from './backgroundWork';
import type { FindingDismissals } from './findingDismissals';
import { checkLinkUrl } from './linkUrl';
import type { LoadedTrace } from './loadedTrace';

/** What one webview's messages are answered from. */
export interface RequestContext {
  /** The loaded trace, or why there is none (shown in the webview instead of the trace). */
  trace(): Promise<LoadedTrace | { readonly error: string }>;
  post(msg: HostMessage): void;
  copyText(text: string): Promise<void>;
  log(line: string): void;
  /** Where dismissed claim findings are remembered (per file and trace). */
  readonly dismissals: Pick<FindingDismissals, 'get' | 'set'>;
  /**
   * Jump to source (vscode side: resolution, quick pick, opening the editor beside the panel).
   * Absent where no editor exists (unit tests): the request is answered with an error.
   */
  readonly source?: {
    goToHandler(trace: LoadedTrace, spanIndex: number): Promise<SourceJumpResult>;
    goToPrompt(trace: LoadedTrace, spanIndex: number): Promise<SourceJumpResult>;
  };
  /**
   * Opens a URL outside the webview (`vscode.env.openExternal`, so VS Code's trusted-domains
   * prompt applies). Only ever called with a URL `checkLinkUrl` accepted. Absent where no VS
   * Code exists (unit tests, the bench's fake host): the request is answered with an error.
   */
  readonly openExternal?: (url: string) => Promise<void>;
  /**
   * Traces fetched from a backend connection (src/connections): where one came from, Open in
   * <backend> and Refresh. Absent, or answering undefined, for traces read from files.
   */
  readonly remote?: RemoteTraceActions;
  /** Create Bug Report… (src/bugReport): starts the flow for a target of `trace`; false when the target is not in it. Absent in unit tests. */
  readonly bugReport?: { start(trace: LoadedTrace, target: BugReportRequestTarget): boolean };
  /**
   * Where whole-trace requests (`WHOLE_TRACE`) run: in steps, after the cheap requests, cancelled
   * when the panel closes or the trace changes (backgroundWork.ts). Absent (unit tests of single
   * answers): they are answered inline.
   */
  readonly background?: BackgroundWork;
}

/** What the host does for a trace fetched from a backend; `trace.fileUri` names it. */
export interface RemoteTraceActions {
  /** Where `trace` came from, or null when it was read from a file. */
  source(trace: LoadedTrace): TraceSourceView | null;
  /** Opens the trace's page in the backend's web UI; a plain-words reason when it cannot. */
  openInBackend(trace: LoadedTrace): Promise<string | undefined>;
  /** Fetches the trace again and shows it in every panel showing it; a plain-words reason when it cannot. */
  refresh(trace: LoadedTrace): Promise<string | undefined>;
  /** The trace's page in the backend's web UI (checked, on the connection's own origin), for reports and links. */
  webUrl(trace: LoadedTrace): string | undefined;
}

/**
 * Handles one raw message from a webview: validates it with `parseRequest` (an invalid
 * message is logged and dropped, never answered or acted on), answers it with exactly one
 * response carrying `inReplyTo`, and pushes the events that go with it:
 * - `ready` when the file could not be loaded: a `loadError` event, then an error response;
 * - `selectTrace`: the null result, then `traceChanged` so the webview pulls again.
 * The host only answers data queries and runs the fixed actions named in the protocol.
 * Whole-trace requests go to `ctx.background` and are answered when their work is done; the
 * returned promise settles once the request is answered (callers must not serialise on it).
 */
export async function handleWebviewMessage(raw: unknown, ctx: RequestContext): Promise<void> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) {
    ctx.log(`dropped an invalid message from the webview: ${parsed.error}`);
    return;
  }
  const req = parsed.value;
  const warm = WHOLE_TRACE[req.type];
  if (!warm) ctx.background?.noteForeground();
  const loaded = await ctx.trace();
  if (!('set' in loaded)) {
    if (req.type === 'ready') ctx.post({ type: 'loadError', message: loaded.error });
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: loaded.error });
    return;
  }
  let result: ResultTypes[RequestType] | RequestError;
  try {
    if (warm && ctx.background) {
      result = await ctx.background.run(warm(loaded), () => answer(req, loaded, ctx));
    } else {
      result = await answer(req, loaded, ctx);
      ctx.background?.noteForeground();
    }
  } catch (e) {
    if (e instanceof CancelledWork) {
      ctx.post({ type: 'response', inReplyTo: req.requestId, error: e.message });
      return;
    }
    const why = e instanceof Error ? e.message : String(e);
    ctx.log(`${req.type} failed: ${e instanceof Error && e.stack ? e.stack : why}`);
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: `internal error: ${why}` });
    return;
  }
  if (result instanceof RequestError) {
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: result.message });
    return;
  }
  if (req.type === 'getRows' || req.type === 'getCards') ctx.background?.firstScreenAnswered();
  if (req.type === 'selectTrace') ctx.background?.cancel('another trace of the file is shown');
  ctx.post({ type: 'response', inReplyTo: req.requestId, result });
  if (req.type === 'selectTrace') ctx.post({ type: 'traceChanged' });
}

type Steps = readonly (() => unknown)[];

/**
 * The whole-trace requests, each with the analyses it needs as separate steps (memoised by
 * `TraceAnalyses`, so a step another job ran is free): answered through `ctx.background`. The
 * answer itself is the last step. Everything else is a cheap window or a single-span query.
 */
const WHOLE_TRACE: { readonly [K in RequestType]?: (t: LoadedTrace) => Steps } = {
  getClaims: (t) => [() => t.analyses().claims()],
  getCardFindings: (t) => [() => t.timeline(), () => t.analyses().claims(), () => t.analyses().loops()],
  getPlanGraph: (t) => [() => t.analyses().plans(), () => t.analyses().planCycles(), () => t.analyses().loops()],
  getCost: (t) => [() => t.analyses().cost()],
  getCriticalPath: () => [],
};

type Awaitable<T> = T | Promise<T>;

/** Answers one request type: its result (typed by the protocol's `ResultTypes`) or why it cannot. */
type Handler<K extends RequestType> = (req: RequestOf<K>, t: LoadedTrace, ctx: RequestContext) => Awaitable<ResultTypes[K] | RequestError>;

/**
 * One handler per request type. Typed against `ResultTypes`, the contract the webview validates
 * results by: a handler that answers another shape does not compile. The answers that need only
 * the trace are core's table, shared with the offline viewer (src/core/view/traceRequests.ts);
 * the host's actions and host-kept state (dismissals, clipboard, editors, links) are added here.
 */
const HANDLERS: { readonly [K in RequestType]: Handler<K> } = {
  ...TRACE_REQUEST_HANDLERS,
  copySummary: async (_req, t, ctx) => {
    await ctx.copyText(t.summaryText());
    return null;
  },
  getClaims: (_req, t, ctx) => buildClaimsView(t.analyses(), ctx.dismissals.get(t.fileUri, t.trace.traceId)),
  dismissFinding: async (req, t, ctx) => {
    await ctx.dismissals.set(t.fileUri, t.trace.traceId, req.key, req.dismissed);
    return null;
  },
  goToHandler: (req, t, ctx) => jumpToSource(req, t, ctx),
  goToPrompt: (req, t, ctx) => jumpToSource(req, t, ctx),
  openLink: async (req, _t, ctx) => {
    const link = checkLinkUrl(req.url);
    if (!link.ok) {
      ctx.log(`refused to open a link from the webview: ${link.reason}`);
      return new RequestError(`Not opened: ${link.reason}.`);
    }
    if (!ctx.openExternal) return new RequestError('opening links is not available here');
    await ctx.openExternal(link.url);
    return null;
  },
  getTraceSource: (_req, t, ctx) => ctx.remote?.source(t) ?? null,
  openInBackend: (_req, t, ctx) => remoteAction(t, ctx, 'openInBackend'),
  refreshFromBackend: (_req, t, ctx) => remoteAction(t, ctx, 'refresh'),
  createBugReport: (req, t, ctx) => {
    if (!ctx.bugReport) return new RequestError('bug reports are not available here');
    return ctx.bugReport.start(t, req.target) ? null : new RequestError('that finding or span is not in the shown trace');
  },
};

/** The remote actions' answer: null when done, the reason as the error otherwise. */
async function remoteAction(t: LoadedTrace, ctx: RequestContext, act: 'openInBackend' | 'refresh'): Promise<null | RequestError> {
  if (!ctx.remote || ctx.remote.source(t) === null) return new RequestError('this trace was not fetched from a backend');
  const why = await ctx.remote[act](t);
  return why === undefined ? null : new RequestError(why);
}

function jumpToSource(req: RequestOf<'goToHandler' | 'goToPrompt'>, t: LoadedTrace, ctx: RequestContext): Awaitable<SourceJumpResult | RequestError> {
  if (req.index >= t.trace.spans.length) return noSpan(t, req.index);
  if (!ctx.source) return new RequestError('jumping to source is not available here');
  return req.type === 'goToHandler' ? ctx.source.goToHandler(t, req.index) : ctx.source.goToPrompt(t, req.index);
}

/** The handler of `req`'s type (the table is indexed by a union, so TypeScript needs the cast). */
function answer(req: Request, t: LoadedTrace, ctx: RequestContext): Awaitable<ResultTypes[RequestType] | RequestError> {
  const handle = HANDLERS[req.type] as Handler<RequestType>;
  return handle(req, t, ctx);
}
