/**
 * The ELK layout worker, started from a blob: URL holding elkjs's worker script (bundled into
 * main.js as text by esbuild's `with { type: 'text' }`) followed by `compactAnswers`. The webview
 * CSP allows `worker-src blob:` for exactly this (src/panel/webviewHtml.ts). elk-worker.min.js
 * installs its own message handler when it runs in a worker: `{id, cmd: 'layout', graph,
 * layoutOptions}` in, `{id, data: graph}` or `{id, error}` out. It knows no algorithm until one is
 * registered (`{cmd: 'register'}`, what elk-api.js sends first), so a new worker gets that first.
 */
import elkWorkerSource from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };
import type { LayoutWorker } from './layoutTypes';

/**
 * Runs inside the worker, after ELK's script (its text is appended to the blob): answers a layout
 * with flat typed arrays, transferred rather than copied, instead of ELK's whole annotated graph,
 * so the UI thread does not spend a long task deserialising a big result. Children and edges come
 * back in the order they were sent (ELK lays out the objects it was given, in place):
 * `nodes` = x, y, width, height per node; edge i's points are `points[2*offsets[i] .. 2*offsets[i+1])`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
function compactAnswers(): void {
  const scope = self as any;
  const post = scope.postMessage.bind(scope);
  scope.postMessage = (msg: any) => {
    const g = msg && msg.data;
    if (!g || !Array.isArray(g.children)) return post(msg);
    const nodes = new Float64Array(g.children.length * 4);
    g.children.forEach((c: any, i: number) => nodes.set([c.x, c.y, c.width, c.height], i * 4));
    const edges: any[] = g.edges || [];
    const offsets = new Int32Array(edges.length + 1);
    const pts: number[] = [];
    edges.forEach((e: any, i: number) => {
      const s = e.sections && e.sections[0];
      if (s) for (const p of [s.startPoint, ...(s.bendPoints || []), s.endPoint]) pts.push(p.x, p.y);
      offsets[i + 1] = pts.length / 2;
    });
    const points = new Float64Array(pts);
    post({ id: msg.id, compact: { nodes, offsets, points, width: g.width, height: g.height } }, [nodes.buffer, offsets.buffer, points.buffer]);
  };
}

let url: string | undefined;

export function createElkWorker(): LayoutWorker {
  url ??= URL.createObjectURL(new Blob([elkWorkerSource, `\n;(${compactAnswers.toString()})();\n`], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'elk-layout' });
  worker.postMessage({ id: 0, cmd: 'register', algorithms: ['layered'] });
  return {
    post: (m) => worker.postMessage(m),
    listen(onData, onError) {
      worker.onmessage = (ev: MessageEvent<unknown>) => onData(ev.data);
      worker.onerror = (ev: ErrorEvent) => {
        ev.preventDefault();
        onError();
      };
    },
    terminate: () => worker.terminate(),
  };
}
