/**
 * Request/response client over a message channel (the webview end of src/core/protocol/).
 *
 * Every request gets a fresh `requestId`; the host answers with `inReplyTo`. An incoming message
 * is first checked with `parseHostMessage`; a response's result is then checked with the
 * validator for the request it answers (`resultCheckerFor`). Anything that fails either check
 * rejects the pending promise (a bad result is an error, never data) or, when it matches no
 * pending request, is dropped and reported through `onDropped`. Requests that get no answer
 * within their timeout reject with `RpcError` too.
 *
 * Pure: the channel and the timers are injected, so this runs in node unit tests.
 */
import { parseHostMessage, type HostEvent, type Request, type RequestType, type ResultTypes } from '../../src/core/protocol';
import { resultCheckerFor } from '../../src/core/protocol/validate/results';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A request as callers write it: the client adds the `requestId`. */
export type RequestBody = DistributiveOmit<Request, 'requestId'>;

export class RpcError extends Error {
  constructor(
    readonly requestType: RequestType,
    readonly reason: 'host-error' | 'invalid-result' | 'timeout' | 'disposed',
    message: string,
  ) {
    super(message);
  }
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RpcClientOptions {
  /** Sends one request to the host. */
  readonly post: (req: Request) => void;
  readonly timers: Timers;
  /** Default timeout per request, milliseconds. */
  readonly timeoutMs?: number;
  /** Host events (after validation). */
  readonly onEvent: (ev: HostEvent) => void;
  /** Messages dropped: invalid, or answering no pending request. For logging. */
  readonly onDropped?: (why: string) => void;
}

interface Pending {
  readonly type: RequestType;
  readonly settle: (msg: { result: unknown } | { error: string }) => void;
  readonly fail: (err: RpcError) => void;
  readonly timer: unknown;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly opts: RpcClientOptions) {}

  /** Number of requests still waiting for an answer. */
  get pendingCount(): number {
    return this.pending.size;
  }

  request<B extends RequestBody>(body: B, timeoutMs = this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS): Promise<ResultTypes[B['type']]> {
    const requestId = this.nextId++;
    const req = { ...body, requestId } as Request;
    const validate = resultCheckerFor(req);
    const type: RequestType = body.type;
    return new Promise<ResultTypes[B['type']]>((resolve, reject) => {
      const timer = this.opts.timers.setTimeout(() => {
        this.pending.delete(requestId);
        reject(new RpcError(type, 'timeout', `${type}: no answer from the extension within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, {
        type,
        timer,
        fail: reject,
        settle: (msg) => {
          if ('error' in msg) {
            reject(new RpcError(type, 'host-error', msg.error));
            return;
          }
          const checked = validate(msg.result);
          if (!checked.ok) reject(new RpcError(type, 'invalid-result', `${type}: invalid result from the extension (${checked.error})`));
          else resolve(checked.value as ResultTypes[B['type']]);
        },
      });
      this.opts.post(req);
    });
  }

  /** Feeds one raw message from the host (the `data` of a window `message` event). */
  handleMessage(raw: unknown): void {
    const parsed = parseHostMessage(raw);
    if (!parsed.ok) {
      this.opts.onDropped?.(`invalid message from host: ${parsed.error}`);
      return;
    }
    const msg = parsed.value;
    if (msg.type !== 'response') {
      this.opts.onEvent(msg);
      return;
    }
    const p = this.pending.get(msg.inReplyTo);
    if (!p) {
      this.opts.onDropped?.(`response to unknown request ${msg.inReplyTo}`);
      return;
    }
    this.pending.delete(msg.inReplyTo);
    this.opts.timers.clearTimeout(p.timer);
    p.settle('error' in msg ? { error: msg.error } : { result: msg.result });
  }

  /** Rejects every pending request (the page is going away or the trace changed). */
  dispose(): void {
    for (const [id, p] of this.pending) {
      this.opts.timers.clearTimeout(p.timer);
      p.fail(new RpcError(p.type, 'disposed', `${p.type}: cancelled`));
      this.pending.delete(id);
    }
  }
}
