import { Attributes } from '../model/attributes';
import { DIAGNOSTIC_SEVERITY, type Diagnostic, type DiagnosticCode } from '../model/diagnostics';
import { EMPTY_RESOURCE, EMPTY_SCOPE, SpanKind, StatusCode, type RawSpan, type Span } from '../model/span';
import type { FormatId, QuarantinedSpan, Trace, TraceSet } from '../model/trace';
import type { UnixNanos } from '../model/time';
import { checkId, IdRepair } from './idRepair';

const NO_EVENTS: readonly never[] = Object.freeze([]);
const NO_LINKS: readonly never[] = Object.freeze([]);
const UNSET_STATUS = { code: StatusCode.Unset } as const;
/** Home of spans whose trace id is unusable, when the input has no single trace to put them in. */
export const UNKNOWN_TRACE_ID = 'ffffffffffffffffffffffffffffffff';

interface Pending {
  raw: RawSpan;
  traceId: string;
  spanId: string;
  parentId: string | undefined;
  startNs: UnixNanos | undefined;
  endNs: UnixNanos | undefined;
}

/**
 * The only code that makes `Trace`s. Importers feed it `RawSpan`s in any order; `build()`
 * validates ids and times, groups by trace, resolves parents, repairs what it can (recording a
 * diagnostic for each repair) and quarantines the rest, so nothing is lost silently.
 *
 * The tree walk is iterative: inputs nested 10k deep must not overflow the stack.
 */
export class TraceBuilder {
  private readonly pending: Pending[] = [];
  private readonly fileDiagnostics: Diagnostic[] = [];
  private readonly perTraceDiagnostics = new Map<string, Diagnostic[]>();
  private readonly perTraceQuarantine = new Map<string, QuarantinedSpan[]>();
  private unreadable = 0;
  private badTraceId: Pending[] = [];
  private readonly ids = new IdRepair();

  /** Number of span records seen so far (including unreadable ones). */
  get inputSpanCount(): number {
    return this.pending.length + this.badTraceId.length + this.unreadable;
  }

  /** A record that looked like a span but could not be read at all; counted and reported. */
  addUnreadable(source: string, reason: string): void {
    this.unreadable++;
    this.fileDiagnostics.push(diag('unreadable-span', `${source}: ${reason}`, { source }));
  }

  /** A file-level note (e.g. how an ambiguous input was interpreted). */
  note(code: DiagnosticCode, message: string, source?: string): void {
    this.fileDiagnostics.push(diag(code, message, { source }));
  }

  addSpan(raw: RawSpan): void {
    const tid = checkId(raw.traceId, 32, 'trace id');
    const sid = checkId(raw.spanId, 16, 'span id');
    const pid = checkId(raw.parentSpanId, 16, 'parent span id');
    const p: Pending = {
      raw,
      traceId: tid && 'id' in tid ? tid.id : '',
      spanId: '',
      parentId: undefined,
      startNs: raw.startNs,
      endNs: raw.endNs,
    };
    const notes: Diagnostic[] = [];
    const at = { source: raw.source };
    // Span ids are unique per trace, so the map is keyed by the trace id as written.
    const traceKey = raw.traceId ?? '';
    if (sid && 'id' in sid) {
      p.spanId = sid.id;
      if (sid.note) notes.push(diag('invalid-span-id', sid.note, { ...at, repaired: true }));
    } else if (sid) {
      p.spanId = this.ids.mappedSpanId(traceKey, raw.spanId!);
      notes.push(diag('invalid-span-id', `${sid.error}; given the synthetic id ${p.spanId}`, { ...at, repaired: true }));
    } else {
      p.spanId = this.ids.syntheticSpanId();
      notes.push(diag('invalid-span-id', `span id is missing; given the synthetic id ${p.spanId}`, { ...at, repaired: true }));
    }
    if (pid && 'id' in pid) {
      p.parentId = pid.id;
      if (pid.note) notes.push(diag('invalid-parent-id', pid.note, { ...at, repaired: true }));
    } else if (pid) {
      // The parent's own unusable id maps to the same synthetic id, whichever comes first.
      p.parentId = this.ids.mappedSpanId(traceKey, raw.parentSpanId!);
      notes.push(diag('invalid-parent-id', `${pid.error}; read as the synthetic id ${p.parentId}`, { ...at, repaired: true }));
    }
    if (raw.timestampNote) notes.push(diag('timestamp-precision', raw.timestampNote, at));
    if (tid && 'error' in tid && !/^0+$/.test(raw.traceId!)) {
      // A trace id that is present but unusable still names one trace: keep it apart from others.
      // (All zeros is OTLP's "no trace id" and is handled as a missing one.)
      p.traceId = this.ids.mappedTraceId(raw.traceId!);
      notes.push(diag('invalid-trace-id', `${tid.error}; given the synthetic trace id ${p.traceId}`, { ...at, repaired: true }));
      this.pending.push(p);
    } else if (!tid || 'error' in tid) {
      notes.push(diag('invalid-trace-id', tid ? tid.error : 'trace id is missing', { ...at, repaired: true }));
      this.badTraceId.push(p);
    } else {
      if (tid.note) notes.push(diag('invalid-trace-id', tid.note, { ...at, repaired: true }));
      this.pending.push(p);
    }
    for (const n of notes) this.traceDiagnostics(p.traceId || '?').push({ ...n, spanId: p.spanId });
  }

  private traceDiagnostics(traceId: string): Diagnostic[] {
    let list = this.perTraceDiagnostics.get(traceId);
    if (!list) this.perTraceDiagnostics.set(traceId, (list = []));
    return list;
  }

  private quarantine(traceId: string, raw: RawSpan, code: DiagnosticCode, reason: string, spanId?: string): void {
    let list = this.perTraceQuarantine.get(traceId);
    if (!list) this.perTraceQuarantine.set(traceId, (list = []));
    list.push({ raw, reason });
    this.traceDiagnostics(traceId).push(diag(code, `${reason} (span quarantined)`, { source: raw.source, spanId, traceId, repaired: false }));
  }

  build(format: FormatId, formatLabel: string): TraceSet {
    // Spans with unusable trace ids join the only trace when there is exactly one, else a
    // synthetic "unknown" trace: keeping them visible beats guessing.
    const groups = new Map<string, Pending[]>();
    for (const p of this.pending) {
      let g = groups.get(p.traceId);
      if (!g) groups.set(p.traceId, (g = []));
      g.push(p);
    }
    if (this.badTraceId.length) {
      const home = groups.size === 1 ? [...groups.keys()][0] : UNKNOWN_TRACE_ID;
      const moved = this.perTraceDiagnostics.get('?') ?? [];
      this.perTraceDiagnostics.delete('?');
      for (const d of moved) this.traceDiagnostics(home).push({ ...d, message: `${d.message}; placed in trace ${home}` });
      for (const p of this.badTraceId) {
        p.traceId = home;
        let g = groups.get(home);
        if (!g) groups.set(home, (g = []));
        g.push(p);
      }
    }
    const traces: Trace[] = [];
    for (const [traceId, group] of groups) traces.push(this.buildTrace(traceId, group));
    // Traces whose every span was quarantined still appear, so their spans are accounted for.
    for (const [traceId, q] of this.perTraceQuarantine) {
      if (!groups.has(traceId)) traces.push(emptyTrace(traceId, q, this.perTraceDiagnostics.get(traceId) ?? []));
    }
    traces.sort((a, b) => (a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0));
    return {
      format,
      formatLabel,
      traces,
      diagnostics: this.fileDiagnostics,
      inputSpanCount: this.inputSpanCount,
    };
  }

  private buildTrace(traceId: string, group: Pending[]): Trace {
    const diags = this.traceDiagnostics(traceId);
    const byId = new Map<string, number>();
    const kept: Pending[] = [];
    for (const p of group) {
      const prev = byId.get(p.spanId);
      if (prev !== undefined) {
        const first = kept[prev];
        if (sameSpan(first, p)) {
          this.quarantine(traceId, p.raw, 'duplicate-span-id', `span ${p.spanId} "${p.raw.name ?? ''}" is an identical copy of an earlier span`, p.spanId);
          continue;
        }
        const original = p.spanId;
        do p.spanId = this.ids.syntheticSpanId();
        while (byId.has(p.spanId));
        diags.push(
          diag('duplicate-span-id', `span id ${original} is used by two different spans; the second ("${p.raw.name ?? ''}") is shown as ${p.spanId}`, {
            spanId: p.spanId,
            traceId,
            source: p.raw.source,
            repaired: true,
          }),
        );
      }
      byId.set(p.spanId, kept.length);
      kept.push(p);
    }

    const n = kept.length;
    const parent = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const p = kept[i];
      if (p.parentId === undefined) continue;
      const j = byId.get(p.parentId);
      if (j === undefined) {
        diags.push(
          diag('orphan', `parent ${p.parentId} of "${p.raw.name ?? ''}" is not in the trace; shown as a root`, {
            spanId: p.spanId,
            traceId,
            source: p.raw.source,
            repaired: true,
          }),
        );
      } else if (j === i) {
        diags.push(diag('parent-cycle', `span "${p.raw.name ?? ''}" is its own parent; shown as a root`, { spanId: p.spanId, traceId, repaired: true }));
      } else {
        parent[i] = j;
        p.parentId = kept[j].spanId; // same text; share the parent's string instead of a copy
      }
    }
    breakCycles(parent, kept, traceId, diags);
    this.repairTimes(kept, parent, traceId, diags);

    // Quarantine spans with no time at all (after borrowing from relatives failed), and their
    // descendants are re-parented to the nearest kept ancestor-less root.
    const alive = kept.map((p) => p.startNs !== undefined);
    for (let i = 0; i < n; i++) {
      if (!alive[i])
        this.quarantine(traceId, kept[i].raw, 'missing-start', `span "${kept[i].raw.name ?? ''}" has no start time and none can be inferred`, kept[i].spanId);
    }
    for (let i = 0; i < n; i++) if (parent[i] >= 0 && !alive[parent[i]]) parent[i] = -1;

    const children: (number[] | undefined)[] = new Array(n);
    const roots: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const pi = parent[i];
      if (pi < 0) roots.push(i);
      else (children[pi] ??= []).push(i);
    }
    const byStart = (a: number, b: number) => {
      const x = kept[a].startNs!,
        y = kept[b].startNs!;
      return x < y ? -1 : x > y ? 1 : a - b;
    };
    roots.sort(byStart);
    for (const c of children) if (c && c.length > 1) c.sort(byStart);

    const spans: Span[] = [];
    const rootIndices: number[] = [];
    const newIndex = new Int32Array(n).fill(-1);
    let tStart: UnixNanos | undefined;
    let tEnd: UnixNanos | undefined;
    // Iterative pre-order DFS; `subtreeEnd` is patched when a node's subtree is finished.
    const stack: number[] = [];
    const depthOf = new Int32Array(n);
    const openSpans: { obj: { subtreeEnd: number }; depth: number }[] = [];
    for (const r of roots) {
      stack.push(r);
      while (stack.length) {
        const i = stack.pop()!;
        const d = parent[i] >= 0 ? depthOf[parent[i]] + 1 : 0;
        depthOf[i] = d;
        while (openSpans.length && openSpans[openSpans.length - 1].depth >= d) openSpans.pop()!.obj.subtreeEnd = spans.length;
        const p = kept[i];
        const raw = p.raw;
        const idx = spans.length;
        newIndex[i] = idx;
        if (d === 0) rootIndices.push(idx);
        const span = {
          traceId,
          spanId: p.spanId,
          parentSpanId: p.parentId,
          name: raw.name ?? '',
          kind: raw.kind ?? SpanKind.Unspecified,
          startNs: p.startNs!,
          endNs: p.endNs!,
          status: raw.status ?? UNSET_STATUS,
          attributes: raw.attributes ?? Attributes.EMPTY,
          events: raw.events ?? NO_EVENTS,
          links: raw.links ?? NO_LINKS,
          resource: raw.resource ?? EMPTY_RESOURCE,
          scope: raw.scope ?? EMPTY_SCOPE,
          traceState: raw.traceState,
          flags: raw.flags,
          index: idx,
          parentIndex: parent[i] >= 0 ? newIndex[parent[i]] : -1,
          depth: d,
          subtreeEnd: idx + 1,
        };
        spans.push(span);
        openSpans.push({ obj: span, depth: d });
        if (tStart === undefined || span.startNs < tStart) tStart = span.startNs;
        if (tEnd === undefined || span.endNs > tEnd) tEnd = span.endNs;
        if (span.parentIndex >= 0) {
          const par = spans[span.parentIndex];
          if (span.startNs < par.startNs) {
            diags.push(
              diag('clock-skew', `"${span.name}" starts ${fmtNs(par.startNs - span.startNs)} before its parent "${par.name}"`, {
                spanId: span.spanId,
                traceId,
              }),
            );
          }
        }
        const c = children[i];
        if (c) for (let k = c.length - 1; k >= 0; k--) stack.push(c[k]);
      }
    }
    while (openSpans.length) openSpans.pop()!.obj.subtreeEnd = spans.length;

    const quarantined = this.perTraceQuarantine.get(traceId) ?? [];
    return {
      traceId,
      spans,
      rootIndices,
      startNs: tStart ?? 0n,
      endNs: tEnd ?? 0n,
      diagnostics: diags,
      quarantined,
      inputSpanCount: spans.length + quarantined.length,
    };
  }

  /**
   * Missing start: borrow the earliest child start, else the parent's start. Missing end: the
   * latest child end, else the start. End before start: end = start. Children are visited
   * before parents for "earliest child", so this runs in reverse topological order.
   */
  private repairTimes(kept: Pending[], parent: Int32Array, traceId: string, diags: Diagnostic[]): void {
    const n = kept.length;
    const minChildStart: (UnixNanos | undefined)[] = new Array(n);
    const maxChildEnd: (UnixNanos | undefined)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const pi = parent[i];
      if (pi < 0) continue;
      const p = kept[i];
      if (p.startNs !== undefined && (minChildStart[pi] === undefined || p.startNs < minChildStart[pi]!)) minChildStart[pi] = p.startNs;
      const e = p.endNs ?? p.startNs;
      if (e !== undefined && (maxChildEnd[pi] === undefined || e > maxChildEnd[pi]!)) maxChildEnd[pi] = e;
    }
    const at = (p: Pending) => ({ spanId: p.spanId, traceId, source: p.raw.source, repaired: true });
    for (let i = 0; i < n; i++) {
      const p = kept[i];
      const name = p.raw.name ?? '';
      if (p.startNs === undefined) {
        const borrowed = minChildStart[i] ?? (parent[i] >= 0 ? kept[parent[i]].startNs : undefined);
        if (borrowed !== undefined) {
          p.startNs = borrowed;
          diags.push(
            diag('missing-start', `"${name}" has no start time; using ${minChildStart[i] !== undefined ? "its first child's" : "its parent's"} start`, at(p)),
          );
        } else continue; // quarantined by the caller
      }
      if (p.endNs === undefined) {
        const childEnd = maxChildEnd[i];
        p.endNs = childEnd !== undefined && childEnd > p.startNs ? childEnd : p.startNs;
        diags.push(
          diag('missing-end', `"${name}" has no end time; shown ${childEnd !== undefined ? 'ending with its last child' : 'with zero duration'}`, at(p)),
        );
      } else if (p.endNs < p.startNs) {
        diags.push(diag('negative-duration', `"${name}" ends ${fmtNs(p.startNs - p.endNs)} before it starts; shown with zero duration`, at(p)));
        p.endNs = p.startNs;
      }
    }
  }
}

/** Cuts every parent cycle at one link and records it. `parent` is modified in place. */
function breakCycles(parent: Int32Array, kept: Pending[], traceId: string, diags: Diagnostic[]): void {
  const n = parent.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on current path, 2 done
  const path: number[] = [];
  for (let s = 0; s < n; s++) {
    if (state[s]) continue;
    let i = s;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = parent[i];
    }
    if (i >= 0 && state[i] === 1) {
      // `i` is on the current path: the cycle is i → … → back to i. Cut the link out of `i`.
      const names: string[] = [];
      for (let k = path.indexOf(i); k < path.length; k++) names.push(`"${kept[path[k]].raw.name ?? ''}"`);
      parent[i] = -1;
      diags.push(
        diag('parent-cycle', `parent links form a cycle (${names.join(' → ')}); "${kept[i].raw.name ?? ''}" is shown as a root`, {
          spanId: kept[i].spanId,
          traceId,
          repaired: true,
        }),
      );
    }
    for (const k of path) state[k] = 2;
    path.length = 0;
  }
}

function sameSpan(a: Pending, b: Pending): boolean {
  return a.raw.name === b.raw.name && a.startNs === b.startNs && a.endNs === b.endNs && a.parentId === b.parentId;
}

function emptyTrace(traceId: string, quarantined: QuarantinedSpan[], diagnostics: Diagnostic[]): Trace {
  return { traceId, spans: [], rootIndices: [], startNs: 0n, endNs: 0n, diagnostics, quarantined, inputSpanCount: quarantined.length };
}

function diag(code: DiagnosticCode, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: DIAGNOSTIC_SEVERITY[code], message, ...extra };
}

function fmtNs(ns: bigint): string {
  const ms = Number(ns) / 1e6;
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}
