/** What the graph layout takes and gives: boxes with sizes and edges in, positions and routes out. */

export interface LayoutNodeInput {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface LayoutInput {
  readonly nodes: readonly LayoutNodeInput[];
  readonly edges: readonly LayoutEdgeInput[];
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface PlacedNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LayoutResult {
  /** Top-left corner and size of each node, by id. */
  readonly nodes: ReadonlyMap<string, PlacedNode>;
  /** Each edge's route, from the source's border to the target's (at least two points), by id. */
  readonly edges: ReadonlyMap<string, readonly Point[]>;
  readonly width: number;
  readonly height: number;
  /** `elk`, or `simple` when the fallback layered layout was used (say so to the user). */
  readonly engine: 'elk' | 'simple';
}

/**
 * The layout worker as graphLayout.ts uses it (elkWorker.ts adapts a DOM Worker to it; tests
 * pass a fake). `listen` replaces the previous handlers.
 */
export interface LayoutWorker {
  post(message: object): void;
  listen(onData: (data: unknown) => void, onError: () => void): void;
  terminate(): void;
}

/** The lazily loaded ELK script's file, next to main.js in dist/webview/ (esbuild.mjs builds it). */
export const ELK_SCRIPT_FILE = 'elkLayout.js';
/** Where that script leaves the worker's source text for elkWorker.ts to take (and delete). */
export const ELK_SCRIPT_GLOBAL = '__agentTraceElkWorkerSource';
