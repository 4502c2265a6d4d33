import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeOtlpJson } from '../../../src/core/export/otlpJson';
import { importTrace } from '../../../src/core/import/index';
import { findLeaks, redactTraces } from '../../../src/core/redact/redactTraces';
import { GENERATORS } from '../../fixtures/secrets/secretCorpus';

/** A secret from one of the corpus generators, driven by a fast-check seed. */
const secret = fc.tuple(fc.nat(GENERATORS.length - 1), fc.integer()).map(([g, seed]) => {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return GENERATORS[g].make(rng);
});
const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`)).filter((s) => !/^0+$/.test(s));
const words = fc
  .array(fc.constantFrom('plan', 'the', 'trip', 'to', 'Lisbon', 'call_abc123', 'gpt-4o', '2025-01-15', 'ok', 'ORD-2024-001234'), { maxLength: 5 })
  .map((w) => w.join(' '));

/** Traces whose span texts mix words and secrets: [span index][text index] = text. */
const traceSpec = fc.record({
  traceId: hex(32),
  spans: fc.array(fc.record({ spanId: hex(16), texts: fc.array(fc.tuple(words, fc.option(fc.nat(7)), words), { minLength: 1, maxLength: 3 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
  secrets: fc.array(secret, { minLength: 1, maxLength: 8 }),
});

type Spec = typeof traceSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec) {
  const seen = new Set<string>();
  const spans = spec.spans
    .filter((s) => !seen.has(s.spanId) && seen.add(s.spanId))
    .map((s, i) => ({
      traceId: spec.traceId,
      spanId: s.spanId,
      name: `step ${i}`,
      startTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(i) * 1000n),
      endTimeUnixNano: String(1_700_000_000_000_000_000n + BigInt(i) * 1000n + 500n),
      attributes: s.texts.map(([a, k, b], j) => ({
        key: `note.${j}`,
        // Each secret between ⟦n⟧ … ⟦/n⟧ (n its index) so a test can find what it became.
        value: {
          stringValue: `${a} ${k === null ? '' : `⟦${k % spec.secrets.length}⟧ ${spec.secrets[k % spec.secrets.length].text} ⟦/${k % spec.secrets.length}⟧`} ${b}`,
        },
      })),
    }));
  return importTrace(new TextEncoder().encode(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }))).traces;
}

describe('redaction properties', () => {
  test('ids, times and structure are untouched; the input is not modified', () => {
    fc.assert(
      fc.property(traceSpec, (spec) => {
        const traces = build(spec);
        const before = encodeOtlpJson(traces);
        const out = redactTraces(traces).traces;
        expect(encodeOtlpJson(traces)).toEqual(before);
        const shape = (ts: typeof traces) =>
          ts.map((t) => [
            t.traceId,
            t.startNs,
            t.endNs,
            t.rootIndices,
            t.spans.map((s) => [s.spanId, s.parentSpanId, s.startNs, s.endNs, s.kind, s.index, s.parentIndex, s.depth, s.subtreeEnd, s.attributes.keys()]),
          ]);
        expect(shape(out)).toEqual(shape(traces));
      }),
      { numRuns: 60 },
    );
  });

  test('one value, one marker: the same secret gets the same marker everywhere, different secrets different markers', () => {
    fc.assert(
      fc.property(traceSpec, (spec) => {
        const traces = build(spec);
        const r = redactTraces(traces);
        const text = new TextDecoder().decode(encodeOtlpJson(r.traces));
        // What each seeded secret became, at every place it was seeded.
        const became = new Map<number, Set<string>>();
        for (const t of r.traces)
          for (const sp of t.spans)
            for (const [, v] of sp.attributes.entries())
              for (const m of String(v).matchAll(/⟦(\d+)⟧ (.*?) ⟦\/\1⟧/g)) {
                const set = became.get(Number(m[1])) ?? new Set<string>();
                set.add(m[2]);
                became.set(Number(m[1]), set);
              }
        for (const [k, forms] of became) {
          expect(forms.size, `secret ${k} redacted differently in different places`).toBe(1);
          expect(text.includes(spec.secrets[k].value)).toBe(false);
        }
        // Different values, different redacted forms.
        const byForm = new Map<string, string>();
        for (const [k, forms] of became) {
          const form = [...forms][0];
          const other = byForm.get(form);
          if (other !== undefined) expect(other).toBe(spec.secrets[k].value);
          byForm.set(form, spec.secrets[k].value);
        }
        // Markers are numbered per type from 1 without gaps.
        const markers = new Set(r.occurrences.map((o) => o.marker));
        const byType = new Map<string, number>();
        for (const m of markers) byType.set(m.replace(/#\d+\]$/, ''), (byType.get(m.replace(/#\d+\]$/, '')) ?? 0) + 1);
        for (const [prefix, n] of byType) for (let i = 1; i <= n; i++) expect(markers.has(`${prefix}#${i}]`)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('redacting the output again finds nothing, and the second pass agrees', () => {
    fc.assert(
      fc.property(traceSpec, (spec) => {
        const r = redactTraces(build(spec));
        expect(redactTraces(r.traces).occurrences).toEqual([]);
        expect(findLeaks(new TextDecoder().decode(encodeOtlpJson(r.traces)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  test('occurrence ids are stable, and keeping one changes nothing else', () => {
    fc.assert(
      fc.property(traceSpec, fc.nat(), (spec, pick) => {
        const traces = build(spec);
        const a = redactTraces(traces);
        const b = redactTraces(traces);
        expect(b.occurrences).toEqual(a.occurrences);
        fc.pre(a.occurrences.length > 0);
        const kept = a.occurrences[pick % a.occurrences.length];
        const c = redactTraces(traces, { keep: new Set([kept.id]) });
        expect(c.occurrences.map((o) => [o.id, o.marker, o.type, o.kept])).toEqual(a.occurrences.map((o) => [o.id, o.marker, o.type, o.id === kept.id]));
        expect(c.counts[kept.type]).toBe(a.counts[kept.type] - 1 || undefined);
        expect(c.keptValues.length).toBe(1);
        // The kept value is in the output, and allowed by keptValues the second pass passes.
        const text = new TextDecoder().decode(encodeOtlpJson(c.traces));
        expect(findLeaks(text, { allow: c.keptValues })).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
