import { Attributes, newAttrMap, type AttrValue } from '../model/attributes';
import { base64ToBytes } from './ids';
import { intern } from './intern';

const SHORT_VALUE = 24;
/** Deeper values are kept as one marker string: a 10,000-level array must not exhaust the stack. */
export const MAX_VALUE_DEPTH = 128;
export const TOO_DEEP = `(nested more than ${MAX_VALUE_DEPTH} levels deep; the rest is not shown)`;

/**
 * OTLP/JSON AnyValue → AttrValue. Accepts the lowerCamel spec keys and the snake_case keys some
 * protobuf-JSON printers emit. An empty or unknown AnyValue becomes null rather than an error.
 */
export function anyValueFromJson(v: unknown, depth = 0): AttrValue {
  if (v === null || typeof v !== 'object') return (v as AttrValue) ?? null;
  if (depth > MAX_VALUE_DEPTH) return TOO_DEEP;
  const o = v as Record<string, unknown>;
  if ('stringValue' in o || 'string_value' in o) return String(o.stringValue ?? o.string_value ?? '');
  if ('boolValue' in o || 'bool_value' in o) {
    const b = o.boolValue ?? o.bool_value;
    return b === true || b === 'true';
  }
  if ('intValue' in o || 'int_value' in o) return intFromJson(o.intValue ?? o.int_value);
  if ('doubleValue' in o || 'double_value' in o) {
    const d = o.doubleValue ?? o.double_value;
    return typeof d === 'number' ? d : Number(d);
  }
  if ('arrayValue' in o || 'array_value' in o) {
    const arr = (o.arrayValue ?? o.array_value) as { values?: unknown[] } | undefined;
    return Array.isArray(arr?.values) ? arr.values.map((x) => anyValueFromJson(x, depth + 1)) : [];
  }
  if ('kvlistValue' in o || 'kvlist_value' in o) {
    const kv = (o.kvlistValue ?? o.kvlist_value) as { values?: unknown[] } | undefined;
    const out = newAttrMap();
    if (Array.isArray(kv?.values)) {
      for (const e of kv.values) {
        if (e && typeof e === 'object' && typeof (e as { key?: unknown }).key === 'string') {
          out[(e as { key: string }).key] = anyValueFromJson((e as { value?: unknown }).value, depth + 1);
        }
      }
    }
    return out;
  }
  if ('bytesValue' in o || 'bytes_value' in o) {
    const b = o.bytesValue ?? o.bytes_value;
    return typeof b === 'string' ? (base64ToBytes(b) ?? b) : null;
  }
  return null;
}

/** int64 from JSON (decimal string or number); past 2^53 it stays a bigint. */
export function intFromJson(v: unknown): number | bigint | null {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v);
  }
  return null;
}

/**
 * An OTLP/JSON `attributes: [{key, value}]` list. Entries without a string key are skipped. A
 * plain `{key: value}` object (some hand-written exporters) is read as such, not dropped.
 */
export function attributesFromJson(list: unknown): Attributes {
  if (list && typeof list === 'object' && !Array.isArray(list)) return attributesFromObject(list);
  if (!Array.isArray(list) || list.length === 0) return Attributes.EMPTY;
  const flat: unknown[] = [];
  for (const e of list) {
    if (e && typeof e === 'object') {
      const key = (e as { key?: unknown }).key;
      if (typeof key === 'string') {
        // Keys repeat on every span; so do short values ("chat", "openai", a tool name). Long
        // values rarely repeat, and hashing each one to look it up costs more than it saves.
        const v = anyValueFromJson((e as { value?: unknown }).value);
        flat.push(intern(key), typeof v === 'string' && v.length <= SHORT_VALUE ? intern(v) : v);
      }
    }
  }
  return new Attributes(flat);
}

/** A plain JSON object of tags (Zipkin, Langfuse metadata, Python dicts) as attributes. */
export function attributesFromObject(obj: unknown): Attributes {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return Attributes.EMPTY;
  const flat: unknown[] = [];
  for (const k of Object.keys(obj)) flat.push(k, plainToAttr((obj as Record<string, unknown>)[k]));
  return new Attributes(flat);
}

/** Plain JSON → AttrValue, copying objects into null-prototype maps. */
export function plainToAttr(v: unknown, depth = 0): AttrValue {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') return v as AttrValue;
  if (depth > MAX_VALUE_DEPTH) return TOO_DEEP;
  if (Array.isArray(v)) return v.map((x) => plainToAttr(x, depth + 1));
  const out = newAttrMap();
  for (const k of Object.keys(v)) out[k] = plainToAttr((v as Record<string, unknown>)[k], depth + 1);
  return out;
}
