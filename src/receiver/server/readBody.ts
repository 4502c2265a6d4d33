import type { IncomingMessage } from 'node:http';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { AdmissionTicket } from './limits';

/** A body that could not be read; `status` is the HTTP answer. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

export interface BodyLimits {
  maxWireBytes: number;
  maxDecodedBytes: number;
}

/**
 * Reads a request body, gunzipping it on the fly when `gzip`. Fails fast, with nothing more
 * read or inflated than needed to decide:
 * - wire bytes are counted as they arrive (a missing or lying Content-Length changes nothing):
 *   past `maxWireBytes`, 413;
 * - gzip output is counted chunk by chunk as zlib produces it: past `maxDecodedBytes` the
 *   inflater is destroyed at once, so a bomb costs at most the limit plus one chunk, never
 *   its full size: 413;
 * - every byte held is charged to the admission ticket: when the receiver's in-flight budget
 *   is spent, 503;
 * - corrupt gzip, or a client that goes away mid-body: 400.
 * On failure the request stream is left paused; the caller answers and closes the connection.
 */
export function readBody(req: IncomingMessage, gzip: boolean, limits: BodyLimits, ticket: AdmissionTicket, contentLength?: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    // With a known length (checked against the limit by the caller), chunks are copied into one
    // buffer as they come: no list of chunks and no concatenation at the end.
    let whole = !gzip && contentLength !== undefined && contentLength <= limits.maxWireBytes ? Buffer.allocUnsafe(contentLength) : undefined;
    let wire = 0;
    let decoded = 0;
    let settled = false;
    let ended = false;
    let gunzip: Gunzip | undefined;

    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      req.off('close', onClose);
    };
    const fail = (err: BodyError) => {
      if (settled) return;
      settled = true;
      cleanup();
      req.pause();
      if (gunzip) {
        gunzip.removeAllListeners('data');
        gunzip.on('error', () => {}); // errors after destroy are of no interest
        gunzip.destroy();
      }
      chunks.length = 0;
      whole = undefined;
      reject(err);
    };
    const succeed = () => {
      if (settled) return;
      settled = true;
      cleanup();
      if (whole) resolve(decoded === whole.length ? whole : whole.subarray(0, decoded));
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, decoded));
    };
    const keep = (c: Buffer): boolean => {
      decoded += c.length;
      if (decoded > limits.maxDecodedBytes) {
        fail(new BodyError(413, `the request body inflates to more than ${fmt(limits.maxDecodedBytes)} (the receiver's limit); send smaller batches`));
        return false;
      }
      if (!ticket.charge(c.length)) {
        fail(new BodyError(503, 'the receiver is busy (too much data in flight); retry later'));
        return false;
      }
      if (whole && decoded <= whole.length) c.copy(whole, decoded - c.length);
      else {
        if (whole) {
          // More than Content-Length said (the HTTP parser does not allow it; defensive).
          chunks.push(whole.subarray(0, decoded - c.length));
          whole = undefined;
        }
        chunks.push(c);
      }
      return true;
    };

    function onData(c: Buffer): void {
      wire += c.length;
      if (wire > limits.maxWireBytes) {
        fail(new BodyError(413, `the request body is larger than ${fmt(limits.maxWireBytes)} (the receiver's limit); send smaller batches`));
        return;
      }
      if (!gunzip) {
        keep(c);
        return;
      }
      if (!gunzip.write(c)) {
        // Let zlib catch up before reading more: keeps the inflater's input buffer small.
        req.pause();
        gunzip.once('drain', () => {
          if (!settled) req.resume();
        });
      }
    }
    function onEnd(): void {
      ended = true;
      if (gunzip) gunzip.end();
      else succeed();
    }
    function onAbort(): void {
      fail(new BodyError(400, 'the client closed the connection before sending the whole body'));
    }
    function onClose(): void {
      if (!ended && !req.complete) onAbort();
    }

    if (gzip) {
      gunzip = createGunzip();
      gunzip.on('data', (c: Buffer) => {
        keep(c);
      });
      gunzip.on('error', (e: Error) => fail(new BodyError(400, `the gzip body is corrupt (${e.message})`)));
      gunzip.on('end', succeed);
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
    req.on('close', onClose);
  });
}

function fmt(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en-US')} bytes`;
}
