/**
 * The shared primitives of every protocol validator, on both ends: the host checks requests
 * with them (`parseRequest`), the webview checks messages and results (`parseHostMessage`,
 * `resultCheckerFor`). One convention for all: a validator returns `Checked<T>`, the typed value
 * or an error naming the field that is wrong. (A bare `T | string` cannot tell a string result
 * from an error, so the protocol does not use it.)
 */

/** A checked value: what was validated, or why it was rejected. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = (error: string): { readonly ok: false; readonly error: string } => ({ ok: false, error });

/** A field check: undefined when the value is fine, else what is wrong with it. */
export type FieldCheck = (v: unknown) => string | undefined;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isNonNegNum = (v: unknown): v is number => isFiniteNum(v) && v >= 0;
/** An integer in [min, max] (defaults: a non-negative int32). */
export const isInt = (v: unknown, min = 0, max = 2 ** 31 - 1): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
export const isNonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
export const isOptString = (v: unknown): boolean => v === undefined || typeof v === 'string';
export const isOptNum = (v: unknown): boolean => v === undefined || isFiniteNum(v);
export const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
/** A string member of `set`. */
export const isOneOf = (set: ReadonlySet<string>, v: unknown): boolean => typeof v === 'string' && set.has(v);

/** A span index check bounded by the shown trace's span count (unbounded when it is unknown). */
export function spanIndexCheck(spanCount = Number.MAX_SAFE_INTEGER): { isIndex: (v: unknown) => boolean; isIndices: (v: unknown) => boolean } {
  const isIndex = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < spanCount;
  return { isIndex, isIndices: (v) => Array.isArray(v) && v.every(isIndex) };
}

/** A typed array class, as far as the validators need it. */
export type TypedArrayCtor = { readonly name: string; new (n: number): ArrayLike<number> };

/**
 * True when `v` is a `ctor` instance, also from another realm: typed arrays arrive through
 * structured clone (postMessage), and another realm's constructor is not `instanceof` ours.
 */
export function isTypedArrayOf(v: unknown, ctor: TypedArrayCtor): v is ArrayLike<number> {
  return v instanceof ctor || Object.prototype.toString.call(v) === `[object ${ctor.name}]`;
}

/** The first column of `columns` that is not of its typed array class, as an error; `${prefix}.${key} must be a ${Class}`. */
export function checkColumns(v: Record<string, unknown>, columns: Readonly<Record<string, TypedArrayCtor>>, prefix: string): string | undefined {
  for (const [k, ctor] of Object.entries(columns)) {
    if (!isTypedArrayOf(v[k], ctor)) return `${prefix}.${k} must be a ${ctor.name}`;
  }
  return undefined;
}

/** Runs `check` on each element of the array `v`; the first failure names its position (`field[i]: why`). */
export function everyItem(v: unknown, field: string, check: (item: unknown, i: number) => string | undefined): string | undefined {
  if (!Array.isArray(v)) return `${field} must be an array`;
  for (let i = 0; i < v.length; i++) {
    const bad = check(v[i], i);
    if (bad !== undefined) return `${field}[${i}]: ${bad}`;
  }
  return undefined;
}

/** `everyItem` for arrays of objects: a non-object element is `field[i]: is not an object`. */
export function everyRecord(v: unknown, field: string, check: (item: Record<string, unknown>, i: number) => string | undefined): string | undefined {
  return everyItem(v, field, (item, i) => (isRecord(item) ? check(item, i) : 'is not an object'));
}

/** Wraps the first-error style (`string | undefined`) into a `Checked` of the value it vouched for. */
export function checkedAs<T>(bad: string | undefined, v: unknown): Checked<T> {
  return bad === undefined ? ok(v as T) : fail(bad);
}
