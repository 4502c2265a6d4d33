/**
 * Canonical JSON text of a value, for comparing tool arguments: object keys sorted, no
 * whitespace. A string that itself holds JSON (arguments are often recorded as text) is parsed
 * first, so `'{"b":1,"a":2}'` and `{a: 2, b: 1}` canonicalise the same.
 * Recursive but depth-bounded: values nested deeper than 64 levels are compared as String(value).
 */
export function canonicalJson(value: unknown): string {
  return canon(parseIfJson(value), 0);
}

function parseIfJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return value;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return value;
  }
}

function canon(v: unknown, depth: number): string {
  if (depth > 64) return JSON.stringify(String(v));
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map((x) => canon(x, depth + 1)).join(',') + ']';
  const o = v as Record<string, unknown>;
  return (
    '{' +
    Object.keys(o)
      .sort()
      .map((k) => JSON.stringify(k) + ':' + canon(o[k], depth + 1))
      .join(',') +
    '}'
  );
}
