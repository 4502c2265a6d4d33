import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphLayouter, fromCompact, LAYOUT_TIMEOUT_MS } from '../../../webview/graph/graphLayout';
import { simpleLayout } from '../../../webview/graph/simpleLayout';
import type { LayoutInput, LayoutWorker } from '../../../webview/graph/layoutTypes';

// a → b → c, a → c, and d alone: longest-path layers a:0, b:1, c:2 (via b, not 1 via a→c), d:0.
const input: LayoutInput = {
  nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 100, height: 40 })),
  edges: [
    { id: 'e0', from: 'a', to: 'b' },
    { id: 'e1', from: 'b', to: 'c' },
    { id: 'e2', from: 'a', to: 'c' },
  ],
};

describe('simple layered layout (the fallback)', () => {
  it('puts each node one row below its deepest predecessor, side by side within a row', () => {
    const r = simpleLayout(input);
    expect(r.engine).toBe('simple');
    // Margin 16; rows 40 high with 48 between; columns 100 wide with 24 between.
    expect(r.nodes.get('a')).toEqual({ x: 16, y: 16, width: 100, height: 40 });
    expect(r.nodes.get('d')).toEqual({ x: 140, y: 16, width: 100, height: 40 });
    expect(r.nodes.get('b')!.y).toBe(104);
    expect(r.nodes.get('c')!.y).toBe(192);
    // a → c runs from a's bottom centre to c's top centre.
    expect(r.edges.get('e2')).toEqual([
      { x: 66, y: 56 },
      { x: 66, y: 192 },
    ]);
    expect(r.width).toBe(256);
    expect(r.height).toBe(248);
  });

  it('still places every node of a cycle', () => {
    const r = simpleLayout({
      nodes: input.nodes.slice(0, 2),
      edges: [
        { id: 'x', from: 'a', to: 'b' },
        { id: 'y', from: 'b', to: 'a' },
      ],
    });
    expect([...r.nodes.keys()].sort()).toEqual(['a', 'b']);
    expect(r.nodes.get('a')!.y).not.toBe(r.nodes.get('b')!.y);
  });

  it('wraps a layer wider than the row limit', () => {
    const wide = { nodes: Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, width: 100, height: 40 })), edges: [] };
    const r = simpleLayout(wide, 300);
    // 16 + 100 + 24 + 100 = 240 fits in 300; a third node (ends at 364) wraps to a new row 40 + 24 lower.
    expect(r.nodes.get('n1')!.y).toBe(16);
    expect(r.nodes.get('n2')).toMatchObject({ x: 16, y: 80 });
  });
});

/** A stand-in for the ELK worker: records messages, answers when told to. */
class FakeWorker implements LayoutWorker {
  onData: (data: unknown) => void = () => {};
  posted: { id: number; cmd: string; graph: { children: { id: string; width: number; height: number }[] } }[] = [];
  terminated = false;
  post(m: object): void {
    this.posted.push(m as FakeWorker['posted'][number]);
  }
  listen(onData: (data: unknown) => void): void {
    this.onData = onData;
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    this.onData({ id: this.posted[this.posted.length - 1].id, data });
  }
}

describe('ELK layout in a worker, with a watchdog', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the graph to the worker and reads positions and edge routes back', async () => {
    const w = new FakeWorker();
    const layouter = createGraphLayouter(() => w);
    const p = layouter.layout(input);
    await Promise.resolve();
    await Promise.resolve();
    expect(w.posted[0].cmd).toBe('layout');
    expect(w.posted[0].graph.children.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    w.answer({
      width: 300,
      height: 200,
      children: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, x: i * 10, y: i * 20, width: 100, height: 40 })),
      edges: [{ id: 'e0', sections: [{ startPoint: { x: 1, y: 2 }, bendPoints: [{ x: 3, y: 4 }], endPoint: { x: 5, y: 6 } }] }],
    });
    const r = await p;
    expect(r.engine).toBe('elk');
    expect(r.nodes.get('c')).toEqual({ x: 20, y: 40, width: 100, height: 40 });
    expect(r.edges.get('e0')).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
      { x: 5, y: 6 },
    ]);
  });

  it('gives up after 10 s: terminates the worker and answers with the simple layout; the next layout starts a new worker', async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const layouter = createGraphLayouter(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const p = layouter.layout(input);
    await vi.advanceTimersByTimeAsync(LAYOUT_TIMEOUT_MS - 1);
    expect(workers[0].terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const r = await p;
    expect(workers[0].terminated).toBe(true);
    expect(r.engine).toBe('simple');
    expect(r.nodes.get('c')!.y).toBe(192);
    const q = layouter.layout(input);
    await vi.advanceTimersByTimeAsync(0);
    expect(workers).toHaveLength(2);
    workers[1].answer({ children: ['a', 'b', 'c', 'd'].map((id) => ({ id, x: 0, y: 0, width: 100, height: 40 })), edges: [] });
    expect((await q).engine).toBe('elk');
  });

  it('falls back when the worker reports an error or cannot start', async () => {
    const w = new FakeWorker();
    const layouter = createGraphLayouter(() => w);
    const p = layouter.layout(input);
    await Promise.resolve();
    await Promise.resolve();
    w.onData({ id: w.posted[0].id, error: {} });
    expect((await p).engine).toBe('simple');
    const broken = createGraphLayouter(() => {
      throw new Error('CSP refused the worker');
    });
    expect((await broken.layout(input)).engine).toBe('simple');
  });
});

describe('the worker’s flat answer', () => {
  it('reads positions and routes in the order the nodes and edges were sent', () => {
    const r = fromCompact(
      {
        nodes: new Float64Array([0, 0, 100, 40, 10, 20, 100, 40, 5, 90, 100, 40, 200, 0, 100, 40]),
        // e0: 2 points, e1: 3 points, e2: none (no route).
        offsets: new Int32Array([0, 2, 5, 5]),
        points: new Float64Array([50, 40, 60, 20, 1, 2, 3, 4, 5, 6]),
        width: 300,
        height: 130,
      },
      input,
    );
    expect(r.engine).toBe('elk');
    expect(r.nodes.get('b')).toEqual({ x: 10, y: 20, width: 100, height: 40 });
    expect(r.nodes.get('d')).toEqual({ x: 200, y: 0, width: 100, height: 40 });
    expect(r.edges.get('e0')).toEqual([
      { x: 50, y: 40 },
      { x: 60, y: 20 },
    ]);
    expect(r.edges.get('e1')).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
      { x: 5, y: 6 },
    ]);
    expect(r.edges.has('e2')).toBe(false);
    expect([r.width, r.height]).toEqual([300, 130]);
  });

  it('falls back to the simple layout when the node array does not match what was sent', () => {
    expect(fromCompact({ nodes: new Float64Array(4), offsets: new Int32Array(4), points: new Float64Array(0) }, input).engine).toBe('simple');
  });
});
