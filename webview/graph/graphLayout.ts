/**
 * Lays out the plan graph with ELK (layered, top to bottom, orthogonal edges) OFF the UI thread.
 *
 * Where: in a Web Worker started from a blob: URL inside the webview, not in the extension host.
 * The extension host is one process shared by every extension: a 2 s layout there would stall
 * all of them (completions, language servers, other views), and its result would still have to
 * cross the postMessage bridge. A worker keeps both the host and the webview's main thread free;
 * the price is one CSP relaxation, `worker-src blob:` (nothing else: no unsafe-eval, no
 * unsafe-inline). Verified in code-server, where the webview is an iframe of the workbench.
 *
 * Watchdog: a layout not back within `timeoutMs` (10 s) has its worker terminated (the next
 * layout starts a fresh one) and is answered by `simpleLayout`, computed here on the main thread
 * in O(n + e), with `engine: 'simple'` so the view can say so. A worker that fails to start or
 * reports an error gets the same fallback.
 */
import { simpleLayout } from './simpleLayout';
import type { LayoutInput, LayoutResult, LayoutWorker, PlacedNode, Point } from './layoutTypes';

export const LAYOUT_TIMEOUT_MS = 10_000;

/**
 * ELK options: layered, top to bottom, orthogonal edges, roomy spacing. Model-order
 * considerations are off (they cost a third of the time on long runs for little gain here).
 */
export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.spacing.edgeNode': '16',
  'elk.spacing.edgeEdge': '8',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.thoroughness': '3',
};
/**
 * Above this many nodes, cheaper phases: one crossing-minimisation pass, simple node placement,
 * polyline edges (orthogonal routing took ~40% of the time on a 2,000-node run).
 */
export const LARGE_GRAPH_NODES = 300;
export const ELK_LARGE_OPTIONS: Readonly<Record<string, string>> = {
  ...ELK_OPTIONS,
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.thoroughness': '1',
};

interface ElkOut {
  readonly children?: readonly { id: string; x?: number; y?: number; width?: number; height?: number }[];
  readonly edges?: readonly { id: string; sections?: readonly { startPoint: Point; endPoint: Point; bendPoints?: readonly Point[] }[] }[];
  readonly width?: number;
  readonly height?: number;
}

/** The worker's flat answer (see `compactAnswers` in elkWorker.ts). */
export interface CompactOut {
  readonly nodes: Float64Array;
  readonly offsets: Int32Array;
  readonly points: Float64Array;
  readonly width?: number;
  readonly height?: number;
}

export interface GraphLayouter {
  layout(input: LayoutInput): Promise<LayoutResult>;
  dispose(): void;
}

/**
 * One worker, reused across layouts (ELK's start-up is paid once); requests run one at a time.
 * `createWorker` may answer a promise (elkWorker.ts loads ELK's script first); the watchdog
 * counts that wait too, and a worker that fails to come gets the simple layout.
 */
export function createGraphLayouter(createWorker: () => LayoutWorker | Promise<LayoutWorker>, timeoutMs = LAYOUT_TIMEOUT_MS): GraphLayouter {
  let worker: LayoutWorker | Promise<LayoutWorker> | undefined;
  let nextId = 1;
  let chain: Promise<unknown> = Promise.resolve();

  const kill = (): void => {
    const w = worker;
    worker = undefined;
    if (w instanceof Promise)
      w.then(
        (x) => x.terminate(),
        () => undefined,
      );
    else w?.terminate();
  };

  const runOnce = (input: LayoutInput): Promise<LayoutResult> =>
    new Promise<LayoutResult>((resolve) => {
      const id = nextId++;
      let settled = false;
      const finish = (r: LayoutResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const fallback = (): void => {
        kill();
        finish(simpleLayout(input));
      };
      const timer = setTimeout(fallback, timeoutMs);
      const start = (w: LayoutWorker): void => {
        if (settled) return;
        w.listen((data) => {
          const m = data as { id?: number; data?: ElkOut; compact?: CompactOut; error?: unknown } | null;
          if (m?.id !== id) return;
          if (m.error !== undefined) fallback();
          else if (m.compact) finish(fromCompact(m.compact, input));
          else if (m.data) finish(fromElk(m.data, input));
          else fallback();
        }, fallback);
        w.post({ id, cmd: 'layout', graph: toElk(input), layoutOptions: {}, options: {} });
      };
      let w: LayoutWorker | Promise<LayoutWorker>;
      try {
        w = worker ??= createWorker();
      } catch {
        fallback();
        return;
      }
      if (!(w instanceof Promise)) {
        start(w);
        return;
      }
      const pending = w;
      pending.then(
        (ready) => {
          if (worker === pending) worker = ready;
          start(ready);
        },
        () => {
          if (worker === pending) worker = undefined;
          if (!settled) fallback();
        },
      );
    });

  return {
    layout(input) {
      const p = chain.then(() => runOnce(input));
      chain = p.catch(() => undefined);
      return p;
    },
    dispose: kill,
  };
}

function toElk(input: LayoutInput): object {
  return {
    id: 'root',
    layoutOptions: input.nodes.length > LARGE_GRAPH_NODES ? ELK_LARGE_OPTIONS : ELK_OPTIONS,
    children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: input.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
}

/** Reads ELK's answer; anything missing or malformed falls back to the simple layout. */
function fromElk(out: ElkOut, input: LayoutInput): LayoutResult {
  const nodes = new Map<string, PlacedNode>();
  for (const c of out.children ?? []) {
    if (![c.x, c.y, c.width, c.height].every((v) => typeof v === 'number' && Number.isFinite(v))) return simpleLayout(input);
    nodes.set(c.id, { x: c.x!, y: c.y!, width: c.width!, height: c.height! });
  }
  if (nodes.size !== input.nodes.length) return simpleLayout(input);
  const edges = new Map<string, readonly Point[]>();
  for (const e of out.edges ?? []) {
    const s = e.sections?.[0];
    if (!s) continue;
    edges.set(e.id, [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
  }
  return { nodes, edges, width: out.width ?? 0, height: out.height ?? 0, engine: 'elk' };
}

/** Reads the flat answer; nodes and edges are in the order they were sent. */
export function fromCompact(out: CompactOut, input: LayoutInput): LayoutResult {
  if (!(out.nodes instanceof Float64Array) || out.nodes.length !== input.nodes.length * 4 || !out.nodes.every(Number.isFinite)) return simpleLayout(input);
  const nodes = new Map<string, PlacedNode>();
  input.nodes.forEach((n, i) => nodes.set(n.id, { x: out.nodes[i * 4], y: out.nodes[i * 4 + 1], width: out.nodes[i * 4 + 2], height: out.nodes[i * 4 + 3] }));
  const edges = new Map<string, readonly Point[]>();
  if (out.offsets instanceof Int32Array && out.points instanceof Float64Array && out.offsets.length === input.edges.length + 1) {
    input.edges.forEach((e, i) => {
      const pts: Point[] = [];
      for (let k = out.offsets[i]; k < out.offsets[i + 1] && 2 * k + 1 < out.points.length; k++) pts.push({ x: out.points[2 * k], y: out.points[2 * k + 1] });
      if (pts.length >= 2) edges.set(e.id, pts);
    });
  }
  return { nodes, edges, width: out.width ?? 0, height: out.height ?? 0, engine: 'elk' };
}
