/**
 * Entry of dist/webview/elkLayout.js, the plan graph's part that is loaded only when the graph is
 * first laid out (elkWorker.ts adds it to the page as a second script with the page's nonce, so
 * the CSP stays `script-src 'nonce-…'`): elkjs's worker script, 1.6 MB of text that the initial
 * bundle no longer carries, followed by `compactAnswers`. Running it publishes that worker
 * source on `globalThis[ELK_SCRIPT_GLOBAL]`; the page then starts the worker from a blob: URL
 * (`worker-src blob:`). elk-worker.min.js installs its own message handler when it runs in a
 * worker: `{id, cmd: 'layout', graph, layoutOptions}` in, `{id, data: graph}` or `{id, error}` out.
 */
import elkWorkerSource from 'elkjs/lib/elk-worker.min.js' with { type: 'text' };
import { ELK_SCRIPT_GLOBAL } from './layoutTypes';

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

(globalThis as Record<string, unknown>)[ELK_SCRIPT_GLOBAL] = `${elkWorkerSource}\n;(${compactAnswers.toString()})();\n`;
