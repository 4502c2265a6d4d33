/**
 * Card text for the timeline, pulled from the host in windows of `CARD_WINDOW` cards and kept
 * in a bounded cache (least recently used windows go first). The view asks for the cards it is
 * about to draw (`ensure`), draws placeholders for the rest, and redraws on `onLoaded`.
 * The cards' findings come later, all at once (`setFindings`, from `getCardFindings`: the host
 * answers card text without waiting for its whole-trace analyses); from then on every card,
 * cached or still to come, carries them. One instance per shown trace.
 */
import { MAX_CARDS_PER_REQUEST, type CardFinding, type CardFindings, type CardView } from '../../src/core/protocol';

export const CARD_WINDOW = Math.min(100, MAX_CARDS_PER_REQUEST);
/** Windows kept (100 cards each): far more than a screen, far less than a 25k-card trace. */
const MAX_WINDOWS = 40;

export type FetchCards = (start: number, count: number) => Promise<CardView[]>;

type WindowState = { readonly cards: readonly CardView[] } | { readonly error: string } | 'loading';

export class CardSource {
  /** Insertion order = recency (a hit moves the window to the end). */
  private readonly windows = new Map<number, WindowState>();
  private readonly listeners = new Set<() => void>();
  private findings: ReadonlyMap<number, readonly CardFinding[]> | undefined;

  constructor(
    readonly total: number,
    private readonly fetchCards: FetchCards,
  ) {}

  get(card: number): CardView | undefined {
    const w = this.windows.get(Math.floor(card / CARD_WINDOW));
    return typeof w === 'object' && 'cards' in w ? w.cards[card % CARD_WINDOW] : undefined;
  }

  errorFor(card: number): string | undefined {
    const w = this.windows.get(Math.floor(card / CARD_WINDOW));
    return typeof w === 'object' && 'error' in w ? w.error : undefined;
  }

  /** Requests the windows of cards [first, end) that are neither cached nor on their way. */
  ensure(first: number, end: number): void {
    if (end <= first) return;
    for (let w = Math.floor(first / CARD_WINDOW); w <= Math.floor((end - 1) / CARD_WINDOW); w++) {
      const state = this.windows.get(w);
      if (state !== undefined) {
        // Touch: keep what is on screen from being evicted.
        this.windows.delete(w);
        this.windows.set(w, state);
        continue;
      }
      const start = w * CARD_WINDOW;
      const count = Math.min(CARD_WINDOW, this.total - start);
      if (count <= 0) continue;
      this.windows.set(w, 'loading');
      this.evict();
      this.fetchCards(start, count).then(
        (cards) => this.receive(w, { cards }),
        (err: unknown) => this.receive(w, { error: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  /** The findings of every card arrived: cached cards are replaced by copies that carry them. */
  setFindings(f: CardFindings): void {
    this.findings = new Map(f.cards.map((c) => [c.card, c.findings]));
    for (const [w, state] of this.windows) if (typeof state === 'object' && 'cards' in state) this.windows.set(w, { cards: this.withFindings(state.cards) });
    for (const l of this.listeners) l();
  }

  onLoaded(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(w: number, state: WindowState): void {
    if (this.windows.get(w) !== 'loading') return; // evicted while on its way
    this.windows.set(w, typeof state === 'object' && 'cards' in state ? { cards: this.withFindings(state.cards) } : state);
    for (const l of this.listeners) l();
  }

  /** New objects (the view redraws a card whose CardView changed), with the findings known here. */
  private withFindings(cards: readonly CardView[]): readonly CardView[] {
    const f = this.findings;
    return f ? cards.map((c) => ({ ...c, findings: f.get(c.card) ?? [] })) : cards;
  }

  private evict(): void {
    for (const w of this.windows.keys()) {
      if (this.windows.size <= MAX_WINDOWS) return;
      if (this.windows.get(w) !== 'loading') this.windows.delete(w);
    }
  }
}
