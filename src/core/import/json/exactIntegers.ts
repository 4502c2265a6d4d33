/**
 * Python SDK span dicts (any-agent) write 64- and 128-bit ids and nanosecond times as bare JSON
 * integers. `JSON.parse` rounds them to doubles, so a trace id would show with its low digits
 * zeroed. Node 20 has no JSON.parse source access, so for formats that need it we rewrite the
 * bytes first: every integer literal outside a string with `minDigits` or more digits becomes
 * a decimal string, which importers read exactly. Returns undefined when there is none.
 */
export function quoteLongIntegers(b: Uint8Array, minDigits = 16): Uint8Array | undefined {
  const ranges: number[] = [];
  let i = 0;
  const n = b.length;
  let prev = 0; // last non-space byte outside strings
  while (i < n) {
    const c = b[i];
    if (c === 0x22) {
      i++;
      while (i < n && b[i] !== 0x22) i += b[i] === 0x5c ? 2 : 1;
      i++;
      prev = 0x22;
      continue;
    }
    const valueStart = prev === 0x3a || prev === 0x5b || prev === 0x2c || prev === 0;
    if (valueStart && (c === 0x2d || (c >= 0x30 && c <= 0x39))) {
      let j = c === 0x2d ? i + 1 : i;
      const digitsFrom = j;
      while (j < n && b[j] >= 0x30 && b[j] <= 0x39) j++;
      const isInteger = j >= n || !(b[j] === 0x2e || b[j] === 0x65 || b[j] === 0x45);
      if (isInteger && j - digitsFrom >= minDigits) ranges.push(i, j);
      prev = 0x30;
      i = j;
      continue;
    }
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) prev = c;
    i++;
  }
  if (ranges.length === 0) return undefined;
  const out = new Uint8Array(n + ranges.length); // one quote per range end
  let o = 0;
  let from = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    out.set(b.subarray(from, ranges[r]), o);
    o += ranges[r] - from;
    out[o++] = 0x22;
    out.set(b.subarray(ranges[r], ranges[r + 1]), o);
    o += ranges[r + 1] - ranges[r];
    out[o++] = 0x22;
    from = ranges[r + 1];
  }
  out.set(b.subarray(from), o);
  return out;
}
