/**
 * The filter of one connection's trace list, how it becomes core's `SearchQuery`, and how it
 * reads in the side bar. Pure: unit-tested.
 */
import type { BackendKind, SearchQuery } from '../core/backends/types';

export type TimeRange = { readonly kind: 'last'; readonly ms: number } | { readonly kind: 'between'; readonly fromMs: number; readonly toMs: number };

export interface TraceFilter {
  readonly range: TimeRange;
  readonly service?: string;
  readonly name?: string;
  readonly errorsOnly?: boolean;
  readonly minDurationMs?: number;
  /** The backend's own query language (TraceQL, Langfuse filter JSON, Phoenix `attribute=k:v`…). */
  readonly query?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The "last …" ranges offered, in order. */
export const LAST_RANGES: readonly { readonly label: string; readonly ms: number }[] = [
  { label: 'Last 15 minutes', ms: 15 * MINUTE },
  { label: 'Last hour', ms: HOUR },
  { label: 'Last 6 hours', ms: 6 * HOUR },
  { label: 'Last 24 hours', ms: DAY },
  { label: 'Last 2 days', ms: 2 * DAY },
  { label: 'Last 7 days', ms: 7 * DAY },
];

export const DEFAULT_FILTER: TraceFilter = { range: { kind: 'last', ms: DAY } };

/** Traces per page of the list. */
export const PAGE_SIZE = 25;

/** The search of the first page at `nowMs` (the next pages reuse its window with a cursor). */
export function searchQueryOf(filter: TraceFilter, nowMs: number, limit = PAGE_SIZE): SearchQuery {
  const { fromMs, toMs } = filter.range.kind === 'last' ? { fromMs: nowMs - filter.range.ms, toMs: nowMs } : filter.range;
  return {
    fromMs,
    toMs,
    limit,
    ...(filter.service ? { service: filter.service } : {}),
    ...(filter.name ? { name: filter.name } : {}),
    ...(filter.errorsOnly ? { errorsOnly: true } : {}),
    ...(filter.minDurationMs !== undefined && filter.minDurationMs > 0 ? { minDurationMs: filter.minDurationMs } : {}),
    ...(filter.query ? { query: filter.query } : {}),
  };
}

/** One line for the side bar: "last 24 h · service api · errors only". */
export function describeFilter(filter: TraceFilter): string {
  const parts = [describeRange(filter.range)];
  if (filter.service) parts.push(`service ${filter.service}`);
  if (filter.name) parts.push(`name ${filter.name}`);
  if (filter.errorsOnly) parts.push('errors only');
  if (filter.minDurationMs) parts.push(`≥ ${formatMs(filter.minDurationMs)}`);
  if (filter.query) parts.push(`query ${filter.query}`);
  return parts.join(' · ');
}

function describeRange(r: TimeRange): string {
  if (r.kind === 'between')
    return `${new Date(r.fromMs).toISOString().slice(0, 16).replace('T', ' ')} – ${new Date(r.toMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const known = LAST_RANGES.find((x) => x.ms === r.ms);
  return known ? known.label.toLowerCase() : `last ${formatMs(r.ms)}`;
}

function formatMs(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY} d`;
  if (ms % HOUR === 0) return `${ms / HOUR} h`;
  if (ms % MINUTE === 0) return `${ms / MINUTE} min`;
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Parses "250ms", "1.5s", "2m", "300" (ms) into milliseconds; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'h' ? HOUR : MINUTE;
  return Math.round(n * factor);
}

/** Parses an ISO date-time ("2026-12-01 10:00", "2026-12-01T10:00Z"); local time when no zone is given. */
export function parseDateTime(text: string): number | undefined {
  const t = text.trim().replace(' ', 'T');
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : undefined;
}

/** What the free query is called for a backend, for the filter's input box. */
export function queryLanguage(kind: BackendKind): string {
  switch (kind) {
    case 'tempo':
      return 'TraceQL, e.g. { span.gen_ai.request.model = "gpt-4o" }';
    case 'langfuse':
      return 'Langfuse filter JSON, e.g. [{"type":"string","column":"name","operator":"=","value":"chat"}]';
    case 'phoenix':
      return 'Phoenix span attribute filter, e.g. llm.model_name:gpt-4o';
    case 'zipkin':
      return 'Zipkin annotation query, e.g. http.path=/chat and error';
    case 'jaeger':
      return 'Jaeger attributes JSON, e.g. {"http.status_code":"500"}';
  }
}
