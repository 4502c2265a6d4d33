/**
 * A growable UTF-8 byte buffer for writing JSON text straight from protobuf bytes, without
 * making a JS string per value: strings are copied byte for byte with JSON escaping, ids as
 * hex, bytes as base64. This is what lets the receiver transcode OTLP protobuf to OTLP JSON
 * at several times the speed of decode-to-objects-then-`JSON.stringify` (which spends most of
 * its time in the garbage collector).
 */

const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);
const B64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Lenient: invalid UTF-8 becomes U+FFFD, as the importers read it. */
const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** ASCII JSON text as bytes, for `JsonBytes.lit`. */
export function jsonLiteral(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export class JsonBytes {
  buf: Uint8Array;
  len = 0;

  constructor(initial = 4096) {
    this.buf = new Uint8Array(initial);
  }

  private grow(need: number): void {
    let size = this.buf.length * 2;
    while (size < this.len + need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  reset(): void {
    this.len = 0;
  }

  /** Empties the writer and gives back memory a very large request made it take. */
  release(keep = 1 << 20): void {
    this.len = 0;
    if (this.buf.length > 4 * keep) this.buf = new Uint8Array(keep);
  }

  byte(b: number): void {
    if (this.len + 1 > this.buf.length) this.grow(1);
    this.buf[this.len++] = b;
  }

  /** ASCII text without characters that need escaping (keys, punctuation, numbers). */
  ascii(s: string): void {
    const n = s.length;
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.len = p;
  }

  /** A constant made by `jsonLiteral`: a byte loop, faster than `set` for a few bytes. */
  lit(a: Uint8Array): void {
    const n = a.length;
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    for (let i = 0; i < n; i++) b[p++] = a[i];
    this.len = p;
  }

  /** An integer in decimal. */
  int(v: number): void {
    this.ascii(String(v));
  }

  /** Raw bytes copied as they are (already JSON). */
  raw(src: Uint8Array, s = 0, e = src.length): void {
    const n = e - s;
    if (this.len + n > this.buf.length) this.grow(n);
    this.buf.set(src.subarray(s, e), this.len);
    this.len += n;
  }

  /** `"<lower-case hex of src[s, e)>"` */
  hex(src: Uint8Array, s: number, e: number): void {
    const n = (e - s) * 2 + 2;
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    b[p++] = QUOTE;
    for (let i = s; i < e; i++) {
      const x = src[i];
      b[p++] = HEX[x >> 4];
      b[p++] = HEX[x & 15];
    }
    b[p++] = QUOTE;
    this.len = p;
  }

  /** `"<standard base64 of src[s, e)>"` (proto3 JSON `bytes`). */
  base64(src: Uint8Array, s: number, e: number): void {
    const n = Math.ceil((e - s) / 3) * 4 + 2;
    if (this.len + n > this.buf.length) this.grow(n);
    const b = this.buf;
    let p = this.len;
    b[p++] = QUOTE;
    let i = s;
    for (; i + 2 < e; i += 3) {
      const v = (src[i] << 16) | (src[i + 1] << 8) | src[i + 2];
      b[p++] = B64[v >> 18];
      b[p++] = B64[(v >> 12) & 63];
      b[p++] = B64[(v >> 6) & 63];
      b[p++] = B64[v & 63];
    }
    if (i < e) {
      const two = i + 1 < e;
      const v = (src[i] << 16) | ((two ? src[i + 1] : 0) << 8);
      b[p++] = B64[v >> 18];
      b[p++] = B64[(v >> 12) & 63];
      b[p++] = two ? B64[(v >> 6) & 63] : 0x3d;
      b[p++] = 0x3d;
    }
    b[p++] = QUOTE;
    this.len = p;
  }

  /**
   * `src[s, e)` as a quoted JSON string. Valid UTF-8 is copied with `"`, `\` and control
   * characters escaped; a string with invalid UTF-8 is decoded leniently (U+FFFD) first, so
   * the output is always valid UTF-8 JSON and reads back as the importers would read the bytes.
   */
  string(src: Uint8Array, s: number, e: number): void {
    // Worst case: every byte a control character (\u00XX, 6 bytes).
    const worst = (e - s) * 6 + 2;
    if (this.len + worst > this.buf.length) this.grow(worst);
    const b = this.buf;
    const start = this.len;
    let p = start;
    b[p++] = QUOTE;
    let i = s;
    while (i < e) {
      const c = src[i];
      const kind = BYTE_KIND[c];
      if (kind === PLAIN) {
        b[p++] = c;
        i++;
        continue;
      }
      if (kind === ESCAPE) {
        p = escapeAscii(b, p, c);
        i++;
        continue;
      }
      const n = utf8SequenceLength(src, i, e);
      if (n === 0) {
        this.len = start;
        this.jsonString(utf8Decoder.decode(src.subarray(s, e)));
        return;
      }
      for (let k = 0; k < n; k++) b[p++] = src[i + k];
      i += n;
    }
    b[p++] = QUOTE;
    this.len = p;
  }

  /** A JS string as a quoted JSON string. */
  jsonString(s: string): void {
    this.raw(utf8Encoder.encode(JSON.stringify(s)));
  }

  /** A copy of the bytes written so far. */
  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

function escapeAscii(b: Uint8Array, p: number, c: number): number {
  b[p++] = BACKSLASH;
  switch (c) {
    case QUOTE:
      b[p++] = QUOTE;
      return p;
    case BACKSLASH:
      b[p++] = BACKSLASH;
      return p;
    case 0x0a:
      b[p++] = 0x6e; // n
      return p;
    case 0x0d:
      b[p++] = 0x72; // r
      return p;
    case 0x09:
      b[p++] = 0x74; // t
      return p;
    default:
      b[p++] = 0x75; // u
      b[p++] = 0x30;
      b[p++] = 0x30;
      b[p++] = HEX[c >> 4];
      b[p++] = HEX[c & 15];
      return p;
  }
}

/**
 * Length of the well-formed UTF-8 sequence starting at `i` (2–4), or 0 when it is not one
 * (overlong forms, surrogates and code points past U+10FFFF are not well-formed; RFC 3629).
 */
function utf8SequenceLength(src: Uint8Array, i: number, e: number): number {
  const c = src[i];
  if (c >= 0xc2 && c <= 0xdf) return i + 1 < e && (src[i + 1] & 0xc0) === 0x80 ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (i + 2 >= e || (src[i + 1] & 0xc0) !== 0x80 || (src[i + 2] & 0xc0) !== 0x80) return 0;
    const c1 = src[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (i + 3 >= e || (src[i + 1] & 0xc0) !== 0x80 || (src[i + 2] & 0xc0) !== 0x80 || (src[i + 3] & 0xc0) !== 0x80) return 0;
    const c1 = src[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0; // overlong
    if (c === 0xf4 && c1 >= 0x90) return 0; // past U+10FFFF
    return 4;
  }
  return 0;
}

const PLAIN = 0;
const ESCAPE = 1;
const MULTIBYTE = 2;
/** Per byte: copied as is, escaped, or the start (or stray continuation) of a multi-byte sequence. */
const BYTE_KIND = new Uint8Array(256).map((_, c) => (c >= 0x80 ? MULTIBYTE : c < 0x20 || c === QUOTE || c === BACKSLASH ? ESCAPE : PLAIN));
