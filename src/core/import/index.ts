import { gunzipSync } from 'fflate';
import { DIAGNOSTIC_SEVERITY, ImportError } from '../model/diagnostics';
import type { TraceSet } from '../model/trace';
import type { JsonImporter } from './importer';
import { quoteLongIntegers } from './json/exactIntegers';
import { readJson, looksLikeJson } from './json/readJson';
import { anyAgentImporter } from './anyAgent';
import { jaegerImporter } from './jaeger';
import { langfuseImporter } from './langfuse';
import { openaiAgentsImporter } from './openaiAgents';
import { otlpJsonImporter } from './otlpJson';
import { readOtlpProto } from './otlpProto';
import { phoenixImporter } from './phoenix';
import { readableSpansImporter } from './readableSpans';
import { zipkinImporter } from './zipkin';
import { TraceBuilder } from './traceBuilder';

/**
 * Format detection, in one place, by content first. Order matters where shapes overlap:
 * OTLP wrappers before Jaeger (Jaeger v3 wraps OTLP in `result`), the OpenAI Agents SDK export
 * (records marked `object: "trace" | "trace.span"`) before anything generic, any-agent and ReadableSpan
 * dumps (distinctive `context`/`spanContext` keys) before Zipkin and Phoenix, whose span
 * arrays are the least specific.
 */
export const JSON_IMPORTERS: readonly JsonImporter[] = [
  otlpJsonImporter,
  openaiAgentsImporter,
  jaegerImporter,
  langfuseImporter,
  anyAgentImporter,
  readableSpansImporter,
  phoenixImporter,
  zipkinImporter,
];

/** Decompressed size limit for gzip input: past it the file is refused, not inflated further. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/**
 * Reads any supported trace input. Throws `ImportError` (with a plain-words message and, when
 * known, a byte offset) for input that is not a trace at all; everything short of that becomes
 * diagnostics on the returned set. Detection is by content only (never by file name); callers
 * name the file in their own messages.
 */
export function importTrace(bytes: Uint8Array): TraceSet {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return importTrace(gunzip(bytes));
  if (bytes.length === 0) throw new ImportError('the file is empty');
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    const set = importTrace(new TextEncoder().encode(new TextDecoder(utf16).decode(bytes)));
    const note = {
      code: 'interpretation',
      severity: DIAGNOSTIC_SEVERITY.interpretation,
      message: `the file is ${utf16.toUpperCase()} text; read as such`,
    } as const;
    return { ...set, diagnostics: [note, ...set.diagnostics] };
  }
  if (looksLikeJson(bytes)) return importJson(bytes);
  refuseKnownNonTrace(bytes);
  return readOtlpProto(bytes);
}

/** UTF-16 JSON (Windows tools, PowerShell redirection): by byte-order mark or by a NUL next to the first `{`/`[`. */
function utf16Encoding(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length < 2) return undefined;
  const open = (c: number) => c === 0x7b || c === 0x5b;
  if ((b[0] === 0xff && b[1] === 0xfe) || (open(b[0]) && b[1] === 0)) return 'utf-16le';
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && open(b[1]))) return 'utf-16be';
  return undefined;
}

const OTHER_FILES: [magic: string, message: string][] = [
  ['PK\x03\x04', 'this is a ZIP archive, not a trace; extract the trace file from it first'],
  ['%PDF-', 'this is a PDF document, not a trace'],
];

/** Files that are plainly something else get a message naming what they are, not a protobuf error. */
function refuseKnownNonTrace(b: Uint8Array): void {
  for (const [magic, message] of OTHER_FILES) {
    if (b.length >= magic.length && [...magic].every((c, i) => b[i] === c.charCodeAt(0))) throw new ImportError(message);
  }
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  // A leading "\n" is also protobuf's first tag (field 1, resource_spans): leave that to the protobuf
  // reader, so importTrace and the receiver's transcoder refuse such bodies alike.
  if (i === b.length && b[0] !== 0x0a) throw new ImportError('the file contains only whitespace');
  if (b[i] === 0x22 && b.length < 1 << 20) {
    let value: unknown;
    try {
      value = JSON.parse(new TextDecoder().decode(b.subarray(i)));
    } catch {
      return;
    }
    throw new ImportError(`not a recognised trace format; ${describeShape(value)}`);
  }
}

function gunzip(bytes: Uint8Array): Uint8Array {
  // The ISIZE trailer (size mod 2^32) lets us refuse a bomb before inflating anything.
  const n = bytes.length;
  const isize = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  // Deflate shrinks data at most ~1032:1: a larger claim is a cut-off file (or a lie), not a bomb.
  const plausible = isize <= (n + 1) * 1032;
  if (isize > MAX_INFLATED_BYTES && !plausible) throw truncatedGzip(isize, n);
  if (isize > MAX_INFLATED_BYTES)
    throw new ImportError(
      `gzip content would inflate to ${isize.toLocaleString('en-US')} bytes, over the ${MAX_INFLATED_BYTES.toLocaleString('en-US')}-byte limit`,
    );
  try {
    return gunzipSync(bytes);
  } catch (e) {
    const m = (e as Error).message;
    if (/unexpected EOF/i.test(m)) throw new ImportError('the gzip data is truncated or corrupt: the compressed stream ends early');
    throw new ImportError(`corrupt gzip data (${m})`);
  }
}

function truncatedGzip(isize: number, n: number): ImportError {
  return new ImportError(
    `the gzip data is truncated or corrupt (its trailer claims ${isize.toLocaleString('en-US')} bytes, which ${n.toLocaleString('en-US')} compressed bytes cannot hold)`,
  );
}

function parseJson(bytes: Uint8Array) {
  try {
    return readJson(bytes);
  } catch (e) {
    if (e instanceof ImportError) throw new ImportError(e.message, e.offset, 'JSON');
    throw e;
  }
}

function importJson(bytes: Uint8Array): TraceSet {
  let input = parseJson(bytes);
  let root = input.kind === 'document' ? input.value : input.first;
  const importer = JSON_IMPORTERS.find((imp) => safeSniff(imp, root));
  if (!importer) throw new ImportError(`not a recognised trace format (tried ${JSON_IMPORTERS.map((i) => i.label).join(', ')}); ${describeShape(root)}`);
  if (importer.exactIntegers) {
    const exact = quoteLongIntegers(bytes);
    if (exact) {
      input = parseJson(exact);
      root = input.kind === 'document' ? input.value : input.first;
    }
  }
  const builder = new TraceBuilder();
  let label: string | void = undefined;
  if (input.kind === 'document') {
    label = importer.read(root, builder, '');
  } else {
    for (const line of input.lines()) {
      if (line.error !== undefined) builder.addUnreadable(`line ${line.line}`, line.error);
      else {
        // A collector file may mix producers: each record goes to the importer that knows it.
        const own = safeSniff(importer, line.value) ? importer : (JSON_IMPORTERS.find((imp) => safeSniff(imp, line.value)) ?? importer);
        label = own.read(line.value, builder, `line ${line.line}: `) ?? label;
      }
    }
    label = `${label || importer.label} (JSON Lines)`;
  }
  if (input.utf8.invalidUtf8) builder.note('invalid-utf8', 'the file contains bytes that are not valid UTF-8; they are shown as U+FFFD (�)');
  return builder.build(input.kind === 'lines' && importer.format === 'otlp-json' ? 'otlp-jsonl' : importer.format, label || importer.label);
}

function safeSniff(imp: JsonImporter, root: unknown): boolean {
  try {
    return imp.sniff(root);
  } catch {
    return false;
  }
}

function describeShape(root: unknown): string {
  if (Array.isArray(root)) {
    const first = root[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) return `it is an array of objects with keys ${keyList(first)}`;
    if (!root.length) return 'it is an empty array';
    return `it is an array of ${root.length} ${root.length ? typeof first : ''} values`.replace(/ {2}/g, ' ');
  }
  if (root && typeof root === 'object')
    return Object.keys(root).length ? `the top level is an object with keys ${keyList(root)}` : 'the top level is an empty object';
  return `the top level is a ${root === null ? 'null' : typeof root}`;
}

function keyList(o: object): string {
  const keys = Object.keys(o);
  return keys.length
    ? keys
        .slice(0, 8)
        .map((k) => JSON.stringify(k))
        .join(', ') + (keys.length > 8 ? ', …' : '')
    : '(none)';
}
