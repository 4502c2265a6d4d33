/**
 * Id encodings seen in real files, all normalised to lower-case hex:
 * hex (any case), base64 of the raw bytes (protobuf-JSON, Tempo), byte arrays (Langfuse
 * ingest), and decimal integers (Python SDK `to_json()` dicts, any-agent).
 */
const HEX_RE = /^[0-9a-fA-F]+$/;
const B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HEX_DIGITS = '0123456789abcdef';

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX_DIGITS[b[i] >> 4] + HEX_DIGITS[b[i] & 15];
  return s;
}

export function base64ToBytes(s: string): Uint8Array | undefined {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

/**
 * An OTLP id from JSON. `bytes` is the expected size (16 trace, 8 span). Hex of the right size
 * wins; a string of base64 length for `bytes` bytes is decoded as base64; anything else is
 * returned unchanged for the TraceBuilder to judge (and report).
 */
export function normalizeId(v: unknown, bytes: number): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') {
    if (HEX_RE.test(v) && (v.length === bytes * 2 || v.length === 16 || v.length === 32)) return v.toLowerCase();
    const b64len = Math.ceil(bytes / 3) * 4;
    if ((v.length === b64len || v.length === Math.ceil(bytes / 2 / 3) * 4) && B64_RE.test(v) && !HEX_RE.test(v)) {
      const b = base64ToBytes(v);
      if (b && (b.length === bytes || b.length === bytes / 2)) return bytesToHex(b);
    }
    if (HEX_RE.test(v)) return v.toLowerCase();
    return v;
  }
  if (typeof v === 'number' || typeof v === 'bigint') return intToHex(v, bytes);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && x >= 0 && x < 256)) return bytesToHex(Uint8Array.from(v));
  if (typeof v === 'object' && v !== null) {
    const data = (v as { data?: unknown }).data; // Buffer.toJSON() shape
    if (Array.isArray(data)) return normalizeId(data, bytes);
  }
  return String(v);
}

/** Decimal integer id (Python SDK dicts) to zero-padded hex. Numbers past 2^53 are inexact; callers note it. */
export function intToHex(v: number | bigint, bytes: number): string {
  const b = typeof v === 'bigint' ? v : Number.isSafeInteger(v) ? BigInt(v) : BigInt(Math.trunc(v));
  return b.toString(16).padStart(bytes * 2, '0');
}
