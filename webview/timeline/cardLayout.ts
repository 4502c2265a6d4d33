/**
 * Vertical layout of a virtual list of variable-height cards: a card not rendered yet counts
 * with the mean height of the cards measured so far (`estimate` before any), so the scroll
 * height converges on the real one. Offsets are prefix sums, recomputed lazily (O(cards), cheap
 * at 25k) after a height changed; lookups by position are binary searches. Pure.
 */
export class CardLayout {
  /** Measured heights; NaN: not measured. */
  private readonly measured: Float64Array;
  private readonly offsets: Float64Array;
  private dirty = true;
  private measuredSum = 0;
  private measuredCount = 0;

  constructor(
    readonly count: number,
    private readonly estimate: number,
    /** Space between cards. */
    private readonly gap = 0,
  ) {
    this.measured = new Float64Array(count).fill(Number.NaN);
    this.offsets = new Float64Array(count + 1);
  }

  private update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const guess = this.guess();
    let y = 0;
    for (let c = 0; c < this.count; c++) {
      this.offsets[c] = y;
      const m = this.measured[c];
      y += (m === m ? m : guess) + this.gap; // m !== m: NaN, not measured
    }
    this.offsets[this.count] = y;
  }

  private guess(): number {
    return this.measuredCount > 0 ? this.measuredSum / this.measuredCount : this.estimate;
  }

  /** Records a measured height; true when the layout changed (a new or different measurement). */
  setHeight(card: number, height: number): boolean {
    if (card < 0 || card >= this.count) return false;
    const old = this.measured[card];
    const known = old === old;
    if (known && Math.abs(old - height) < 0.5) return false;
    if (known) this.measuredSum -= old;
    else this.measuredCount++;
    this.measuredSum += height;
    this.measured[card] = height;
    this.dirty = true;
    return true;
  }

  height(card: number): number {
    const m = this.measured[card];
    return m === m ? m : this.guess();
  }

  top(card: number): number {
    this.update();
    return this.offsets[Math.max(0, Math.min(this.count, card))];
  }

  bottom(card: number): number {
    return this.top(card) + this.height(card);
  }

  total(): number {
    return this.top(this.count);
  }

  /** The card at vertical position `y` (the last card whose top is ≤ y), clamped to the cards. */
  cardAt(y: number): number {
    this.update();
    if (this.count === 0) return -1;
    let lo = 0,
      hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.offsets[mid] <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Cards overlapping [top, top + height), plus `overscan` each side, at most `max` cards. */
  range(top: number, height: number, overscan: number, max: number): { first: number; end: number } {
    if (this.count === 0) return { first: 0, end: 0 };
    const a = this.cardAt(Math.max(0, top));
    const b = this.cardAt(Math.max(0, top + height - 1));
    const first = Math.max(0, a - overscan);
    const end = Math.min(this.count, b + 1 + overscan, first + max);
    return { first, end };
  }

  /** The scrollTop that shows card `card` whole (or its top when taller than the viewport), moving as little as possible. */
  scrollToReveal(card: number, scrollTop: number, viewport: number, margin = 0): number {
    const top = this.top(card) - margin;
    const bottom = this.bottom(card) + margin;
    if (top < scrollTop || bottom - top > viewport) return Math.max(0, top);
    if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
    return scrollTop;
  }
}
