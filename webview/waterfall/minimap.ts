/**
 * A thin strip over the whole trace: span density, error ticks, search-match ticks, and the
 * visible window as a brush. Click or drag moves the window (centred at the pointer). The strip
 * is a mouse shortcut: the same moves exist on the keyboard (Shift+Left/Right, +/-, 0), so it is
 * hidden from assistive technology.
 */
import type { TimeWindow } from './scales';
import { minimapBrush } from './scales';
import { h } from '../components/dom';
import type { MinimapBins } from './minimapModel';
import type { WaterfallColours } from './theme';

export const MINIMAP_HEIGHT = 24;

export interface Minimap {
  readonly element: HTMLElement;
  /** Re-reads the strip's CSS width (layout only: draws never read layout). */
  measure(): void;
  /** CSS width of the strip at the last `measure` (the bins to compute). */
  width(): number;
  draw(bins: MinimapBins, colours: WaterfallColours): void;
  /** Moves the brush (a style change, no redraw). `w` is relative to the extent's origin. */
  setWindow(w: TimeWindow, extentMs: number): void;
  dispose(): void;
}

export function createMinimap(onCenterAt: (px: number, widthPx: number) => void): Minimap {
  const canvas = h('canvas', { className: 'wf-minimap-canvas' });
  const brush = h('div', { className: 'wf-brush' });
  const element = h(
    'div',
    { className: 'wf-minimap', testId: 'wf-minimap', attrs: { 'aria-hidden': 'true', title: 'Whole trace: click or drag to move the visible window' } },
    [canvas, brush],
  );
  let dragging = false;
  let widthPx = 0;
  const at = (ev: PointerEvent) => {
    const r = element.getBoundingClientRect();
    onCenterAt(ev.clientX - r.left, r.width);
  };
  element.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    dragging = true;
    element.setPointerCapture(ev.pointerId);
    ev.preventDefault();
    at(ev);
  });
  element.addEventListener('pointermove', (ev) => {
    if (dragging) at(ev);
  });
  const stop = (ev: PointerEvent) => {
    dragging = false;
    if (element.hasPointerCapture(ev.pointerId)) element.releasePointerCapture(ev.pointerId);
  };
  element.addEventListener('pointerup', stop);
  element.addEventListener('pointercancel', stop);

  return {
    element,
    measure() {
      widthPx = element.clientWidth;
    },
    width: () => widthPx,
    draw(bins, c) {
      const cols = bins.density.length;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(cols * dpr));
      canvas.height = Math.round(MINIMAP_HEIGHT * dpr);
      canvas.style.width = `${cols}px`;
      canvas.style.height = `${MINIMAP_HEIGHT}px`;
      const g = canvas.getContext('2d');
      if (!g) return;
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.clearRect(0, 0, cols, MINIMAP_HEIGHT);
      // Density: a column chart in the lower two thirds; errors above; matches along the top.
      const base = MINIMAP_HEIGHT - 2;
      const chartH = MINIMAP_HEIGHT - 10;
      g.fillStyle = c.minimapDensity;
      g.globalAlpha = 0.55;
      for (let x = 0; x < cols; x++) {
        const d = bins.density[x];
        if (d > 0) {
          const hgt = Math.max(1, d * chartH);
          g.fillRect(x, base - hgt, 1, hgt);
        }
      }
      g.globalAlpha = 1;
      g.fillStyle = c.error;
      for (let x = 0; x < cols; x++) if (bins.errors[x]) g.fillRect(Math.max(0, x - 1), 4, 3, 5);
      g.fillStyle = c.matchMarker;
      for (let x = 0; x < cols; x++) if (bins.matches[x]) g.fillRect(Math.max(0, x - 1), 0, 3, 3);
    },
    setWindow(w, extentMs) {
      const { x, width } = minimapBrush(w, extentMs, widthPx);
      brush.style.transform = `translateX(${x}px)`;
      brush.style.width = `${Math.max(3, width)}px`;
    },
    dispose() {
      element.remove();
    },
  };
}
