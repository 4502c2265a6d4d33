/**
 * The comparison point for the canvas waterfall: the same rows drawn the way a naive d3 SVG
 * waterfall does it — one <rect> per span (all 100k of them, rows in tree pre-order, positioned
 * from the same `TraceStructure` arrays), d3-zoom on the <svg>, and on every zoom event every
 * rect's x and width re-set from `transform.rescaleX(x)`. The bench drives it with the same wheel
 * and drag input and reads the same probe (`window.__bench`: frames, long tasks).
 * The structure comes from the bench server as JSON (`/structure.json`: startMs, durationMs,
 * category arrays as taken from the real page's getStructure answer).
 */
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { zoom, type D3ZoomEvent } from 'd3-zoom';

const ROW_PX = 20;
const BAR_PX = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';

interface Rows {
  readonly startMs: number[];
  readonly durationMs: number[];
  readonly category: number[];
}

async function main(): Promise<void> {
  const bench = (window as unknown as { __bench: { baselineReadyAt: number; baselineStartAt: number } }).__bench;
  const rows = (await (await fetch('./structure.json')).json()) as Rows;
  bench.baselineStartAt = performance.now();
  const n = rows.startMs.length;
  let end = 0;
  for (let i = 0; i < n; i++) end = Math.max(end, rows.startMs[i] + rows.durationMs[i]);
  const host = document.getElementById('app')!;
  const scroller = document.createElement('div');
  scroller.className = 'svg-baseline';
  scroller.dataset.testid = 'svg-waterfall';
  host.append(scroller);
  const width = scroller.clientWidth;
  const x0 = scaleLinear().domain([0, end]).range([0, width]);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(n * ROW_PX));
  const g = document.createElementNS(SVG_NS, 'g');
  const rects: SVGRectElement[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = document.createElementNS(SVG_NS, 'rect');
    r.setAttribute('x', String(x0(rows.startMs[i])));
    r.setAttribute('width', String(Math.max(1, x0(rows.startMs[i] + rows.durationMs[i]) - x0(rows.startMs[i]))));
    r.setAttribute('y', String(i * ROW_PX + (ROW_PX - BAR_PX) / 2));
    r.setAttribute('height', String(BAR_PX));
    r.setAttribute('class', `bar cat-${rows.category[i]}`);
    rects[i] = r;
    g.append(r);
  }
  svg.append(g);
  scroller.append(svg);
  const onZoom = (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
    const x = ev.transform.rescaleX(x0);
    for (let i = 0; i < n; i++) {
      const a = x(rows.startMs[i]);
      rects[i].setAttribute('x', String(a));
      rects[i].setAttribute('width', String(Math.max(1, x(rows.startMs[i] + rows.durationMs[i]) - a)));
    }
  };
  select(svg).call(zoom<SVGSVGElement, unknown>().scaleExtent([1, 1e6]).on('zoom', onZoom));
  requestAnimationFrame(() => requestAnimationFrame(() => (bench.baselineReadyAt = performance.now())));
}

void main();
