/** The critical path's sections indexed by span, so a row finds its sections in O(1). Pure. */

/** Critical sections grouped by span: sections of span i are `order[offsets[i] .. offsets[i+1])`. */
export interface SectionsBySpan {
  readonly offsets: Int32Array;
  readonly order: Int32Array;
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
}

export function sectionsBySpan(spanCount: number, sectionSpan: Int32Array, startMs: Float64Array, endMs: Float64Array): SectionsBySpan {
  const offsets = new Int32Array(spanCount + 1);
  for (let k = 0; k < sectionSpan.length; k++) offsets[sectionSpan[k] + 1]++;
  for (let i = 0; i < spanCount; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, spanCount);
  const order = new Int32Array(sectionSpan.length);
  for (let k = 0; k < sectionSpan.length; k++) order[fill[sectionSpan[k]]++] = k;
  return { offsets, order, startMs, endMs };
}
