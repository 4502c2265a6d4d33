/**
 * Time units used across the model.
 *
 * - `UnixNanos`: absolute time, nanoseconds since the Unix epoch, as a `bigint`. OTLP carries
 *   fixed64 nanoseconds; a JS `number` only holds integers exactly up to 2^53 (about 104 days
 *   of nanoseconds), so absolute times never become `number`s.
 * - `OffsetMs`: a float number of milliseconds from the trace's start, for rendering and
 *   arithmetic on the UI side, where sub-microsecond precision is irrelevant.
 */
export type UnixNanos = bigint;
export type OffsetMs = number;

const NS_PER_MS = 1_000_000n;

/** Milliseconds between two absolute times, as a float (`to - from`). */
export function spanMs(from: UnixNanos, to: UnixNanos): OffsetMs {
  const d = to - from;
  // Split to keep precision: whole milliseconds as bigint, remainder as a fraction.
  return Number(d / NS_PER_MS) + Number(d % NS_PER_MS) / 1e6;
}

export function microsToNanos(us: number | bigint): UnixNanos {
  return typeof us === 'bigint' ? us * 1000n : BigInt(Math.round(us)) * 1000n;
}

export function millisToNanos(ms: number): UnixNanos {
  const whole = Math.floor(ms);
  return BigInt(whole) * NS_PER_MS + BigInt(Math.round((ms - whole) * 1e6));
}

/** `[seconds, nanoseconds]` as the OTel JS SDK's HrTime. */
export function hrTimeToNanos(hr: readonly [number, number]): UnixNanos {
  return BigInt(Math.trunc(hr[0])) * 1_000_000_000n + BigInt(Math.trunc(hr[1]));
}

const DECIMAL = /^-?\d+$/;
const FRACTIONAL = /^(-?\d+)\.\d+$/;

/**
 * Reads a nanosecond timestamp from JSON: OTLP/JSON writes 64-bit ints as decimal strings, but
 * producers also write numbers. Returns undefined for anything else. `lossy` is set when a
 * number arrived past 2^53 and may already have lost precision in JSON.parse.
 */
export function parseNanos(v: unknown): { ns: UnixNanos; lossy: boolean } | undefined {
  if (typeof v === 'string') {
    if (DECIMAL.test(v)) return { ns: BigInt(v), lossy: false };
    // Hand-written and converted files: "1000000000.75" (fraction of a nanosecond dropped) and
    // ISO-8601 instants ("2024-01-01T00:00:00Z") name a time just as well.
    const frac = FRACTIONAL.exec(v);
    if (frac) return { ns: BigInt(frac[1]), lossy: false };
    const iso = v.includes('T') ? isoToNanos(v) : undefined;
    return iso === undefined ? undefined : { ns: iso, lossy: false };
  }
  if (typeof v === 'number' && Number.isFinite(v)) {
    return { ns: BigInt(Math.trunc(v)), lossy: !Number.isSafeInteger(v) };
  }
  if (typeof v === 'bigint') return { ns: v, lossy: false };
  return undefined;
}

/** Parses an ISO-8601 timestamp keeping sub-millisecond digits (Date.parse drops them). */
export function isoToNanos(iso: string): UnixNanos | undefined {
  const m = /^(.*?T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return undefined;
  const base = Date.parse(m[1] + (m[3] ?? 'Z'));
  if (Number.isNaN(base)) return undefined;
  const frac = (m[2] ?? '').padEnd(9, '0').slice(0, 9);
  return BigInt(base) * NS_PER_MS + BigInt(frac);
}
