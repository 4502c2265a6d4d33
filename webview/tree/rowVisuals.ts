/**
 * How a span row looks, as data: category glyph and class, duration bar geometry, indent. Pure,
 * so the geometry is unit-tested; colours live in CSS (`.cat-<name>` → VS Code chart colours).
 */
import { CATEGORY_CODES, type CategoryName, type TraceStructure } from '../../src/core/protocol';

export interface CategoryVisual {
  readonly name: CategoryName;
  /** One or two characters shown in the category chip (no icon font is loaded under the CSP). */
  readonly glyph: string;
  /** Read by screen readers and shown as the chip's tooltip. */
  readonly title: string;
}

const VISUALS: Readonly<Record<CategoryName, Omit<CategoryVisual, 'name'>>> = {
  agent: { glyph: 'A', title: 'Agent' },
  llm: { glyph: 'L', title: 'LLM call' },
  tool: { glyph: 'T', title: 'Tool' },
  retriever: { glyph: 'R', title: 'Retriever' },
  embedding: { glyph: 'E', title: 'Embedding' },
  chain: { glyph: 'C', title: 'Chain' },
  other: { glyph: '·', title: 'Span' },
};

export function categoryVisual(code: number): CategoryVisual {
  const name = CATEGORY_CODES[code] ?? 'other';
  return { name, ...VISUALS[name] };
}

/** The time range the bars are drawn against, in ms from the trace start. */
export interface TimeExtent {
  readonly originMs: number;
  readonly totalMs: number;
}

export function timeExtent(s: TraceStructure): TimeExtent {
  let min = 0;
  let max = 0;
  for (let i = 0; i < s.startMs.length; i++) {
    min = Math.min(min, s.startMs[i]);
    max = Math.max(max, s.startMs[i] + s.durationMs[i]);
  }
  return { originMs: min, totalMs: max - min };
}

/** Bar position as fractions [0, 1] of the track width. A zero-length trace draws full-width bars. */
export function barGeometry(startMs: number, durationMs: number, extent: TimeExtent): { left: number; width: number } {
  if (!(extent.totalMs > 0)) return { left: 0, width: 1 };
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  const left = clamp((startMs - extent.originMs) / extent.totalMs);
  const width = clamp(durationMs / extent.totalMs);
  return { left, width: Math.min(width, 1 - left) };
}

/** Free track (fraction of its width) a duration label needs beside its bar. */
const LABEL_ROOM = 0.16;

/**
 * Where a bar's duration label goes: after the bar when there is room, else before it, else
 * inside it (a bar covering most of the track).
 */
export function barLabelPlacement(left: number, width: number): 'after' | 'before' | 'inside' {
  if (1 - (left + width) >= LABEL_ROOM) return 'after';
  if (left >= LABEL_ROOM) return 'before';
  return 'inside';
}

/** Indent levels drawn; deeper spans stop indenting (the level is still announced and shown in the tooltip). */
export const MAX_INDENT_LEVELS = 24;

export function indentLevels(depth: number): number {
  return Math.min(depth, MAX_INDENT_LEVELS);
}

export const STATUS_ERROR = 2;
