/**
 * Rewrites the string and number tokens of a JSON text in place, leaving every other byte as
 * it was: whitespace, key order and numbers past 2^53 survive (a parse + stringify round trip
 * would lose the last two). Callers validate the text with `JSON.parse` first; this scanner is
 * lexical and trusts the text to be JSON.
 */
export interface JsonVisitor {
  /** A string token, decoded. `key` is the nearest enclosing object key; return a new value to replace it. */
  string(value: string, key: string | undefined, path: string, isKey: boolean): string | undefined;
  /** A number token as written; return replacement JSON text (e.g. a quoted marker). */
  number(token: string, key: string | undefined, path: string): string | undefined;
}

interface Frame {
  readonly array: boolean;
  key: string | undefined;
  index: number;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function rewriteJsonTokens(src: string, visit: JsonVisitor): string {
  const stack: Frame[] = [];
  const parts: string[] = [];
  let copied = 0;
  const replace = (from: number, to: number, text: string): void => {
    parts.push(src.slice(copied, from), text);
    copied = to;
  };
  const path = (): string => stack.map((f) => (f.array ? `[${f.index}]` : f.key === undefined ? '' : `.${f.key}`)).join('');
  const nearestKey = (): string | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].key !== undefined) return stack[i].key;
    return undefined;
  };
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let k = i + 1;
      while (k < src.length && src.charCodeAt(k) !== 0x22) k += src.charCodeAt(k) === 0x5c ? 2 : 1;
      const raw = src.slice(i, k + 1);
      const decoded = JSON.parse(raw) as string;
      let n = k + 1;
      while (n < src.length && (src[n] === ' ' || src[n] === '\n' || src[n] === '\r' || src[n] === '\t')) n++;
      const top = stack[stack.length - 1];
      const isKey = src[n] === ':' && top !== undefined && !top.array;
      if (isKey) top.key = decoded;
      const out = visit.string(decoded, isKey ? undefined : nearestKey(), path(), isKey);
      if (out !== undefined && out !== decoded) replace(i, k + 1, JSON.stringify(out));
      i = k + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      stack.push({ array: c === 0x5b, key: undefined, index: 0 });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.array === true) top.index++;
      i++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      const token = m?.[0] ?? src[i];
      const out = m === null ? undefined : visit.number(token, nearestKey(), path());
      if (out !== undefined) replace(i, i + token.length, out);
      i += token.length;
    } else i++;
  }
  if (parts.length === 0) return src;
  parts.push(src.slice(copied));
  return parts.join('');
}
