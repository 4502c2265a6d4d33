/**
 * What clients do with imported traces: cap a fetched set to a span budget (with the note that
 * says what was cut), and summarise the traces of a search answer that came back whole (Jaeger
 * api_v3 before trace-summaries, Zipkin) for the list.
 */
import { ImportError } from '../model/diagnostics';
import { StatusCode, type Span } from '../model/span';
import type { Trace, TraceSet } from '../model/trace';
import { importTrace } from '../import/index';
import { TraceBuilder } from '../import/traceBuilder';
import { BackendError, type FetchResult, type TraceSummary } from './types';

export const DEFAULT_MAX_SPANS = 10_000;
/** Across all pages of one fetch. */
export const DEFAULT_MAX_FETCH_BYTES = 256 * 1024 * 1024;

/** Reads a backend answer with the ordinary importers; an unreadable answer is a `malformed` error. */
export function importAnswer(bytes: Uint8Array, what: string): TraceSet {
  try {
    return importTrace(bytes);
  } catch (e) {
    if (e instanceof ImportError) throw new BackendError('malformed', `${what} could not be read as a trace: ${e.message}`);
    throw e;
  }
}

/**
 * The FetchResult for a fetched set: a `not-found` error when it holds no span, the span cap
 * applied, and the notes. `morePages` is set by paging clients that stopped at the cap with
 * pages left: the backend then has more spans than were read.
 */
export function finishFetch(set: TraceSet, what: string, notes: string[], maxSpans: number, webUrl: string | undefined, morePages = false): FetchResult {
  if (set.traces.length === 0) throw new BackendError('not-found', `${what} not found (the answer holds no spans): wrong id, or past the backend's retention`);
  const capped = capSpans(set, maxSpans);
  const kept = keptSpans(capped).toLocaleString('en-US');
  const cap = maxSpans.toLocaleString('en-US');
  if (morePages)
    notes.unshift(`showing ${kept} of more than ${set.inputSpanCount.toLocaleString('en-US')} spans (the span cap is ${cap}; the rest was not fetched)`);
  else if (capped !== set) notes.unshift(`showing ${kept} of ${set.inputSpanCount.toLocaleString('en-US')} spans (the span cap is ${cap})`);
  return { set: capped, notes, ...(webUrl ? { webUrl } : {}) };
}

function keptSpans(set: TraceSet): number {
  let n = 0;
  for (const t of set.traces) n += t.spans.length;
  return n;
}

/**
 * The set with at most `maxSpans` spans: each trace's depth-first pre-order prefix (so every
 * kept span keeps its parent), traces in order until the budget is spent. The set itself when
 * it is within the cap.
 */
export function capSpans(set: TraceSet, maxSpans: number): TraceSet {
  if (keptSpans(set) <= maxSpans) return set;
  const b = new TraceBuilder();
  let budget = maxSpans;
  for (const t of set.traces) {
    const take = Math.min(budget, t.spans.length);
    for (let i = 0; i < take; i++) b.addSpan(rawOf(t.spans[i]));
    budget -= take;
    if (budget === 0) break;
  }
  for (const d of set.diagnostics) b.note(d.code, d.message, d.source);
  return b.build(set.format, set.formatLabel);
}

function rawOf(s: Span) {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    name: s.name,
    kind: s.kind,
    startNs: s.startNs,
    endNs: s.endNs,
    status: s.status,
    attributes: s.attributes,
    events: [...s.events],
    links: [...s.links],
    resource: s.resource,
    scope: s.scope,
    ...(s.traceState !== undefined ? { traceState: s.traceState } : {}),
    ...(s.flags !== undefined ? { flags: s.flags } : {}),
  };
}

/** One list row per trace, newest first: root name and service from the earliest root. */
export function summarizeTraces(set: TraceSet): TraceSummary[] {
  return set.traces.map(summarizeTrace).sort((a, b) => b.startTime - a.startTime);
}

function summarizeTrace(t: Trace): TraceSummary {
  const root = t.spans[t.rootIndices[0] ?? 0];
  const service = root?.resource.attributes.get('service.name');
  let errors = 0;
  for (const s of t.spans) if (s.status.code === StatusCode.Error) errors++;
  return {
    traceId: t.traceId,
    rootName: root?.name ?? '',
    service: typeof service === 'string' ? service : '',
    startTime: Number(t.startNs / 1_000_000n),
    durationMs: Number(t.endNs - t.startNs) / 1e6,
    spanCount: t.inputSpanCount,
    errorCount: errors,
  };
}
