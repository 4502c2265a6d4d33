import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonProblem } from '../../../src/core/import/json/jsonScan';
import { readJson } from '../../../src/core/import/json/readJson';
import { ImportError } from '../../../src/core/model/diagnostics';

const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

function errorOf(s: string): ImportError {
  try {
    readJson(bytes(s));
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('readJson', () => {
  it('parses a document and strips a BOM', () => {
    const r = readJson(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":[1,2]}')]));
    expect(r).toEqual({ kind: 'document', value: { a: [1, 2] }, utf8: { invalidUtf8: false } });
  });

  it('reports invalid UTF-8 with the input it belongs to, also when found in a lazily read line', () => {
    // 0xff is never valid UTF-8: the string reads U+FFFD and the report says so
    const bad = readJson(new Uint8Array([...bytes('{"a":"'), 0xff, ...bytes('"}')]));
    expect(bad).toEqual({ kind: 'document', value: { a: '\ufffd' }, utf8: { invalidUtf8: true } });
    // a second, clean read does not see the first read's flag, and the first keeps its own
    expect(readJson(bytes('{"a":1}')).utf8.invalidUtf8).toBe(false);
    expect(bad.utf8.invalidUtf8).toBe(true);
    const lines = readJson(new Uint8Array([...bytes('{"a":1}\n{"b":"'), 0xff, ...bytes('"}\n')]));
    expect(lines.kind).toBe('lines');
    expect(lines.utf8.invalidUtf8).toBe(false); // only the first line was read so far
    if (lines.kind === 'lines') expect([...lines.lines()]).toHaveLength(2);
    expect(lines.utf8.invalidUtf8).toBe(true);
  });

  it('reads JSON Lines lazily, reporting a broken line without failing the file', () => {
    const r = readJson(bytes('{"a":1}\n{"a":2}\n{"a":\n\n{"a":4}\n'));
    expect(r.kind).toBe('lines');
    if (r.kind !== 'lines') return;
    const lines = [...r.lines()];
    expect(lines.map((l) => l.value)).toEqual([{ a: 1 }, { a: 2 }, undefined, { a: 4 }]);
    expect(lines[2]).toMatchObject({ line: 3 });
    expect(lines[2].error).toMatch(/truncated JSON/);
  });

  it('treats one pretty-printed document as a document, not lines', () => {
    const r = readJson(bytes('{\n  "a": 1,\n  "b": [\n    2\n  ]\n}\n'));
    expect(r).toEqual({ kind: 'document', value: { a: 1, b: [2] }, utf8: { invalidUtf8: false } });
  });

  it('names the byte where a document is truncated', () => {
    const doc = '{"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"x"';
    const e = errorOf(doc);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.message).toBe(`truncated JSON at byte ${doc.length}`);
    expect(e.offset).toBe(doc.length);
  });

  it.each([
    ['{"a":1,}', 7, "unexpected '}' where an object key should start"],
    ['{"a" 1}', 5, "unexpected '1' after an object key (expected ':')"],
    ['[1 2]', 3, "unexpected '2' after an array element (expected ',' or ']')"],
    ['{"a":tru}', 8, 'unexpected \'}\' in literal "true"'],
    ['{"a":"x\\q"}', 7, 'invalid escape in a string'],
    ['{"a":01}', 6, "unexpected '1' after an object member (expected ',' or '}')"],
    ['{"a":1} x', 8, "unexpected 'x' after the end of the JSON value"],
  ])('locates the problem in %s', (doc, offset, message) => {
    expect(findJsonProblem(bytes(doc))).toEqual({ offset, message });
  });

  it('agrees with JSON.parse on which documents are valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(findJsonProblem(bytes(s)) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles nesting 10,000 deep', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(findJsonProblem(bytes(deep))).toBeUndefined();
    expect(findJsonProblem(bytes('['.repeat(10_000)))).toEqual({ offset: 10_000, message: 'truncated JSON' });
  });
});

describe('readJson on documents larger than the string limit', () => {
  it('splits structurally and gives the same value as JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6, stringUnit: 'grapheme-ascii', maxLength: 6 } as Parameters<typeof fc.jsonValue>[0]), (v) => {
        const text = JSON.stringify({ resourceSpans: [v, { k: v }], tail: 'x' });
        // Every container over 64 bytes is walked member by member; no single string or number
        // here reaches 64 bytes (those would be clipped, by design, past the real 64 MB limit).
        const r = readJson(bytes(text), 64);
        expect(r).toEqual({ kind: 'document', value: JSON.parse(text), utf8: { invalidUtf8: false } });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps "__proto__" keys as data, as JSON.parse does', () => {
    const text = '{"a":{"__proto__":{"polluted":true},"b":"0123456789012345678901234567890"}}';
    const r = readJson(bytes(text), 8);
    expect(r.kind === 'document' && Object.keys((r.value as { a: object }).a)).toEqual(['__proto__', 'b']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reports the position of a problem in a large document', () => {
    const text = '{"resourceSpans":[{"a":1},{"b":2},{"c":]}';
    expect(() => readJson(bytes(text), 8)).toThrow("unexpected ']' where a value should start at byte 39");
  });
});

describe('quoteLongIntegers', () => {
  const dec = new TextDecoder();
  it('quotes long integers outside strings only', async () => {
    const { quoteLongIntegers } = await import('../../../src/core/import/json/exactIntegers');
    const text = '{"id":15531323892744358789,"s":"x: 15531323892744358789,","f":1758028600960730000.5,"n":[-123456789012345678,42],"e":1234567890123456e3}';
    expect(dec.decode(quoteLongIntegers(enc.encode(text)))).toBe(
      '{"id":"15531323892744358789","s":"x: 15531323892744358789,","f":1758028600960730000.5,"n":["-123456789012345678",42],"e":1234567890123456e3}',
    );
    expect(quoteLongIntegers(enc.encode('{"a":"\\"12345678901234567890","b":1}'))).toBeUndefined();
  });
});
