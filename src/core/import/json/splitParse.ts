/**
 * `JSON.parse` for documents too large to become one string: containers larger than `limit`
 * bytes are walked member by member, and runs of small members go to `JSON.parse` together
 * (an array's consecutive elements are parsed as one `[…]` slice, so a 1 GB span array costs a
 * few hundred `JSON.parse` calls, not one per span). The result equals `JSON.parse` of the
 * whole. Each byte is skipped about twice at most: a member is first skipped with a budget of
 * `limit` bytes, and only a member over budget is walked recursively (which finds its end).
 * Input is not pre-validated: pieces are validated by `JSON.parse`, the glue between them by the
 * walker; on any error the caller locates the problem with the byte scanner.
 */

export class SplitParseError extends Error {}

/**
 * Offset just past the value starting at `i`, or -1 when it does not end before `budgetEnd`.
 * No validation; strings are skipped with indexOf.
 */
function skipValue(b: Uint8Array, i: number, end: number, budgetEnd: number): number {
  let depth = 0;
  const stop = Math.min(end, budgetEnd);
  while (i < stop) {
    const c = b[i];
    if (c === 0x22) {
      let q = i + 1;
      for (;;) {
        q = b.indexOf(0x22, q);
        if (q < 0 || q >= end) throw new SplitParseError('unterminated string');
        let bs = 0;
        for (let k = q - 1; b[k] === 0x5c; k--) bs++;
        if (bs % 2 === 0) break;
        q++;
      }
      i = q + 1;
      if (depth === 0) return i <= budgetEnd ? i : -1;
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i; // a number or literal ends at its container's close
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (c === 0x2c || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) {
      return i; // end of a number or literal
    }
    i++;
  }
  if (stop < end) return -1;
  if (depth !== 0) throw new SplitParseError('truncated');
  return i;
}

function skipWs(b: Uint8Array, i: number, end: number): number {
  while (i < end && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  return i;
}

type Decode = (s: number, e: number) => string;

export function splitParse(b: Uint8Array, start: number, end: number, limit: number, decode: Decode): unknown {
  const r = parseAt(b, start, end, limit, decode);
  if (skipWs(b, r.end, end) !== end) throw new SplitParseError('trailing data');
  return r.value;
}

/** Parses the value at `i`; returns it and the offset just past it. */
function parseAt(b: Uint8Array, i: number, end: number, limit: number, decode: Decode): { value: unknown; end: number } {
  const small = skipValue(b, i, end, i + limit);
  if (small >= 0) return { value: JSON.parse(decode(i, small)), end: small };
  const open = b[i];
  if (open === 0x22) {
    // A single string over the limit (hundreds of MB): keep its first `limit` bytes, escapes
    // and all, marked as clipped, rather than fail the whole file.
    const e = skipValue(b, i, end, end);
    return { value: decode(i + 1, i + 1 + limit) + '…', end: e };
  }
  if (open !== 0x7b && open !== 0x5b) throw new SplitParseError('value expected');
  return open === 0x7b ? parseObject(b, i, end, limit, decode) : parseArray(b, i, end, limit, decode);
}

function parseObject(b: Uint8Array, start: number, end: number, limit: number, decode: Decode): { value: unknown; end: number } {
  const out: Record<string, unknown> = {};
  let i = skipWs(b, start + 1, end);
  if (b[i] === 0x7d) return { value: out, end: i + 1 };
  for (;;) {
    if (b[i] !== 0x22) throw new SplitParseError('key expected');
    const keyEnd = skipValue(b, i, end, end);
    const key = JSON.parse(decode(i, keyEnd)) as string;
    i = skipWs(b, keyEnd, end);
    if (b[i] !== 0x3a) throw new SplitParseError('colon expected');
    const v = parseAt(b, skipWs(b, i + 1, end), end, limit, decode);
    // defineProperty: a "__proto__" key must become data, as JSON.parse makes it.
    Object.defineProperty(out, key, { value: v.value, enumerable: true, writable: true, configurable: true });
    i = skipWs(b, v.end, end);
    if (b[i] === 0x2c) i = skipWs(b, i + 1, end);
    else if (b[i] === 0x7d) return { value: out, end: i + 1 };
    else throw new SplitParseError('comma expected');
  }
}

function parseArray(b: Uint8Array, start: number, end: number, limit: number, decode: Decode): { value: unknown; end: number } {
  const out: unknown[] = [];
  let i = skipWs(b, start + 1, end);
  if (b[i] === 0x5d) return { value: out, end: i + 1 };
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    const part = JSON.parse('[' + decode(runStart, runEnd) + ']') as unknown[];
    for (let k = 0; k < part.length; k++) out.push(part[k]);
    runStart = -1;
  };
  for (;;) {
    const small = skipValue(b, i, end, i + limit);
    let next: number;
    if (small < 0) {
      flush();
      const v = parseAt(b, i, end, limit, decode);
      out.push(v.value);
      next = v.end;
    } else {
      if (runStart >= 0 && small - runStart > limit) flush();
      if (runStart < 0) runStart = i;
      runEnd = small;
      next = small;
    }
    i = skipWs(b, next, end);
    if (b[i] === 0x2c) i = skipWs(b, i + 1, end);
    else if (b[i] === 0x5d) {
      flush();
      return { value: out, end: i + 1 };
    } else throw new SplitParseError('comma expected');
  }
}
