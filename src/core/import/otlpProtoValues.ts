import { Attributes, newAttrMap, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { ProtoReader, formatOffset } from './protoReader';
import { T_ARRAY, T_BOOL, T_BYTES, T_DOUBLE, T_INT, T_KVLIST, T_KV_KEY, T_KV_VALUE, T_LIST_ITEM, T_STRING } from './otlpWireTags';

/**
 * OTLP `KeyValue` / `AnyValue` (common/v1/common.proto) from protobuf bytes → attributes.
 *
 * Two walks over the same bytes:
 * - `checkKeyValue` runs during the span pass: framing only, no strings, no allocation, so a
 *   malformed attribute makes its span unreadable at import time instead of failing later.
 * - `decodeKeyValues` materialises values; for spans, events and links it runs lazily, on the
 *   first access to their `Attributes` (see `lazyAttributes`).
 * Both enforce the same nesting limit, so a range that passed the check always decodes.
 *
 * Value mapping: string, bool, int64 (a number when safe, else a bigint), double, bytes (a
 * copy), arrays, and kvlists as null-prototype objects. An empty AnyValue, or one holding only
 * fields we do not read (profiles' `string_value_strindex`), is null. A KeyValue without a key
 * gets '' (proto3 cannot tell missing from empty); duplicates are all kept (the last one wins
 * in `Attributes.get`, as OTLP says).
 */

/** AnyValue levels allowed in one attribute value, the value itself included (a scalar is 1, an array of scalars 2); deeper makes the span unreadable. */
export const MAX_VALUE_DEPTH = 64;

/**
 * `[start, end)` spans the fields of one message from the first `tag` field to the last; only
 * `tag` fields are decoded, anything interleaved is skipped. Kept out of the span loop so the
 * closure captures four values, not the loop's scope.
 *
 * `r` is the import's own reader, shared by all the thunks of one input (one DataView instead
 * of one per span). Sharing is safe because decoding is synchronous and never re-entered, and
 * `decodeKeyValuesInto` sets `pos` before reading.
 */
export function lazyAttributes(r: ProtoReader, start: number, end: number, tag: number): Attributes {
  return new Attributes(() => decodeKeyValuesSafely(r, start, end, tag));
}

/** The range passed `checkKeyValue` at import, so this cannot fail; the guard is defence in depth. */
function decodeKeyValuesSafely(r: ProtoReader, start: number, end: number, tag: number): unknown[] {
  const flat: unknown[] = [];
  try {
    decodeKeyValuesInto(flat, r, start, end, tag);
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
  }
  return flat;
}

/** The `tag` fields of `[start, end)` as KeyValues, flat: `[key, value, key, value, …]`. Throws ImportError. */
export function decodeKeyValues(buf: Uint8Array, start: number, end: number, tag: number): unknown[] {
  const flat: unknown[] = [];
  decodeKeyValuesInto(flat, new ProtoReader(buf), start, end, tag);
  return flat;
}

function decodeKeyValuesInto(flat: unknown[], r: ProtoReader, start: number, end: number, tag: number, depth = 0): void {
  r.pos = start;
  for (let s = r.next(tag, end); s >= 0; s = r.next(tag, end)) {
    const e = r.pos;
    readKeyValue(r, s, e, flat, depth);
    r.pos = e;
  }
}

/** Pushes one KeyValue's key and value onto `flat`. A missing key is '' and a missing value null (proto3 defaults). */
function readKeyValue(r: ProtoReader, s: number, e: number, flat: unknown[], depth: number): void {
  let key = '';
  let value: AttrValue = null;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_KV_KEY) key = r.string(r.delimited(e), r.pos);
    else if (tag === T_KV_VALUE) {
      const vs = r.delimited(e);
      const ve = r.pos;
      value = readAnyValue(r, vs, ve, depth + 1);
      r.pos = ve;
    } else r.skip(tag & 7, e);
  }
  flat.push(key, value);
}

/** An AnyValue; empty or unknown (e.g. profiles' string_value_strindex) is null. The last oneof field wins. */
function readAnyValue(r: ProtoReader, s: number, e: number, depth: number): AttrValue {
  if (depth > MAX_VALUE_DEPTH) throw tooDeep(r, s);
  let value: AttrValue = null;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_STRING:
        value = r.string(r.delimited(e), r.pos);
        break;
      case T_BOOL:
        value = r.varint32(e) !== 0;
        break;
      case T_INT:
        value = r.int64(e);
        break;
      case T_DOUBLE:
        value = r.double(e);
        break;
      case T_BYTES:
        value = r.buf.slice(r.delimited(e), r.pos); // a copy: values must not alias the input
        break;
      case T_ARRAY: {
        const vs = r.delimited(e);
        const ve = r.pos;
        const items: AttrValue[] = [];
        r.pos = vs;
        for (let is = r.next(T_LIST_ITEM, ve); is >= 0; is = r.next(T_LIST_ITEM, ve)) {
          const ie = r.pos;
          items.push(readAnyValue(r, is, ie, depth + 1));
          r.pos = ie;
        }
        value = items;
        break;
      }
      case T_KVLIST: {
        const vs = r.delimited(e);
        const ve = r.pos;
        const pairs: unknown[] = [];
        decodeKeyValuesInto(pairs, r, vs, ve, T_LIST_ITEM, depth);
        const map = newAttrMap(); // null prototype: a "__proto__" key stays an ordinary key
        for (let i = 0; i < pairs.length; i += 2) map[pairs[i] as string] = pairs[i + 1] as AttrValue;
        value = map;
        r.pos = ve;
        break;
      }
      default:
        r.skip(tag & 7, e);
    }
  }
  return value;
}

/**
 * The span pass's check of one KeyValue: the same walk as `readKeyValue`, without decoding
 * strings or allocating. Throws what decoding would throw, so decoding later cannot fail.
 */
export function checkKeyValue(r: ProtoReader, s: number, e: number, depth: number): void {
  r.pos = s;
  for (let vs = r.next(T_KV_VALUE, e); vs >= 0; vs = r.next(T_KV_VALUE, e)) {
    const ve = r.pos;
    checkAnyValue(r, vs, ve, depth + 1);
    r.pos = ve;
  }
}

/** `checkKeyValue` for each `tag` field of `[s, e)`. */
export function checkKeyValues(r: ProtoReader, s: number, e: number, tag: number): void {
  r.pos = s;
  for (let vs = r.next(tag, e); vs >= 0; vs = r.next(tag, e)) {
    const ve = r.pos;
    checkKeyValue(r, vs, ve, 0);
    r.pos = ve;
  }
}

function checkAnyValue(r: ProtoReader, s: number, e: number, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw tooDeep(r, s);
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag !== T_ARRAY && tag !== T_KVLIST) {
      r.skip(tag & 7, e);
      continue;
    }
    const vs = r.delimited(e);
    const ve = r.pos;
    r.pos = vs;
    for (let is = r.next(T_LIST_ITEM, ve); is >= 0; is = r.next(T_LIST_ITEM, ve)) {
      const ie = r.pos;
      if (tag === T_ARRAY) checkAnyValue(r, is, ie, depth + 1);
      else checkKeyValue(r, is, ie, depth);
      r.pos = ie;
    }
  }
}

function tooDeep(r: ProtoReader, at: number): ImportError {
  return r.corrupt(`an attribute value at byte ${formatOffset(at)} is nested more than ${MAX_VALUE_DEPTH} levels deep`, at);
}
