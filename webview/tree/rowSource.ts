/**
 * Row text for the views: the `RowTextCache` plus the fetching. Views ask for the spans they are
 * about to draw (`ensure`), draw placeholders for what is missing, and redraw when `onLoaded`
 * fires. One instance per shown trace; a new trace gets a new source, so late answers for the
 * old trace land in a cache nobody reads.
 */
import type { RowText } from '../../src/core/protocol';
import { RowTextCache, windowRequest } from './rowCache';

export type FetchRows = (start: number, count: number) => Promise<RowText[]>;

export class RowSource {
  private readonly cache: RowTextCache;
  private readonly listeners = new Set<() => void>();

  constructor(
    total: number,
    private readonly fetchRows: FetchRows,
  ) {
    this.cache = new RowTextCache(total);
  }

  get(index: number): RowText | undefined {
    return this.cache.get(index);
  }

  errorFor(index: number): string | undefined {
    return this.cache.errorFor(index);
  }

  /** Requests the windows holding `indices` that are not cached or on their way. */
  ensure(indices: ArrayLike<number>): void {
    for (const w of this.cache.missingWindows(indices)) {
      const { start, count } = windowRequest(w, this.cache.total);
      if (count === 0) continue;
      this.cache.markLoading(w);
      this.fetchRows(start, count).then(
        (rows) => {
          this.cache.receive(w, rows);
          this.notify();
        },
        (err: unknown) => {
          this.cache.fail(w, err instanceof Error ? err.message : String(err));
          this.notify();
        },
      );
    }
  }

  /** Subscribes to "some row text arrived"; returns the unsubscribe function. */
  onLoaded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }
}
