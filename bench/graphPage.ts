/**
 * Browser side of bench/graph.bench.ts: the webview's own layout module (blob: ELK worker with
 * watchdog) and SVG drawing, bundled by esbuild into a test page served under the webview CSP.
 * `window.benchGraph(url)` fetches a PlanGraphView, lays it out and draws what the view first shows, and returns the wall
 * time from the layout request to the drawn result; long tasks are counted from page load.
 */
import type { PlanGraphView } from '../src/core/protocol';
import { createElkWorker } from '../webview/graph/elkWorker';
import { createGraphLayouter } from '../webview/graph/graphLayout';
import { flaggedNodes, layoutInput } from '../webview/graph/graphModel';
import { GraphDrawing, svg } from '../webview/graph/graphSvg';

const longTasks: { start: number; duration: number }[] = [];
const marks: [string, number][] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
}).observe({ type: 'longtask', buffered: true });

// The bench measures ELK itself, so its watchdog is a minute, not the view's 10 s; runs that take
// longer than the view's watchdog are counted by the bench (the view would show the simple layout).
const layouter = createGraphLayouter(createElkWorker, 60_000);
const drawing = svg('svg', { width: 1200, height: 800 });
const layer = svg('g');
drawing.append(layer);
document.body.append(drawing);

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

declare global {
  interface Window {
    benchGraph(url: string): Promise<{ ms: number; engine: string; nodes: number; split: number[] }>;
    benchLongTasks(): { start: number; duration: number }[];
  }
}

window.benchGraph = async (url) => {
  marks.push(['fetch ' + url, performance.now()]);
  const graph = (await (await fetch(url)).json()) as PlanGraphView;
  marks.push(['parsed', performance.now()]);
  await nextFrame();
  const t0 = performance.now();
  const layout = await layouter.layout(layoutInput(graph));
  const t1 = performance.now();
  marks.push(['laid out', t1]);
  // What the view draws first: a 1200×800 screen at zoom 0.6 over the top of the graph, plus the
  // half-screen margin on each side that GraphDrawing keeps drawn around the view.
  const k = 0.6;
  new GraphDrawing(layer, graph, layout, flaggedNodes(graph), () => {}).update({ x0: -600 / k, y0: -400 / k, x1: 1800 / k, y1: 1200 / k, scale: k }, undefined);
  const t2 = performance.now();
  marks.push(['drawn', t2]);
  await nextFrame(); // style, layout and paint of the drawing are part of the result
  const t3 = performance.now();
  return { ms: t3 - t0, engine: layout.engine, nodes: layout.nodes.size, split: [t1 - t0, t2 - t1, t3 - t2] };
};
window.benchLongTasks = () => [...longTasks];
(window as unknown as { benchMarks: () => unknown }).benchMarks = () => marks.map(([n, t]) => `${n}@${Math.round(t)}`);
