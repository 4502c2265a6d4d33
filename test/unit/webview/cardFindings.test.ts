import { describe, expect, it } from 'vitest';
import type { CardView } from '../../../src/core/protocol';
import { parseRequest } from '../../../src/core/protocol';
import { resultCheckerFor } from '../../../src/core/protocol/validate/results';
import { CardSource } from '../../../webview/timeline/cardSource';
import { errorOf, valueOf } from '../protocol/checked';

const card = (c: number) => ({ card: c, findings: [] }) as unknown as CardView;
const loop = { kind: 'loop', severity: 'warning' as const, message: 'get_weather called 3× with the same arguments' };

describe('late findings on cards', () => {
  it('getCardFindings is a request without parameters', () => {
    expect(valueOf(parseRequest({ type: 'getCardFindings', requestId: 4 }))).toEqual({ type: 'getCardFindings', requestId: 4 });
    expect(errorOf(parseRequest({ type: 'getCardFindings', requestId: 4, start: 0 }))).toMatch(/unexpected keys/);
  });

  it('its result is checked: cards strictly increasing, findings with a known severity', () => {
    const check = resultCheckerFor({ type: 'getCardFindings', requestId: 1 });
    expect(
      valueOf(
        check({
          cards: [
            { card: 2, findings: [loop] },
            { card: 7, findings: [loop] },
          ],
        }),
      )?.cards.map((c) => c.card),
    ).toEqual([2, 7]);
    expect(
      errorOf(
        check({
          cards: [
            { card: 7, findings: [] },
            { card: 7, findings: [] },
          ],
        }),
      ),
    ).toMatch(/greater than the one before/);
    expect(errorOf(check({ cards: [{ card: -1, findings: [] }] }))).toMatch(/card must be an integer/);
    expect(errorOf(check({ cards: [{ card: 0, findings: [{ ...loop, severity: 'fatal' }] }] }))).toMatch(/known severity/);
    expect(errorOf(check([]))).toMatch(/must be \{cards/);
  });

  it('CardSource puts them on cached cards (new objects, so the view redraws) and on cards fetched later', async () => {
    const src = new CardSource(250, (start, count) => Promise.resolve(Array.from({ length: count }, (_, k) => card(start + k))));
    let loaded = 0;
    src.onLoaded(() => loaded++);
    src.ensure(0, 10); // window 0 (cards 0..99)
    await Promise.resolve();
    const before = src.get(3)!;
    expect(before.findings).toEqual([]);
    src.setFindings({
      cards: [
        { card: 3, findings: [loop] },
        { card: 150, findings: [loop] },
      ],
    });
    expect(loaded).toBe(2); // the window, then the findings
    expect(src.get(3)).not.toBe(before);
    expect(src.get(3)!.findings).toEqual([loop]);
    expect(src.get(4)!.findings).toEqual([]);
    src.ensure(150, 151); // window 1 arrives after the findings
    await Promise.resolve();
    expect(src.get(150)!.findings).toEqual([loop]);
    expect(src.get(151)!.findings).toEqual([]);
  });
});
