/**
 * Canvas colours, read from the CSS custom properties of webview/styles/waterfall.css (which map
 * them onto VS Code theme variables) at draw time. Re-read when the body's class changes: VS Code
 * switches `vscode-light` / `vscode-dark` / `vscode-high-contrast(-light)` there.
 */
import { CATEGORY_CODES } from '../../src/core/protocol';

export interface WaterfallColours {
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly category: readonly string[];
  readonly error: string;
  readonly errorMarkerText: string;
  readonly critical: string;
  readonly selectedBackground: string;
  readonly selectedForeground: string;
  readonly focusBorder: string;
  readonly hoverBackground: string;
  readonly matchBackground: string;
  readonly matchMarker: string;
  readonly minimapDensity: string;
  /** Bar outlines: set in high contrast themes only. */
  readonly outline: string | undefined;
  readonly font: string;
}

function isHighContrast(): boolean {
  const c = document.body.classList;
  return c.contains('vscode-high-contrast') || c.contains('vscode-high-contrast-light');
}

export function readColours(el: Element): WaterfallColours {
  const cs = getComputedStyle(el);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const fg = v('--wf-fg', '#cccccc');
  const family = cs.fontFamily || 'sans-serif';
  const size = v('--wf-font-size', '12px');
  const hc = isHighContrast();
  return {
    background: v('--wf-bg', '#1e1e1e'),
    foreground: fg,
    muted: v('--wf-muted', fg),
    grid: v('--wf-grid', 'rgba(128, 128, 128, 0.25)'),
    category: CATEGORY_CODES.map((name) => v(`--wf-cat-${name}`, fg)),
    error: v('--wf-error', '#f14c4c'),
    errorMarkerText: v('--wf-error-marker-text', '#ffffff'),
    critical: v('--wf-critical', fg),
    selectedBackground: v('--wf-selected-bg', 'rgba(0, 120, 215, 0.4)'),
    selectedForeground: v('--wf-selected-fg', fg),
    focusBorder: v('--wf-focus', '#007fd4'),
    hoverBackground: v('--wf-hover-bg', 'rgba(128, 128, 128, 0.15)'),
    matchBackground: v('--wf-match-bg', 'rgba(234, 92, 0, 0.33)'),
    matchMarker: v('--wf-match-marker', '#d18616'),
    minimapDensity: v('--wf-minimap-density', fg),
    outline: hc ? v('--wf-outline', fg) : undefined,
    font: `${size} ${family}`,
  };
}

/** Calls `onChange` when the theme class of the body changes; returns the disconnect function. */
export function watchTheme(onChange: () => void): () => void {
  const obs = new MutationObserver(onChange);
  obs.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  return () => obs.disconnect();
}
