import { assertNever, parseRequest, type HostMessage, type Request, type SourceJumpResult } from '../core/protocol';
import { buildClaimsView } from '../core/view/claimsView';
import type { FindingDismissals } from './findingDismissals';
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
}

/**
 * Handles one raw message from a webview: validates it with `parseRequest` (an invalid
 * message is logged and dropped, never answered or acted on), answers it with exactly one
 * response carrying `inReplyTo`, and pushes the events that go with it:
 * - `ready` when the file could not be loaded: a `loadError` event, then an error response;
 * - `selectTrace`: the null result, then `traceChanged` so the webview pulls again.
 * The host only answers data queries and runs the fixed actions named in the protocol.
 */
export async function handleWebviewMessage(raw: unknown, ctx: RequestContext): Promise<void> {
  const req = parseRequest(raw);
  if (typeof req === 'string') {
    ctx.log(`dropped an invalid message from the webview: ${req}`);
    return;
  }
  const loaded = await ctx.trace();
  if (!('set' in loaded)) {
    if (req.type === 'ready') ctx.post({ type: 'loadError', message: loaded.error });
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: loaded.error });
    return;
  }
  let result: unknown;
  try {
    result = await answer(req, loaded, ctx);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    ctx.log(`${req.type} failed: ${e instanceof Error && e.stack ? e.stack : why}`);
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: `internal error: ${why}` });
    return;
  }
  if (result instanceof RequestError) {
    ctx.post({ type: 'response', inReplyTo: req.requestId, error: result.message });
    return;
  }
  ctx.post({ type: 'response', inReplyTo: req.requestId, result });
  if (req.type === 'selectTrace') ctx.post({ type: 'traceChanged' });
}

/** A plain-words answer to a request that cannot be served (bad index, missing key). */
class RequestError {
  constructor(readonly message: string) {}
}

async function answer(req: Request, t: LoadedTrace, ctx: RequestContext): Promise<unknown> {
  switch (req.type) {
    case 'ready':
      return t.summary();
    case 'getStructure':
      return t.structure();
    case 'getRows':
      return t.rows(req.start, req.count);
    case 'getSpanDetail':
      return t.spanDetail(req.index) ?? new RequestError(`no span ${req.index} (the trace has ${t.trace.spans.length})`);
    case 'getAttributeValue':
      return (
        t.attributeValue(req.index, req.key, req.scope) ??
        new RequestError(`span ${req.index} has no ${req.scope} attribute ${JSON.stringify(req.key.slice(0, 200))}`)
      );
    case 'copySummary':
      await ctx.copyText(t.summaryText());
      return null;
    case 'selectTrace':
      return t.select(req.traceIndex) ? null : new RequestError(`no trace ${req.traceIndex} (the file has ${t.traceCount})`);
    case 'findSpan':
      return t.indexOfSpan(req.spanId);
    case 'getClaims':
      return buildClaimsView(t.trace, t.view(), ctx.dismissals.get(t.fileUri, t.trace.traceId));
    case 'dismissFinding':
      await ctx.dismissals.set(t.fileUri, t.trace.traceId, req.key, req.dismissed);
      return null;
    case 'getTimelineIndex':
      return t.timeline().index;
    case 'getCards':
      return t.timeline().cards(req.start, req.count);
    case 'getCost':
      return t.cost();
    case 'getCriticalPath':
      return t.criticalPath();
    case 'searchSpans':
      return t.search(req.filter);
    case 'getPlanGraph':
      return t.planGraph(req.expanded);
    case 'goToHandler':
    case 'goToPrompt': {
      if (req.index >= t.trace.spans.length) return new RequestError(`no span ${req.index} (the trace has ${t.trace.spans.length})`);
      if (!ctx.source) return new RequestError('jumping to source is not available here');
      return req.type === 'goToHandler' ? ctx.source.goToHandler(t, req.index) : ctx.source.goToPrompt(t, req.index);
    }
    default:
      return assertNever(req);
  }
}
