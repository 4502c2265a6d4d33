/**
 * OTLP/HTTP protocol details, pure (no Node): request content types, response bodies, and
 * the checks on `Host` that keep a loopback receiver from answering DNS-rebinding pages.
 *
 * Spec: opentelemetry-proto `docs/specification.md` §OTLP/HTTP (see docs/trace-formats.md §1.2).
 * - Success: 200 with an `ExportTraceServiceResponse` in the request's encoding; its
 *   `partial_success` stays unset on full success (an empty protobuf message, `{}` in JSON),
 *   and holds `{rejected_spans, error_message}` when some spans were not accepted.
 * - Failure: 4xx/5xx whose body SHOULD be a `google.rpc.Status` in the request's encoding.
 */

export type OtlpEncoding = 'protobuf' | 'json';

/**
 * The encoding named by a `Content-Type` header, or undefined for anything else (415).
 * Parameters such as `; charset=utf-8` are allowed; matching is by substring as other
 * receivers do (Langfuse, the collector), since clients vary in what they append.
 */
export function encodingOfContentType(header: string | undefined): OtlpEncoding | undefined {
  if (!header) return undefined;
  const t = header.toLowerCase();
  if (t.includes('application/x-protobuf') || t.includes('application/protobuf')) return 'protobuf';
  if (t.includes('application/json')) return 'json';
  return undefined;
}

export function contentTypeOf(encoding: OtlpEncoding): string {
  return encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json';
}

/** `google.rpc.Code` values used for the HTTP statuses the receiver sends. */
export const RpcCode = {
  Ok: 0,
  InvalidArgument: 3,
  NotFound: 5,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
} as const;

/** The gRPC code that matches an HTTP status, for `Status.code`. */
export function rpcCodeForHttpStatus(status: number): number {
  switch (status) {
    case 400:
    case 415:
      return RpcCode.InvalidArgument;
    case 403:
    case 421:
      return RpcCode.PermissionDenied;
    case 404:
      return RpcCode.NotFound;
    case 405:
      return RpcCode.Unimplemented;
    case 413:
      return RpcCode.ResourceExhausted;
    case 503:
      return RpcCode.Unavailable;
    default:
      return status >= 500 ? RpcCode.Internal : RpcCode.InvalidArgument;
  }
}

const utf8 = new TextEncoder();

/**
 * `ExportTraceServiceResponse` (collector/trace/v1/trace_service.proto):
 * `partial_success = 1 { int64 rejected_spans = 1; string error_message = 2; }`.
 * Pass `rejected = 0` and no message for full success (an empty message). A message with
 * `rejected = 0` is a warning, which the spec allows.
 */
export function encodeExportResponse(encoding: OtlpEncoding, rejected: number, message?: string): Uint8Array {
  const partial = rejected > 0 || !!message;
  if (encoding === 'json') {
    const body = partial ? { partialSuccess: { rejectedSpans: String(rejected), errorMessage: message ?? '' } } : {};
    return utf8.encode(JSON.stringify(body));
  }
  if (!partial) return new Uint8Array(0);
  const inner = new ProtoWriter();
  if (rejected > 0) inner.varintField(1, rejected);
  if (message) inner.bytesField(2, utf8.encode(message));
  const outer = new ProtoWriter();
  outer.bytesField(1, inner.finish());
  return outer.finish();
}

/** `google.rpc.Status { int32 code = 1; string message = 2; }` in the request's encoding. */
export function encodeStatus(encoding: OtlpEncoding, code: number, message: string): Uint8Array {
  if (encoding === 'json') return utf8.encode(JSON.stringify({ code, message }));
  const w = new ProtoWriter();
  if (code !== 0) w.varintField(1, code);
  if (message) w.bytesField(2, utf8.encode(message));
  return w.finish();
}

/** Just enough of a protobuf writer for the two response messages above. */
class ProtoWriter {
  private readonly parts: number[] = [];
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  varintField(field: number, value: number): void {
    this.varint(field << 3);
    this.varint(value);
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.varint((field << 3) | 2);
    this.varint(bytes.length);
    this.flushParts();
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  /** Non-negative integers up to 2^53. */
  private varint(v: number): void {
    while (v >= 0x80) {
      this.parts.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.parts.push(v);
  }

  private flushParts(): void {
    if (!this.parts.length) return;
    this.chunks.push(Uint8Array.from(this.parts));
    this.size += this.parts.length;
    this.parts.length = 0;
  }

  finish(): Uint8Array {
    this.flushParts();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Host names that always mean this machine. `localhost` is compared case-insensitively. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for an address or name that can only reach this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (LOOPBACK_NAMES.has(h)) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return h.split('.').every((p) => Number(p) <= 255);
  return h === '::ffff:127.0.0.1' || h === '[::ffff:127.0.0.1]';
}

/**
 * Splits a `Host` header into name and port: `example:80`, `[::1]:4318`, `localhost`.
 * Returns undefined for something that is not a host (e.g. `a b`, `[::1`, `x:99999`).
 */
export function parseHostHeader(value: string): { host: string; port?: number } | undefined {
  const v = value.trim();
  let host: string;
  let portText: string | undefined;
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    if (close < 0) return undefined;
    host = v.slice(1, close);
    const rest = v.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return undefined;
    portText = rest ? rest.slice(1) : undefined;
  } else {
    const colon = v.lastIndexOf(':');
    if (colon >= 0 && v.indexOf(':') !== colon) return undefined; // a bare IPv6 address is not a valid Host
    host = colon >= 0 ? v.slice(0, colon) : v;
    portText = colon >= 0 ? v.slice(colon + 1) : undefined;
  }
  if (!host || /[\s/?#@]/.test(host)) return undefined;
  if (portText === undefined) return { host };
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return undefined;
  return { host, port: Number(portText) };
}

/**
 * The DNS-rebinding check: a `Host` header naming this machine (or one of `extraHosts`),
 * with no port or our own `port`. A page on evil.example that rebinds its name to 127.0.0.1
 * still sends `Host: evil.example`, so it is refused (421 Misdirected Request).
 */
export function isAllowedHostHeader(value: string | undefined, port: number, extraHosts: readonly string[] = []): boolean {
  if (value === undefined) return false;
  const parsed = parseHostHeader(value);
  if (!parsed) return false;
  if (parsed.port !== undefined && parsed.port !== port) return false;
  const h = parsed.host.toLowerCase();
  return isLoopbackHost(h) || extraHosts.some((x) => x.toLowerCase() === h);
}
