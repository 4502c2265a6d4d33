/**
 * Short previews for cards: whitespace collapsed, cut to `max` characters with an ellipsis.
 * Non-strings are shown as compact JSON (undefined → undefined; unserialisable → String()).
 */
export function clipText(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, Math.max(0, max - 1)) + '…' : flat;
}

export function previewValue(v: unknown, max: number): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return clipText(v, max);
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return clipText(s, max);
}
