/**
 * Row text arrives from the host in fixed windows of span indices ([w·W, (w+1)·W)), so the same
 * window serves every view that shows those spans (tree, LLM call list) and a scroll asks only
 * for windows it lacks. Windows are kept in least-recently-used order up to a capacity, so a
 * long session over a huge trace keeps a bounded amount of text.
 *
 * Pure: the fetching is done by the caller (`missingWindows` → request → `receive`/`fail`).
 */
import type { RowText } from '../../src/core/protocol';

/** Spans per window. A window is one `getRows` request (≤ MAX_ROWS_PER_REQUEST). */
export const ROW_WINDOW = 200;
/** Windows kept (≈ 25,600 rows of text). */
export const ROW_CACHE_WINDOWS = 128;

export function windowOf(index: number): number {
  return Math.floor(index / ROW_WINDOW);
}

/** The `getRows` arguments for window `w` of a trace with `total` spans. */
export function windowRequest(w: number, total: number): { start: number; count: number } {
  const start = w * ROW_WINDOW;
  return { start, count: Math.max(0, Math.min(ROW_WINDOW, total - start)) };
}

/** Distinct windows holding the given span indices, in first-seen order. */
export function windowsFor(indices: ArrayLike<number>): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < indices.length; i++) seen.add(windowOf(indices[i]));
  return [...seen];
}

type WindowState =
  | { readonly state: 'loading' }
  | { readonly state: 'loaded'; readonly rows: ReadonlyMap<number, RowText> }
  | { readonly state: 'failed'; readonly error: string };

export class RowTextCache {
  /** Map order is recency: the first entry is the least recently used. */
  private readonly windows = new Map<number, WindowState>();

  constructor(
    readonly total: number,
    private readonly capacity = ROW_CACHE_WINDOWS,
  ) {}

  /** The text of span `index` if its window is loaded (and marks the window recently used). */
  get(index: number): RowText | undefined {
    const w = windowOf(index);
    const st = this.windows.get(w);
    if (st?.state !== 'loaded') return undefined;
    this.touch(w, st);
    return st.rows.get(index);
  }

  /** Why span `index` has no text, if its window failed. */
  errorFor(index: number): string | undefined {
    const st = this.windows.get(windowOf(index));
    return st?.state === 'failed' ? st.error : undefined;
  }

  /** Windows among `indices` that are neither loaded, loading nor failed: the ones to request. */
  missingWindows(indices: ArrayLike<number>): number[] {
    return windowsFor(indices).filter((w) => w * ROW_WINDOW < this.total && !this.windows.has(w));
  }

  markLoading(w: number): void {
    this.windows.set(w, { state: 'loading' });
    this.evict();
  }

  receive(w: number, rows: readonly RowText[]): void {
    const map = new Map<number, RowText>();
    for (const r of rows) map.set(r.index, r);
    this.windows.delete(w);
    this.windows.set(w, { state: 'loaded', rows: map });
    this.evict();
  }

  fail(w: number, error: string): void {
    this.windows.delete(w);
    this.windows.set(w, { state: 'failed', error });
    this.evict();
  }

  /** Forgets a failed window so it is asked again next time. */
  retry(w: number): void {
    if (this.windows.get(w)?.state === 'failed') this.windows.delete(w);
  }

  get windowCount(): number {
    return this.windows.size;
  }

  private touch(w: number, st: WindowState): void {
    this.windows.delete(w);
    this.windows.set(w, st);
  }

  private evict(): void {
    for (const [w, st] of this.windows) {
      if (this.windows.size <= this.capacity) break;
      if (st.state !== 'loading') this.windows.delete(w); // a loading window's answer is still awaited
    }
  }
}
