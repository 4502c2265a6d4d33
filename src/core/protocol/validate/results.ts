/**
 * The check of each request's result, by request type: what the webview's RPC client runs on
 * every response before a caller sees it. A result that fails is handled as an error response
 * and never rendered. Typed by `ResultTypes`, so a validator that does not vouch for its
 * request's result type fails to compile here.
 */
import { type Request, type RequestOf, type RequestType, type ResultTypes } from '../messages';
import { validateClaimsView } from './claims';
import { validateCostView } from './cost';
import { validatePlanGraph } from './graph';
import { fail, isInt, ok, type Checked } from './kit';
import { validateTraceSource } from './remote';
import { validateSourceJump } from './source';
import { validateCardFindings, validateCardsFor, validateTimelineIndex } from './timeline';
import { validateDetailFor, validateRowsFor, validateStructure, validateSummary } from './trace';
import { validateCriticalPath, validateSearchResult } from './waterfall';

type ResultCheck<K extends RequestType> = (v: unknown) => Checked<ResultTypes[K]>;

const checkString: ResultCheck<'getAttributeValue'> = (v) => (typeof v === 'string' ? ok(v) : fail('result must be a string'));
/** `undefined` too: structured clone keeps it, but a host may drop a null `result` key on the way. */
const checkNull = (v: unknown): Checked<null> => (v === null || v === undefined ? ok(null) : fail('result must be null'));
const checkSpanIndex: ResultCheck<'findSpan'> = (v) => (isInt(v, -1, Number.MAX_SAFE_INTEGER) ? ok(v) : fail('result must be a span index or -1'));

/** One checker factory per request type; a validator of the wrong result type does not compile. */
const CHECKERS: { readonly [K in RequestType]: (req: RequestOf<K>) => ResultCheck<K> } = {
  ready: () => validateSummary,
  getStructure: () => validateStructure,
  getRows: (req) => validateRowsFor(req.start, req.count),
  getSpanDetail: (req) => validateDetailFor(req.index),
  getAttributeValue: () => checkString,
  copySummary: () => checkNull,
  selectTrace: () => checkNull,
  findSpan: () => checkSpanIndex,
  getClaims: () => (v) => validateClaimsView(v),
  dismissFinding: () => checkNull,
  getTimelineIndex: () => validateTimelineIndex,
  getCards: (req) => validateCardsFor(req.start, req.count),
  getCardFindings: () => validateCardFindings,
  getCost: () => (v) => validateCostView(v),
  getCriticalPath: () => validateCriticalPath,
  searchSpans: () => validateSearchResult,
  getPlanGraph: () => (v) => validatePlanGraph(v),
  goToHandler: () => validateSourceJump,
  goToPrompt: () => validateSourceJump,
  openLink: () => checkNull,
  getTraceSource: () => validateTraceSource,
  openInBackend: () => checkNull,
  refreshFromBackend: () => checkNull,
  createBugReport: () => checkNull,
};

/** The check of the result of a request (getRows, getSpanDetail and getCards also check it answers what was asked). */
export function resultCheckerFor<R extends Request>(req: R): ResultCheck<R['type']> {
  const make = CHECKERS[req.type as R['type']] as (req: R) => ResultCheck<R['type']>;
  return make(req);
}
