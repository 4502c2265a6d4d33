import type { FormatId } from '../model/trace';
import type { TraceBuilder } from './traceBuilder';

/**
 * A reader for one JSON trace format. Importers are pure: parsed JSON in, spans into the
 * builder out. They never throw on odd content: a record they cannot read goes to
 * `builder.addUnreadable(source, reason)` so it is counted.
 */
export interface JsonImporter {
  readonly format: FormatId;
  /** Human-readable name used in messages ("Jaeger UI JSON"). */
  readonly label: string;
  /**
   * A cheap structural test on the parsed root value (or the first line of JSON Lines).
   * Must not throw and must not be fooled by a neighbour format: see the order in index.ts.
   */
  sniff(root: unknown): boolean;
  /**
   * Reads `root` into the builder. `source` prefixes diagnostic locations (e.g. "line 3: ").
   * May return a more specific label for the TraceSet ("OTLP JSON (Tempo batches)").
   */
  read(root: unknown, builder: TraceBuilder, source: string): string | void;
  /**
   * Set by formats that write ids and times as bare integers past 2^53: the input is then
   * re-read with those integers as decimal strings (see json/exactIntegers.ts).
   */
  readonly exactIntegers?: boolean;
}

/** Small helpers for sniffing and reading untyped JSON without `any`. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function firstElement(v: unknown): unknown {
  return Array.isArray(v) && v.length > 0 ? v[0] : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
