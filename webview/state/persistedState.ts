/**
 * What the webview keeps across reloads through VS Code's getState/setState (no
 * retainContextWhenHidden). `getState()` hands back whatever was stored, possibly by an older
 * version of this code, so it is parsed like any other untrusted input.
 *
 * `fileUri` and `traceIndex` are the host's part (`PanelState` in src/core/protocol/panelState.ts): after a
 * window reload the host's panel serializer reads them to reopen the same file and trace.
 *
 * `traceKey` ties the state to one trace: after a reload that shows a different trace (or the
 * same file changed shape), span indices mean other spans, so selection and collapse are reset
 * while the purely visual choices (detail tab, filter text) are kept.
 */

export const DETAIL_TABS = ['messages', 'attributes', 'events', 'resource', 'mapping', 'diagnostics'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const SIDE_TABS = ['claims', 'llm-calls', 'cost'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export interface PersistedState {
  readonly version: 1;
  /** `TraceSummary.fileUri` of the shown file ('' before the first summary). */
  readonly fileUri: string;
  readonly traceIndex: number;
  /** `${traceId}:${spanCount}` of the trace the indices refer to. */
  readonly traceKey: string;
  /** Selected span index, or -1. */
  readonly selectedIndex: number;
  /** Span id of the selected span ('' when unknown): finds the selection again when a live trace grew and rows moved. */
  readonly selectedSpanId: string;
  /** Collapsed span indices, ascending. */
  readonly collapsed: readonly number[];
  readonly scrollTop: number;
  readonly detailTab: DetailTab;
  readonly attributeFilter: string;
  /** The right-hand column's tab. */
  readonly sideTab: SideTab;
  /** Id of the main area's shown view ('' = the first). */
  readonly mainView: string;
}

/** At most this many collapsed indices are stored (a user who collapsed more gets the first ones back). */
export const MAX_PERSISTED_COLLAPSED = 10_000;
const MAX_FILTER_LENGTH = 500;
const MAX_URI_LENGTH = 8192;

export const INITIAL_STATE: PersistedState = {
  version: 1,
  fileUri: '',
  traceIndex: 0,
  traceKey: '',
  selectedIndex: -1,
  selectedSpanId: '',
  collapsed: [],
  scrollTop: 0,
  // Messages first: for an LLM call the conversation is what one looks at; other spans fall back to attributes.
  detailTab: 'messages',
  attributeFilter: '',
  sideTab: 'claims',
  mainView: '',
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
    fileUri: typeof raw.fileUri === 'string' && raw.fileUri.length <= MAX_URI_LENGTH ? raw.fileUri : '',
    traceIndex: int(raw.traceIndex, 0) ?? 0,
    traceKey: typeof raw.traceKey === 'string' ? raw.traceKey : '',
    selectedIndex: int(raw.selectedIndex, -1) ?? -1,
    selectedSpanId: typeof raw.selectedSpanId === 'string' && /^[0-9a-f]{1,32}$/.test(raw.selectedSpanId) ? raw.selectedSpanId : '',
    collapsed,
    scrollTop: typeof raw.scrollTop === 'number' && Number.isFinite(raw.scrollTop) && raw.scrollTop >= 0 ? raw.scrollTop : 0,
    detailTab: (DETAIL_TABS as readonly unknown[]).includes(raw.detailTab) ? (raw.detailTab as DetailTab) : INITIAL_STATE.detailTab,
    attributeFilter: typeof raw.attributeFilter === 'string' ? raw.attributeFilter.slice(0, MAX_FILTER_LENGTH) : '',
    sideTab: (SIDE_TABS as readonly unknown[]).includes(raw.sideTab) ? (raw.sideTab as SideTab) : INITIAL_STATE.sideTab,
    mainView: typeof raw.mainView === 'string' && /^[a-z-]{0,40}$/.test(raw.mainView) ? raw.mainView : '',
  };
}

/**
 * The state to start from for a newly shown trace: the stored one when it is for that trace
 * (same `traceKey`; indices clamped to its `spanCount`), else the stored visual choices only.
 * `fileUri`/`traceIndex` always come from the trace shown.
 */
export function restoreFor(stored: PersistedState, trace: { fileUri: string; traceIndex: number; traceKey: string; spanCount: number }): PersistedState {
  const { fileUri, traceIndex, traceKey, spanCount } = trace;
  if (grewFrom(stored, trace)) {
    // The same trace with more spans (a live trace): indices moved, so the selection is found
    // again by `selectedSpanId` (the caller asks the host) and collapse state is dropped; the
    // scroll position and the visual choices stay.
    return { ...stored, traceKey, selectedIndex: -1, collapsed: [] };
  }
  if (stored.traceKey !== traceKey) {
    return {
      ...INITIAL_STATE,
      fileUri,
      traceIndex,
      traceKey,
      detailTab: stored.detailTab,
      attributeFilter: stored.attributeFilter,
      sideTab: stored.sideTab,
      mainView: stored.mainView,
    };
  }
  return {
    ...stored,
    fileUri,
    traceIndex,
    selectedIndex: stored.selectedIndex < spanCount ? stored.selectedIndex : -1,
    collapsed: stored.collapsed.filter((i) => i < spanCount),
  };
}

/**
 * True when `stored` is about the same trace of the same file as `trace` but with another span
 * count: the trace grew while shown (or between two views of a live trace).
 */
export function grewFrom(stored: PersistedState, trace: { fileUri: string; traceIndex: number; traceKey: string }): boolean {
  if (stored.fileUri !== trace.fileUri || stored.traceIndex !== trace.traceIndex || stored.traceKey === trace.traceKey || stored.traceKey === '') return false;
  const id = (key: string): string => key.slice(0, key.lastIndexOf(':'));
  return id(stored.traceKey) === id(trace.traceKey);
}

/** The state to store: collapsed indices sorted and capped. */
export function toStorable(s: PersistedState): PersistedState {
  return { ...s, collapsed: [...s.collapsed].sort((a, b) => a - b).slice(0, MAX_PERSISTED_COLLAPSED) };
}
