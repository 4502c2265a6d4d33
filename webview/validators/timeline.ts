/** Validators of the timeline results (`getTimelineIndex`, `getCards`). */
import type { CardView, TimelineIndex } from '../../src/core/protocol';

// PLACEHOLDER: replaced by the timeline work with field-by-field checks.
export function validateTimelineIndex(v: unknown): TimelineIndex | string {
  return typeof v === 'object' && v !== null ? (v as TimelineIndex) : 'timeline index is not an object';
}
export function validateCardsFor(_start: number, _count: number): (v: unknown) => CardView[] | string {
  return (v) => (Array.isArray(v) ? (v as CardView[]) : 'cards must be an array');
}
