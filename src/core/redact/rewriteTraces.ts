import { Attributes, newAttrMap, type AttrMap, type AttrValue } from '../model/attributes';
import type { Diagnostic } from '../model/diagnostics';
import type { InstrumentationScope, RawSpan, Resource, Span, SpanEvent, SpanLink } from '../model/span';
import type { QuarantinedSpan, Trace } from '../model/trace';
import { dropBody, isBodyKey, BODY_MARKER } from './dropBodies';
import type { Redactor, TextPlace } from './redactor';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Copies traces with every text passed through the redactor. Ids, times, kinds, flags, trace
 * states and the tree fields (`index`, `parentIndex`, `depth`, `subtreeEnd`) are copied as
 * they are. A resource or scope shared by many spans is redacted once and stays shared.
 */
export function rewriteTraces(traces: readonly Trace[], r: Redactor, dropBodies: boolean): Trace[] {
  const resources = new Map<Resource, Resource>();
  const scopes = new Map<InstrumentationScope, InstrumentationScope>();
  const attrs = (a: Attributes, place: (key: string) => TextPlace): Attributes => rewriteAttributes(a, r, place, dropBodies);
  const rewriteSpan = (s: Span): Span => {
    const at = (where: string): TextPlace => ({ traceId: s.traceId, spanId: s.spanId, where });
    let resource = resources.get(s.resource);
    if (resource === undefined) {
      const attributes = attrs(s.resource.attributes, (k) => at(`resource attribute ${k}`));
      resource = { ...s.resource, attributes, serviceName: rewrittenServiceName(s.resource, attributes) };
      resources.set(s.resource, resource);
    }
    let scope = scopes.get(s.scope);
    if (scope === undefined) {
      scope = { ...s.scope, name: r.text(s.scope.name, at('scope name')), attributes: attrs(s.scope.attributes, (k) => at(`scope attribute ${k}`)) };
      scopes.set(s.scope, scope);
    }
    return {
      ...s,
      name: r.text(s.name, at('span name')),
      status: s.status.message === undefined ? s.status : { ...s.status, message: r.text(s.status.message, at('status message')) },
      attributes: attrs(s.attributes, (k) => at(`attribute ${k}`)),
      events: s.events.map((e) => rewriteEvent(e, r, at, dropBodies)),
      links: s.links.map((l): SpanLink => ({
        ...l,
        traceState: l.traceState === undefined ? undefined : r.text(l.traceState, at('link trace state')),
        attributes: attrs(l.attributes, (k) => at(`link attribute ${k}`)),
      })),
      traceState: s.traceState === undefined ? undefined : r.text(s.traceState, at('trace state')),
      resource,
      scope,
    };
  };
  return traces.map((t) => {
    const spans = t.spans.map(rewriteSpan);
    const first = t.spans[0]?.spanId ?? '';
    const diagnostics = t.diagnostics.map((d): Diagnostic => ({
      ...d,
      message: r.text(d.message, { traceId: t.traceId, spanId: d.spanId ?? first, where: 'diagnostic message' }),
    }));
    const quarantined = t.quarantined.map((q) => rewriteQuarantined(q, t.traceId, r, dropBodies));
    return { ...t, spans, diagnostics, quarantined };
  });
}

function rewriteEvent(e: SpanEvent, r: Redactor, at: (where: string) => TextPlace, dropBodies: boolean): SpanEvent {
  return {
    ...e,
    name: r.text(e.name, at('event name')),
    attributes: rewriteAttributes(e.attributes, r, (k) => at(`event ${e.name} attribute ${k}`), dropBodies, e.name),
  };
}

/** A quarantined span keeps its raw record for display: its texts are redacted too. */
function rewriteQuarantined(q: QuarantinedSpan, traceId: string, r: Redactor, dropBodies: boolean): QuarantinedSpan {
  const raw = q.raw;
  const at = (where: string): TextPlace => ({ traceId, spanId: raw.spanId ?? '', where: `quarantined ${where}` });
  const attrs = (a: Attributes | undefined, prefix: string) => (a === undefined ? undefined : rewriteAttributes(a, r, (k) => at(`${prefix}${k}`), dropBodies));
  const out: RawSpan = {
    ...raw,
    name: raw.name === undefined ? undefined : r.text(raw.name, at('span name')),
    status: raw.status?.message === undefined ? raw.status : { ...raw.status, message: r.text(raw.status.message, at('status message')) },
    attributes: attrs(raw.attributes, 'attribute '),
    events: raw.events?.map((e) => rewriteEvent(e, r, at, dropBodies)),
    links: raw.links?.map((l) => ({ ...l, attributes: attrs(l.attributes, 'link attribute ')! })),
    resource: raw.resource === undefined ? undefined : { ...raw.resource, attributes: attrs(raw.resource.attributes, 'resource attribute ')! },
    scope: raw.scope === undefined ? undefined : { ...raw.scope, attributes: attrs(raw.scope.attributes, 'scope attribute ')! },
  };
  return { raw: out, reason: r.text(q.reason, at('reason')) };
}

function rewrittenServiceName(old: Resource, attributes: Attributes): string | undefined {
  if (old.serviceName === undefined) return undefined;
  const v = attributes.get('service.name');
  return typeof v === 'string' ? v : old.serviceName;
}

function rewriteAttributes(a: Attributes, r: Redactor, place: (key: string) => TextPlace, dropBodies: boolean, eventName?: string): Attributes {
  if (a.size === 0) return a;
  const flat: unknown[] = [];
  let changed = false;
  for (const [key, value] of a.entries()) {
    const p = place(key);
    const newKey = r.text(key, { ...p, where: 'attribute key' });
    let v: AttrValue = value;
    if (dropBodies && isBodyKey(key, eventName)) {
      v = dropBody(value);
      if (v !== value) r.countDropped(BODY_MARKER);
    }
    v = rewriteValue(v, r, p, key);
    if (newKey !== key || v !== value) changed = true;
    flat.push(newKey, v);
  }
  return changed ? new Attributes(flat) : a;
}

function rewriteValue(v: AttrValue, r: Redactor, place: TextPlace, key: string): AttrValue {
  if (typeof v === 'string') return r.text(v, place, key);
  if (typeof v === 'number') return Number.isSafeInteger(v) && Math.abs(v) >= 1e12 ? (r.number(String(Math.abs(v)), place) ?? v) : v;
  if (typeof v === 'bigint') return v >= 1_000_000_000_000n ? (r.number(v.toString(), place) ?? v) : v;
  if (v === null || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return rewriteBytes(v, r, place, key);
  if (Array.isArray(v)) {
    const arr = v as readonly AttrValue[];
    const out = arr.map((x) => rewriteValue(x, r, place, key));
    return out.some((x, i) => x !== arr[i]) ? out : v;
  }
  const map = v as AttrMap;
  const out = newAttrMap();
  let changed = false;
  for (const k of Object.keys(map)) {
    const nk = r.text(k, place);
    const nv = rewriteValue(map[k], r, place, k);
    if (nk !== k || nv !== map[k]) changed = true;
    out[nk] = nv;
  }
  return changed ? out : v;
}

/** Bytes that are UTF-8 text are scanned as text; when a secret is found the value becomes the redacted string. */
function rewriteBytes(v: Uint8Array, r: Redactor, place: TextPlace, key: string): AttrValue {
  let text: string;
  try {
    text = utf8.decode(v);
  } catch {
    return v;
  }
  const out = r.text(text, place, key);
  return out === text ? v : out;
}
