import { TraceAnalyses } from '../analyze/traceAnalyses';
import type { TraceSet } from '../model/trace';
import type {
  CardFindings,
  CardView,
  CostView,
  CriticalPathView,
  PlanGraphView,
  RowText,
  SpanDetail,
  SpanFilter,
  SpanSearchResult,
  TraceStructure,
  TraceSummary,
} from '../protocol';
import type { AgentView, PriceOverrides } from '../semantics/types';
import { buildCostView } from './costView';
import { buildPlanGraphView } from './planGraphView';
import { buildTimelineModel, type TimelineModel } from './timelineModel';
import { buildCriticalPathView, searchSpans } from './waterfallQueries';
import { buildRows } from './rows';
import { attributeValueText, buildSpanDetail } from './spanDetail';
import { buildTraceStructure } from './structure';
import { buildTraceSummary, diagnosticCount, formatSummaryText } from './summary';

/** Derives the agent view of one trace; may throw (a bug), which `LoadedTrace` survives. */
export type DeriveView = (set: TraceSet, traceIndex: number) => AgentView;

/**
 * One imported file as it is shown: the TraceSet, which of its traces is shown, and each trace's
 * agent view, derived on first use. All answers to the webview's queries come from here, in the
 * extension host while a panel shows the file (src/session/) and in the offline viewer's page
 * (webview/offline/), which is why it lives in core. Pure, so it is unit-tested directly.
 */
export class LoadedTrace {
  private readonly views = new Map<number, AgentView>();
  private readonly analysesOf = new Map<number, TraceAnalyses>();
  private readonly timelines = new Map<number, TimelineModel>();
  private readonly criticalPaths = new Map<number, CriticalPathView>();
  private shown = 0;

  constructor(
    readonly fileUri: string,
    readonly fileName: string,
    readonly set: TraceSet,
    private readonly derive: DeriveView,
    /** Called when `derive` throws; the trace is then shown without agent semantics. */
    private readonly onDeriveError: (traceIndex: number, error: unknown) => void = () => {},
    /** The price overrides `derive` applies (settings), for the cost panel's price table. */
    readonly prices?: PriceOverrides,
  ) {
    if (set.traces.length === 0) throw new RangeError('a LoadedTrace needs at least one trace');
  }

  get traceIndex(): number {
    return this.shown;
  }

  get traceCount(): number {
    return this.set.traces.length;
  }

  get trace() {
    return this.set.traces[this.shown];
  }

  /** Shows trace `index` of the file; false when there is no such trace. */
  select(index: number): boolean {
    if (!Number.isInteger(index) || index < 0 || index >= this.set.traces.length) return false;
    this.shown = index;
    return true;
  }

  view(index = this.shown): AgentView {
    let v = this.views.get(index);
    if (!v) {
      try {
        v = this.derive(this.set, index);
      } catch (e) {
        this.onDeriveError(index, e);
        v = plainView(this.set.traces[index].spans.length);
      }
      this.views.set(index, v);
    }
    return v;
  }

  /** The whole-trace analyses of trace `index` with its agent view, computed on first use and kept. */
  analyses(index = this.shown): TraceAnalyses {
    let a = this.analysesOf.get(index);
    if (!a) this.analysesOf.set(index, (a = new TraceAnalyses(this.set.traces[index], this.view(index))));
    return a;
  }

  summary(index = this.shown): TraceSummary {
    return buildTraceSummary({ fileName: this.fileName, fileUri: this.fileUri, set: this.set, traceIndex: index, view: this.view(index) });
  }

  summaryText(): string {
    return formatSummaryText(this.summary(), diagnosticCount(this.set, this.shown, this.view()));
  }

  structure(): TraceStructure {
    return buildTraceStructure(this.trace, this.view());
  }

  rows(start: number, count: number): RowText[] {
    return buildRows(this.trace, this.view(), start, count);
  }

  /** Index of the span with id `spanId` in the shown trace, or -1. */
  indexOfSpan(spanId: string): number {
    return this.trace.spans.findIndex((s) => s.spanId === spanId);
  }

  spanDetail(index: number): SpanDetail | undefined {
    return buildSpanDetail(this.trace, this.view(), index);
  }

  attributeValue(index: number, key: string, scope: 'span' | 'resource'): string | undefined {
    return attributeValueText(this.trace, index, key, scope);
  }

  /** The chain-of-thought timeline of the shown trace (built on first use, then kept). */
  timeline(): TimelineModel {
    let t = this.timelines.get(this.shown);
    if (!t) this.timelines.set(this.shown, (t = buildTimelineModel(this.analyses())));
    return t;
  }

  /** Card text at once: findings only if the whole-trace analyses already ran (see `cardFindings`). */
  cards(start: number, count: number): CardView[] {
    return this.timeline().cards(start, count, 'ifReady');
  }

  /** The findings on every card: claims and loops of the whole trace (seconds at 100k spans). */
  cardFindings(): CardFindings {
    return this.timeline().findings();
  }

  cost(): CostView {
    return buildCostView(this.analyses(), this.prices);
  }

  criticalPath(): CriticalPathView {
    let c = this.criticalPaths.get(this.shown);
    if (!c) this.criticalPaths.set(this.shown, (c = buildCriticalPathView(this.trace)));
    return c;
  }

  search(filter: SpanFilter): SpanSearchResult {
    return searchSpans(this.trace, this.view(), filter);
  }

  planGraph(expanded: readonly string[]): PlanGraphView {
    return buildPlanGraphView(this.analyses(), new Set(expanded));
  }
}

/** The agent view of a trace read without agent semantics: every span 'other', no calls. */
export function plainView(spanCount: number): AgentView {
  const other = { category: 'other' as const, convention: 'none' as const, fields: [] };
  return {
    spans: Array.from({ length: spanCount }, () => other),
    llmCalls: [],
    toolExecutions: [],
    runs: [],
    iterationCount: 0,
    tokens: { input: 0, output: 0 },
    costUsd: null,
    unpricedModels: [],
    noUsageCalls: 0,
  };
}
