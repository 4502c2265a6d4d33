/**
 * Keys of the waterfall canvas beyond the tree keys (`treeKeyAction`): zoom, pan, reset,
 * search. Pure. `n`/`p`/`j`/`k`/`e` are deliberately absent: the document-wide stepping handler
 * owns them.
 *
 *   + / =   zoom in around the selection     - / _   zoom out
 *   Shift+Left/Right  pan a fifth of the window  0   reset zoom     /   focus the search field
 */
import { panBy, type TimeWindow } from './scales';
import { KEY_PAN_FRACTION, minSpanMs, zoomWindow } from './zoomMath';

export type WaterfallKeyAction =
  | { readonly kind: 'zoom'; readonly factor: number }
  | { readonly kind: 'pan'; readonly direction: -1 | 1 }
  | { readonly kind: 'resetZoom' }
  | { readonly kind: 'focusSearch' };

/** The parts of a KeyboardEvent read here (kept DOM-free so unit tests type-check without the DOM lib). */
export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export function waterfallKeyAction(ev: KeyInput, zoomFactor: number): WaterfallKeyAction | undefined {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return undefined;
  switch (ev.key) {
    case '+':
    case '=':
      return { kind: 'zoom', factor: zoomFactor };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / zoomFactor };
    case '0':
      return { kind: 'resetZoom' };
    case '/':
      return { kind: 'focusSearch' };
    case 'ArrowLeft':
    case 'ArrowRight':
      return ev.shiftKey ? { kind: 'pan', direction: ev.key === 'ArrowLeft' ? -1 : 1 } : undefined;
    default:
      return undefined;
  }
}

/**
 * The window after a zoom, pan or reset key (undefined for other actions). Zoom is around
 * `anchorMs` (the selection's start) when it is in the window, else around the centre; pan
 * moves a fifth of the window.
 */
export function windowForKey(action: WaterfallKeyAction, w: TimeWindow, anchorMs: number | undefined, extentMs: number): TimeWindow | undefined {
  switch (action.kind) {
    case 'zoom':
      return zoomWindow(w, action.factor, anchorMs, extentMs);
    case 'pan':
      return panBy(w, action.direction * KEY_PAN_FRACTION * (w.endMs - w.startMs), extentMs, minSpanMs(extentMs));
    case 'resetZoom':
      return { startMs: 0, endMs: extentMs };
    default:
      return undefined;
  }
}
