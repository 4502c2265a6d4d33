/**
 * Span, resource, scope, event and link attributes.
 *
 * Values follow OTLP's AnyValue: strings, booleans, numbers (int64 beyond 2^53 stay `bigint`),
 * bytes, arrays and key/value lists. Key/value lists are null-prototype objects so a key such as
 * `__proto__` from a trace can never reach `Object.prototype`.
 *
 * Storage is a flat `[key0, value0, key1, value1, …]` array: about a third of the memory of a
 * `Map` per span, and spans rarely carry more than a few dozen attributes, so a linear `get` is
 * cheaper than hashing. Importers that can defer decoding (protobuf) pass a thunk instead, and
 * the values are materialised on first access.
 */
export type AttrValue = string | number | boolean | bigint | Uint8Array | null | readonly AttrValue[] | AttrMap;

export interface AttrMap {
  readonly [key: string]: AttrValue;
}

export class Attributes {
  private flat: unknown[] | undefined;
  private thunk: (() => unknown[]) | undefined;

  /** `flat` is `[key, value, key, value, …]`; pass a function to decode lazily. */
  constructor(flat: unknown[] | (() => unknown[])) {
    if (typeof flat === 'function') this.thunk = flat;
    else this.flat = flat;
  }

  static readonly EMPTY = new Attributes([]);

  static fromRecord(rec: Record<string, AttrValue>): Attributes {
    const flat: unknown[] = [];
    for (const k of Object.keys(rec)) flat.push(k, rec[k]);
    return new Attributes(flat);
  }

  private data(): unknown[] {
    if (this.flat === undefined) {
      const t = this.thunk!;
      this.thunk = undefined;
      this.flat = t();
    }
    return this.flat;
  }

  /** True while a lazily decoded attribute list has not been read yet. */
  get isPending(): boolean {
    return this.flat === undefined;
  }

  get size(): number {
    return this.data().length >> 1;
  }

  /** The last value for `key` (OTLP says later duplicates win). */
  get(key: string): AttrValue | undefined {
    const d = this.data();
    for (let i = d.length - 2; i >= 0; i -= 2) if (d[i] === key) return d[i + 1] as AttrValue;
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  getString(key: string): string | undefined {
    const v = this.get(key);
    return typeof v === 'string' ? v : undefined;
  }

  /** A number from an int, double or numeric string value. */
  getNumber(key: string): number | undefined {
    return toNumber(this.get(key));
  }

  keys(): string[] {
    const d = this.data();
    const out: string[] = [];
    for (let i = 0; i < d.length; i += 2) out.push(d[i] as string);
    return out;
  }

  *entries(): IterableIterator<[string, AttrValue]> {
    const d = this.data();
    for (let i = 0; i < d.length; i += 2) yield [d[i] as string, d[i + 1] as AttrValue];
  }

  /** Keys starting with `prefix`, in order. */
  withPrefix(prefix: string): [string, AttrValue][] {
    const d = this.data();
    const out: [string, AttrValue][] = [];
    for (let i = 0; i < d.length; i += 2) {
      const k = d[i] as string;
      if (k.startsWith(prefix)) out.push([k, d[i + 1] as AttrValue]);
    }
    return out;
  }
}

/** A finite number from an int, double or numeric string value; undefined for anything else. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A null-prototype object: safe to fill with keys taken from a trace. */
export function newAttrMap(): Record<string, AttrValue> {
  return Object.create(null) as Record<string, AttrValue>;
}

/** A short human-readable rendering of a value (for tables, dumps and the CLI). */
export function formatAttrValue(v: AttrValue | undefined): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? `<${x.length} bytes>` : x));
}
