import type { AttrValue } from '../model/attributes';

/**
 * JSON helpers for attribute values. Producers write structured content either as OTLP
 * structured values (arrays, key/value lists) or, far more often, as JSON text; Langfuse
 * exports sometimes encode the JSON text a second time. None of these helpers throw.
 */

/** Plain object check (null-prototype attribute maps included). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** Parses `s` when it looks like a JSON document (object, array or string); else undefined. */
export function parseJsonText(s: string): unknown {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) <= 32) i++;
  const c = s[i];
  if (c !== '{' && c !== '[' && c !== '"') return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Decodes JSON text until the value is no longer JSON text (at most `maxLayers` times). A string
 * that is not JSON is returned as it is.
 */
export function decodeJsonLayers(v: unknown, maxLayers = 3): unknown {
  for (let i = 0; i < maxLayers && typeof v === 'string'; i++) {
    const parsed = parseJsonText(v);
    if (parsed === undefined) return v;
    v = parsed;
  }
  return v;
}

/**
 * Tool arguments or results as the view shows them: parsed JSON when the text is JSON, else
 * the raw text; structured values as they are.
 */
export function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== 'string') return v === null ? undefined : plain(v as AttrValue);
  const t = v.trim();
  if (t === '') return v;
  if (t === 'null') return null;
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const parsed = parseJsonText(t);
  return parsed === undefined ? v : parsed;
}

/** An attribute value with bigints as numbers (or strings past 2^53) and bytes described. */
export function plain(v: AttrValue | undefined): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (Array.isArray(v)) return v.map((x: AttrValue) => plain(x));
  return v;
}

/** Readable text for a value that should be shown as text (tool results, answers). */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
