/**
 * The minimap's data: per pixel column of the whole extent, how many spans run there (a
 * difference array, O(n + columns)), whether an error span starts there and whether a search
 * match does. Pure; recomputed on resize and on a new search, never per pan/zoom frame.
 */
export interface MinimapBins {
  /** Concurrent spans per column divided by the maximum (0..1). */
  readonly density: Float32Array;
  readonly errors: Uint8Array;
  readonly matches: Uint8Array;
}

export interface MinimapInput {
  readonly startMs: ArrayLike<number>;
  readonly durationMs: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  /** 1 for search matches (or undefined when no search is active). */
  readonly matchMask: Uint8Array | undefined;
  readonly originMs: number;
  readonly extentMs: number;
}

const STATUS_ERROR = 2;

export function minimapBins(inp: MinimapInput, columns: number): MinimapBins {
  const cols = Math.max(0, Math.floor(columns));
  const diff = new Float64Array(cols + 1);
  const errors = new Uint8Array(cols);
  const matches = new Uint8Array(cols);
  const k = inp.extentMs > 0 ? cols / inp.extentMs : 0;
  const col = (ms: number) => Math.max(0, Math.min(cols - 1, Math.floor((ms - inp.originMs) * k)));
  const n = inp.startMs.length;
  if (cols > 0) {
    for (let i = 0; i < n; i++) {
      const a = col(inp.startMs[i]);
      const b = col(inp.startMs[i] + inp.durationMs[i]);
      diff[a] += 1;
      diff[b + 1] -= 1;
      if (inp.status[i] === STATUS_ERROR) errors[a] = 1;
      if (inp.matchMask?.[i]) matches[a] = 1;
    }
  }
  const density = new Float32Array(cols);
  let run = 0;
  let max = 0;
  for (let c = 0; c < cols; c++) {
    run += diff[c];
    density[c] = run;
    if (run > max) max = run;
  }
  if (max > 0) for (let c = 0; c < cols; c++) density[c] /= max;
  return { density, errors, matches };
}
