import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { TOO_DEEP } from '../../../src/core/import/otlpValues';
import { ImportError } from '../../../src/core/model/diagnostics';
import { SpanKind, StatusCode } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';

/**
 * The second batch of malformed-input classes (issue 11), one fixture each, built by the
 * "second batch" part of test/fixtures/malformed/make.py. Every expectation below is worked
 * out from how make.py builds the file: T = 5b8e…c60c, T2 = 6c9f…aa02, R = …a1, C = …b2,
 * spans from 1e9 to 2e9 ns, named "span-" + the last two id characters unless said otherwise.
 */
const dir = join(__dirname, '../../fixtures/malformed');
const raw = (f: string) => readFileSync(join(dir, f));
const load = (f: string) => importTrace(raw(f));
const T = '5b8efff798038103d269b633813fc60c';
const T2 = '6c9f000000000000000000000000aa02';
const R = '00000000000000a1';
const C = '00000000000000b2';

function codes(set: TraceSet): string[] {
  return [...set.diagnostics, ...set.traces.flatMap((t) => t.diagnostics)].map((d) => d.code);
}
/** [traceId, spanId, name, parentIndex] of every rendered span, traces in output order. */
function tree(set: TraceSet): [string, string, string, number][] {
  return set.traces.flatMap((t) => t.spans.map((s) => [t.traceId, s.spanId, s.name, s.parentIndex] as [string, string, string, number]));
}
function accounted(set: TraceSet): number {
  const shown = set.traces.reduce((n, t) => n + t.spans.length + t.quarantined.length, 0);
  return shown + set.diagnostics.filter((d) => d.code === 'unreadable-span').length;
}
function failure(f: string): Error {
  try {
    load(f);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    expect((e as Error).message).not.toMatch(/\n\s+at /);
    return e as Error;
  }
  throw new Error(`${f} loaded, but it should have failed`);
}

const TWO = [
  [T, R, 'span-a1', -1],
  [T, C, 'span-b2', 0],
];

describe('malformed input, second batch: text encodings', () => {
  it('utf8-bom: the byte-order mark is skipped and both spans load', () => {
    const set = load('utf8-bom.otlp.json');
    expect(tree(set)).toEqual(TWO);
    expect(codes(set)).toEqual([]);
  });

  it.each(['utf16le-bom.otlp.json', 'utf16be-no-bom.otlp.json'])('%s: UTF-16 text is decoded, both spans load, with a note', (f) => {
    const set = load(f);
    expect(tree(set)).toEqual(TWO);
    expect(set.diagnostics.map((d) => d.message)).toEqual([`the file is UTF-16${f.includes('le') ? 'LE' : 'BE'} text; read as such`]);
  });
});

describe('malformed input, second batch: JSON oddities', () => {
  it('duplicate-json-keys: the last "name" wins, as in JSON.parse', () => {
    expect(tree(load('duplicate-json-keys.otlp.json'))).toEqual([[T, R, 'second', -1]]);
  });

  it('deeply-nested-attribute: 10,000 nested arrays load without exhausting the stack; past 128 levels a marker', () => {
    const set = load('deeply-nested-attribute.otlp.json.gz');
    let v = set.traces[0].spans[0].attributes.get('deep') as unknown;
    // Levels 0…128 are arrays (depth ≤ 128 is read); the value at depth 129 is the marker.
    for (let d = 0; d <= 128; d++) {
      expect(Array.isArray(v)).toBe(true);
      v = (v as unknown[])[0];
    }
    expect(v).toBe(TOO_DEEP);
  });

  it('nan-literal: NaN is not JSON; the error names the byte where it stands', () => {
    const at = raw('nan-literal.otlp.json').indexOf('NaN');
    expect(failure('nan-literal.otlp.json').message).toBe(`unexpected 'N' where a value should start at byte ${at}`);
  });

  it('jsonl-blank-lines-crlf: CRLF line ends and blank lines between records are fine', () => {
    const set = load('jsonl-blank-lines-crlf.otlp.jsonl');
    expect(tree(set)).toEqual(TWO);
    expect(codes(set)).toEqual([]);
  });

  it('mixed-formats: a Zipkin record in an OTLP JSON Lines file is read as Zipkin, not dropped', () => {
    const set = load('mixed-formats.jsonl');
    expect(codes(set)).toEqual([]);
    expect(set.inputSpanCount).toBe(2);
    const zipkin = set.traces.find((t) => t.traceId === '0000000000000000463ac35c9f6413ad')!;
    // Zipkin times are microseconds: timestamp 1 µs, duration 2 µs.
    expect([zipkin.spans[0].name, zipkin.spans[0].startNs, zipkin.spans[0].endNs]).toEqual(['zipkin', 1000n, 3000n]);
    expect(set.traces.find((t) => t.traceId === T)!.spans.map((s) => s.name)).toEqual(['span-a1']);
  });
});

describe('malformed input, second batch: field types', () => {
  it('iso-timestamps: ISO-8601 instants are read as the times they name', () => {
    const s = load('iso-timestamps.otlp.json').traces[0].spans[0];
    // 2024-01-01T00:00:00Z is 1,704,067,200 s after the epoch.
    expect([s.startNs, s.endNs]).toEqual([1_704_067_200_000_000_000n, 1_704_067_201_500_000_000n]);
  });

  it('timestamp-fractional: "1000000000.75" ns is read as 1000000000 ns', () => {
    const set = load('timestamp-fractional.otlp.json');
    expect(set.traces[0].quarantined).toEqual([]);
    expect([set.traces[0].spans[0].startNs, set.traces[0].spans[0].endNs]).toEqual([1_000_000_000n, 2_000_000_000n]);
  });

  it('timestamp-far-future-and-pre-1970: year 3000 (past 2^64 ns) and before 1970 are kept exactly', () => {
    const set = load('timestamp-far-future-and-pre-1970.otlp.json');
    const byName = Object.fromEntries(set.traces[0].spans.map((s) => [s.name, [s.startNs, s.endNs]]));
    expect(byName).toEqual({ 'span-a1': [32_503_680_000_000_000_000n, 32_503_680_001_000_000_000n], 'span-b2': [-1_000_000_000n, -500_000_000n] });
    expect(codes(set)).toEqual([]);
  });

  it('kind-and-status-out-of-range: kind 99 is unspecified, status 7 unset (message kept); names are read', () => {
    const [a, b] = load('kind-and-status-out-of-range.otlp.json').traces[0].spans;
    expect([a.kind, a.status]).toEqual([SpanKind.Unspecified, { code: StatusCode.Unset, message: 'weird' }]);
    expect([b.kind, b.status.code]).toEqual([SpanKind.Client, StatusCode.Error]);
  });

  it('attributes-as-plain-object: {key: value} attributes are read, not dropped', () => {
    const a = load('attributes-as-plain-object.otlp.json').traces[0].spans[0].attributes;
    expect([a.keys(), a.get('gen_ai.system'), a.get('n')]).toEqual([['gen_ai.system', 'n'], 'openai', 3]);
  });

  it('attribute-without-value: no value and an unknown AnyValue type are null; the key stays', () => {
    const a = load('attribute-without-value.otlp.json').traces[0].spans[0].attributes;
    expect(a.keys()).toEqual(['empty', 'odd', 'ok']);
    expect([a.get('empty'), a.get('odd'), a.get('ok')]).toEqual([null, null, 5]);
  });

  it('events-and-links-not-arrays: an events object gives no events; the readable link stays, as written', () => {
    const s = load('events-and-links-not-arrays.otlp.json').traces[0].spans[0];
    expect(s.events).toEqual([]);
    // Link span id 5 is a decimal integer id → 0000000000000005; "zz" is kept as written; "nope" is not a link.
    expect(s.links.map((l) => [l.traceId, l.spanId])).toEqual([['zz', '0000000000000005']]);
  });

  it('name-not-a-string: a number or object name is shown as its JSON text', () => {
    expect(tree(load('name-not-a-string.otlp.json')).map((r) => r[2])).toEqual(['42', '{"text":"obj"}']);
  });

  it('null-spans-array: a scope with spans: null holds nothing; the next scope still loads', () => {
    const set = load('null-spans-array.otlp.json');
    expect(tree(set)).toEqual([[T, R, 'span-a1', -1]]);
    expect(accounted(set)).toBe(set.inputSpanCount);
  });

  it('resource-spans-not-an-array: refused with the shape it has', () => {
    expect(failure('resource-spans-not-an-array.otlp.json').message).toMatch(
      /^not a recognised trace format \(tried OTLP JSON, .*\); the top level is an object with keys "resourceSpans"$/,
    );
  });
});

describe('malformed input, second batch: ids across traces', () => {
  it('span-id-shared-by-two-traces: the same span id in two traces is no duplicate', () => {
    const set = load('span-id-shared-by-two-traces.otlp.json');
    expect(tree(set).sort()).toEqual([
      [T, R, 'in-t1', -1],
      [T2, R, 'in-t2', -1],
    ]);
    expect(codes(set)).toEqual([]);
  });

  it('parent-in-another-trace: a parent that lives in another trace makes an orphan root', () => {
    const set = load('parent-in-another-trace.otlp.json');
    expect(tree(set).sort()).toEqual([
      [T, R, 'span-a1', -1],
      [T2, C, 'span-b2', -1],
    ]);
    expect(set.traces.find((t) => t.traceId === T2)!.diagnostics.map((d) => d.code)).toEqual(['orphan']);
  });

  it('non-hex-ids-with-children: the child keeps its non-hex parent; two non-hex traces stay apart', () => {
    const set = load('non-hex-ids-with-children.otlp.json');
    const a = 'ff5e' + '1'.padStart(28, '0');
    const b = 'ff5e' + '2'.padStart(28, '0');
    expect(tree(set).sort()).toEqual([
      [a, 'ff5e000000000001', 'span-ot', -1],
      [a, 'ff5e000000000002', 'span-ld', 0],
      [b, 'ff5e000000000003', 'b-root', -1],
    ]);
    expect(codes(set)).not.toContain('orphan');
  });
});

describe('malformed input, second batch: binary and other files', () => {
  it('protobuf-unknown-field: fields 99 and 100 are skipped, the span loads', () => {
    const set = load('protobuf-unknown-field.otlp.pb');
    expect(tree(set)).toEqual([[T, R, 'pb-span', -1]]);
    expect([set.traces[0].spans[0].startNs, set.traces[0].spans[0].endNs]).toEqual([1_000_000_000n, 2_000_000_000n]);
  });

  it('protobuf-wrong-wire-type: a name field sent as a varint is skipped; the real name stays', () => {
    expect(tree(load('protobuf-wrong-wire-type.otlp.pb'))).toEqual([[T, R, 'pb-span', -1]]);
  });

  it('truncated-gzip: a cut-off gzip is called truncated, not a 2.9 GB bomb', () => {
    const bytes = raw('truncated-gzip.json.gz');
    const claim = bytes.readUInt32LE(bytes.length - 4);
    expect(failure('truncated-gzip.json.gz').message).toBe(
      `the gzip data is truncated or corrupt (its trailer claims ${claim.toLocaleString('en-US')} bytes, which ${bytes.length} compressed bytes cannot hold)`,
    );
  });

  it('zip-archive: named as a ZIP archive', () => {
    expect(failure('zip-archive.zip').message).toBe('this is a ZIP archive, not a trace; extract the trace file from it first');
  });

  it('pdf-document: named as a PDF', () => {
    expect(failure('pdf-document.pdf').message).toBe('this is a PDF document, not a trace');
  });

  it.each([
    ['empty-object.json', /^not a recognised trace format \(tried .*\); the top level is an empty object$/],
    ['empty-array.json', /^not a recognised trace format \(tried .*\); it is an empty array$/],
    ['whitespace-only.json', /^the file contains only whitespace$/],
    ['top-level-string.json', /^not a recognised trace format; the top level is a string$/],
  ])('%s: refused in plain words', (f, message) => {
    expect(failure(f).message).toMatch(message);
  });
});

describe('malformed input, count', () => {
  it('has at least 50 classes with fixtures across both batches', () => {
    const make = readFileSync(join(dir, 'make.py'), 'utf8');
    const fixtures = new Set([...make.matchAll(/write(?:_bytes)?\("([^"]+)"/g)].map((m) => m[1]));
    // UTF-16 LE and BE are one class; gzipped-valid is a control, not a malformed class.
    expect(fixtures.size - 1 - 1).toBeGreaterThanOrEqual(50);
  });
});
