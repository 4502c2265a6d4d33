/**
 * Alignment of two runs' steps: which step of run B corresponds to which step of run A.
 *
 * An edit-distance DP over step keys (a weighted LCS): pairing two steps with the same
 * `signature` (model + multiset of tool calls with normalised arguments) costs 0, with the same
 * `shape` (same model and tool names, other arguments) 3, with anything else 7; leaving a step
 * unpaired (removed from A or added in B) costs 4. A changed step therefore pairs with the step
 * at its place (7 < 4 + 4) unless pairing it would break a better match, and an inserted retry
 * or a removed step leaves the rest paired.
 *
 * Ties: among alignments of equal cost, the one whose paired steps also have equal
 * `fingerprint`s (text, statuses) wins, so a retried step whose first attempt failed reads as
 * that attempt added and the successful one paired with the baseline's. Exact copies stay tied;
 * then, reading from the start, pairing wins over leaving a step unpaired (the later copy of a
 * repeated step is the added or removed one).
 */
export interface AlignKey {
  readonly signature: string;
  readonly shape: string;
  /** Everything else that makes a pair `same`; only breaks ties. */
  readonly fingerprint: string;
}

/** One aligned pair: indices into A and B; null on the side the step is missing from. */
export interface AlignedPair {
  readonly a: number | null;
  readonly b: number | null;
}

const UNPAIRED = 4;
const SAME_SHAPE = 3;
const DIFFERENT = 7;
/** Above this many DP cells (after trimming the common start and end) the middle is paired by position. */
const MAX_CELLS = 4_000_000;

export function alignSteps(a: readonly AlignKey[], b: readonly AlignKey[]): AlignedPair[] {
  // Common start and end pair up as they are (cheap, and keeps the DP small for long runs).
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo].signature === b[lo].signature && a[lo].fingerprint === b[lo].fingerprint) lo++;
  let hiA = a.length,
    hiB = b.length;
  while (hiA > lo && hiB > lo && a[hiA - 1].signature === b[hiB - 1].signature && a[hiA - 1].fingerprint === b[hiB - 1].fingerprint) {
    hiA--;
    hiB--;
  }
  const out: AlignedPair[] = [];
  for (let k = 0; k < lo; k++) out.push({ a: k, b: k });
  const midA = a.slice(lo, hiA),
    midB = b.slice(lo, hiB);
  const mid = (midA.length + 1) * (midB.length + 1) > MAX_CELLS ? alignByPosition(midA.length, midB.length) : alignMiddle(midA, midB);
  for (const p of mid) out.push({ a: p.a === null ? null : p.a + lo, b: p.b === null ? null : p.b + lo });
  for (let k = 0; hiA + k < a.length; k++) out.push({ a: hiA + k, b: hiB + k });
  return out;
}

function alignMiddle(a: readonly AlignKey[], b: readonly AlignKey[]): AlignedPair[] {
  const n = a.length,
    m = b.length;
  // Primary costs are scaled so that all tie-break units together never outweigh one primary unit.
  const scale = n + m + 1;
  const pairCost = (i: number, j: number): number => {
    const x = a[i],
      y = b[j];
    const primary = x.signature === y.signature ? 0 : x.shape === y.shape ? SAME_SHAPE : DIFFERENT;
    return primary * scale + (x.fingerprint === y.fingerprint ? 0 : 1);
  };
  const w = m + 1;
  // d[i*w + j]: cheapest alignment of a[i..] with b[j..].
  const d = new Float64Array((n + 1) * w);
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let best = Infinity;
      if (i < n) best = Math.min(best, UNPAIRED * scale + d[(i + 1) * w + j]);
      if (j < m) best = Math.min(best, UNPAIRED * scale + d[i * w + j + 1]);
      if (i < n && j < m) best = Math.min(best, pairCost(i, j) + d[(i + 1) * w + j + 1]);
      d[i * w + j] = best;
    }
  }
  const out: AlignedPair[] = [];
  let i = 0,
    j = 0;
  while (i < n || j < m) {
    const here = d[i * w + j];
    if (i < n && j < m && pairCost(i, j) + d[(i + 1) * w + j + 1] === here) out.push({ a: i++, b: j++ });
    else if (i < n && UNPAIRED * scale + d[(i + 1) * w + j] === here) out.push({ a: i++, b: null });
    else out.push({ a: null, b: j++ });
  }
  return out;
}

function alignByPosition(n: number, m: number): AlignedPair[] {
  const out: AlignedPair[] = [];
  for (let k = 0; k < Math.max(n, m); k++) out.push({ a: k < n ? k : null, b: k < m ? k : null });
  return out;
}
