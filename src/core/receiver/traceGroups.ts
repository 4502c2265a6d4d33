import { bytesToHex } from '../import/ids';
import { StatusCode } from '../model/span';
import type { UnixNanos } from '../model/time';
import type { TraceBatch, TraceBatchSummary } from './decodeExport';
import { JsonBytes } from './jsonBytes';
import type { ProtoBlock, ProtoSpanFacts } from './protoTranscode';

/**
 * Collects one request's spans by trace while they are transcoded: a JSON line per trace,
 * written as the spans arrive (ResourceSpans/ScopeSpans blocks are opened in each trace's line
 * when its first span of that block comes), plus the summary figures and the rejections.
 */

const MAX_REASONS = 5;
const ZERO = /^0+$/;
const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;
const utf8 = new TextDecoder('utf-8');

/** The store key for a trace id given as hex, or the reason there is none. */
export function traceKey(id: string | undefined): string | { error: string } {
  if (id === undefined || id === '') return { error: 'no trace id' };
  const lower = id.toLowerCase();
  if (HEX32.test(lower)) return ZERO.test(lower) ? { error: 'trace id is all zeros' } : lower;
  if (HEX16.test(lower)) return ZERO.test(lower) ? { error: 'trace id is all zeros' } : lower.padStart(32, '0');
  return { error: `trace id "${id.length > 40 ? id.slice(0, 40) + '…' : id}" is not 16 bytes of hex` };
}

/** Adds one span's figures to a summary (in place). */
export function addSpanToSummary(
  sum: TraceBatchSummary,
  startNs: UnixNanos | undefined,
  endNs: UnixNanos | undefined,
  statusCode: number,
  serviceName: string | undefined,
  root: (() => { name: string; spanId: string }) | undefined,
): void {
  sum.spanCount++;
  if (startNs !== undefined && (sum.startNs === undefined || startNs < sum.startNs)) sum.startNs = startNs;
  const end = endNs ?? startNs;
  if (end !== undefined && (sum.endNs === undefined || end > sum.endNs)) sum.endNs = end;
  if (statusCode === StatusCode.Error) sum.errorCount++;
  if (sum.serviceName === undefined && serviceName) sum.serviceName = serviceName;
  if (root) {
    const r = sum.root;
    if (!r || (startNs !== undefined && (r.startNs === undefined || startNs < r.startNs))) {
      const { name, spanId } = root();
      sum.root = { name, spanId, startNs, status: (statusCode >= 0 && statusCode <= 2 ? statusCode : 0) as StatusCode };
    }
  }
}

/**
 * A trace's line is assembled at the end from parts: constant or per-block byte arrays, and
 * `[start, end)` ranges of the request-wide span buffer (numbers, in pairs). Each line is
 * then allocated once at its exact size, and the span buffer is reused by the next request.
 */
interface ProtoGroup {
  readonly parts: (Uint8Array | number)[];
  size: number;
  blockId: number;
  resourceId: number;
  readonly summary: TraceBatchSummary;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const OPEN_LINE = ascii('{"resourceSpans":[');
const OPEN_RESOURCE = ascii('{');
const OPEN_SCOPE_SPANS = ascii('"scopeSpans":[');
const OPEN_SCOPE = ascii('{');
const OPEN_SPANS = ascii('"spans":[');
const NEXT_RESOURCE = ascii(']}]},');
const NEXT_SCOPE = ascii(']},');
const CLOSE_LINE = ascii(']}]}]}');

/** Spans of the request being transcoded, back to back; reused across requests (decoding is synchronous). */
const spanBuffer = new JsonBytes(1 << 20);

export class TraceGroups {
  private readonly groups = new Map<string, ProtoGroup>();
  private rejected = 0;
  private readonly reasons: string[] = [];
  private readonly notes: string[] = [];
  private badKinds = 0;
  // The last span's trace id bytes and key: spans of one trace are usually adjacent.
  private lastIdBytes: Uint8Array | undefined;
  private lastKey: string | { error: string } = { error: '' };

  reject(reason: string): void {
    this.rejected++;
    if (this.reasons.length < MAX_REASONS) this.reasons.push(reason);
  }

  note(message: string): void {
    this.notes.push(message);
  }

  private keyOf(buf: Uint8Array, s: number, e: number): string | { error: string } {
    if (s < 0) return { error: 'no trace id' };
    const last = this.lastIdBytes;
    if (last && last.length === e - s) {
      let same = true;
      for (let i = 0; i < last.length; i++) {
        if (last[i] !== buf[s + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.lastKey;
    }
    this.lastIdBytes = buf.slice(s, e);
    this.lastKey = traceKey(bytesToHex(this.lastIdBytes));
    return this.lastKey;
  }

  constructor() {
    spanBuffer.reset();
  }

  /** Where the protobuf path writes each span's JSON object, back to back. */
  get spanWriter(): JsonBytes {
    return spanBuffer;
  }

  /**
   * Call before writing a span to `spanWriter`: reserves the separator byte in front of it (a
   * space, made a comma when the span follows another of its trace in the same block), so
   * that runs of spans of one trace stay one contiguous range. Returns the span's start.
   */
  beginSpan(): number {
    spanBuffer.byte(0x20);
    return spanBuffer.len;
  }

  /**
   * The span just written to `spanWriter` from `start` (returned by `beginSpan`) on. Throws
   * `RejectedSpan` when it has no usable trace id; the caller then rolls the writer back to
   * `start - 1`.
   */
  addProtoSpan(block: ProtoBlock, f: ProtoSpanFacts, buf: Uint8Array, start: number): void {
    const key = this.keyOf(buf, f.traceIdStart, f.traceIdEnd);
    if (typeof key !== 'string') throw new RejectedSpan(key.error);
    if (f.badKind) this.badKinds++;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { parts: [], size: 0, blockId: -1, resourceId: -1, summary: { spanCount: 0, errorCount: 0 } }));
    const add = (b: Uint8Array) => {
      g!.parts.push(b);
      g!.size += b.length;
    };
    if (g.blockId === -1) {
      add(OPEN_LINE);
      openResource(add, block);
    } else if (g.blockId !== block.id) {
      if (g.resourceId !== block.resourceId) {
        add(NEXT_RESOURCE);
        openResource(add, block);
      } else {
        add(NEXT_SCOPE);
        openScope(add, block);
      }
    } else spanBuffer.buf[start - 1] = 0x2c;
    g.blockId = block.id;
    g.resourceId = block.resourceId;
    const parts = g.parts;
    const n = parts.length;
    if (n >= 2 && parts[n - 1] === start - 1)
      parts[n - 1] = spanBuffer.len; // contiguous: extend the range
    else parts.push(start - 1, spanBuffer.len);
    g.size += spanBuffer.len - start + 1;
    addSpanToSummary(
      g.summary,
      f.startNs,
      f.endNs,
      f.statusCode,
      block.serviceName,
      f.hasParent
        ? undefined
        : () => ({
            name: f.nameStart >= 0 ? utf8.decode(buf.subarray(f.nameStart, f.nameEnd)) : '',
            spanId: f.spanIdStart >= 0 ? bytesToHex(buf.subarray(f.spanIdStart, f.spanIdEnd)) : '',
          }),
    );
  }

  finish(): { batches: TraceBatch[]; accepted: number; rejected: number; message: string } {
    const batches: TraceBatch[] = [];
    let accepted = 0;
    const spans = spanBuffer.buf;
    for (const [traceId, g] of this.groups) {
      const line = new Uint8Array(g.size + CLOSE_LINE.length);
      let p = 0;
      const parts = g.parts;
      for (let i = 0; i < parts.length; i++) {
        const x = parts[i];
        if (typeof x === 'number') {
          const end = parts[++i] as number;
          line.set(spans.subarray(x, end), p);
          p += end - x;
        } else {
          line.set(x, p);
          p += x.length;
        }
      }
      line.set(CLOSE_LINE, p);
      accepted += g.summary.spanCount;
      batches.push({ traceId, line, summary: g.summary });
    }
    spanBuffer.release();
    if (this.badKinds) this.notes.push(`${this.badKinds} span(s) have a span kind outside 0–5; shown as unspecified`);
    return { batches, accepted, rejected: this.rejected, message: rejectionMessage(this.rejected, this.reasons, this.notes) };
  }
}

/** Thrown from `addProtoSpan` for a span that cannot be filed; the caller counts it as rejected. */
export class RejectedSpan extends Error {}

function openResource(add: (b: Uint8Array) => void, block: ProtoBlock): void {
  add(OPEN_RESOURCE);
  add(block.resourcePrefix);
  add(OPEN_SCOPE_SPANS);
  openScope(add, block);
}

function openScope(add: (b: Uint8Array) => void, block: ProtoBlock): void {
  add(OPEN_SCOPE);
  add(block.scopePrefix);
  add(OPEN_SPANS);
}

/** `partial_success.error_message`: why spans were rejected, then any warnings; '' when neither. */
export function rejectionMessage(rejected: number, reasons: readonly string[], notes: readonly string[]): string {
  const parts: string[] = [];
  if (rejected) parts.push(`${rejected} span${rejected === 1 ? '' : 's'} rejected: ${reasons.join('; ')}${rejected > reasons.length ? '; …' : ''}`);
  parts.push(...notes);
  return parts.join('; ');
}
