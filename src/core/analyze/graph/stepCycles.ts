import type { PlanStep } from './planSteps';

/**
 * Dependency cycles among plan steps: one per strongly connected component with more than one
 * step, or a step that depends on itself. Each cycle is given as step ids in dependency order,
 * starting and ending with the same id (e.g. ['a', 'b', 'a']: a depends on b, b on a).
 * Iterative Tarjan, so a long dependency chain cannot overflow the stack. Dependencies on ids
 * not in the plan are ignored. When a step id occurs twice, the later step wins.
 */
export function stepCycles(steps: readonly PlanStep[]): string[][] {
  const ids: string[] = [];
  const indexOfId = new Map<string, number>();
  for (const s of steps) {
    if (!indexOfId.has(s.id)) {
      indexOfId.set(s.id, ids.length);
      ids.push(s.id);
    }
  }
  const adj: number[][] = ids.map(() => []);
  for (const s of steps) {
    const from = indexOfId.get(s.id)!;
    adj[from] = [];
    for (const d of s.dependsOn) {
      const to = indexOfId.get(d);
      if (to !== undefined && !adj[from].includes(to)) adj[from].push(to);
    }
  }
  const sccs = tarjan(adj);
  const out: string[][] = [];
  for (const scc of sccs) {
    if (scc.length === 1 && !adj[scc[0]].includes(scc[0])) continue;
    out.push(cycleThrough(scc, adj).map((i) => ids[i]));
  }
  return out;
}

/** Strongly connected components of a directed graph given as adjacency lists. */
function tarjan(adj: readonly (readonly number[])[]): number[][] {
  const n = adj.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Work stack of [node, next edge position].
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const top = work[work.length - 1];
      const v = top[0];
      if (top[1] < adj[v].length) {
        const w = adj[v][top[1]++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          comp.push(w);
        } while (w !== v);
        out.push(comp);
      }
    }
  }
  return out;
}

/** One concrete cycle inside a component: a BFS from its smallest member back to itself. */
function cycleThrough(scc: readonly number[], adj: readonly (readonly number[])[]): number[] {
  const members = new Set(scc);
  const start = Math.min(...scc);
  const prev = new Map<number, number>();
  const queue: number[] = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of adj[v]) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.push(x);
        path.push(start);
        // path is start, v, …, first hop, start reversed; flip the middle to follow edges.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!prev.has(w) && w !== start) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
