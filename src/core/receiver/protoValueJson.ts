import { MAX_VALUE_DEPTH } from '../import/otlpProtoValues';
import { type ProtoReader, formatOffset } from '../import/protoReader';
import { type JsonBytes, jsonLiteral } from './jsonBytes';
import { T_ARRAY, T_BOOL, T_BYTES, T_DOUBLE, T_INT, T_KVLIST, T_KV_KEY, T_KV_VALUE, T_LIST_ITEM, T_STRING } from '../import/otlpWireTags';

/**
 * OTLP `KeyValue` / `AnyValue` (common/v1/common.proto) protobuf → OTLP JSON, bytes to bytes.
 * Mirrors `readKeyValue`/`readAnyValue` in import/otlpProtoValues.ts: a missing key is "" and a
 * missing value `{}` (null); every value field is checked and the last one written (oneof);
 * nesting deeper than `MAX_VALUE_DEPTH` throws `ImportError`, as it makes the span unreadable
 * there. int64 is written as a decimal string, doubles as JSON numbers (NaN, ±Infinity and -0
 * as strings, proto3 JSON), bytes as base64.
 */

const J_OPEN_KEY = jsonLiteral('{"key":');
const J_NEXT_VALUE = jsonLiteral(',"value":');
const J_EMPTY_STRING = jsonLiteral('""');
const J_EMPTY_OBJECT = jsonLiteral('{}');
const J_STRING_VALUE = jsonLiteral('"stringValue":');
const J_BOOL_TRUE = jsonLiteral('"boolValue":true');
const J_BOOL_FALSE = jsonLiteral('"boolValue":false');
const J_BYTES_VALUE = jsonLiteral('"bytesValue":');
const J_ARRAY_VALUE = jsonLiteral('"arrayValue":{"values":[');
const J_KVLIST_VALUE = jsonLiteral('"kvlistValue":{"values":');
const J_CLOSE_ARRAY_VALUE = jsonLiteral(']}');

/** The `tag` fields of `[s, e)` as a JSON array of KeyValues. */
export function writeKeyValueList(r: ProtoReader, s: number, e: number, tag: number, w: JsonBytes, depth: number): void {
  w.byte(0x5b);
  let first = true;
  r.pos = s;
  for (let vs = r.next(tag, e); vs >= 0; vs = r.next(tag, e)) {
    const ve = r.pos;
    if (!first) w.byte(0x2c);
    first = false;
    writeKeyValue(r, vs, ve, w, depth);
    r.pos = ve;
  }
  w.byte(0x5d);
}

/** `{"key":…,"value":…}`. A missing key is "" and a missing value `{}`; every value field is checked, the last one is written. */
export function writeKeyValue(r: ProtoReader, s: number, e: number, w: JsonBytes, depth: number): void {
  let key = -1,
    keyE = -1,
    val = -1,
    valE = -1;
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    if (tag === T_KV_KEY) {
      key = r.delimited(e);
      keyE = r.pos;
    } else if (tag === T_KV_VALUE) {
      const vs = r.delimited(e);
      const ve = r.pos;
      if (val >= 0) {
        // An earlier value field: the importer decodes (and so checks) it too.
        const mark = w.len;
        writeAnyValue(r, val, valE, w, depth + 1);
        w.len = mark;
      }
      val = vs;
      valE = ve;
      r.pos = ve;
    } else r.skip(tag & 7, e);
  }
  w.lit(J_OPEN_KEY);
  if (key >= 0) w.string(r.buf, key, keyE);
  else w.lit(J_EMPTY_STRING);
  w.lit(J_NEXT_VALUE);
  if (val >= 0) writeAnyValue(r, val, valE, w, depth + 1);
  else w.lit(J_EMPTY_OBJECT);
  w.byte(0x7d);
}

function writeAnyValue(r: ProtoReader, s: number, e: number, w: JsonBytes, depth: number): void {
  if (depth > MAX_VALUE_DEPTH) throw r.corrupt(`an attribute value at byte ${formatOffset(s)} is nested more than ${MAX_VALUE_DEPTH} levels deep`, s);
  w.byte(0x7b);
  const open = w.len; // the oneof's last field wins: each one found rewrites from here
  r.pos = s;
  while (r.pos < e) {
    const tag = r.tag(e);
    switch (tag) {
      case T_STRING: {
        const vs = r.delimited(e);
        w.len = open;
        w.lit(J_STRING_VALUE);
        w.string(r.buf, vs, r.pos);
        break;
      }
      case T_BOOL:
        w.len = open;
        w.lit(r.varint32(e) !== 0 ? J_BOOL_TRUE : J_BOOL_FALSE);
        break;
      case T_INT:
        w.len = open;
        w.ascii(`"intValue":"${r.int64(e)}"`);
        break;
      case T_DOUBLE: {
        const v = r.double(e);
        w.len = open;
        w.ascii(`"doubleValue":${Number.isFinite(v) ? (Object.is(v, -0) ? '"-0"' : String(v)) : `"${v}"`}`);
        break;
      }
      case T_BYTES: {
        const vs = r.delimited(e);
        w.len = open;
        w.lit(J_BYTES_VALUE);
        w.base64(r.buf, vs, r.pos);
        break;
      }
      case T_ARRAY: {
        const vs = r.delimited(e);
        const ve = r.pos;
        w.len = open;
        w.lit(J_ARRAY_VALUE);
        let first = true;
        r.pos = vs;
        for (let is = r.next(T_LIST_ITEM, ve); is >= 0; is = r.next(T_LIST_ITEM, ve)) {
          const ie = r.pos;
          if (!first) w.byte(0x2c);
          first = false;
          writeAnyValue(r, is, ie, w, depth + 1);
          r.pos = ie;
        }
        w.lit(J_CLOSE_ARRAY_VALUE);
        r.pos = ve;
        break;
      }
      case T_KVLIST: {
        const vs = r.delimited(e);
        const ve = r.pos;
        w.len = open;
        w.lit(J_KVLIST_VALUE);
        writeKeyValueList(r, vs, ve, T_LIST_ITEM, w, depth);
        w.byte(0x7d);
        r.pos = ve;
        break;
      }
      default:
        r.skip(tag & 7, e);
    }
  }
  w.byte(0x7d);
}
