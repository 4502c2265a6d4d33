import type { TraceSummary } from '../core/protocol';

/** How many traces "Open Recent Trace" and the side bar remember. */
export const RECENT_LIMIT = 20;

/** One remembered trace file, as stored in globalState (plain JSON). */
export interface RecentTrace {
  readonly uri: string;
  readonly fileName: string;
  readonly formatLabel: string;
  readonly rootName: string;
  readonly status: 'ok' | 'error';
  readonly spanCount: number;
  readonly durationMs: number;
  readonly tokens: { readonly input: number; readonly output: number };
  readonly costUsd: number | null;
  /** Milliseconds since the epoch of the last open. */
  readonly openedAt: number;
}

export function recentFromSummary(s: TraceSummary, openedAt: number): RecentTrace {
  return {
    uri: s.fileUri,
    fileName: s.fileName,
    formatLabel: s.formatLabel,
    rootName: s.rootName,
    status: s.status,
    spanCount: s.spanCount,
    durationMs: s.durationMs,
    tokens: { input: s.tokens.input, output: s.tokens.output },
    costUsd: s.costUsd,
    openedAt,
  };
}

/** The list with `entry` first (replacing an older entry for the same file), capped. */
export function addRecent(list: readonly RecentTrace[], entry: RecentTrace, limit = RECENT_LIMIT): RecentTrace[] {
  return [entry, ...list.filter((e) => e.uri !== entry.uri)].slice(0, limit);
}

export function removeRecent(list: readonly RecentTrace[], uri: string): RecentTrace[] {
  return list.filter((e) => e.uri !== uri);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Reads the stored list back. globalState may hold anything (an older version's shape, a
 * hand-edited file): entries that do not check out are skipped, the rest are kept in order,
 * most recent first.
 */
export function parseRecentList(raw: unknown): RecentTrace[] {
  if (!Array.isArray(raw)) return [];
  const out: RecentTrace[] = [];
  const seen = new Set<string>();
  for (const e of raw) {
    if (!isRecord(e) || typeof e.uri !== 'string' || e.uri === '' || seen.has(e.uri)) continue;
    const tokens = isRecord(e.tokens) ? e.tokens : {};
    seen.add(e.uri);
    out.push({
      uri: e.uri,
      fileName: typeof e.fileName === 'string' ? e.fileName : e.uri,
      formatLabel: typeof e.formatLabel === 'string' ? e.formatLabel : '',
      rootName: typeof e.rootName === 'string' ? e.rootName : '',
      status: e.status === 'error' ? 'error' : 'ok',
      spanCount: isCount(e.spanCount) ? e.spanCount : 0,
      durationMs: isCount(e.durationMs) ? e.durationMs : 0,
      tokens: { input: isCount(tokens.input) ? tokens.input : 0, output: isCount(tokens.output) ? tokens.output : 0 },
      costUsd: isCount(e.costUsd) ? e.costUsd : null,
      openedAt: isCount(e.openedAt) ? e.openedAt : 0,
    });
  }
  return out.sort((a, b) => b.openedAt - a.openedAt).slice(0, RECENT_LIMIT);
}
