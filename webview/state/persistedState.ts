/**
 * What the webview keeps across reloads through VS Code's getState/setState (no
 * retainContextWhenHidden). `getState()` hands back whatever was stored, possibly by an older
 * version of this code, so it is parsed like any other untrusted input.
 *
 * `traceKey` ties the state to one trace: after a reload that shows a different trace (or the
 * same file changed shape), span indices mean other spans, so selection and collapse are reset
 * while the purely visual choices (detail tab, filter text) are kept.
 */

export const DETAIL_TABS = ['messages', 'attributes', 'events', 'resource', 'diagnostics'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export interface PersistedState {
  readonly version: 1;
  /** `${traceId}:${spanCount}` of the trace the indices refer to. */
  readonly traceKey: string;
  /** Selected span index, or -1. */
  readonly selectedIndex: number;
  /** Collapsed span indices, ascending. */
  readonly collapsed: readonly number[];
  readonly scrollTop: number;
  readonly detailTab: DetailTab;
  readonly attributeFilter: string;
}

/** At most this many collapsed indices are stored (a user who collapsed more gets the first ones back). */
export const MAX_PERSISTED_COLLAPSED = 10_000;
const MAX_FILTER_LENGTH = 500;

export const INITIAL_STATE: PersistedState = {
  version: 1,
  traceKey: '',
  selectedIndex: -1,
  collapsed: [],
  scrollTop: 0,
  detailTab: 'attributes',
  attributeFilter: '',
};

export function traceKeyOf(traceId: string, spanCount: number): string {
  return `${traceId}:${spanCount}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a stored state; anything missing or malformed falls back to the initial value of that field. */
export function parsePersistedState(raw: unknown): PersistedState {
  if (!isRecord(raw) || raw.version !== 1) return INITIAL_STATE;
  const int = (v: unknown, min: number): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : undefined);
  const collapsed = Array.isArray(raw.collapsed)
    ? [...new Set(raw.collapsed.filter((x): x is number => int(x, 0) !== undefined))].sort((a, b) => a - b).slice(0, MAX_PERSISTED_COLLAPSED)
    : [];
  return {
    version: 1,
    traceKey: typeof raw.traceKey === 'string' ? raw.traceKey : '',
    selectedIndex: int(raw.selectedIndex, -1) ?? -1,
    collapsed,
    scrollTop: typeof raw.scrollTop === 'number' && Number.isFinite(raw.scrollTop) && raw.scrollTop >= 0 ? raw.scrollTop : 0,
    detailTab: (DETAIL_TABS as readonly unknown[]).includes(raw.detailTab) ? (raw.detailTab as DetailTab) : INITIAL_STATE.detailTab,
    attributeFilter: typeof raw.attributeFilter === 'string' ? raw.attributeFilter.slice(0, MAX_FILTER_LENGTH) : '',
  };
}

/**
 * The state to start from for the trace `traceKey` with `spanCount` spans: the stored one when it
 * is for that trace (indices clamped to the trace), else the stored visual choices only.
 */
export function restoreFor(stored: PersistedState, traceKey: string, spanCount: number): PersistedState {
  if (stored.traceKey !== traceKey) {
    return { ...INITIAL_STATE, traceKey, detailTab: stored.detailTab, attributeFilter: stored.attributeFilter };
  }
  return {
    ...stored,
    selectedIndex: stored.selectedIndex < spanCount ? stored.selectedIndex : -1,
    collapsed: stored.collapsed.filter((i) => i < spanCount),
  };
}

/** The state to store: collapsed indices sorted and capped. */
export function toStorable(s: PersistedState): PersistedState {
  return { ...s, collapsed: [...s.collapsed].sort((a, b) => a - b).slice(0, MAX_PERSISTED_COLLAPSED) };
}
