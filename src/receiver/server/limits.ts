/**
 * The receiver's limits, with the reasons for the defaults. Every limit is checked before the
 * memory it guards is spent: request sizes on `Content-Length` first and then on the bytes
 * actually read, decompressed size while inflating, in-flight totals before reading a body.
 */
export interface ReceiverLimits {
  /** Body bytes on the wire (compressed or not). 20 MiB: the OpenTelemetry Collector's default. Over it: 413. */
  maxWireBytes: number;
  /** Body bytes after gunzip. 64 MiB (a JSON request of ~45k agent spans). Over it: 413, decided while inflating. */
  maxDecodedBytes: number;
  /** Requests being read or decoded at once. Over it: 503 with Retry-After. */
  maxConcurrentRequests: number;
  /** Body bytes held in memory by all requests being read (decompressed). Over it: 503. */
  maxInFlightBytes: number;
  /** Accepted spans waiting for the store's next flush (a slow disk). Over it: 503. */
  maxPendingStoreBytes: number;
  /** Seconds in the Retry-After header of a 503. */
  retryAfterSeconds: number;
  /** Time to receive a request's headers (slowloris). */
  headersTimeoutMs: number;
  /** Time to receive a whole request. */
  requestTimeoutMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReceiverLimits> = {
  maxWireBytes: 20 * MiB,
  maxDecodedBytes: 64 * MiB,
  maxConcurrentRequests: 128,
  maxInFlightBytes: 160 * MiB,
  maxPendingStoreBytes: 64 * MiB,
  retryAfterSeconds: 1,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

/** Defaults overridden by the positive finite numbers of `partial`; anything else is ignored. */
export function resolveLimits(partial: Partial<ReceiverLimits> = {}): ReceiverLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof ReceiverLimits)[]) {
    const v = partial[k];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[k] = v;
  }
  return out;
}

/**
 * Admission control: counts requests and the body bytes they hold. A request enters with
 * `tryEnter` (refused when the receiver is full) and charges bytes as it reads them; a charge
 * that would pass the byte budget fails, and the request is answered 503.
 */
export class Admission {
  private requests = 0;
  private bytes = 0;

  constructor(private readonly limits: Pick<ReceiverLimits, 'maxConcurrentRequests' | 'maxInFlightBytes'>) {}

  get inFlightRequests(): number {
    return this.requests;
  }

  get inFlightBytes(): number {
    return this.bytes;
  }

  /** `expectedBytes`: the Content-Length when given, so a request that cannot fit is refused before it is read. */
  tryEnter(expectedBytes: number): AdmissionTicket | undefined {
    if (this.requests >= this.limits.maxConcurrentRequests) return undefined;
    if (this.bytes + expectedBytes > this.limits.maxInFlightBytes) return undefined;
    this.requests++;
    let held = 0;
    let open = true;
    return {
      charge: (n: number) => {
        if (!open || this.bytes + n > this.limits.maxInFlightBytes) return false;
        this.bytes += n;
        held += n;
        return true;
      },
      release: () => {
        if (!open) return;
        open = false;
        this.requests--;
        this.bytes -= held;
        held = 0;
      },
    };
  }
}

export interface AdmissionTicket {
  /** Accounts for `n` more bytes held by this request; false when the budget is exhausted. */
  charge(n: number): boolean;
  /** Idempotent. */
  release(): void;
}
