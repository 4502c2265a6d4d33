/**
 * Clipping trace text for the views: the one place that cuts strings, so no view splits a
 * surrogate pair (half an emoji renders as U+FFFD) or clips by different rules.
 */

/** The first `limit` UTF-16 units of `s`, never splitting a surrogate pair (may return one unit less). */
export function clipText(s: string, limit: number): string {
  if (s.length <= limit) return s;
  let end = Math.max(0, limit);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

/** A one-line preview: whitespace collapsed, cut to `max` characters including the ellipsis. */
export function previewText(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? clipText(flat, Math.max(0, max - 1)) + '…' : flat;
}

/** `previewText` of a value: strings as they are, other values as compact JSON (unserialisable → String()). */
export function previewValue(v: unknown, max: number): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return previewText(v, max);
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return previewText(s, max);
}
