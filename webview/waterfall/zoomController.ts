/**
 * d3-zoom wired to the waterfall's canvas area, x only. The transform d3-zoom keeps on the
 * element is the source of truth for gestures; `zoomMath` turns it into the time window and
 * clamps it (d3-zoom's `constrain`). Wheel and Ctrl+wheel zoom around the pointer, a drag pans
 * (and scrolls rows with the vertical movement), horizontal wheel pans, Shift+wheel scrolls rows.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { panByPx, type TimeWindow } from './scales';
import { constrainTransform, minSpanMs, transformForWindow, windowFromTransform, type Track, type XTransform } from './zoomMath';

export interface ZoomController {
  /** Moves the window (emits `onWindow`); before the first layout it is only remembered. */
  setWindow(w: TimeWindow): void;
  /** The track moved or resized: keep showing the same window. */
  setTrack(track: Track): void;
  readonly window: TimeWindow;
  detach(): void;
}

export interface ZoomOptions {
  /** Receives wheel and drag events (the parent of canvas and scroller, so events aimed at either reach it). */
  readonly area: HTMLElement;
  /** The vertical scroller: drags and Shift+wheel scroll it; a press on its scroll bar is left to it. */
  readonly scroller: HTMLElement;
  readonly extentMs: number;
  readonly onWindow: (w: TimeWindow) => void;
}

const toD3 = (t: XTransform): ZoomTransform => zoomIdentity.translate(t.x, 0).scale(t.k);

export function attachZoom(opts: ZoomOptions): ZoomController {
  const { area, scroller, extentMs } = opts;
  let track: Track = { left: 0, width: 0 };
  let win: TimeWindow = { startMs: 0, endMs: extentMs };

  const zoomer = zoom<HTMLElement, unknown>()
    .filter((ev: Event) => {
      if (ev instanceof WheelEvent) return !ev.shiftKey && Math.abs(ev.deltaY) >= Math.abs(ev.deltaX);
      if (ev instanceof MouseEvent) return ev.button === 0 && !ev.ctrlKey && ev.clientX - scroller.getBoundingClientRect().left < scroller.clientWidth;
      return true;
    })
    .clickDistance(3)
    .constrain((t) => toD3(constrainTransform(t, track, extentMs)))
    .on('zoom', (ev: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      win = windowFromTransform(ev.transform, track, extentMs);
      // A drag also scrolls rows: the grabbed point follows the pointer in both directions.
      const src = ev.sourceEvent;
      if (src instanceof MouseEvent && src.type === 'mousemove' && src.movementY !== 0) scroller.scrollTop -= src.movementY;
      opts.onWindow(win);
    });
  const sel = select(area);
  sel.call(zoomer).on('dblclick.zoom', null);

  const setWindow = (w: TimeWindow) => {
    if (track.width <= 1) {
      win = w;
      return;
    }
    zoomer.transform(sel, toD3(transformForWindow(w, track, extentMs)));
  };

  const onWheel = (ev: WheelEvent) => {
    if (ev.shiftKey) {
      scroller.scrollTop += ev.deltaY || ev.deltaX;
      ev.preventDefault();
    } else if (Math.abs(ev.deltaX) > Math.abs(ev.deltaY)) {
      setWindow(panByPx(win, -ev.deltaX, track.width, extentMs, minSpanMs(extentMs)));
      ev.preventDefault();
    }
  };
  area.addEventListener('wheel', onWheel, { passive: false });

  return {
    setWindow,
    setTrack(t) {
      track = t;
      setWindow(win);
    },
    get window() {
      return win;
    },
    detach() {
      sel.on('.zoom', null);
      area.removeEventListener('wheel', onWheel);
    },
  };
}
