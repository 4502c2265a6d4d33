import { StatusCode } from '../model/span';
import type { Trace } from '../model/trace';
import type { UnixNanos } from '../model/time';
import type { TraceBatchSummary } from './decodeExport';

/**
 * One stored trace as the receiver's index lists it (side bar, status bar, `agent-trace
 * receive` output). Plain JSON: no bigints, so it goes to disk, the webview and the tree view
 * as is. Nanosecond times are decimal strings (exact); `startMs`/`durationMs` are for display.
 */
export interface StoredTraceSummary {
  readonly traceId: string;
  /** File name inside the store directory: `<traceId>.otlp.jsonl`. */
  readonly file: string;
  /** Name of the earliest span without a parent seen so far ('' until one arrives). */
  rootName: string;
  rootSpanId?: string;
  /** Start of that root span (Unix ns, decimal), to tell which root is the earliest. */
  rootStartNs?: string;
  /** `error` when any span has an error status; else the root's status. */
  status: 'unset' | 'ok' | 'error';
  /** Spans accepted for this trace (stored, or in the buffer of the next flush). */
  spanCount: number;
  errorCount: number;
  serviceName?: string;
  /** Earliest span start / latest span end, Unix nanoseconds as decimal strings. */
  startNs?: string;
  endNs?: string;
  /** Derived from startNs/endNs: Unix milliseconds and the span of the trace. */
  startMs?: number;
  durationMs?: number;
  /** Wall-clock times (Unix ms) at which the receiver first and last got spans of this trace. */
  firstReceivedMs: number;
  lastReceivedMs: number;
  /** Size of the file after the last flush. */
  bytes: number;
  /** Agent figures, filled in after the trace has been quiet for a moment (see TraceStore `analyze`). */
  agent?: AgentFigures;
}

/** What the side bar shows about an agent run; computed from the stored file by a hook. */
export interface AgentFigures {
  llmCalls: number;
  toolCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** US dollars; null when unknown (unpriced model), never shown as $0. */
  costUsd: number | null;
  /** File size the figures were computed from (they are stale when `bytes` has grown since). */
  analyzedBytes: number;
}

const STATUS_NAMES = ['unset', 'ok', 'error'] as const;

export function newSummary(traceId: string, file: string, nowMs: number): StoredTraceSummary {
  return { traceId, file, rootName: '', status: 'unset', spanCount: 0, errorCount: 0, firstReceivedMs: nowMs, lastReceivedMs: nowMs, bytes: 0 };
}

function min(a: string | undefined, b: UnixNanos | undefined): string | undefined {
  if (b === undefined) return a;
  return a === undefined || b < BigInt(a) ? b.toString() : a;
}

function max(a: string | undefined, b: UnixNanos | undefined): string | undefined {
  if (b === undefined) return a;
  return a === undefined || b > BigInt(a) ? b.toString() : a;
}

/** Adds one request's figures for this trace (in place). */
export function mergeBatch(s: StoredTraceSummary, b: TraceBatchSummary, nowMs: number): void {
  s.spanCount += b.spanCount;
  s.errorCount += b.errorCount;
  s.lastReceivedMs = nowMs;
  if (s.serviceName === undefined && b.serviceName) s.serviceName = b.serviceName;
  const root = b.root;
  if (root && (s.rootSpanId === undefined || (root.startNs !== undefined && (s.rootStartNs === undefined || root.startNs < BigInt(s.rootStartNs))))) {
    s.rootName = root.name;
    s.rootSpanId = root.spanId;
    s.rootStartNs = root.startNs?.toString();
    s.status = STATUS_NAMES[root.status] ?? 'unset';
  }
  s.startNs = min(s.startNs, b.startNs);
  s.endNs = max(s.endNs, b.endNs);
  if (s.errorCount > 0) s.status = 'error';
  setDisplayTimes(s);
}

function setDisplayTimes(s: StoredTraceSummary): void {
  if (s.startNs === undefined) return;
  const start = BigInt(s.startNs);
  s.startMs = Number(start / 1000n) / 1000;
  if (s.endNs !== undefined) s.durationMs = Number(BigInt(s.endNs) - start) / 1e6;
}

/** A summary rebuilt from the stored file (store recovery after a crash, or an old index). */
export function summaryFromTrace(trace: Trace, file: string, bytes: number, receivedMs: number): StoredTraceSummary {
  const s = newSummary(trace.traceId, file, receivedMs);
  s.bytes = bytes;
  s.spanCount = trace.inputSpanCount;
  for (const sp of trace.spans) if (sp.status.code === StatusCode.Error) s.errorCount++;
  // The earliest root that was a root in the input (not an orphan made a root by the builder).
  const root = trace.rootIndices.map((i) => trace.spans[i]).find((sp) => !sp.parentSpanId) ?? trace.spans[trace.rootIndices[0]];
  if (root) {
    s.rootName = root.name;
    s.rootSpanId = root.spanId;
    s.rootStartNs = root.startNs.toString();
    s.status = STATUS_NAMES[root.status.code] ?? 'unset';
    s.serviceName = root.resource.serviceName;
  }
  if (s.errorCount > 0) s.status = 'error';
  if (trace.spans.length) {
    s.startNs = trace.startNs.toString();
    s.endNs = trace.endNs.toString();
    setDisplayTimes(s);
  }
  return s;
}

/** Newest first: by the wall-clock time the receiver first saw the trace, then by trace start. */
export function compareNewestFirst(a: StoredTraceSummary, b: StoredTraceSummary): number {
  if (a.firstReceivedMs !== b.firstReceivedMs) return b.firstReceivedMs - a.firstReceivedMs;
  return (b.startMs ?? 0) - (a.startMs ?? 0);
}
