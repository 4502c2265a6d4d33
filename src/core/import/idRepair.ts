const HEX = /^[0-9a-f]+$/;

type IdCheck = { id: string; note?: string } | { error: string };

/**
 * Checks an id that should be `bytes` hex characters: lower-cases it, left-pads a short hex id
 * (64-bit Jaeger/Zipkin trace ids are legal and get no note; other short ids get one).
 */
export function checkId(raw: string | undefined, chars: number, what: string): IdCheck | undefined {
  if (raw === undefined || raw === '') return undefined;
  const id = raw.toLowerCase();
  if (!HEX.test(id)) return { error: `${what} "${clip(raw)}" is not hexadecimal` };
  if (/^0+$/.test(id)) return { error: `${what} is all zeros (invalid in OTLP)` };
  if (id.length === chars) return { id };
  if (id.length < chars) {
    const note = chars === 32 && id.length === 16 ? undefined : `${what} "${clip(raw)}" has ${id.length} hex digits, padded to ${chars}`;
    return { id: id.padStart(chars, '0'), note };
  }
  return { error: `${what} "${clip(raw)}" has ${id.length} hex digits, expected ${chars}` };
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/**
 * Synthetic ids for one input. Unusable ids (`s01`, `span-chat`, a UUID…) map to one synthetic
 * id each for the whole input: span ids per original trace id, trace ids per file. A child's
 * parent id goes through the same map, so the tree survives the repair whichever of the two
 * comes first, and different originals stay apart.
 */
export class IdRepair {
  private spans = 0;
  private traces = 0;
  private readonly spanIdOf = new Map<string, string>();
  private readonly traceIdOf = new Map<string, string>();

  /** The synthetic span id for `original` within the trace written as `traceKey`. */
  mappedSpanId(traceKey: string, original: string): string {
    const key = traceKey + '\u0000' + original;
    let id = this.spanIdOf.get(key);
    if (id === undefined) this.spanIdOf.set(key, (id = this.syntheticSpanId()));
    return id;
  }

  mappedTraceId(original: string): string {
    let id = this.traceIdOf.get(original);
    if (id === undefined) this.traceIdOf.set(original, (id = 'ff5e' + (++this.traces).toString(16).padStart(28, '0')));
    return id;
  }

  /** A fresh span id. Ids starting "ff5e" read as synthetic in the UI; callers check collisions. */
  syntheticSpanId(): string {
    return 'ff5e' + (++this.spans).toString(16).padStart(12, '0');
  }
}
