/**
 * A byte-level JSON scanner over UTF-8 input. It does not build values; it finds where values
 * end (to split huge documents without making one giant string) and where a broken document
 * breaks (to say "truncated JSON at byte N" instead of V8's message, which has no byte offset).
 * Structural characters are ASCII, so byte offsets need no decoding.
 *
 * Iterative with an explicit stack: a document nested 10k deep must not overflow the JS stack.
 */

export interface JsonProblem {
  /** Byte offset of the problem. */
  offset: number;
  /** "truncated JSON" or "unexpected …" in plain words. */
  message: string;
}

const WS = new Uint8Array(256);
WS[0x20] = WS[0x09] = WS[0x0a] = WS[0x0d] = 1;

export function skipWs(b: Uint8Array, i: number, end: number): number {
  while (i < end && WS[b[i]]) i++;
  return i;
}

type Ok = { end: number };
type Err = { problem: JsonProblem };

/**
 * Scans one JSON value starting at `start` (after whitespace) and returns the offset just past
 * it, or where and why it is malformed. Validation is complete for structure, strings, numbers
 * and literals (not for UTF-8 inside strings, which the decoder handles).
 */
export function scanValue(b: Uint8Array, start: number, end: number = b.length): Ok | Err {
  // stack entries: 1 = in object expecting key or '}', 2 = in object after value, 3 = in array start, 4 = in array after value
  const stack: number[] = [];
  let i = skipWs(b, start, end);
  const truncated = (): Err => ({ problem: { offset: end, message: 'truncated JSON' } });
  const unexpected = (at: number, what: string): Err => ({
    problem: { offset: at, message: `unexpected ${describe(b, at)} ${what}` },
  });
  for (;;) {
    // Expect a value at i.
    i = skipWs(b, i, end);
    if (i >= end) return truncated();
    const c = b[i];
    if (c === 0x7b /* { */) {
      i = skipWs(b, i + 1, end);
      if (i >= end) return truncated();
      if (b[i] === 0x7d) {
        i++;
      } else {
        const k = scanKey(b, i, end);
        if ('problem' in k) return k;
        i = k.end;
        stack.push(1);
        continue;
      }
    } else if (c === 0x5b /* [ */) {
      i = skipWs(b, i + 1, end);
      if (i >= end) return truncated();
      if (b[i] === 0x5d) i++;
      else {
        stack.push(3);
        continue;
      }
    } else if (c === 0x22) {
      const s = scanString(b, i, end);
      if ('problem' in s) return s;
      i = s.end;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const n = scanNumber(b, i, end);
      if ('problem' in n) return n;
      i = n.end;
    } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const lit = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      for (let k = 0; k < lit.length; k++) {
        if (i + k >= end) return truncated();
        if (b[i + k] !== lit.charCodeAt(k)) return unexpected(i + k, `in literal "${lit}"`);
      }
      i += lit.length;
    } else {
      return unexpected(i, 'where a value should start');
    }
    // After a value: close containers or continue them.
    for (;;) {
      if (stack.length === 0) return { end: i };
      i = skipWs(b, i, end);
      if (i >= end) return truncated();
      const top = stack[stack.length - 1];
      const ch = b[i];
      if (top === 1 || top === 2) {
        if (ch === 0x2c) {
          const k = scanKey(b, skipWs(b, i + 1, end), end);
          if ('problem' in k) return k;
          i = k.end;
          break; // expect value
        }
        if (ch === 0x7d) {
          stack.pop();
          i++;
          continue;
        }
        return unexpected(i, "after an object member (expected ',' or '}')");
      } else {
        if (ch === 0x2c) {
          i++;
          break;
        }
        if (ch === 0x5d) {
          stack.pop();
          i++;
          continue;
        }
        return unexpected(i, "after an array element (expected ',' or ']')");
      }
    }
  }
}

/** `"key"` then `:`; returns the offset after the colon. */
function scanKey(b: Uint8Array, i: number, end: number): Ok | Err {
  if (i >= end) return { problem: { offset: end, message: 'truncated JSON' } };
  if (b[i] !== 0x22) return { problem: { offset: i, message: `unexpected ${describe(b, i)} where an object key should start` } };
  const s = scanString(b, i, end);
  if ('problem' in s) return s;
  const j = skipWs(b, s.end, end);
  if (j >= end) return { problem: { offset: end, message: 'truncated JSON' } };
  if (b[j] !== 0x3a) return { problem: { offset: j, message: `unexpected ${describe(b, j)} after an object key (expected ':')` } };
  return { end: j + 1 };
}

function scanString(b: Uint8Array, i: number, end: number): Ok | Err {
  const open = i;
  i++;
  while (i < end) {
    const c = b[i];
    if (c === 0x22) return { end: i + 1 };
    if (c === 0x5c) {
      if (i + 1 >= end) break;
      const e = b[i + 1];
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          if (i + k >= end) return { problem: { offset: end, message: 'truncated JSON' } };
          if (!isHex(b[i + k])) return { problem: { offset: i + k, message: 'invalid \\u escape in a string' } };
        }
        i += 6;
        continue;
      }
      if ('"\\/bfnrt'.indexOf(String.fromCharCode(e)) < 0) return { problem: { offset: i, message: 'invalid escape in a string' } };
      i += 2;
      continue;
    }
    if (c < 0x20)
      return {
        problem: {
          offset: i,
          message: `control character 0x${c.toString(16).padStart(2, '0')} inside a string (started at byte ${open.toLocaleString('en-US')})`,
        },
      };
    i++;
  }
  return { problem: { offset: end, message: `truncated JSON (string started at byte ${open.toLocaleString('en-US')} never ends)` } };
}

function scanNumber(b: Uint8Array, i: number, end: number): Ok | Err {
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(ascii(b, i, Math.min(end, i + 64)));
  if (!m || m[0] === '-' || m[0] === '') return { problem: { offset: i, message: `malformed number` } };
  return { end: i + m[0].length };
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function ascii(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

function describe(b: Uint8Array, at: number): string {
  if (at >= b.length) return 'end of input';
  const c = b[at];
  return c >= 0x21 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16).padStart(2, '0')}`;
}

/** Finds the first problem in a whole document (one value then only whitespace). */
export function findJsonProblem(b: Uint8Array, start = 0, end = b.length): JsonProblem | undefined {
  const r = scanValue(b, start, end);
  if ('problem' in r) return r.problem;
  const after = skipWs(b, r.end, end);
  if (after < end) return { offset: after, message: `unexpected ${describe(b, after)} after the end of the JSON value` };
  return undefined;
}
