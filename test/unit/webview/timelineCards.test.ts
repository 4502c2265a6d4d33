import { describe, expect, it } from 'vitest';
import type { CardView } from '../../../src/core/protocol';
import { CardLayout } from '../../../webview/timeline/cardLayout';
import { CARD_WINDOW, CardSource } from '../../../webview/timeline/cardSource';

describe('CardLayout', () => {
  it('places unmeasured cards at the estimate, then at the mean of the measured ones', () => {
    const l = new CardLayout(5, 100, 10); // 5 cards, estimate 100, gap 10
    expect([0, 1, 2, 5].map((c) => l.top(c))).toEqual([0, 110, 220, 550]);
    expect(l.setHeight(1, 50)).toBe(true);
    // measured: card 1 = 50; the others count with the mean, 50: every card 50 + 10
    expect([0, 1, 2, 5].map((c) => l.top(c))).toEqual([0, 60, 120, 300]);
    expect(l.setHeight(3, 150)).toBe(true);
    // mean (50 + 150) / 2 = 100: 0 | 100+10 | 50+10 | 100+10 | 150+10 | 100+10
    expect([0, 1, 2, 3, 4, 5].map((c) => l.top(c))).toEqual([0, 110, 170, 280, 440, 550]);
    expect(l.setHeight(3, 150.2)).toBe(false); // sub-pixel: no change
    expect(l.height(4)).toBe(100);
  });

  it('finds the card at a position and the range around the viewport', () => {
    const l = new CardLayout(100, 40, 0);
    expect(l.cardAt(0)).toBe(0);
    expect(l.cardAt(39.9)).toBe(0);
    expect(l.cardAt(40)).toBe(1);
    expect(l.cardAt(1e9)).toBe(99);
    // viewport [400, 600) shows cards 10..14; overscan 2 → 8..16 (end exclusive 17)
    expect(l.range(400, 200, 2, 50)).toEqual({ first: 8, end: 17 });
    expect(l.range(400, 200, 2, 5)).toEqual({ first: 8, end: 13 }); // capped
    expect(new CardLayout(0, 40).range(0, 100, 2, 5)).toEqual({ first: 0, end: 0 });
  });

  it('scrolls as little as needed to show a card', () => {
    const l = new CardLayout(100, 40, 0);
    expect(l.scrollToReveal(5, 0, 400)).toBe(0); // [200, 240) already in [0, 400)
    expect(l.scrollToReveal(20, 0, 400)).toBe(440); // bottom 840 - 400
    expect(l.scrollToReveal(2, 400, 400)).toBe(80); // above: its top
    l.setHeight(30, 1000);
    expect(l.scrollToReveal(30, 0, 400)).toBe(l.top(30)); // taller than the viewport: its top
  });
});

describe('CardSource', () => {
  const card = (c: number) => ({ card: c }) as unknown as CardView;

  it('asks for whole windows once, serves cards from them, and notifies', async () => {
    const asked: [number, number][] = [];
    const src = new CardSource(250, (start, count) => {
      asked.push([start, count]);
      return Promise.resolve(Array.from({ length: count }, (_, k) => card(start + k)));
    });
    let loaded = 0;
    src.onLoaded(() => loaded++);
    src.ensure(95, 105); // windows 0 and 1
    src.ensure(0, 10); // window 0 on its way: not asked again
    expect(asked).toEqual([
      [0, CARD_WINDOW],
      [CARD_WINDOW, CARD_WINDOW],
    ]);
    expect(src.get(3)).toBeUndefined();
    await Promise.resolve();
    await Promise.resolve();
    expect(loaded).toBe(2);
    expect(src.get(3)?.card).toBe(3);
    expect(src.get(150)?.card).toBe(150);
    src.ensure(240, 250); // last window holds 50 cards
    expect(asked[2]).toEqual([200, 50]);
  });

  it('remembers a failed window', async () => {
    const src = new CardSource(10, () => Promise.reject(new Error('gone')));
    src.ensure(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    expect(src.get(4)).toBeUndefined();
    expect(src.errorFor(4)).toBe('gone');
  });

  it('keeps at most 40 windows, dropping the least recently used', async () => {
    let calls = 0;
    const src = new CardSource(100 * CARD_WINDOW, (start, count) => {
      calls++;
      return Promise.resolve(Array.from({ length: count }, (_, k) => card(start + k)));
    });
    for (let w = 0; w < 45; w++) {
      src.ensure(w * CARD_WINDOW, w * CARD_WINDOW + 1);
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(src.get(0)).toBeUndefined(); // window 0 was dropped
    expect(src.get(44 * CARD_WINDOW)?.card).toBe(44 * CARD_WINDOW);
    expect(calls).toBe(45);
    src.ensure(0, 1);
    expect(calls).toBe(46); // asked again
  });
});
