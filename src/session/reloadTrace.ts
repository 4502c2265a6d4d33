import { importTrace } from '../core/import/index';
import { LoadedTrace, type DeriveView } from './loadedTrace';

/**
 * Re-imports a file that grew (a trace still being received) into a new LoadedTrace showing the
 * same trace as `previous`: matched by trace id, else the same index. Pure: no vscode.
 * Returns undefined when the file no longer holds any trace (the caller keeps the old one).
 */
export function reloadTrace(
  bytes: Uint8Array,
  previous: LoadedTrace,
  derive: DeriveView,
  onDeriveError?: (traceIndex: number, e: unknown) => void,
): LoadedTrace | undefined {
  const set = importTrace(bytes);
  if (set.traces.length === 0) return undefined;
  const next = new LoadedTrace(previous.fileUri, previous.fileName, set, derive, onDeriveError);
  const byId = set.traces.findIndex((t) => t.traceId === previous.trace.traceId);
  next.select(byId >= 0 ? byId : Math.min(previous.traceIndex, set.traces.length - 1));
  return next;
}
