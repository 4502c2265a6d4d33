import type { Trace } from '../../model/trace';
import type { UnixNanos } from '../../model/time';

const CANCEL = /cancel|abort/i;

/** Where a trace records a cancellation. */
export interface Cancellation {
  readonly spanIndex: number;
  /** The event time for a cancellation event, else the end of the cancelled span. */
  readonly atNs: UnixNanos;
  /** What matched: `status`, `error.type` or `event`. */
  readonly via: 'status' | 'error.type' | 'event';
}

/**
 * The earliest cancellation in the trace, or undefined. A span counts when its status message
 * or `error.type` attribute mentions cancel/abort, or it has an event whose name does.
 */
export function findCancellation(trace: Trace): Cancellation | undefined {
  let best: Cancellation | undefined;
  const consider = (c: Cancellation) => {
    if (!best || c.atNs < best.atNs) best = c;
  };
  for (const s of trace.spans) {
    if (s.status.message && CANCEL.test(s.status.message)) consider({ spanIndex: s.index, atNs: s.endNs, via: 'status' });
    const et = s.attributes.get('error.type');
    if (typeof et === 'string' && CANCEL.test(et)) consider({ spanIndex: s.index, atNs: s.endNs, via: 'error.type' });
    for (const e of s.events) if (CANCEL.test(e.name)) consider({ spanIndex: s.index, atNs: e.timeNs, via: 'event' });
  }
  return best;
}
