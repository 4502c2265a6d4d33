/** Validator of `getTraceSource` results: a `TraceSourceView` or null (a trace read from a file). */
import { MAX_SOURCE_NOTES, type TraceSourceView } from '../remote';
import { fail, isFiniteNum, isRecord, isStrings, ok, type Checked } from './kit';

/** Returns a fresh object of exactly the known fields (extra keys are dropped). */
export function validateTraceSource(v: unknown): Checked<TraceSourceView | null> {
  if (v === null || v === undefined) return ok(null);
  if (!isRecord(v)) return fail('trace source is not an object');
  for (const k of ['backendName', 'connectionName', 'traceId'] as const) if (typeof v[k] !== 'string') return fail(`${k} must be a string`);
  if (!isFiniteNum(v.fetchedAt)) return fail('fetchedAt must be a number');
  if (typeof v.canOpenInBackend !== 'boolean') return fail('canOpenInBackend must be a boolean');
  if (!isStrings(v.notes) || v.notes.length > MAX_SOURCE_NOTES) return fail(`notes must be at most ${MAX_SOURCE_NOTES} strings`);
  return ok({
    backendName: v.backendName as string,
    connectionName: v.connectionName as string,
    traceId: v.traceId as string,
    fetchedAt: v.fetchedAt,
    canOpenInBackend: v.canOpenInBackend,
    notes: [...v.notes],
  });
}
