import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { UNKNOWN_TRACE_ID } from '../../../src/core/import/traceBuilder';
import { ImportError } from '../../../src/core/model/diagnostics';
import type { TraceSet } from '../../../src/core/model/trace';

/**
 * One fixture per malformed-input class (built by test/fixtures/malformed/make.py; the
 * expected outcome of each is worked out from how make.py constructs it). Every file either
 * loads with its specific diagnostic and with rendered + quarantined = input, or fails with
 * a plain-words ImportError — never another exception.
 */
const dir = join(__dirname, '../../fixtures/malformed');
const load = (f: string) => importTrace(readFileSync(join(dir, f)));
const enc = new TextEncoder();

function codes(set: TraceSet): string[] {
  return [...set.diagnostics, ...set.traces.flatMap((t) => t.diagnostics)].map((d) => d.code);
}
function rendered(set: TraceSet): number {
  return set.traces.reduce((n, t) => n + t.spans.length, 0);
}
function quarantined(set: TraceSet): number {
  return set.traces.reduce((n, t) => n + t.quarantined.length, 0) + set.diagnostics.filter((d) => d.code === 'unreadable-span').length;
}

// [file, input spans, rendered, diagnostic code expected]
const LOADS: [string, number, number, string][] = [
  ['orphan-span.otlp.json', 2, 2, 'orphan'],
  ['duplicate-span-id-identical.otlp.json', 3, 2, 'duplicate-span-id'],
  ['duplicate-span-id-different.otlp.json', 3, 3, 'duplicate-span-id'],
  ['parent-cycle.otlp.json', 3, 3, 'parent-cycle'],
  ['self-parent.otlp.json', 1, 1, 'parent-cycle'],
  ['clock-skew-child-before-parent.otlp.json', 2, 2, 'clock-skew'],
  ['missing-start-time.otlp.json', 2, 2, 'missing-start'],
  ['missing-end-time.otlp.json', 2, 2, 'missing-end'],
  ['no-timestamps-at-all.otlp.json', 2, 1, 'missing-start'],
  ['negative-duration.otlp.json', 2, 2, 'negative-duration'],
  ['timestamp-past-2-53-as-number.otlp.json', 1, 1, 'timestamp-precision'],
  ['trace-id-wrong-size.otlp.json', 1, 1, 'invalid-trace-id'],
  ['trace-id-all-zero.otlp.json', 1, 1, 'invalid-trace-id'],
  ['missing-trace-id.otlp.json', 1, 1, 'invalid-trace-id'],
  ['span-id-all-zero.otlp.json', 1, 1, 'invalid-span-id'],
  ['span-id-not-hex.otlp.json', 1, 1, 'invalid-span-id'],
  ['span-id-too-long.otlp.json', 1, 1, 'invalid-span-id'],
  ['parent-id-wrong-size.otlp.json', 2, 2, 'invalid-parent-id'],
  ['span-not-an-object.otlp.json', 3, 1, 'unreadable-span'],
  ['jsonl-with-broken-line.otlp.jsonl', 3, 2, 'unreadable-span'],
  ['invalid-utf8-in-name.otlp.json', 1, 1, 'invalid-utf8'],
  ['zipkin-missing-timestamps.json', 2, 2, 'missing-start'],
];

// [file, message pattern]
const FAILS: [string, RegExp][] = [
  ['truncated.otlp.json', /^truncated JSON \(string started at byte 279 never ends\) at byte 282$/],
  ['trailing-garbage.otlp.json', /^unexpected '}' after the end of the JSON value at byte 566$/],
  ['empty-file.json', /^the file is empty$/],
  ['not-a-trace.json', /^not a recognised trace format \(tried OTLP JSON, .*\); the top level is an object with keys "hello", "items"$/],
  ['random-binary.bin', /not OTLP protobuf/],
  ['truncated-protobuf.otlp.pb', /truncated/],
  // 30 bytes of a real gzip, then 30 zero bytes: the deflate stream runs out before its last block.
  ['corrupt-gzip.json.gz', /^the gzip data is truncated or corrupt: the compressed stream ends early$/],
  // 22 bytes cannot hold 2 GiB (deflate shrinks ~1032:1 at most): refused from the trailer, nothing inflated.
  ['gzip-claims-2gib.json.gz', /^the gzip data is truncated or corrupt \(its trailer claims 2,147,483,648 bytes, which 22 compressed bytes cannot hold\)$/],
];

describe('malformed input', () => {
  it.each(LOADS)('%s loads with its diagnostic', (file, input, shown, code) => {
    const set = load(file);
    expect(codes(set)).toContain(code);
    expect(set.inputSpanCount).toBe(input);
    expect(rendered(set)).toBe(shown);
    expect(rendered(set) + quarantined(set)).toBe(input);
  });

  it.each(FAILS)('%s fails with a plain-words error', (file, message) => {
    let err: unknown;
    try {
      load(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it('has at least 25 distinct fixtures', () => {
    expect(new Set([...LOADS.map((l) => l[0]), ...FAILS.map((f) => f[0])]).size).toBeGreaterThanOrEqual(25);
  });

  it('puts a span with an all-zero trace id into the unknown trace', () => {
    expect(load('trace-id-all-zero.otlp.json').traces[0].traceId).toBe(UNKNOWN_TRACE_ID);
  });

  it('pads a short trace id and keeps the span', () => {
    expect(load('trace-id-wrong-size.otlp.json').traces[0].traceId).toBe('0000000000005b8efff798038103d269');
  });

  it('keeps invalid UTF-8 visible as replacement characters', () => {
    expect(load('invalid-utf8-in-name.otlp.json').traces[0].spans[0].name).toBe('bad\uFFFD\uFFFD');
  });

  it('keeps hostile names exactly (escaping is the renderer’s job)', () => {
    const names = load('html-and-bidi-in-names.otlp.json').traces[0].spans.map((s) => s.name);
    expect(names).toEqual(['<img src=x onerror=alert(1)><script>alert(2)</script>', 'evil\u202etxt.exe']);
  });

  it('never lets __proto__ keys reach Object.prototype', () => {
    const span = load('proto-keys-in-attributes.otlp.json').traces[0].spans[0];
    expect(span.attributes.keys()).toEqual(['__proto__', 'constructor']);
    expect((span.attributes.get('__proto__') as Record<string, unknown>).polluted).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads the pre-1.0 instrumentationLibrarySpans key', () => {
    const s = load('legacy-instrumentation-library-spans.otlp.json').traces[0].spans[0];
    expect(s.scope.name).toBe('old-lib');
  });

  it('reads gzip-compressed JSON', () => {
    expect(rendered(load('gzipped-valid.otlp.json.gz'))).toBe(2);
  });

  it('keeps a 10 MB attribute whole', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const doc = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: 'ab'.repeat(16),
                  spanId: 'cd'.repeat(8),
                  name: 'big',
                  startTimeUnixNano: '1',
                  endTimeUnixNano: '2',
                  attributes: [{ key: 'gen_ai.input.messages', value: { stringValue: big } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const s = importTrace(enc.encode(JSON.stringify(doc))).traces[0].spans[0];
    expect((s.attributes.get('gen_ai.input.messages') as string).length).toBe(big.length);
  });

  it('loads a chain nested 10,000 deep', () => {
    const spans = Array.from({ length: 10_000 }, (_, i) => ({
      traceId: 'ab'.repeat(16),
      spanId: (i + 1).toString(16).padStart(16, '0'),
      parentSpanId: i ? i.toString(16).padStart(16, '0') : undefined,
      name: `d${i}`,
      startTimeUnixNano: String(1000 + i),
      endTimeUnixNano: '999999',
    }));
    const t = importTrace(enc.encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }))).traces[0];
    expect(t.spans.length).toBe(10_000);
    expect(t.spans[9_999].depth).toBe(9_999);
  });
});
