/**
 * A small pill with a count or a status word: VS Code Elements' `<vscode-badge>`. Tones recolour
 * it through the `--vscode-badge-*` custom properties it reads (`.badge-<tone>` in
 * styles/components.css), so the colours stay theme variables.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import type { VscodeBadge } from '@vscode-elements/elements/dist/vscode-badge/vscode-badge.js';
import { h } from './dom';

export type BadgeTone = 'neutral' | 'ok' | 'error' | 'warning';

export function badge(text: string, tone: BadgeTone = 'neutral', title?: string): VscodeBadge {
  return h('vscode-badge', { className: `badge badge-${tone}`, text, attrs: { title } });
}
