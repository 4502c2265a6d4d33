/**
 * Driving a bench page from Node: waits (by polling page.evaluate: the page's CSP forbids the
 * string eval of waitForFunction), settling, and the pan/zoom input sequence, reading what
 * pageProbe.ts records in `window.__bench`.
 */
import type { Page } from 'playwright-core';
import { countStartingIn } from './stats';

/** What pageProbe.ts exposes as `window.__bench` (see there). */
export interface Probe {
  structure: unknown;
  structureAt: number;
  paints: number[];
  cardsAt: number;
  cardTextAt: number;
  firstPaintAt: number;
  rowsAt: number;
  namedPaintAt: number;
  longTasks: { startTime: number; duration: number }[];
  frames: number[];
  inputs: number[];
  logs: string[];
  pending: Map<number, { type: string; sentAt: number }>;
  answered: { type: string; sentAt: number; at: number }[];
  baselineStartAt?: number;
  baselineReadyAt?: number;
  startRecording(): void;
  stopRecording(): void;
}
declare const __bench: Probe;

/**
 * Polls `ready` in the page (through page.evaluate: the page's CSP forbids the string eval that
 * waitForFunction uses) until it is true; throws `why()` on timeout.
 */
export async function waitFor(p: Page, ready: () => boolean, timeoutMs: number, why: () => Promise<string>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await p.evaluate(ready))) {
    if (Date.now() > until) throw new Error(await why());
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const nextFrame = (p: Page) => p.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(0))));
export const domNodes = (p: Page) => p.evaluate(() => document.querySelectorAll('*').length);
/** Waits until the page has had no long task for `quietMs` (or `maxMs` passed). */
export async function settle(p: Page, quietMs = 500, maxMs = 5_000): Promise<void> {
  await p.evaluate(
    ([quiet, max]) =>
      new Promise<void>((done) => {
        const t0 = performance.now();
        const check = () => {
          const last = __bench.longTasks.reduce((m, e) => Math.max(m, e.startTime + e.duration), 0);
          const now = performance.now();
          if (now - Math.max(last, t0) >= quiet || now - t0 >= max) done();
          else setTimeout(check, 50);
        };
        check();
      }),
    [quietMs, maxMs] as const,
  );
}

/** Where the DOM nodes are: count under each region of the webview's layout (for a too-big DOM). */
export function domBreakdown(p: Page): Promise<string> {
  return p.evaluate(() => {
    const regions = Array.from(document.querySelectorAll('.app > *, .view-host > *, [data-testid="waterfall"], [data-testid="timeline-cards"]'));
    return regions
      .map((el) => ({
        name: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}`,
        n: el.querySelectorAll('*').length,
      }))
      .filter((r) => r.n > 50)
      .sort((a, b) => b.n - a.n)
      .map((r) => `${r.name} ${r.n}`)
      .join(', ');
  });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Interaction {
  frames: number[];
  inputs: number[];
  paints: number[];
  longTasks: number;
  from: number;
  to: number;
  steps: number;
}

/**
 * Real input over `box`: a third wheel zoom in (over points spread across the box), a third
 * mouse-drag pan (right then back), a third wheel zoom out; one input per frame (each step waits
 * for the next animation frame, like a user's 60 Hz input stream) until `budgetMs` runs out.
 */
export async function panZoom(p: Page, box: Box, steps: number, budgetMs = Infinity): Promise<Interaction> {
  const cx = box.x + box.width / 2;
  const cy = box.y + Math.min(box.height / 2, 200);
  await p.mouse.move(cx, cy);
  await nextFrame(p);
  const from = await p.evaluate(() => {
    __bench.startRecording();
    return performance.now();
  });
  const t0 = Date.now();
  const third = Math.floor(steps / 3);
  let done = 0;
  const over = () => Date.now() - t0 > budgetMs;
  for (let i = 0; i < third && !over(); i++, done++) {
    await p.mouse.move(cx + ((i % 7) - 3) * (box.width / 16), cy);
    await p.mouse.wheel(0, -100);
    await nextFrame(p);
  }
  // Drag right then back. No press at all once out of time: a press and release without a move
  // would be a click, and select a span.
  if (!over()) {
    await p.mouse.move(cx, cy);
    await p.mouse.down();
    const dragX = (j: number) => cx + (j < third / 2 ? j : third - j) * (box.width / 2 / third);
    for (let j = 0; j < third && (j === 0 || !over()); j++, done++) {
      await p.mouse.move(dragX(j + 1), cy + (j % 2));
      await nextFrame(p);
    }
    await p.mouse.up();
  }
  for (let i = 0; i < steps - 2 * third && !over(); i++, done++) {
    await p.mouse.move(cx + ((i % 7) - 3) * (box.width / 16), cy);
    await p.mouse.wheel(0, 100);
    await nextFrame(p);
  }
  await nextFrame(p);
  const r = await p.evaluate(() => {
    __bench.stopRecording();
    return { to: performance.now(), frames: __bench.frames, inputs: __bench.inputs, paints: __bench.paints, longTasks: __bench.longTasks };
  });
  return {
    frames: r.frames,
    inputs: r.inputs,
    paints: r.paints.filter((t) => t >= from),
    longTasks: countStartingIn(r.longTasks, from, r.to),
    from,
    to: r.to,
    steps: done,
  };
}

/**
 * Setup, not measured: scrolls the tallest scrollable element under `root` to its middle rows.
 * Rows are in tree pre-order, so in an agent run the middle rows sit mid-way in time, where the
 * pan/zoom around the centre of the time axis keeps their bars in view (the first rows' bars
 * are a sliver at the very start). Returns the scrollTop set, or -1 when nothing scrolls.
 */
export function scrollToMiddle(p: Page, root: string): Promise<number> {
  return p.evaluate((sel) => {
    let best: Element | undefined;
    for (const el of Array.from(document.querySelectorAll(`${sel}, ${sel} *`))) {
      if (el.scrollHeight > el.clientHeight + 100 && (!best || el.scrollHeight > best.scrollHeight)) best = el;
    }
    if (!best) return -1;
    best.scrollTop = Math.floor((best.scrollHeight - best.clientHeight) / 2);
    return best.scrollTop;
  }, root);
}
