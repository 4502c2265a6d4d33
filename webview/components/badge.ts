import { h } from './dom';

export type BadgeTone = 'neutral' | 'ok' | 'error' | 'warning';

/** A small pill with a count or a status word (`.badge`). */
export function badge(text: string, tone: BadgeTone = 'neutral', title?: string): HTMLSpanElement {
  return h('span', { className: `badge badge-${tone}`, text, attrs: { title } });
}
