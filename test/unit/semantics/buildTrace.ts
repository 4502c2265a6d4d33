import { Attributes, type AttrValue } from '../../../src/core/model/attributes';
import { StatusCode, type SpanEvent } from '../../../src/core/model/span';
import type { Trace } from '../../../src/core/model/trace';
import { TraceBuilder } from '../../../src/core/import/traceBuilder';
import type { SpanFacts } from '../../../src/core/semantics/facts';
import { readSpanFacts } from '../../../src/core/semantics/facts';

/** One span of a hand-built trace. Times are milliseconds from an arbitrary origin. */
export interface SpanSpec {
  id: number;
  /** Parent span id; a number not among the specs makes an orphan. */
  parent?: number;
  name: string;
  start: number;
  end?: number;
  attrs?: Record<string, AttrValue>;
  events?: { name: string; attrs: Record<string, AttrValue> }[];
  status?: 'ok' | 'error';
  statusMessage?: string;
}

export const TRACE_ID = 'aaaabbbbccccddddeeeeffff00001111';
const T0 = 1_760_000_000_000n * 1_000_000n;

export function spanId(n: number): string {
  return n.toString(16).padStart(16, '0');
}

const ms = (n: number) => T0 + BigInt(Math.round(n * 1000)) * 1000n;

/** A Trace built by the real TraceBuilder from the specs (one trace). */
export function buildTrace(specs: SpanSpec[]): Trace {
  const b = new TraceBuilder();
  for (const s of specs) {
    b.addSpan({
      traceId: TRACE_ID,
      spanId: spanId(s.id),
      parentSpanId: s.parent === undefined ? undefined : spanId(s.parent),
      name: s.name,
      startNs: ms(s.start),
      endNs: ms(s.end ?? s.start + 1),
      status:
        s.status === 'error' ? { code: StatusCode.Error, message: s.statusMessage } : s.status === 'ok' ? { code: StatusCode.Ok } : { code: StatusCode.Unset },
      attributes: Attributes.fromRecord(s.attrs ?? {}),
      events: (s.events ?? []).map((e): SpanEvent => ({ name: e.name, timeNs: ms(s.start), attributes: Attributes.fromRecord(e.attrs) })),
    });
  }
  const set = b.build('otlp-json', 'test');
  if (set.traces.length !== 1) throw new Error(`expected one trace, got ${set.traces.length}`);
  return set.traces[0];
}

/** Index in `trace.spans` of the span built from spec id `id`. */
export function indexOf(trace: Trace, id: number): number {
  const i = trace.spans.findIndex((s) => s.spanId === spanId(id));
  if (i < 0) throw new Error(`no span ${id}`);
  return i;
}

/** Facts of a one-span trace with these attributes (for reader unit tests). */
export function factsOf(attrs: Record<string, AttrValue>, name = 'span', events: SpanSpec['events'] = []): SpanFacts {
  const t = buildTrace([{ id: 1, name, start: 0, attrs, events }]);
  return readSpanFacts(t.spans[0]);
}
