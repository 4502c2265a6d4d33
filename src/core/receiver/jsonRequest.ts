import { normalizeId } from '../import/ids';
import { isObject } from '../import/importer';
import { readJson } from '../import/json/readJson';
import { ImportError } from '../model/diagnostics';
import { parseNanos } from '../model/time';
import type { TraceBatch, TraceBatchSummary } from './decodeExport';
import { addSpanToSummary, rejectionMessage, traceKey } from './traceGroups';

/**
 * OTLP JSON `ExportTraceServiceRequest` → one `TracesData` line per trace.
 *
 * The request is already OTLP JSON, so spans are stored as the sender wrote them: the parsed
 * span objects are regrouped by trace and serialised again, unchanged (unknown fields, the
 * sender's id spelling, everything; the importers read every spelling). A request whose spans
 * all belong to one trace and that is already on one line is stored byte for byte.
 *
 * Read like the OTLP JSON importer reads it (import/otlpJson.ts): `resourceSpans` (or
 * `resource_spans`, or Tempo's `batches`), `scopeSpans` / `scope_spans` / the deprecated
 * `instrumentationLibrarySpans`; a ResourceSpans, ScopeSpans or span that is not an object
 * is rejected, as is a span without a usable trace id (it could be filed under no trace).
 */

const utf8 = new TextEncoder();

interface Group {
  readonly out: { resourceSpans: Record<string, unknown>[] };
  readonly summary: TraceBatchSummary;
  lastRs: unknown;
  lastSs: unknown;
  spans: unknown[];
  scopeSpans: Record<string, unknown>[];
}

export function decodeJsonRequest(body: Uint8Array): { batches: TraceBatch[]; accepted: number; rejected: number; message: string } {
  if (body.length === 0) throw new ImportError('the request body is empty (expected an OTLP JSON ExportTraceServiceRequest)');
  const input = readJson(body);
  const groups = new Map<string, Group>();
  const reasons: string[] = [];
  const notes: string[] = [];
  let rejected = 0;
  const reject = (why: string) => {
    rejected++;
    if (reasons.length < 5) reasons.push(why);
  };

  const readRoot = (root: unknown, where: string) => {
    if (!isObject(root)) {
      throw new ImportError(
        `not an OTLP JSON ExportTraceServiceRequest: ${where}the top level is ${Array.isArray(root) ? 'an array' : root === null ? 'null' : `a ${typeof root}`}, not an object`,
      );
    }
    const key = Array.isArray(root.resourceSpans)
      ? 'resourceSpans'
      : Array.isArray(root.resource_spans)
        ? 'resource_spans'
        : Array.isArray(root.batches)
          ? 'batches'
          : undefined;
    if (!key) {
      // Unknown fields must be ignored (proto3 JSON), so this is an empty request; the sender
      // probably meant something else, so say so in the response.
      const keys = Object.keys(root);
      if (keys.length)
        notes.push(
          `${where}no resourceSpans in the request; ignored the fields ${keys
            .slice(0, 5)
            .map((k) => JSON.stringify(k))
            .join(', ')}`,
        );
      return;
    }
    (root[key] as unknown[]).forEach((rs, i) => readResourceSpans(rs, `${where}${key}[${i}]`));
  };

  const readResourceSpans = (rs: unknown, at: string) => {
    if (!isObject(rs)) return reject(`${at}: not an object`);
    const scopes = rs.scopeSpans ?? rs.scope_spans ?? rs.instrumentationLibrarySpans ?? rs.instrumentation_library_spans;
    if (!Array.isArray(scopes)) return;
    const scopeKey = rs.scopeSpans ? 'scopeSpans' : rs.scope_spans ? 'scope_spans' : 'instrumentationLibrarySpans';
    const serviceName = serviceNameOf(rs.resource);
    scopes.forEach((ss, j) => {
      const sat = `${at}.${scopeKey}[${j}]`;
      if (!isObject(ss)) return reject(`${sat}: not an object`);
      const spans = ss.spans;
      if (!Array.isArray(spans)) return;
      for (let k = 0; k < spans.length; k++) {
        const s: unknown = spans[k];
        if (!isObject(s)) {
          reject(`${sat}.spans[${k}]: span is not an object`);
          continue;
        }
        const key = traceKey(normalizeId(s.traceId ?? s.trace_id, 16));
        if (typeof key !== 'string') {
          reject(`${sat}.spans[${k}]: ${key.error}`);
          continue;
        }
        addSpan(key, rs, ss, s, serviceName);
      }
    });
  };

  const addSpan = (key: string, rs: Record<string, unknown>, ss: Record<string, unknown>, s: Record<string, unknown>, serviceName: string | undefined) => {
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { out: { resourceSpans: [] }, summary: { spanCount: 0, errorCount: 0 }, lastRs: undefined, lastSs: undefined, spans: [], scopeSpans: [] }),
      );
    if (g.lastRs !== rs) {
      g.scopeSpans = [];
      const outRs: Record<string, unknown> = {};
      if (rs.resource !== undefined) outRs.resource = rs.resource;
      if (rs.schemaUrl !== undefined) outRs.schemaUrl = rs.schemaUrl;
      outRs.scopeSpans = g.scopeSpans;
      g.out.resourceSpans.push(outRs);
      g.lastRs = rs;
      g.lastSs = undefined;
    }
    if (g.lastSs !== ss) {
      g.spans = [];
      const outSs: Record<string, unknown> = {};
      const scope = ss.scope ?? ss.instrumentationLibrary ?? ss.instrumentation_library;
      if (scope !== undefined) outSs.scope = scope;
      if (ss.schemaUrl !== undefined) outSs.schemaUrl = ss.schemaUrl;
      outSs.spans = g.spans;
      g.scopeSpans.push(outSs);
      g.lastSs = ss;
    }
    g.spans.push(s);
    const hasParent = normalizeId(s.parentSpanId ?? s.parent_span_id, 8) !== undefined;
    addSpanToSummary(
      g.summary,
      parseNanos(s.startTimeUnixNano ?? s.start_time_unix_nano)?.ns,
      parseNanos(s.endTimeUnixNano ?? s.end_time_unix_nano)?.ns,
      statusCodeOf(s.status),
      serviceName,
      hasParent
        ? undefined
        : () => ({
            name: typeof s.name === 'string' ? s.name : s.name === undefined ? '' : String(s.name),
            spanId: normalizeId(s.spanId ?? s.span_id, 8) ?? '',
          }),
    );
  };

  if (input.kind === 'document') readRoot(input.value, '');
  else {
    for (const line of input.lines()) {
      if (line.error !== undefined) reject(`line ${line.line}: ${line.error}`);
      else readRoot(line.value, `line ${line.line}: `);
    }
  }

  const batches: TraceBatch[] = [];
  let accepted = 0;
  // Byte for byte: one trace, nothing dropped or noted, one line of valid UTF-8 without a BOM.
  const verbatim =
    groups.size === 1 &&
    rejected === 0 &&
    notes.length === 0 &&
    input.kind === 'document' &&
    !input.utf8.invalidUtf8 &&
    body[0] !== 0xef &&
    body.indexOf(0x0a) < 0 &&
    body.indexOf(0x0d) < 0;
  for (const [traceId, g] of groups) {
    accepted += g.summary.spanCount;
    batches.push({ traceId, line: verbatim ? body : utf8.encode(JSON.stringify(g.out)), summary: g.summary });
  }
  return { batches, accepted, rejected, message: rejectionMessage(rejected, reasons, notes) };
}

function serviceNameOf(resource: unknown): string | undefined {
  const attrs = isObject(resource) ? resource.attributes : undefined;
  if (!Array.isArray(attrs)) return undefined;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const a: unknown = attrs[i];
    if (isObject(a) && a.key === 'service.name' && isObject(a.value)) {
      const v = a.value.stringValue ?? a.value.string_value;
      return typeof v === 'string' ? v : undefined;
    }
  }
  return undefined;
}

const STATUS_NAMES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2, UNSET: 0, OK: 1, ERROR: 2 };

function statusCodeOf(status: unknown): number {
  if (!isObject(status)) return 0;
  const c = status.code;
  if (typeof c === 'number') return c >= 0 && c <= 2 ? c : 0;
  if (typeof c === 'string') return STATUS_NAMES[c.toUpperCase()] ?? 0;
  return 0;
}
