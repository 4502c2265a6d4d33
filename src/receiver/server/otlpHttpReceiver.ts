import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ImportError } from '../../core/model/diagnostics';
import { decodeExportRequest, type TraceBatch } from '../../core/receiver/decodeExport';
import {
  contentTypeOf,
  encodeExportResponse,
  encodeStatus,
  encodingOfContentType,
  isAllowedHostHeader,
  isLoopbackHost,
  rpcCodeForHttpStatus,
  type OtlpEncoding,
} from '../../core/receiver/otlpHttp';
import { Admission, resolveLimits, type ReceiverLimits } from './limits';
import { findFreePort, NonLoopbackBindError, PortInUseError, urlFor } from './ports';
import { BodyError, readBody } from './readBody';
import type { Log } from './storeFiles';

/**
 * An OTLP/HTTP trace receiver: `POST /v1/traces`, protobuf or JSON, optionally gzip.
 *
 * Order of checks, each answered before any body byte is read:
 *   Host not loopback → 421 (DNS rebinding) · browser Origin not allowed → 403 ·
 *   other path → 404 · other method → 405 · other Content-Type → 415 ·
 *   Content-Encoding other than gzip/identity → 415 · Content-Length over the wire limit → 413 ·
 *   receiver full (requests, bytes in flight, store buffer) → 503 + Retry-After.
 * Then while reading: over the wire or decompressed limit → 413; budget spent → 503; corrupt
 * gzip or aborted body → 400. Then decoding: not OTLP → 400 with the reason; some spans
 * unusable → 200 with `partial_success`. Anything that throws → 500, logged; the process never
 * goes down because of what it was sent.
 *
 * Error bodies are `google.rpc.Status` in the request's encoding (JSON when the request's
 * content type is not one we speak). Early answers to requests with an unread body close the
 * connection, so a huge body is never drained.
 */

/** Where accepted spans go (the TraceStore). */
export interface SpanSink {
  append(batches: readonly TraceBatch[]): void;
  /** Accepted bytes not yet persisted: above `maxPendingStoreBytes` the receiver answers 503. */
  readonly pendingBytes: number;
}

export interface ReceiverOptions {
  /** Default 127.0.0.1. Anything but loopback needs `allowNonLoopback`. */
  host?: string;
  /** Default 4318; 0 picks a free port. */
  port?: number;
  /** Default `/v1/traces`. */
  path?: string;
  allowNonLoopback?: boolean;
  /** Extra names accepted in the `Host` header (with `allowNonLoopback`, e.g. the machine's name). */
  allowedHosts?: readonly string[];
  /** Browser origins allowed to post (exact match, or '*'); CORS preflights are answered for them. */
  allowedOrigins?: readonly string[];
  limits?: Partial<ReceiverLimits>;
  log?: Log;
}

export interface ReceiverStats {
  requests: number;
  spansAccepted: number;
  spansRejected: number;
  /** Answers by HTTP status. */
  byStatus: Record<number, number>;
}

export interface ReceiverAddress {
  host: string;
  port: number;
  /** Base URL: `http://127.0.0.1:4318`. The traces endpoint is `${url}/v1/traces`. */
  url: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export class OtlpHttpReceiver {
  private readonly server: Server;
  private readonly limits: ReceiverLimits;
  private readonly admission: Admission;
  private readonly log: Log;
  private readonly host: string;
  private readonly path: string;
  private readonly allowedHosts: readonly string[];
  private readonly allowedOrigins: readonly string[];
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  private listening = false;
  readonly stats: ReceiverStats = { requests: 0, spansAccepted: 0, spansRejected: 0, byStatus: Object.create(null) as Record<number, number> };

  constructor(
    private readonly sink: SpanSink,
    private readonly options: ReceiverOptions = {},
  ) {
    this.host = options.host ?? '127.0.0.1';
    this.path = options.path ?? '/v1/traces';
    this.allowedOrigins = options.allowedOrigins ?? [];
    this.limits = resolveLimits(options.limits);
    this.admission = new Admission(this.limits);
    this.log = options.log ?? (() => {});
    this.allowedHosts = [...(options.allowedHosts ?? []), ...(isLoopbackHost(this.host) ? [] : [this.host])];
    this.server = createServer({ requestTimeout: this.limits.requestTimeoutMs, headersTimeout: this.limits.headersTimeoutMs });
    this.server.keepAliveTimeout = 5_000;
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res));
    // `Expect: 100-continue`: decide on the headers before the client sends the body.
    this.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => this.onRequest(req, res, true));
    this.server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      if (err.code !== 'ECONNRESET' && socket.writable && !socket.writableEnded) {
        socket.end(
          `HTTP/1.1 ${err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
      }
      socket.destroy();
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  get address(): ReceiverAddress | undefined {
    return this.listening ? { host: this.host, port: this.boundPort, url: urlFor(this.host, this.boundPort) } : undefined;
  }

  get inFlightRequests(): number {
    return this.admission.inFlightRequests;
  }

  /**
   * Starts listening. Throws `NonLoopbackBindError` for a non-loopback host without
   * `allowNonLoopback`, and `PortInUseError` (with a free port to suggest) when the port is taken.
   */
  async start(): Promise<ReceiverAddress> {
    if (!isLoopbackHost(this.host) && !this.options.allowNonLoopback) throw new NonLoopbackBindError(this.host);
    const port = this.options.port ?? 4318;
    await new Promise<void>((resolve, reject) => {
      const onError = (e: NodeJS.ErrnoException) => {
        this.server.off('listening', onListening);
        reject(e);
      };
      const onListening = () => {
        this.server.off('error', onError);
        resolve();
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen({ host: this.host, port, exclusive: true });
    }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') throw new PortInUseError(this.host, port, await findFreePort(this.host, port + 1).catch(() => undefined));
      throw e;
    });
    this.server.on('error', (e: Error) => this.log('error', `receiver: server error: ${e.message}`));
    const addr = this.server.address();
    this.boundPort = addr && typeof addr === 'object' ? addr.port : port;
    this.listening = true;
    const a = this.address!;
    this.log('info', `receiver: listening on ${a.url}${this.path}`);
    return a;
  }

  /**
   * Stops accepting connections, lets requests in progress finish (up to `graceMs`), then
   * closes what is left. The sink is not flushed here: its owner does that next.
   */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const deadline = Date.now() + graceMs;
    while (this.admission.inFlightRequests > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse, expectsContinue = false): void {
    this.stats.requests++;
    const encoding: OtlpEncoding = encodingOfContentType(req.headers['content-type']) ?? 'json';
    this.handle(req, res, expectsContinue).catch((err: unknown) => {
      if (err instanceof HttpError) {
        this.reply(req, res, encoding, err.status, err.message, err.headers);
        return;
      }
      this.log('error', `receiver: request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      this.reply(req, res, encoding, 500, 'internal error in the receiver (logged)');
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): Promise<void> {
    if (!isAllowedHostHeader(req.headers.host, this.boundPort, this.allowedHosts)) {
      throw new HttpError(421, `this receiver only answers requests addressed to this machine (Host: ${JSON.stringify(req.headers.host ?? '')})`);
    }
    const origin = req.headers.origin;
    const cors: Record<string, string> = {};
    if (origin !== undefined) {
      if (!this.allowedOrigins.includes(origin) && !this.allowedOrigins.includes('*')) {
        throw new HttpError(
          403,
          `requests from web pages are refused (Origin: ${JSON.stringify(origin)}); allow the origin in the receiver settings to accept them`,
        );
      }
      cors['Access-Control-Allow-Origin'] = origin;
      cors['Vary'] = 'Origin';
    }
    const path = (req.url ?? '').split('?')[0];
    if (path !== this.path) throw new HttpError(404, `no such endpoint: ${path.slice(0, 200)} (traces go to POST ${this.path})`, cors);
    if (req.method === 'OPTIONS' && origin !== undefined) {
      this.send(req, res, 204, undefined, undefined, {
        ...cors,
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type, Content-Encoding',
        'Access-Control-Max-Age': '600',
      });
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, `method ${req.method} is not allowed (use POST)`, { ...cors, Allow: 'POST' });
    const encoding = encodingOfContentType(req.headers['content-type']);
    if (!encoding) {
      throw new HttpError(
        415,
        `unsupported Content-Type ${JSON.stringify(req.headers['content-type'] ?? '')}: send application/x-protobuf or application/json`,
        cors,
      );
    }
    const ce = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
    const gzip = ce === 'gzip' || ce === 'x-gzip';
    if (!gzip && ce !== '' && ce !== 'identity')
      throw new HttpError(415, `unsupported Content-Encoding ${JSON.stringify(ce)}: send gzip or uncompressed`, cors);
    const declared = contentLength(req);
    if (declared !== undefined && declared > this.limits.maxWireBytes) {
      throw new HttpError(
        413,
        `the request body is ${declared.toLocaleString('en-US')} bytes, over the receiver's ${this.limits.maxWireBytes.toLocaleString('en-US')}-byte limit; send smaller batches`,
        cors,
      );
    }
    const busy = () => new HttpError(503, 'the receiver is busy; retry later', { ...cors, 'Retry-After': String(this.limits.retryAfterSeconds) });
    if (this.sink.pendingBytes > this.limits.maxPendingStoreBytes) throw busy();
    const ticket = this.admission.tryEnter(gzip ? 0 : (declared ?? 0));
    if (!ticket) throw busy();
    try {
      if (expectsContinue) res.writeContinue();
      let body: Buffer;
      try {
        body = await readBody(req, gzip, this.limits, ticket, declared);
      } catch (e) {
        if (!(e instanceof BodyError)) throw e;
        throw new HttpError(e.status, e.message, e.status === 503 ? { ...cors, 'Retry-After': String(this.limits.retryAfterSeconds) } : cors);
      }
      let decoded;
      try {
        decoded = decodeExportRequest(body, encoding);
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        throw new HttpError(400, `malformed ${encoding === 'protobuf' ? 'protobuf' : 'JSON'} ExportTraceServiceRequest: ${e.message}`, cors);
      }
      if (decoded.batches.length) this.sink.append(decoded.batches);
      this.stats.spansAccepted += decoded.acceptedSpans;
      this.stats.spansRejected += decoded.rejectedSpans;
      if (decoded.rejectedSpans) this.log('warn', `receiver: ${decoded.message}`);
      this.send(req, res, 200, encoding, encodeExportResponse(encoding, decoded.rejectedSpans, decoded.message || undefined), cors);
    } finally {
      ticket.release();
    }
  }

  private reply(
    req: IncomingMessage,
    res: ServerResponse,
    encoding: OtlpEncoding,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ): void {
    this.send(req, res, status, encoding, encodeStatus(encoding, rpcCodeForHttpStatus(status), message), headers);
  }

  private send(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    encoding: OtlpEncoding | undefined,
    body: Uint8Array | undefined,
    headers: Record<string, string>,
  ): void {
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
    if (res.headersSent || res.destroyed) return;
    const h: Record<string, string | number> = {
      ...headers,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': body?.length ?? 0,
    };
    if (encoding && body) h['Content-Type'] = contentTypeOf(encoding);
    // A body we did not read (an early refusal) is not drained: close the connection instead.
    if (!req.complete) h['Connection'] = 'close';
    res.writeHead(status, h);
    res.end(body);
  }
}

function contentLength(req: IncomingMessage): number | undefined {
  const v = req.headers['content-length'];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
