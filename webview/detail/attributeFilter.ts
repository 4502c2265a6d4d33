/**
 * The attribute table's filter box: case-insensitive substring match on key or (shown) value.
 * Pure.
 */
import type { DetailAttribute } from '../../src/core/protocol';

export function filterAttributes(attrs: readonly DetailAttribute[], query: string): readonly DetailAttribute[] {
  const q = query.trim().toLowerCase();
  if (q === '') return attrs;
  return attrs.filter((a) => a.key.toLowerCase().includes(q) || a.value.toLowerCase().includes(q));
}

/** "show all (12,345 chars)" applies when the host clipped the value. */
export function isClipped(a: DetailAttribute): boolean {
  return a.fullLength !== undefined && a.fullLength > a.value.length;
}
