import { ImportError } from '../../model/diagnostics';
import { findJsonProblem, scanValue, skipWs } from './jsonScan';
import { splitParse } from './splitParse';

/**
 * Bytes → JSON values, without ever making one string larger than `MAX_STRING_BYTES`.
 *
 * - A document below the limit is decoded and handed to `JSON.parse` (V8's parser is the
 *   fastest thing available; everything else here exists to stay near it).
 * - JSON Lines are parsed line by line, lazily, so a 1 GB collector file is never one string.
 * - A single document above the limit is split structurally: containers that are too big are
 *   walked member by member with the byte scanner, and every piece below the limit goes to
 *   `JSON.parse`. The resulting value is the same as `JSON.parse` of the whole.
 */
export const MAX_STRING_BYTES = 256 * 1024 * 1024;

/**
 * What reading found about the text encoding. `invalidUtf8` is set when some bytes were not
 * valid UTF-8 and were replaced by U+FFFD; for JSON Lines it may turn true while `lines()` is
 * read, so check it after reading them.
 */
export interface Utf8Report {
  readonly invalidUtf8: boolean;
}

export type JsonInput =
  { kind: 'document'; value: unknown; utf8: Utf8Report } | { kind: 'lines'; first: unknown; lines: () => Iterable<JsonLine>; utf8: Utf8Report };

export type JsonLine = { line: number; value: unknown; error?: undefined } | { line: number; value?: undefined; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** One read's decoder: strict UTF-8 first, lenient (U+FFFD) on failure, noted in `report`. */
type Decode = (b: Uint8Array, start: number, end: number) => string;

function decoderFor(report: { invalidUtf8: boolean }): Decode {
  return (b, start, end) => {
    const slice = b.subarray(start, end);
    try {
      return utf8.decode(slice);
    } catch {
      report.invalidUtf8 = true;
      return utf8Lenient.decode(slice);
    }
  };
}

export function looksLikeJson(b: Uint8Array): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  i = skipWs(b, i, Math.min(b.length, i + 4096));
  return b[i] === 0x7b || b[i] === 0x5b;
}

/** `limit` is the largest piece handed to JSON.parse; tests lower it to exercise splitting. */
export function readJson(b: Uint8Array, limit = MAX_STRING_BYTES): JsonInput {
  const utf8Report = { invalidUtf8: false };
  const decode = decoderFor(utf8Report);
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) start = 3;
  const lines = jsonLines(b, start, limit, decode, utf8Report);
  if (lines) return lines;
  if (b.length - start <= limit) {
    try {
      return { kind: 'document', value: JSON.parse(decode(b, start, b.length)), utf8: utf8Report };
    } catch {
      throw jsonError(b, start, b.length);
    }
  }
  return { kind: 'document', value: parseRange(b, skipWs(b, start, b.length), b.length, limit, decode), utf8: utf8Report };
}

function jsonError(b: Uint8Array, start: number, end: number): ImportError {
  const p = findJsonProblem(b, start, end);
  if (!p) return new ImportError('invalid JSON');
  return new ImportError(`${p.message} at byte ${p.offset.toLocaleString('en-US')}`, p.offset);
}

/**
 * JSON Lines: the first value ends on its own line and another value follows. Decided from
 * the first line only, so a broken later line is a per-line diagnostic, not a failed file.
 */
function jsonLines(b: Uint8Array, start: number, limit: number, decode: Decode, utf8Report: Utf8Report): JsonInput | undefined {
  const firstStart = skipWs(b, start, b.length);
  const nl = b.indexOf(0x0a, firstStart);
  if (nl < 0) return undefined;
  const r = scanValue(b, firstStart, nl);
  if ('problem' in r) return undefined;
  if (skipWs(b, r.end, nl) !== nl) return undefined;
  const next = skipWs(b, nl, b.length);
  if (next >= b.length) return undefined; // one value with a trailing newline: a document
  if (b[next] !== 0x7b && b[next] !== 0x5b) return undefined;
  const first = JSON.parse(decode(b, firstStart, nl));
  return {
    kind: 'lines',
    first,
    utf8: utf8Report,
    lines: function* () {
      let lineNo = 0;
      let pos = start;
      while (pos < b.length) {
        let e = b.indexOf(0x0a, pos);
        if (e < 0) e = b.length;
        lineNo++;
        const s = skipWs(b, pos, e);
        if (s < e) {
          if (e - s > limit) {
            try {
              yield { line: lineNo, value: parseRange(b, s, e, limit, decode) };
            } catch (err) {
              yield { line: lineNo, error: (err as Error).message };
            }
          } else {
            try {
              yield { line: lineNo, value: JSON.parse(decode(b, s, e)) };
            } catch {
              const p = findJsonProblem(b, s, e);
              yield { line: lineNo, error: p ? `${p.message} at byte ${p.offset.toLocaleString('en-US')}` : 'invalid JSON' };
            }
          }
        }
        pos = e + 1;
      }
    },
  };
}

/** Parses the value in [start, end) (start at a non-space byte), splitting when too large. */
function parseRange(b: Uint8Array, start: number, end: number, limit: number, decode: Decode): unknown {
  try {
    let e = end;
    while (e > start && (b[e - 1] === 0x20 || b[e - 1] === 0x0a || b[e - 1] === 0x0d || b[e - 1] === 0x09)) e--;
    return splitParse(b, start, e, limit, (s, t) => decode(b, s, t));
  } catch {
    throw jsonError(b, start, end);
  }
}
