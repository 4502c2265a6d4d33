/**
 * Trace ids typed or pasted by a user, and ids in backend answers. OTel backends (Jaeger,
 * Tempo, Phoenix, Zipkin) use lower-case 32-hex; 64-bit ids (16 hex, or fewer when Tempo's
 * search drops leading zeros) are left-padded. Langfuse ids are free-form strings (32-hex when
 * ingested over OTLP, else UUIDs or the SDK's own): anything URL-safe up to 200 characters.
 */
import { BackendError, type BackendKind } from './types';

const HEX_RE = /^[0-9a-f]{1,32}$/;
const LANGFUSE_ID_RE = /^[A-Za-z0-9._:~-]{1,200}$/;

/** Lower-case 32-hex, or undefined when `s` is not 1–32 hex digits. */
export function hexTraceId(s: string): string | undefined {
  const t = s.trim().toLowerCase();
  return HEX_RE.test(t) ? t.padStart(32, '0') : undefined;
}

/** The id as `kind` expects it; throws a `bad-request` BackendError naming what is wrong. */
export function checkTraceId(kind: BackendKind | undefined, s: string): string {
  const t = s.trim();
  if (kind === 'langfuse') {
    if (LANGFUSE_ID_RE.test(t)) return t;
    throw new BackendError('bad-request', 'not a Langfuse trace id (letters, digits, . _ : ~ - up to 200 characters)');
  }
  const hex = hexTraceId(t);
  if (hex) return hex;
  throw new BackendError('bad-request', 'not a trace id (expected 16 or 32 hexadecimal digits)');
}
