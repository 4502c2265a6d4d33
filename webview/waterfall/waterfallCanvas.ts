/**
 * Draws the rows of the waterfall in view onto a 2D canvas: row backgrounds (selection, search
 * match, hover), time grid, name column (indent, twisty, category chip, name, error marker) and
 * bars (category colour, critical sections over them, duration label). Only rows in the
 * viewport are drawn; per-span inputs are the typed arrays of `TraceStructure` and
 * `CriticalPathView`, so a frame allocates nothing per row (duration labels are cached per span).
 */
import type { TimeWindow } from './scales';
import type { TraceStructure } from '../../src/core/protocol';
import { formatDuration } from '../../src/core/view/format';
import { BAR_HEIGHT, barPx, indentOf, nameColumnWidth, ROW_HEIGHT, rowsInView, TWISTY_PX, trackOf } from './geometry';
import type { SectionsBySpan } from './criticalSections';
import type { WaterfallColours } from './theme';

/** Everything one frame needs; the view keeps one instance and updates its fields. */
export interface Frame {
  widthPx: number;
  heightPx: number;
  scrollTop: number;
  rows: Int32Array;
  /** Absolute window, ms from the trace start (the structure's time base). */
  window: TimeWindow;
  gridTicks: readonly number[];
  selected: number;
  hover: number;
  focused: boolean;
  matches: Uint8Array | undefined;
  sections: SectionsBySpan | undefined;
  colours: WaterfallColours;
}

export interface RowTextLookup {
  name(index: number): string | undefined;
  hasChildren(index: number): boolean;
  isExpanded(index: number): boolean;
}

const STATUS_ERROR = 2;
const MAX_FITTED = 5000;
const CATEGORY_GLYPHS = ['·', 'A', 'L', 'T', 'R', 'E', 'C'];

export class WaterfallPainter {
  private readonly durationLabels: (string | undefined)[];
  private readonly fitted = new Map<number, { maxPx: number; text: string }>();
  private fittedFont = '';
  private fontSet = '';
  private readonly measure: OffscreenCanvasRenderingContext2D | null =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : null;
  private fontNormalized = '';
  /** Centres of this frame's error markers, for the bold pass (reused buffers: no per-row allocation). */
  private markerX = new Float64Array(64);
  private markerY = new Float64Array(64);
  private markerCount = 0;

  constructor(
    private readonly s: TraceStructure,
    private readonly text: RowTextLookup,
  ) {
    this.durationLabels = new Array<string | undefined>(s.startMs.length);
  }

  /**
   * The span's name cut with an ellipsis to `maxPx`, cached per span: measured once per span
   * and column width, not every frame. Undefined while the row text is loading.
   */
  private fittedName(g: CanvasRenderingContext2D, i: number, maxPx: number): string | undefined {
    if (this.fittedFont !== g.font) {
      this.fittedFont = g.font;
      this.fitted.clear();
      if (this.measure) this.measure.font = g.font;
    }
    const cached = this.fitted.get(i);
    if (cached !== undefined && cached.maxPx === maxPx) return cached.text;
    const name = this.text.name(i);
    if (name === undefined) return undefined;
    // Measured on a detached OffscreenCanvas: measureText on the shown canvas makes Chromium
    // resolve the document's style first (costly while other views are changing the DOM).
    const text = fitText(this.measure ?? g, name, maxPx);
    if (this.fitted.size >= MAX_FITTED) this.fitted.clear(); // bounded: scrolling 100k rows
    this.fitted.set(i, { maxPx, text });
    return text;
  }

  private durationLabel(i: number): string {
    return (this.durationLabels[i] ??= formatDuration(this.s.durationMs[i]));
  }

  /** Draws `f` on `g`, whose transform already maps CSS pixels (devicePixelRatio applied by the caller). */
  draw(g: CanvasRenderingContext2D, f: Frame): void {
    const s = this.s;
    const c = f.colours;
    const track = trackOf(f.widthPx);
    const nameW = nameColumnWidth(f.widthPx);
    const right = track.left + track.width;
    const span = f.window.endMs - f.window.startMs;
    const k = span > 0 ? track.width / span : 0;
    g.clearRect(0, 0, f.widthPx, f.heightPx);
    this.markerCount = 0;
    // Set only when it changed (or a canvas resize reset the context): see the glyph pass.
    if (this.fontSet !== c.font || g.font !== this.fontNormalized) {
      g.font = c.font;
      this.fontSet = c.font;
      this.fontNormalized = g.font;
    }
    g.textBaseline = 'middle';

    // Time grid.
    g.fillStyle = c.grid;
    for (const t of f.gridTicks) {
      const x = Math.round(track.left + (t - f.window.startMs) * k);
      if (x >= track.left && x <= right) g.fillRect(x, 0, 1, f.heightPx);
    }
    g.fillRect(nameW, 0, 1, f.heightPx);

    const { first, end } = rowsInView(f.scrollTop, f.heightPx, f.rows.length);
    const barTop = (ROW_HEIGHT - BAR_HEIGHT) / 2;
    for (let pos = first; pos < end; pos++) {
      const i = f.rows[pos];
      const y = pos * ROW_HEIGHT - f.scrollTop;
      const selected = i === f.selected;
      const isError = s.status[i] === STATUS_ERROR;
      const isMatch = f.matches !== undefined && f.matches[i] === 1;

      if (selected || isMatch || i === f.hover) {
        g.fillStyle = selected ? c.selectedBackground : isMatch ? c.matchBackground : c.hoverBackground;
        g.fillRect(0, y, f.widthPx, ROW_HEIGHT);
      }
      if (isMatch) {
        g.fillStyle = c.matchMarker;
        g.fillRect(0, y + 2, 3, ROW_HEIGHT - 4);
      }
      if (selected) {
        g.strokeStyle = f.focused ? c.focusBorder : c.muted;
        g.lineWidth = 1;
        g.strokeRect(0.5, y + 0.5, f.widthPx - 1, ROW_HEIGHT - 1);
      }

      // Name column.
      const fg = selected ? c.selectedForeground : c.foreground;
      const tx = indentOf(s.depth[i]);
      const cy = y + ROW_HEIGHT / 2;
      g.fillStyle = fg;
      if (this.text.hasChildren(i)) g.fillText(this.text.isExpanded(i) ? '▾' : '▸', tx + 2, cy);
      const chipX = tx + TWISTY_PX;
      g.fillStyle = c.category[s.category[i]] ?? c.foreground;
      g.fillRect(chipX, cy - 6, 12, 12);
      const nameX = chipX + 17;
      const markerRoom = isError ? 18 : 0;
      const nameMax = nameW - nameX - 4 - markerRoom;
      if (nameMax > 8) {
        const name = this.fittedName(g, i, nameMax);
        g.fillStyle = name === undefined ? c.muted : fg;
        g.fillText(name ?? '…', nameX, cy);
      }
      if (isError) this.errorMarker(g, nameW - 16, cy, c);

      // Bar.
      const { x0, x1 } = barPx(s.startMs[i], s.durationMs[i], f.window, track);
      const by = y + barTop;
      g.fillStyle = isError ? c.error : (c.category[s.category[i]] ?? c.foreground);
      g.fillRect(x0, by, x1 - x0, BAR_HEIGHT);
      if (f.sections) this.drawCritical(g, f, i, by, track.left, right, k);
      if (c.outline) {
        g.strokeStyle = c.outline;
        g.lineWidth = 1;
        g.strokeRect(x0 + 0.5, by + 0.5, Math.max(0, x1 - x0 - 1), BAR_HEIGHT - 1);
      }
      if (selected) {
        g.strokeStyle = c.focusBorder;
        g.lineWidth = 2;
        g.strokeRect(x0 - 1, by - 1, x1 - x0 + 2, BAR_HEIGHT + 2);
      }

      // Duration label (and, for errors, a marker) after the bar, else before it, else inside.
      const label = this.durationLabel(i);
      const lw = label.length * 6.5;
      const markerW = isError ? 16 : 0;
      let lx: number;
      let inside = false;
      if (right - x1 >= lw + 6 + markerW) {
        if (isError) this.errorMarker(g, x1 + 10, cy, c);
        lx = x1 + 4 + markerW;
      } else if (x0 - track.left >= lw + 6 + markerW) {
        if (isError) this.errorMarker(g, x0 - 10, cy, c);
        lx = x0 - 4 - markerW - lw;
      } else {
        lx = Math.max(track.left + 2, x1 - lw - 4);
        inside = true;
      }
      g.fillStyle = inside ? c.background : selected ? c.selectedForeground : c.muted;
      g.fillText(label, lx, cy);
    }

    // Glyph pass: category letters on their chips, "!" in error markers. One font for the whole
    // frame: setting a different canvas font makes Chromium resolve style, which is a full
    // recalculation whenever another view has dirtied the document.
    g.textAlign = 'center';
    g.fillStyle = c.background;
    for (let pos = first; pos < end; pos++) {
      const i = f.rows[pos];
      g.fillText(CATEGORY_GLYPHS[s.category[i]] ?? '·', indentOf(s.depth[i]) + TWISTY_PX + 6, pos * ROW_HEIGHT - f.scrollTop + ROW_HEIGHT / 2 + 0.5);
    }
    g.fillStyle = c.errorMarkerText;
    for (let m = 0; m < this.markerCount; m++) g.fillText('!', this.markerX[m], this.markerY[m] + 1.5);
    g.textAlign = 'left';
  }

  private errorMarker(g: CanvasRenderingContext2D, cx: number, cy: number, c: WaterfallColours): void {
    drawErrorMarker(g, cx, cy, c);
    if (this.markerCount === this.markerX.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.markerX = grow(this.markerX);
      this.markerY = grow(this.markerY);
    }
    this.markerX[this.markerCount] = cx;
    this.markerY[this.markerCount++] = cy;
  }

  /** Critical sections of span i, as a strip in the lower half of its bar (the bar stays visible above). */
  private drawCritical(g: CanvasRenderingContext2D, f: Frame, i: number, by: number, left: number, right: number, k: number): void {
    const sec = f.sections!;
    const from = sec.offsets[i];
    const to = sec.offsets[i + 1];
    if (from === to) return;
    g.fillStyle = f.colours.critical;
    for (let q = from; q < to; q++) {
      const sk = sec.order[q];
      let a = left + (sec.startMs[sk] - f.window.startMs) * k;
      let b = left + (sec.endMs[sk] - f.window.startMs) * k;
      a = Math.max(left, Math.min(right, a));
      b = Math.max(left, Math.min(right, b));
      if (b - a < 1) b = Math.min(right, a + 1);
      g.fillRect(a, by + BAR_HEIGHT - 4, b - a, 4);
    }
  }
}

/** `text` cut with "…" to fit `maxPx` (binary search on the length). */
function fitText(g: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, text: string, maxPx: number): string {
  if (g.measureText(text).width <= maxPx) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (g.measureText(text.slice(0, mid) + '…').width <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}

/** The triangle of an error marker (its "!" is drawn in the glyph pass): marked by shape, not only by colour. */
function drawErrorMarker(g: CanvasRenderingContext2D, cx: number, cy: number, c: WaterfallColours): void {
  g.fillStyle = c.error;
  g.beginPath();
  g.moveTo(cx, cy - 7);
  g.lineTo(cx + 7, cy + 6);
  g.lineTo(cx - 7, cy + 6);
  g.closePath();
  g.fill();
  if (c.outline) {
    g.strokeStyle = c.outline;
    g.lineWidth = 1;
    g.stroke();
  }
}
