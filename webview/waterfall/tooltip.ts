/**
 * The hover tooltip: one absolutely positioned element, text only (textContent, lines split by
 * CSS `white-space: pre-line`). Shows name, kind, status, start, duration, self and critical time.
 */
import type { CriticalPathView, RowText, TraceStructure } from '../../src/core/protocol';
import { formatDuration } from '../../src/core/view/format';
import { h, setText } from '../components/dom';
import { inlineText } from '../../src/core/text/visibleText';
import { categoryVisual } from '../tree/rowVisuals';

export const STATUS_NAMES = ['unset', 'ok', 'error'];

/** The tooltip's lines for span i (critical path lines once it has arrived). */
export function tooltipLines(s: TraceStructure, i: number, row: RowText | undefined, critical: CriticalPathView | undefined): string[] {
  const cat = categoryVisual(s.category[i]);
  const lines = [
    row ? `${inlineText(row.name || '(unnamed)', 120)}${row.label ? ` — ${inlineText(row.label, 80)}` : ''}` : `Span ${i}`,
    `${cat.title} · status ${STATUS_NAMES[s.status[i]] ?? 'unset'}${s.status[i] === 2 ? ' (error)' : ''}`,
    `Start ${formatDuration(s.startMs[i])} · Duration ${formatDuration(s.durationMs[i])}`,
  ];
  if (critical) lines.push(`Self time ${formatDuration(critical.selfMs[i])} · Critical ${formatDuration(critical.criticalMs[i])}`);
  return lines;
}

export interface Tooltip {
  readonly element: HTMLElement;
  /** Shows `lines` near (x, y), kept inside a `widthPx` × `heightPx` box. */
  show(lines: readonly string[], x: number, y: number, widthPx: number, heightPx: number): void;
  hide(): void;
}

export function createTooltip(): Tooltip {
  const element = h('div', { className: 'wf-tooltip', testId: 'wf-tooltip', attrs: { role: 'tooltip' } });
  element.hidden = true;
  return {
    element,
    show(lines, x, y, widthPx, heightPx) {
      setText(element, lines.join('\n'));
      element.hidden = false;
      const tw = element.offsetWidth;
      const th = element.offsetHeight;
      const left = Math.max(0, Math.min(x + 14, widthPx - tw - 4));
      const top = y + 18 + th > heightPx ? Math.max(0, y - th - 8) : y + 18;
      element.style.transform = `translate(${left}px, ${top}px)`;
    },
    hide() {
      if (!element.hidden) element.hidden = true;
    },
  };
}
