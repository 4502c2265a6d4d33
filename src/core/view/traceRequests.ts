/**
 * The answers to the webview's requests that come from the loaded trace alone, with no host
 * service (no editor, clipboard, settings, backend or storage): one table shared by the
 * extension (src/session/webviewRequests.ts adds the host's actions to it) and the offline
 * viewer (webview/offline/offlineRequests.ts), so both answer the same query the same way.
 * Typed against the protocol's `ResultTypes`: a handler that answers another shape does not compile.
 */
import type { RequestOf, RequestType, ResultTypes } from '../protocol';
import type { LoadedTrace } from './loadedTrace';

/** A plain-words answer to a request that cannot be served (bad index, missing key). */
export class RequestError {
  constructor(readonly message: string) {}
}

export const noSpan = (t: LoadedTrace, index: number): RequestError => new RequestError(`no span ${index} (the trace has ${t.trace.spans.length})`);

type TraceRequestType =
  | 'ready'
  | 'getStructure'
  | 'getRows'
  | 'getSpanDetail'
  | 'getAttributeValue'
  | 'selectTrace'
  | 'findSpan'
  | 'getTimelineIndex'
  | 'getCards'
  | 'getCardFindings'
  | 'getCost'
  | 'getCriticalPath'
  | 'searchSpans'
  | 'getPlanGraph';

/** Answers one request type from the trace: its result or why it cannot. */
type TraceHandler<K extends RequestType> = (req: RequestOf<K>, t: LoadedTrace) => ResultTypes[K] | RequestError;

export const TRACE_REQUEST_HANDLERS: { readonly [K in TraceRequestType]: TraceHandler<K> } = {
  ready: (_req, t) => t.summary(),
  getStructure: (_req, t) => t.structure(),
  getRows: (req, t) => t.rows(req.start, req.count),
  getSpanDetail: (req, t) => t.spanDetail(req.index) ?? noSpan(t, req.index),
  getAttributeValue: (req, t) =>
    t.attributeValue(req.index, req.key, req.scope) ??
    new RequestError(`span ${req.index} has no ${req.scope} attribute ${JSON.stringify(req.key.slice(0, 200))}`),
  selectTrace: (req, t) => (t.select(req.traceIndex) ? null : new RequestError(`no trace ${req.traceIndex} (the file has ${t.traceCount})`)),
  findSpan: (req, t) => t.indexOfSpan(req.spanId),
  getTimelineIndex: (_req, t) => t.timeline().index,
  getCards: (req, t) => t.cards(req.start, req.count),
  getCardFindings: (_req, t) => t.cardFindings(),
  getCost: (_req, t) => t.cost(),
  getCriticalPath: (_req, t) => t.criticalPath(),
  searchSpans: (req, t) => t.search(req.filter),
  getPlanGraph: (req, t) => t.planGraph(req.expanded),
};
