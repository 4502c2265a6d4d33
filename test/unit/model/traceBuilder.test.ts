import { describe, expect, it } from 'vitest';
import type { RawSpan } from '../../../src/core/model/span';
import type { TraceSet } from '../../../src/core/model/trace';
import { TraceBuilder, UNKNOWN_TRACE_ID } from '../../../src/core/import/traceBuilder';

const T = 'a'.repeat(32);
const id = (n: number) => n.toString(16).padStart(16, '0');
const ms = (n: number) => BigInt(n) * 1_000_000n;

function build(spans: RawSpan[]): TraceSet {
  const b = new TraceBuilder();
  for (const s of spans) b.addSpan(s);
  return b.build('otlp-json', 'test');
}

function accounted(set: TraceSet): number {
  return set.traces.reduce((n, t) => n + t.spans.length + t.quarantined.length, 0) + set.diagnostics.filter((d) => d.code === 'unreadable-span').length;
}

const span = (n: number, parent: number | undefined, start: number, end: number, extra: Partial<RawSpan> = {}): RawSpan => ({
  traceId: T,
  spanId: id(n),
  parentSpanId: parent === undefined ? undefined : id(parent),
  name: `s${n}`,
  startNs: ms(start),
  endNs: ms(end),
  ...extra,
});

describe('TraceBuilder', () => {
  // s1 (root, 0–100)
  //   s2 (10–50)
  //     s4 (20–30)
  //   s3 (5–90)    ← starts before s2, so it comes first among s1's children
  it('orders spans depth-first, children by start, with depth and subtree ranges', () => {
    const set = build([span(4, 2, 20, 30), span(2, 1, 10, 50), span(1, undefined, 0, 100), span(3, 1, 5, 90)]);
    const t = set.traces[0];
    expect(t.spans.map((s) => s.name)).toEqual(['s1', 's3', 's2', 's4']);
    expect(t.spans.map((s) => s.depth)).toEqual([0, 1, 1, 2]);
    expect(t.spans.map((s) => s.parentIndex)).toEqual([-1, 0, 0, 2]);
    expect(t.spans.map((s) => s.subtreeEnd)).toEqual([4, 2, 4, 4]);
    expect(t.rootIndices).toEqual([0]);
    expect(t.startNs).toBe(0n);
    expect(t.endNs).toBe(ms(100));
    expect(t.diagnostics).toEqual([]);
  });

  it('keeps orphans as roots with a diagnostic', () => {
    const set = build([span(1, undefined, 0, 10), span(2, 99, 1, 2)]);
    const t = set.traces[0];
    expect(t.rootIndices.length).toBe(2);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['orphan']);
    expect(t.diagnostics[0].spanId).toBe(id(2));
    expect(t.spans.find((s) => s.spanId === id(2))!.parentSpanId).toBe(id(99));
  });

  it('cuts parent cycles and keeps every span', () => {
    // s1 → s2 → s3 → s1 (a loop), plus s4 its own parent
    const set = build([span(1, 3, 0, 10), span(2, 1, 1, 9), span(3, 2, 2, 8), span(4, 4, 0, 1)]);
    const t = set.traces[0];
    expect(t.spans.length).toBe(4);
    expect(t.diagnostics.filter((d) => d.code === 'parent-cycle').length).toBe(2);
    expect(t.spans.every((s) => s.parentIndex < s.index)).toBe(true);
  });

  it('quarantines identical duplicate copies and renames different ones', () => {
    const set = build([span(1, undefined, 0, 10), span(2, 1, 1, 2), span(2, 1, 1, 2), span(2, 1, 3, 4, { name: 'other' })]);
    const t = set.traces[0];
    expect(t.spans.length).toBe(3);
    expect(t.quarantined.length).toBe(1);
    const renamed = t.spans.find((s) => s.name === 'other')!;
    expect(renamed.spanId).not.toBe(id(2));
    expect(renamed.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(t.diagnostics.filter((d) => d.code === 'duplicate-span-id').length).toBe(2);
    expect(accounted(set)).toBe(4);
  });

  it('repairs missing and negative times, quarantines spans with no time at all', () => {
    const set = build([
      span(1, undefined, 0, 100, { startNs: undefined }), // borrows the first child start (10)
      span(2, 1, 10, 20, { endNs: undefined }), // zero duration
      span(3, 1, 30, 25), // negative
      span(4, undefined, 0, 0, { startNs: undefined, endNs: undefined }), // nothing to borrow
    ]);
    const t = set.traces[0];
    const byName = Object.fromEntries(t.spans.map((s) => [s.name, s]));
    expect(byName.s1.startNs).toBe(ms(10));
    expect(byName.s2.endNs).toBe(ms(10));
    expect(byName.s3.endNs).toBe(ms(30));
    expect(t.quarantined.map((q) => q.raw.name)).toEqual(['s4']);
    expect(new Set(t.diagnostics.map((d) => d.code))).toEqual(new Set(['missing-start', 'missing-end', 'negative-duration']));
    expect(accounted(set)).toBe(4);
  });

  it('reports clock skew without moving the child', () => {
    const set = build([span(1, undefined, 10, 100), span(2, 1, 5, 20)]);
    const t = set.traces[0];
    expect(t.diagnostics.map((d) => d.code)).toEqual(['clock-skew']);
    expect(t.spans[1].startNs).toBe(ms(5));
  });

  it('normalises ids: case, 64-bit trace ids, wrong sizes, zeros, missing', () => {
    const set = build([
      { ...span(1, undefined, 0, 1), traceId: 'ABCDEF0123456789' }, // 64-bit: padded silently
      { ...span(2, undefined, 0, 1), traceId: 'ABCDEF0123456789', spanId: 'ABC' }, // short span id: padded with a note
      { ...span(3, undefined, 0, 1), traceId: 'ABCDEF0123456789', spanId: '0000000000000000' }, // zero: synthetic id
      { ...span(4, undefined, 0, 1), traceId: 'ABCDEF0123456789', spanId: undefined },
      { ...span(5, undefined, 0, 1), traceId: 'ABCDEF0123456789', parentSpanId: 'zz-not-hex' },
    ]);
    expect(set.traces.length).toBe(1);
    const t = set.traces[0];
    expect(t.traceId).toBe('0000000000000000abcdef0123456789');
    expect(t.spans.every((s) => /^[0-9a-f]{16}$/.test(s.spanId))).toBe(true);
    expect(new Set(t.spans.map((s) => s.spanId)).size).toBe(5);
    expect(t.spans.find((s) => s.name === 's2')!.spanId).toBe('0000000000000abc');
    const codes = t.diagnostics.map((d) => d.code).sort();
    // s5's unusable parent id becomes a synthetic id too, and (no span has it) an orphan note.
    expect(codes).toEqual(['invalid-parent-id', 'invalid-span-id', 'invalid-span-id', 'invalid-span-id', 'orphan']);
  });

  it('maps each unusable span id to one synthetic id, so children still find their parent', () => {
    const t = build([
      { ...span(1, undefined, 0, 10), spanId: 's01' },
      { ...span(2, undefined, 1, 5), spanId: 'span-chat', parentSpanId: 's01' },
      // the child comes before its parent in the input: the map works in either order
      { ...span(3, undefined, 2, 3), spanId: '6f1c2b9e-0d4a-4c1e-9a57-3b8e2f0d7c11', parentSpanId: 'span-chat' },
      { ...span(4, undefined, 6, 9), spanId: 's02', parentSpanId: 's01' },
    ]).traces[0];
    expect(t.rootIndices.length).toBe(1);
    const byName = new Map(t.spans.map((s) => [s.name, s]));
    expect(byName.get('s1')!.depth).toBe(0);
    expect(byName.get('s2')!.parentSpanId).toBe(byName.get('s1')!.spanId);
    expect(byName.get('s3')!.parentSpanId).toBe(byName.get('s2')!.spanId);
    expect(byName.get('s4')!.parentSpanId).toBe(byName.get('s1')!.spanId);
    expect(new Set(t.spans.map((s) => s.spanId)).size).toBe(4);
    // the original id stays in the repair note of its span
    const note = t.diagnostics.find((d) => d.code === 'invalid-span-id' && d.spanId === byName.get('s2')!.spanId)!;
    expect(note.message).toContain('"span-chat"');
    expect(t.diagnostics.some((d) => d.code === 'orphan')).toBe(false);
  });

  it('keeps the same unusable span id in two traces apart', () => {
    const set = build([
      { ...span(1, undefined, 0, 10), traceId: 'c'.repeat(32), spanId: 'root' },
      { ...span(2, undefined, 1, 2), traceId: 'c'.repeat(32), spanId: 'child', parentSpanId: 'root' },
      { ...span(3, undefined, 0, 10), traceId: 'd'.repeat(32), spanId: 'root' },
      { ...span(4, undefined, 1, 2), traceId: 'd'.repeat(32), spanId: 'child', parentSpanId: 'root' },
    ]);
    expect(set.traces.length).toBe(2);
    for (const t of set.traces) {
      expect(t.rootIndices.length).toBe(1);
      expect(t.spans[1].parentIndex).toBe(0);
    }
  });

  it('gives each distinct unusable trace id its own synthetic trace', () => {
    const set = build([
      { ...span(1, undefined, 0, 10), traceId: 'run-1' },
      { ...span(2, 1, 1, 2), traceId: 'run-1' },
      { ...span(3, undefined, 20, 30), traceId: 'run-2' },
      { ...span(4, 3, 21, 22), traceId: 'run-2' },
    ]);
    expect(set.traces.length).toBe(2);
    expect(set.traces.map((t) => t.spans.map((s) => s.name))).toEqual([
      ['s1', 's2'],
      ['s3', 's4'],
    ]);
    expect(set.traces.every((t) => /^[0-9a-f]{32}$/.test(t.traceId) && t.traceId !== UNKNOWN_TRACE_ID)).toBe(true);
    expect(set.traces[0].traceId).not.toBe(set.traces[1].traceId);
    expect(set.traces[0].diagnostics.find((d) => d.code === 'invalid-trace-id')!.message).toContain('"run-1"');
  });

  it('puts spans without a usable trace id in the only trace, or an unknown trace', () => {
    const one = build([span(1, undefined, 0, 10), { ...span(2, 1, 1, 2), traceId: '0'.repeat(32) }]);
    expect(one.traces.length).toBe(1);
    expect(one.traces[0].spans.length).toBe(2);
    expect(one.traces[0].spans[1].parentIndex).toBe(0);
    const two = build([
      span(1, undefined, 0, 10),
      { ...span(2, undefined, 0, 1), traceId: 'b'.repeat(32) },
      { ...span(3, undefined, 1, 2), traceId: undefined },
    ]);
    expect(two.traces.map((t) => t.traceId).sort()).toEqual(['a'.repeat(32), 'b'.repeat(32), UNKNOWN_TRACE_ID].sort());
    expect(accounted(two)).toBe(3);
  });

  it('handles a chain nested 20,000 deep without recursion', () => {
    const spans: RawSpan[] = [];
    for (let i = 1; i <= 20_000; i++) spans.push(span(i, i === 1 ? undefined : i - 1, i, 100_000));
    const t = build(spans).traces[0];
    expect(t.spans.length).toBe(20_000);
    expect(t.spans[19_999].depth).toBe(19_999);
    expect(t.spans[0].subtreeEnd).toBe(20_000);
  });

  it('counts unreadable records so rendered + quarantined = input', () => {
    const b = new TraceBuilder();
    b.addSpan(span(1, undefined, 0, 1));
    b.addUnreadable('spans[1]', 'not an object');
    const set = b.build('otlp-json', 'test');
    expect(set.inputSpanCount).toBe(2);
    expect(accounted(set)).toBe(2);
  });
});
