/**
 * The Node `Transport` for trace-backend clients (CLI and extension host): node:http/https, one
 * request per call, no redirect following (core's http.ts decides what a 3xx means), a timeout
 * over the whole exchange, a body size cap counted after decompression, and failures mapped to
 * `BackendError` kinds in plain words. Headers are never logged or put into messages.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { URL } from 'node:url';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { BackendError, type CancelSignal, type HttpRequest, type HttpResponse, type Transport } from '../core/backends/types';

/** Node error codes of certificate and TLS handshake failures. */
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
]);

const UNREACHABLE_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused (is the server running on that port?)',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
};

export const nodeTransport: Transport = {
  request: sendRequest,
  delay(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal.cancelled) return reject(cancelled());
      const timer = setTimeout(() => {
        off();
        resolve();
      }, ms);
      const off = signal.onCancel(() => {
        clearTimeout(timer);
        reject(cancelled());
      });
    });
  },
};

function sendRequest(req: HttpRequest, signal: CancelSignal): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    if (signal.cancelled) return reject(cancelled());
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return reject(new BackendError('bad-request', 'not a URL'));
    }
    const lib = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
    if (!lib) return reject(new BackendError('bad-request', 'only http and https URLs are accepted'));

    let settled = false;
    const finish = (err: BackendError | undefined, res?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      offCancel();
      if (err) {
        outgoing.destroy();
        reject(err);
      } else resolve(res!);
    };
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate', ...req.headers };
    if (req.body) headers['content-length'] = String(req.body.length);
    const outgoing = lib.request(url, { method: req.method, headers, agent: false }, (incoming) => {
      const status = incoming.statusCode ?? 0;
      const resHeaders = flattenHeaders(incoming.headers);
      const declared = Number(resHeaders['content-length']);
      if (Number.isFinite(declared) && declared > req.maxBytes) return finish(tooLarge(req.maxBytes));
      let stream: NodeJS.ReadableStream = incoming;
      const encoding = (resHeaders['content-encoding'] ?? '').trim().toLowerCase();
      let decoder: Gunzip | Inflate | undefined;
      if (encoding === 'gzip' || encoding === 'x-gzip') decoder = createGunzip();
      else if (encoding === 'deflate') decoder = createInflate();
      if (decoder) {
        decoder.on('error', () => finish(new BackendError('malformed', 'the server sent a corrupt compressed body')));
        stream = incoming.pipe(decoder);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > req.maxBytes) return finish(tooLarge(req.maxBytes));
        chunks.push(chunk);
      });
      stream.on('end', () => {
        const body = Buffer.concat(chunks, size);
        finish(undefined, { status, headers: resHeaders, body: new Uint8Array(body.buffer, body.byteOffset, body.length) });
      });
      incoming.on('error', (e) => finish(mapSocketError(e)));
      incoming.on('aborted', () => finish(new BackendError('unreachable', 'the connection closed before the answer was complete')));
    });
    outgoing.on('error', (e) => finish(mapSocketError(e)));
    const timer = setTimeout(() => finish(new BackendError('timeout', `no complete answer within ${formatSeconds(req.timeoutMs)}`)), req.timeoutMs);
    const offCancel = signal.onCancel(() => finish(cancelled()));
    outgoing.end(req.body ? Buffer.from(req.body) : undefined);
  });
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Only the error code and a fixed reason go into the message: Node's own text can quote the request. */
function mapSocketError(e: unknown): BackendError {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))
      return new BackendError('tls', `the TLS certificate or handshake was refused (${code}); check the URL, or the certificate the server presents`);
    const reason = UNREACHABLE_REASONS[code];
    if (reason) return new BackendError('unreachable', reason);
    return new BackendError('unreachable', `the request failed (${code})`);
  }
  return new BackendError('unreachable', 'the request failed');
}

function tooLarge(maxBytes: number): BackendError {
  return new BackendError('too-large', `the answer is larger than ${(maxBytes / 1048576).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`);
}

function cancelled(): BackendError {
  return new BackendError('cancelled', 'cancelled');
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}
