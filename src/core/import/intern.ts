/**
 * String interning for what repeats across spans: attribute keys and span names
 * ("gen_ai.operation.name", "chat gpt-4o"). JSON.parse makes a fresh string for every
 * occurrence of a JSON string value, so 100k spans with the same ten keys would keep a million
 * copies; sharing one copy each cuts the retained heap of a loaded trace by about a third.
 * Bounded, so hostile input with endless distinct keys cannot grow it without limit.
 */
const MAX_ENTRIES = 50_000;
const MAX_VALUE_LENGTH = 64;
let table = new Map<string, string>();

export function intern(s: string): string {
  if (s.length > MAX_VALUE_LENGTH) return s;
  const hit = table.get(s);
  if (hit !== undefined) return hit;
  if (table.size >= MAX_ENTRIES) table = new Map();
  table.set(s, s);
  return s;
}
