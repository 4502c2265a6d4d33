import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import { CATEGORY_CODES, type CategoryName, type TraceStructure } from '../protocol';
import type { AgentView } from '../semantics/types';

const CATEGORY_CODE = new Map<CategoryName, number>(CATEGORY_CODES.map((c, i) => [c, i]));
const DEPTH_MAX = 0xffff;

/**
 * The trace as column arrays, one entry per span in `trace.spans` order (tree pre-order):
 * offsets and durations in milliseconds from the trace's start, the tree shape, the category
 * code from the agent view (`CATEGORY_CODES`) and the OTLP status code.
 * Depth is clamped to 65,535 (Uint16): deeper spans draw at the last level.
 */
export function buildTraceStructure(trace: Trace, view: AgentView): TraceStructure {
  const n = trace.spans.length;
  const startMs = new Float64Array(n);
  const durationMs = new Float64Array(n);
  const parentIndex = new Int32Array(n);
  const depth = new Uint16Array(n);
  const subtreeEnd = new Int32Array(n);
  const category = new Uint8Array(n);
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = trace.spans[i];
    startMs[i] = spanMs(trace.startNs, s.startNs);
    durationMs[i] = spanMs(s.startNs, s.endNs);
    parentIndex[i] = s.parentIndex;
    depth[i] = Math.min(s.depth, DEPTH_MAX);
    subtreeEnd[i] = s.subtreeEnd;
    category[i] = CATEGORY_CODE.get(view.spans[i]?.category ?? 'other') ?? 0;
    status[i] = s.status.code;
  }
  return { startMs, durationMs, parentIndex, depth, subtreeEnd, category, status };
}
