import { describe, expect, it } from 'vitest';
import { createGraphLayouter } from '../../../webview/graph/graphLayout';
import type { LayoutInput, LayoutWorker } from '../../../webview/graph/layoutTypes';

const input: LayoutInput = {
  nodes: ['a', 'b'].map((id) => ({ id, width: 100, height: 40 })),
  edges: [{ id: 'e0', from: 'a', to: 'b' }],
};

/** A worker that answers every layout with fixed positions: a at (0,0), b at (0,80). */
function answeringWorker(log: string[]): LayoutWorker {
  let onData: (d: unknown) => void = () => {};
  return {
    post: (m) => {
      const { id } = m as { id: number };
      log.push(`post ${id}`);
      queueMicrotask(() =>
        onData({
          id,
          data: {
            children: [
              { id: 'a', x: 0, y: 0, width: 100, height: 40 },
              { id: 'b', x: 0, y: 80, width: 100, height: 40 },
            ],
            edges: [],
          },
        }),
      );
    },
    listen: (d) => {
      onData = d;
    },
    terminate: () => log.push('terminate'),
  };
}

describe('graph layout with a lazily loaded worker (ELK script loaded on the first layout)', () => {
  it('waits for the worker to come, loads it once, and lays out with ELK', async () => {
    const log: string[] = [];
    let loads = 0;
    const layouter = createGraphLayouter(() => {
      loads++;
      return new Promise<LayoutWorker>((r) => setTimeout(() => r(answeringWorker(log)), 5));
    });
    const first = await layouter.layout(input);
    const second = await layouter.layout(input);
    expect(first.engine).toBe('elk');
    expect(second.nodes.get('b')).toEqual({ x: 0, y: 80, width: 100, height: 40 });
    expect(loads).toBe(1);
    expect(log).toEqual(['post 1', 'post 2']);
  });

  it('answers with the simple layout when the script is absent (a build without the graph) and tries again next time', async () => {
    let loads = 0;
    const layouter = createGraphLayouter(() => {
      loads++;
      return Promise.reject(new Error('no elkLayout.js in this build'));
    });
    expect((await layouter.layout(input)).engine).toBe('simple');
    expect((await layouter.layout(input)).engine).toBe('simple');
    expect(loads).toBe(2);
  });

  it('a worker that arrives after the watchdog fired is terminated, never used', async () => {
    const log: string[] = [];
    let deliver: (w: LayoutWorker) => void = () => {};
    const layouter = createGraphLayouter(() => new Promise<LayoutWorker>((r) => (deliver = r)), 20);
    const r = await layouter.layout(input);
    expect(r.engine).toBe('simple');
    deliver(answeringWorker(log));
    await new Promise((done) => setTimeout(done, 0));
    expect(log).toEqual(['terminate']);
  });
});
