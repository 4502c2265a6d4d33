import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../../src/core/import/index';
import { ImportError } from '../../../src/core/model/diagnostics';
import type { TraceSet } from '../../../src/core/model/trace';

/**
 * Properties every importer must keep on any input: only ImportError escapes; nothing reaches
 * Object.prototype; every span record is accounted for; the tree invariants hold.
 * Seeded, so a failure reproduces.
 */
const enc = new TextEncoder();
const corpusDir = join(__dirname, '../../fixtures/corpus');
const corpusFiles = readdirSync(corpusDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json') && !f.startsWith('attribute-maps') && !f.startsWith('derive') && !f.endsWith('expectations.json'))
  .map((f) => JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) as unknown);

function tryImport(bytes: Uint8Array): TraceSet | undefined {
  try {
    return importTrace(bytes);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return undefined;
  }
}

function checkInvariants(set: TraceSet): void {
  let accounted = set.diagnostics.filter((d) => d.code === 'unreadable-span').length;
  for (const t of set.traces) {
    accounted += t.spans.length + t.quarantined.length;
    t.spans.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.parentIndex).toBeLessThan(i);
      expect(s.subtreeEnd).toBeGreaterThan(i);
      expect(s.subtreeEnd).toBeLessThanOrEqual(t.spans.length);
      expect(s.endNs >= s.startNs).toBe(true);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      if (s.parentIndex >= 0) {
        expect(s.depth).toBe(t.spans[s.parentIndex].depth + 1);
        expect(s.subtreeEnd).toBeLessThanOrEqual(t.spans[s.parentIndex].subtreeEnd);
      }
    });
  }
  expect(accounted).toBe(set.inputSpanCount);
}

function noPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'x', 'value', 'stringValue']) expect(probe[k]).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

/** Replaces a random subtree of a JSON value with `replacement` (path chosen by `choices`). */
function mutate(v: unknown, choices: number[], replacement: unknown, depth = 0): unknown {
  if (depth >= choices.length || v === null || typeof v !== 'object') return replacement;
  const keys = Object.keys(v);
  if (keys.length === 0) return replacement;
  const k = keys[choices[depth] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [...v] : { ...(v as object) };
  (copy as Record<string, unknown>)[k] = mutate((v as Record<string, unknown>)[k], choices, replacement, depth + 1);
  return copy;
}

const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
  fc.constant({ constructor: { prototype: { isAdmin: true } } }),
  fc.constant('<script>alert(1)</script>'),
  fc.constant(-1),
  fc.constant(1e308),
  fc.constant('99999999999999999999999999'),
  fc.constant([]),
  fc.constant(null),
);

describe('importer properties', () => {
  it('arbitrary bytes: only ImportError escapes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (b) => {
        const set = tryImport(b);
        if (set) checkInvariants(set);
        noPollution();
      }),
      { numRuns: 3000, seed: 1 },
    );
  });

  it('arbitrary JSON: only ImportError escapes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
        const set = tryImport(enc.encode(JSON.stringify(v)));
        if (set) checkInvariants(set);
        noPollution();
      }),
      { numRuns: 2000, seed: 2 },
    );
  });

  it('mutated corpus traces: every span accounted for, invariants hold, no pollution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpusFiles.length - 1 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        hostile,
        (fileIndex, path, replacement) => {
          const doc = mutate(corpusFiles[fileIndex], path, replacement);
          const text = JSON.stringify(doc) ?? 'null';
          const set = tryImport(enc.encode(text));
          if (set) checkInvariants(set);
          noPollution();
        },
      ),
      { numRuns: 500, seed: 3 },
    );
  });

  it('truncated corpus files fail cleanly at every cut', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: corpusFiles.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (fileIndex, at) => {
        const text = JSON.stringify(corpusFiles[fileIndex]);
        const cut = enc.encode(text).subarray(0, Math.floor(text.length * at));
        const set = tryImport(cut);
        if (set) checkInvariants(set);
      }),
      { numRuns: 500, seed: 4 },
    );
  });
});
