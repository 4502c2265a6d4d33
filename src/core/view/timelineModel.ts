import type { PlacedIteration } from '../analyze/timeline/steps';
import type { TraceAnalyses } from '../analyze/traceAnalyses';
import { StatusCode } from '../model/span';
import type { Trace } from '../model/trace';
import { CARD_FLAG_ERROR, CARD_FLAG_WASTE, type CardFinding, type CardFindings, type CardView, type TimelineIndex } from '../protocol';
import type { AgentRun } from '../semantics/types';
import { buildCard, DEFAULT_CARD_LIMITS, type CardLimits } from './timelineCards';

/**
 * The chain-of-thought timeline of a trace for the webview: `index` gives the column arrays of
 * `TimelineIndex`, `cards(start, count)` the text of a window of cards. Built once per trace
 * and agent view (the host keeps it with the loaded trace).
 */
export interface TimelineModel {
  readonly index: TimelineIndex;
  /**
   * `findings`: 'compute' (default) runs the whole-trace analyses first if need be; 'ifReady'
   * never does (the cards' findings are empty until `findings()` has run), so the host can
   * answer card text at once and send the findings later.
   */
  cards(start: number, count: number, findings?: 'compute' | 'ifReady'): CardView[];
  /** The findings of every card (claims and loops: whole-trace analyses, computed once). */
  findings(): CardFindings;
}

/**
 * Fast at 100k spans: the index comes from the placed iterations and cost rows only (no message
 * is read), so the webview can draw the timeline at once. A card's text (which reads the LLM
 * call's messages) is built per window; the claim and loop findings listed on cards (whole-trace
 * analyses, about 2 s at 100k spans) are computed once, when first asked for, then kept.
 */
export function buildTimelineModel(a: TraceAnalyses, limits: CardLimits = DEFAULT_CARD_LIMITS): TimelineModel {
  const { trace, view } = a;
  const placed = a.placed();
  const steps = a.cost().steps;
  const n = placed.length;
  const llmSpan = new Int32Array(n);
  const runSpan = new Int32Array(n);
  const depth = new Uint16Array(n);
  const flags = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const { iteration: it, run, depth: d } = placed[c];
    llmSpan[c] = it.llmCall.spanIndex;
    runSpan[c] = run.spanIndex;
    depth[c] = Math.min(d, 0xffff);
    // The same rule as the card's `errors`: a failed LLM call or a failed tool execution.
    if (trace.spans[it.llmCall.spanIndex].status.code === StatusCode.Error || it.toolExecutions.some((t) => t.status === 'error')) flags[c] |= CARD_FLAG_ERROR;
  }
  // Cost rows come in the placed order; matched by LLM span all the same.
  const stepOf = new Map(steps.map((s) => [s.llmSpanIndex, s]));
  const cost = Array.from(llmSpan, (i) => stepOf.get(i)!);
  for (let c = 0; c < n; c++) if (cost[c].waste) flags[c] |= CARD_FLAG_WASTE;
  const cardOfSpan = cardsOfSpans(trace, view.runs, placed);
  let findings: Map<number, CardFinding[]> | undefined;
  return {
    index: { llmSpan, runSpan, depth, flags, cardOfSpan },
    cards(start, count, when = 'compute') {
      if (when === 'compute') findings ??= cardFindings(a, cardOfSpan);
      const out: CardView[] = [];
      const end = Math.min(n, start + Math.max(0, count));
      for (let c = Math.max(0, start); c < end; c++) out.push(buildCard(c, placed[c], trace, cost[c], findings?.get(c) ?? [], limits));
      return out;
    },
    findings() {
      findings ??= cardFindings(a, cardOfSpan);
      return { cards: [...findings].sort((x, y) => x[0] - y[0]).map(([card, list]) => ({ card, findings: list })) };
    },
  };
}

/**
 * Per span, the card whose iteration holds it: the subtrees of the card's LLM call and of its
 * tool executions. Ranges nest (a tool that runs a sub-agent holds that sub-agent's cards), so
 * they are filled outermost first and the innermost card wins. Agent run spans map to -1: they
 * span many iterations.
 */
function cardsOfSpans(trace: Trace, runs: readonly AgentRun[], placed: readonly PlacedIteration[]): Int32Array {
  const spans = trace.spans;
  const out = new Int32Array(spans.length).fill(-1);
  const roots: number[] = []; // pairs: [span index, card]
  const isRoot = new Uint8Array(spans.length);
  placed.forEach(({ iteration: it }, c) => {
    roots.push(it.llmCall.spanIndex, c);
    isRoot[it.llmCall.spanIndex] = 1;
    for (const t of it.toolExecutions) {
      roots.push(t.spanIndex, c);
      isRoot[t.spanIndex] = 1;
    }
  });
  const order = Array.from({ length: roots.length / 2 }, (_, k) => k).sort((a, b) => roots[2 * a] - roots[2 * b]);
  for (const k of order) {
    const i = roots[2 * k],
      c = roots[2 * k + 1];
    out.fill(c, i, spans[i].subtreeEnd);
  }
  const stack = [...runs];
  while (stack.length) {
    const run = stack.pop()!;
    if (!isRoot[run.spanIndex]) out[run.spanIndex] = -1;
    stack.push(...run.subAgents);
  }
  return out;
}

/**
 * Claim findings (`analyzeClaims`) and loop findings (`findLoops`), listed on every card that
 * holds one of their evidence spans (once per card).
 */
function cardFindings(a: TraceAnalyses, cardOfSpan: Int32Array): Map<number, CardFinding[]> {
  const trace = a.trace;
  const all: { kind: string; severity: CardFinding['severity']; message: string; spanIds: readonly string[] }[] = [...a.claims(), ...a.loops()];
  const out = new Map<number, CardFinding[]>();
  if (all.length === 0) return out;
  const wanted = new Map<string, number>();
  for (const f of all) for (const id of f.spanIds) wanted.set(id, -1);
  for (const s of trace.spans) if (wanted.has(s.spanId) && wanted.get(s.spanId) === -1) wanted.set(s.spanId, s.index);
  for (const f of all) {
    const seen = new Set<number>();
    for (const id of f.spanIds) {
      const i = wanted.get(id) ?? -1;
      const c = i >= 0 ? cardOfSpan[i] : -1;
      if (c < 0 || seen.has(c)) continue;
      seen.add(c);
      let list = out.get(c);
      if (!list) out.set(c, (list = []));
      list.push({ kind: f.kind, severity: f.severity, message: f.message });
    }
  }
  return out;
}
