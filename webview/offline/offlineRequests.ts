/**
 * The offline viewer's host end: answers the webview's requests inside the page, from the trace
 * embedded in trace.html. The trace-only answers are core's (`TRACE_REQUEST_HANDLERS`, the same
 * table src/session/webviewRequests.ts answers from in VS Code); what needs VS Code (jump to
 * source, opening links, backends) is answered with an error saying so, and the webview hides
 * what it can (no Go to Handler buttons, no plan graph). Dismissed findings live as long as the
 * page. Same contract as the extension's `handleWebviewMessage`: every request is validated,
 * answered exactly once, and `selectTrace` is followed by `traceChanged`.
 */
import { parseRequest, type HostMessage, type RequestOf, type RequestType, type ResultTypes } from '../../src/core/protocol';
import { buildClaimsView } from '../../src/core/view/claimsView';
import type { LoadedTrace } from '../../src/core/view/loadedTrace';
import { RequestError, TRACE_REQUEST_HANDLERS } from '../../src/core/view/traceRequests';

export interface OfflineSession {
  /** The embedded trace, or why it could not be read (shown instead of the trace). */
  readonly trace: LoadedTrace | { readonly error: string };
  /** Dismissed finding keys by trace id, for this page's lifetime. */
  readonly dismissed: Map<string, Set<string>>;
  /** Puts text on the clipboard (Copy summary). */
  copyText(text: string): Promise<void>;
}

type OfflineHandler<K extends RequestType> = (
  req: RequestOf<K>,
  t: LoadedTrace,
  s: OfflineSession,
) => ResultTypes[K] | RequestError | Promise<ResultTypes[K] | RequestError>;

/** Requests without an entry get "not available in the offline viewer". */
const OFFLINE_HANDLERS: { readonly [K in RequestType]?: OfflineHandler<K> } = {
  ...TRACE_REQUEST_HANDLERS,
  getClaims: (_req, t, s) => buildClaimsView(t.analyses(), s.dismissed.get(t.trace.traceId) ?? new Set()),
  dismissFinding: (req, t, s) => {
    const keys = s.dismissed.get(t.trace.traceId) ?? new Set<string>();
    if (req.dismissed) keys.add(req.key);
    else keys.delete(req.key);
    s.dismissed.set(t.trace.traceId, keys);
    return null;
  },
  copySummary: async (_req, t, s) => {
    await s.copyText(t.summaryText());
    return null;
  },
};

/** The messages that answer one raw request, in order (none for an invalid one, which is logged). */
export async function answerOffline(raw: unknown, s: OfflineSession): Promise<HostMessage[]> {
  const parsed = parseRequest(raw);
  if (!parsed.ok) {
    console.warn(`[agent-trace] dropped an invalid request: ${parsed.error}`);
    return [];
  }
  const req = parsed.value;
  const t = s.trace;
  if (!('set' in t)) {
    const failed: HostMessage = { type: 'response', inReplyTo: req.requestId, error: t.error };
    return req.type === 'ready' ? [{ type: 'loadError', message: t.error }, failed] : [failed];
  }
  const handle = OFFLINE_HANDLERS[req.type] as OfflineHandler<RequestType> | undefined;
  if (!handle) return [{ type: 'response', inReplyTo: req.requestId, error: `${req.type}: not available in the offline viewer (open the trace in VS Code)` }];
  let result: ResultTypes[RequestType] | RequestError;
  try {
    result = await handle(req, t, s);
  } catch (e) {
    return [{ type: 'response', inReplyTo: req.requestId, error: `internal error: ${e instanceof Error ? e.message : String(e)}` }];
  }
  if (result instanceof RequestError) return [{ type: 'response', inReplyTo: req.requestId, error: result.message }];
  const answer: HostMessage = { type: 'response', inReplyTo: req.requestId, result };
  return req.type === 'selectTrace' ? [answer, { type: 'traceChanged' }] : [answer];
}
