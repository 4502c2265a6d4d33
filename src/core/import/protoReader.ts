import { ImportError } from '../model/diagnostics';

/**
 * A small protobuf wire-format reader over one `Uint8Array`, written for the OTLP decoder.
 *
 * Contract:
 * - Every read takes `end`, the end of the enclosing message, and never reads at or past it:
 *   a varint, fixed field or length prefix that would cross `end` throws `ImportError` with the
 *   byte offset. Nothing is ever read outside `[0, buf.length)`.
 * - Length-delimited fields are not copied: `delimited(end)` returns the start of the payload
 *   and leaves `pos` at its end, so the payload is `[start, pos)` of the same buffer.
 * - Tags are validated as they are read: field 0, wire types 6 and 7, and the proto2 group
 *   wire types 3 and 4 (never used by OTLP) are rejected there, so `skip` only sees 0, 1, 2, 5.
 * - No closures, no allocation on the hot paths except the values themselves (strings, bigints).
 *
 * Messages start "truncated protobuf" when a field runs past the end of the input as a whole,
 * and "corrupt protobuf" when it runs past the end of the message that contains it.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

/** A field tag as it appears on the wire: `(field << 3) | wireType`. */
export function tagOf(field: number, wireType: number): number {
  return ((field << 3) | wireType) >>> 0;
}

/** Non-fatal: invalid UTF-8 becomes U+FFFD instead of failing the whole file. */
const utf8 = new TextDecoder('utf-8');

/** Strings up to this many bytes are tried as ASCII by hand: cheaper than a TextDecoder call. */
const SHORT_STRING = 32;

const TWO_32 = 4294967296;

export function formatOffset(n: number): string {
  return n.toLocaleString('en-US');
}

export class ProtoReader {
  readonly buf: Uint8Array;
  private readonly view: DataView;
  /** Next byte to read. */
  pos = 0;
  /** Offset of the most recently read tag, and its field number (for error messages). */
  tagPos = 0;
  field = 0;
  // Scratch halves of the last 64-bit varint (avoids allocating a pair per read).
  private lo = 0;
  private hi = 0;

  constructor(buf: Uint8Array) {
    this.buf = buf;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  /** Reads a field tag and returns `(field << 3) | wireType`; throws on one that cannot be valid. */
  tag(end: number): number {
    const at = this.pos;
    this.tagPos = at;
    const t = this.varint32(end, true);
    const wt = t & 7;
    this.field = t >>> 3;
    if (this.field === 0) throw this.corrupt(`field number 0 at byte ${formatOffset(at)}`, at);
    if (wt === 3 || wt === 4) {
      throw this.corrupt(`field ${this.field} at byte ${formatOffset(at)} uses wire type ${wt} (a protobuf group), which OTLP never uses`, at);
    }
    if (wt > 5) throw this.corrupt(`wire type ${wt} at byte ${formatOffset(at)} (field ${this.field})`, at);
    return t;
  }

  /**
   * A varint's low 32 bits as an unsigned number: uint32, bool and enum semantics (enums are
   * int32: apply `| 0`). Consumes the whole varint, up to the 10 bytes protobuf allows.
   * With `exact`, a value that does not fit in 32 bits is an error (used for tags).
   */
  varint32(end: number, exact = false): number {
    const buf = this.buf;
    let p = this.pos;
    if (p >= end) throw this.overrun('a varint', p, end);
    let b = buf[p++];
    if (b < 0x80) {
      this.pos = p;
      return b;
    }
    let v = b & 0x7f;
    for (let shift = 7; shift < 28; shift += 7) {
      if (p >= end) throw this.overrun('a varint', this.pos, end);
      b = buf[p++];
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = p;
        return v >>> 0;
      }
    }
    if (p >= end) throw this.overrun('a varint', this.pos, end);
    b = buf[p++];
    v |= (b & 0x0f) << 28;
    if (exact && b > 0x0f) throw this.corrupt(`a tag at byte ${formatOffset(this.pos)} is larger than 32 bits`, this.pos);
    for (let i = 5; b >= 0x80; i++) {
      if (i === 10) throw this.corrupt(`a varint at byte ${formatOffset(this.pos)} is longer than 10 bytes`, this.pos);
      if (p >= end) throw this.overrun('a varint', this.pos, end);
      b = buf[p++];
    }
    this.pos = p;
    return v >>> 0;
  }

  /** Reads a full 64-bit varint into `lo`/`hi`. */
  private varint64(end: number): void {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    let lo = 0;
    let hi = 0;
    let b = 0x80;
    for (let i = 0; b >= 0x80; i++) {
      if (i === 10) throw this.corrupt(`a varint at byte ${formatOffset(start)} is longer than 10 bytes`, start);
      if (p >= end) throw this.overrun('a varint', start, end);
      b = buf[p++];
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= bits << 28;
        hi |= bits >>> 4;
      } else hi |= bits << (7 * i - 32);
    }
    this.pos = p;
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }

  /** int64 (two's complement varint): a number when it is a safe integer, else a bigint. */
  int64(end: number): number | bigint {
    this.varint64(end);
    const lo = this.lo;
    const hi = this.hi;
    if (hi < 0x200000) return hi * TWO_32 + lo; // 0 … 2^53 - 1
    if (hi > 0xffe00000 || (hi === 0xffe00000 && lo > 0)) return (hi - TWO_32) * TWO_32 + lo; // -(2^53 - 1) … -1
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  }

  /** uint64 varint: a number when it is a safe integer, else a bigint. */
  uint64(end: number): number | bigint {
    this.varint64(end);
    if (this.hi < 0x200000) return this.hi * TWO_32 + this.lo;
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** fixed64 (8 bytes, little endian) as an unsigned bigint. */
  fixed64(end: number): bigint {
    const p = this.pos;
    if (p + 8 > end) throw this.overrun(`field ${this.field} (fixed64)`, this.tagPos, end);
    this.pos = p + 8;
    return this.view.getBigUint64(p, true);
  }

  /** fixed32 (4 bytes, little endian) as an unsigned number. */
  fixed32(end: number): number {
    const p = this.pos;
    if (p + 4 > end) throw this.overrun(`field ${this.field} (fixed32)`, this.tagPos, end);
    this.pos = p + 4;
    return this.view.getUint32(p, true);
  }

  /** double (wire type 1, 8 bytes, little endian IEEE 754). */
  double(end: number): number {
    const p = this.pos;
    if (p + 8 > end) throw this.overrun(`field ${this.field} (double)`, this.tagPos, end);
    this.pos = p + 8;
    return this.view.getFloat64(p, true);
  }

  /**
   * A length-delimited field: returns the payload's start and leaves `pos` at its end, so the
   * payload is `[returned, pos)`. The length is checked against `end` before anything moves.
   */
  delimited(end: number): number {
    const buf = this.buf;
    let len: number;
    const b = this.pos < end ? buf[this.pos] : 0x80;
    if (b < 0x80) {
      this.pos++;
      len = b;
    } else {
      this.varint64(end);
      len = this.hi * TWO_32 + this.lo;
    }
    const start = this.pos;
    if (len > end - start) {
      const past = start + len > buf.length;
      const what = `field ${this.field} (length ${formatOffset(len)}) at byte ${formatOffset(this.tagPos)}`;
      throw new ImportError(
        past && end === buf.length
          ? `truncated protobuf: ${what} runs past the end of the input at byte ${formatOffset(buf.length)}`
          : `corrupt protobuf: ${what} runs past the end of its enclosing message at byte ${formatOffset(end)}`,
        this.tagPos,
        'OTLP protobuf',
      );
    }
    this.pos = start + len;
    return start;
  }

  /**
   * The loop over a repeated message field: skips fields up to the next one tagged `want` (a
   * length-delimited tag) in `[pos, end)` and returns its payload's start, leaving `pos` at the
   * payload's end; -1 once `end` is reached. Set `pos` to the message's start before the first
   * call, and back to the payload's end after reading the payload.
   */
  next(want: number, end: number): number {
    while (this.pos < end) {
      const t = this.tag(end);
      if (t === want) return this.delimited(end);
      this.skip(t & 7, end);
    }
    return -1;
  }

  /** Skips one field's value of wire type 0, 1, 2 or 5 (the only ones `tag` lets through). */
  skip(wireType: number, end: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint64(end);
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > end) throw this.overrun(`field ${this.field} (fixed64)`, this.tagPos, end);
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.delimited(end);
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > end) throw this.overrun(`field ${this.field} (fixed32)`, this.tagPos, end);
        this.pos += 4;
        return;
      default:
        throw this.corrupt(`wire type ${wireType} at byte ${formatOffset(this.tagPos)}`, this.tagPos);
    }
  }

  /** UTF-8 text of `[start, end)`; invalid sequences become U+FFFD. */
  string(start: number, end: number): string {
    const buf = this.buf;
    if (end - start <= SHORT_STRING) {
      let s = '';
      for (let i = start; i < end; i++) {
        const c = buf[i];
        if (c >= 0x80) return utf8.decode(buf.subarray(start, end));
        s += String.fromCharCode(c);
      }
      return s;
    }
    return utf8.decode(buf.subarray(start, end));
  }

  private overrun(what: string, at: number, end: number): ImportError {
    return end === this.buf.length
      ? new ImportError(
          `truncated protobuf: ${what} at byte ${formatOffset(at)} runs past the end of the input at byte ${formatOffset(end)}`,
          at,
          'OTLP protobuf',
        )
      : new ImportError(
          `corrupt protobuf: ${what} at byte ${formatOffset(at)} runs past the end of its enclosing message at byte ${formatOffset(end)}`,
          at,
          'OTLP protobuf',
        );
  }

  corrupt(what: string, at: number): ImportError {
    return new ImportError(`corrupt protobuf: ${what}`, at, 'OTLP protobuf');
  }
}
