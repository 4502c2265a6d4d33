import { gunzipSync } from 'fflate';
import { ImportError } from '../model/diagnostics';
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
  if (looksLikeJson(bytes)) return importJson(bytes);
  return readOtlpProto(bytes);
}

function gunzip(bytes: Uint8Array): Uint8Array {
  // The ISIZE trailer (size mod 2^32) lets us refuse a bomb before inflating anything.
  const n = bytes.length;
  const isize = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  if (isize > MAX_INFLATED_BYTES)
    throw new ImportError(
      `gzip content would inflate to ${isize.toLocaleString('en-US')} bytes, over the ${MAX_INFLATED_BYTES.toLocaleString('en-US')}-byte limit`,
    );
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new ImportError(`corrupt gzip data (${(e as Error).message})`);
  }
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
      else label = importer.read(line.value, builder, `line ${line.line}: `) ?? label;
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
    return `it is an array of ${root.length} ${root.length ? typeof first : ''} values`.replace(/ {2}/g, ' ');
  }
  if (root && typeof root === 'object') return `the top level is an object with keys ${keyList(root)}`;
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
