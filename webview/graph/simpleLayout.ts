/**
 * The fallback layout, computed on the main thread when ELK is too slow or fails: longest-path
 * layering (a node's row is one past the deepest row among its predecessors, cycles broken by
 * ignoring edges back to a node not yet placed) with the nodes of a row side by side, wrapped
 * into several rows when a layer is wider than `maxRowWidth`. O(n + e): one topological pass
 * (Kahn) and one placement pass. Edges are straight, bottom-centre to top-centre.
 */
import type { LayoutInput, LayoutResult, PlacedNode, Point } from './layoutTypes';

const GAP_X = 24;
const GAP_Y = 48;
const MARGIN = 16;

export function simpleLayout(input: LayoutInput, maxRowWidth = 1600): LayoutResult {
  const n = input.nodes.length;
  const indexOf = new Map<string, number>();
  input.nodes.forEach((node, i) => indexOf.set(node.id, i));
  const succ: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  for (const e of input.edges) {
    const a = indexOf.get(e.from);
    const b = indexOf.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    succ[a].push(b);
    indeg[b]++;
  }
  const layer = new Int32Array(n);
  const done = new Uint8Array(n);
  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const enqueue = (i: number): void => {
    queued[i] = 1;
    queue.push(i);
  };
  for (let i = 0; i < n; i++) if (indeg[i] === 0) enqueue(i);
  // Kahn's order; when only cycles remain, the unplaced node listed first starts the next round.
  let head = 0;
  let next = 0;
  while (head < n) {
    if (head === queue.length) {
      while (queued[next]) next++;
      enqueue(next);
    }
    const u = queue[head++];
    done[u] = 1;
    for (const v of succ[u]) {
      if (done[v]) continue;
      if (layer[u] + 1 > layer[v]) layer[v] = layer[u] + 1;
      if (--indeg[v] === 0 && !queued[v]) enqueue(v);
    }
  }
  // Place layer by layer, in Kahn order within a layer, wrapping wide layers.
  const byLayer = new Map<number, number[]>();
  for (const u of queue) {
    const l = byLayer.get(layer[u]);
    if (l) l.push(u);
    else byLayer.set(layer[u], [u]);
  }
  const placed = new Map<string, PlacedNode>();
  let y = MARGIN;
  let width = 0;
  for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
    let x = MARGIN;
    let rowHeight = 0;
    for (const u of byLayer.get(l)!) {
      const node = input.nodes[u];
      if (x > MARGIN && x + node.width > maxRowWidth) {
        y += rowHeight + GAP_Y / 2;
        x = MARGIN;
        rowHeight = 0;
      }
      placed.set(node.id, { x, y, width: node.width, height: node.height });
      x += node.width + GAP_X;
      rowHeight = Math.max(rowHeight, node.height);
      width = Math.max(width, x - GAP_X + MARGIN);
    }
    y += rowHeight + GAP_Y;
  }
  const edges = new Map<string, readonly Point[]>();
  for (const e of input.edges) {
    const a = placed.get(e.from);
    const b = placed.get(e.to);
    if (!a || !b || a === b) continue;
    const down = b.y >= a.y + a.height;
    edges.set(e.id, [
      { x: a.x + a.width / 2, y: down ? a.y + a.height : a.y },
      { x: b.x + b.width / 2, y: down ? b.y : b.y + b.height },
    ]);
  }
  return { nodes: placed, edges, width, height: y - GAP_Y + MARGIN, engine: 'simple' };
}
