/**
 * The trace list of each connection in the side bar: its filter, the pages loaded so far (from
 * the backend's summary endpoint, one request per page), whether a request is running, and the
 * last failure. Pure (no vscode): the tree provider renders it, the commands drive it, and the
 * unit tests run it with a fake search.
 */
import { cancelSource } from '../core/backends/cancel';
import { BackendError, type CancelSignal, type SearchPage, type SearchQuery, type TraceSummary } from '../core/backends/types';
import { DEFAULT_FILTER, searchQueryOf, type TraceFilter } from './traceFilter';

/**
 * Runs one search for a connection; rejects with the failure (a BackendError, usually). `signal`
 * is cancelled when the answer is no longer wanted: a newer load of the same list (Refresh, a new
 * filter), the connection collapsed, edited or removed.
 */
export type SearchFn = (connectionId: string, query: SearchQuery, signal: CancelSignal) => Promise<SearchPage>;

export interface BrowseState {
  readonly filter: TraceFilter;
  readonly traces: readonly TraceSummary[];
  /** Set while more pages exist. */
  readonly nextCursor?: string;
  readonly loading: boolean;
  /** The last failure of this list, kept until the next successful load. */
  readonly error?: unknown;
  /** Whether anything was loaded yet (an expanded connection loads its first page). */
  readonly loaded: boolean;
}

interface Entry {
  filter: TraceFilter;
  traces: TraceSummary[];
  nextCursor?: string;
  /** The first page's query: "Load more" pages through the same time window. */
  query?: SearchQuery;
  loading: boolean;
  error?: unknown;
  loaded: boolean;
  /** Bumped by every new first-page load, so a slow older answer is dropped. */
  generation: number;
  /** Cancels the request in flight for this list, if any. */
  cancelInFlight?: () => void;
}

export class TraceBrowser {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly search: SearchFn,
    private readonly onChange: (connectionId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  state(connectionId: string): BrowseState {
    const e = this.entry(connectionId);
    return { filter: e.filter, traces: e.traces, nextCursor: e.nextCursor, loading: e.loading, error: e.error, loaded: e.loaded };
  }

  setFilter(connectionId: string, filter: TraceFilter): Promise<void> {
    this.entry(connectionId).filter = filter;
    return this.refresh(connectionId);
  }

  /** Loads the first page again (Refresh, a new filter, the first expand). */
  async refresh(connectionId: string): Promise<void> {
    const e = this.entry(connectionId);
    e.cancelInFlight?.();
    const generation = ++e.generation;
    const query = searchQueryOf(e.filter, this.now());
    e.loading = true;
    this.onChange(connectionId);
    try {
      const page = await this.search(connectionId, query, this.signalFor(e));
      if (generation !== e.generation) return;
      e.query = query;
      e.traces = newestFirst(dedupe(page.traces));
      e.nextCursor = page.nextCursor;
      e.error = undefined;
    } catch (err) {
      if (generation !== e.generation) return;
      if (!(err instanceof BackendError && err.kind === 'cancelled')) e.error = err;
    } finally {
      if (generation === e.generation) {
        e.loading = false;
        e.loaded = true;
        this.onChange(connectionId);
      }
    }
  }

  /** Appends the next page ("Load more"); does nothing on the last page or while loading. */
  async loadMore(connectionId: string): Promise<void> {
    const e = this.entry(connectionId);
    if (e.loading || !e.nextCursor || !e.query) return;
    const generation = e.generation;
    e.loading = true;
    this.onChange(connectionId);
    try {
      const page = await this.search(connectionId, { ...e.query, cursor: e.nextCursor }, this.signalFor(e));
      if (generation !== e.generation) return;
      e.traces = dedupe([...e.traces, ...page.traces]);
      e.nextCursor = page.nextCursor;
      e.error = undefined;
    } catch (err) {
      if (generation === e.generation) e.error = err;
    } finally {
      if (generation === e.generation) {
        e.loading = false;
        this.onChange(connectionId);
      }
    }
  }

  /**
   * Auto-refresh: asks for the first page again and puts the traces not listed yet on top,
   * keeping what was paged in below. Only for "last …" windows (a fixed window has nothing new).
   */
  async pollNew(connectionId: string): Promise<number> {
    const e = this.entry(connectionId);
    if (e.loading || !e.loaded || e.filter.range.kind !== 'last') return 0;
    const generation = e.generation;
    let page: SearchPage;
    try {
      page = await this.search(connectionId, searchQueryOf(e.filter, this.now()), this.signalFor(e));
    } catch {
      return 0; // a failed poll keeps the list; the next poll or a Refresh tries again
    }
    if (generation !== e.generation) return 0;
    const known = new Set(e.traces.map((t) => t.traceId));
    const fresh = page.traces.filter((t) => !known.has(t.traceId));
    if (fresh.length === 0) return 0;
    e.traces = [...newestFirst(fresh), ...e.traces];
    this.onChange(connectionId);
    return fresh.length;
  }

  /**
   * Cancels the request in flight for a list (the connection was collapsed): its answer is
   * dropped and the list shows what it had, ready to load again.
   */
  cancel(connectionId: string): void {
    const e = this.entries.get(connectionId);
    if (!e?.loading) return;
    e.cancelInFlight?.();
    e.generation++;
    e.loading = false;
    this.onChange(connectionId);
  }

  /** Forgets a connection's list (removed, or edited so it may point elsewhere). */
  forget(connectionId: string): void {
    const e = this.entries.get(connectionId);
    if (e) {
      e.cancelInFlight?.();
      e.generation++;
    }
    this.entries.delete(connectionId);
  }

  /** A signal for the next request of `e`, cancelled by the next load, `cancel` or `forget`. */
  private signalFor(e: Entry): CancelSignal {
    const source = cancelSource();
    e.cancelInFlight = () => source.cancel();
    return source.signal;
  }

  private entry(connectionId: string): Entry {
    let e = this.entries.get(connectionId);
    if (!e) this.entries.set(connectionId, (e = { filter: DEFAULT_FILTER, traces: [], loading: false, loaded: false, generation: 0 }));
    return e;
  }
}

/** One row per trace id (a backend may list a trace on two pages), in the order first seen. */
function dedupe(traces: readonly TraceSummary[]): TraceSummary[] {
  const seen = new Set<string>();
  return traces.filter((t) => !seen.has(t.traceId) && (seen.add(t.traceId), true));
}

/** Tempo lists "the first N found", not the newest: the first page is sorted here. */
function newestFirst(traces: TraceSummary[]): TraceSummary[] {
  return traces.sort((a, b) => b.startTime - a.startTime);
}
