import { newAttrMap, type AttrValue } from '../model/attributes';
import type { Span } from '../model/span';

/** Which attribute families a span carries; lets each convention skip spans cheaply. */
export const Has = {
  genai: 1, // gen_ai.*
  llm: 2, // llm.* (OpenInference, Traceloop)
  vercel: 4, // ai.*
  openinference: 8, // openinference.*, input.*/output.*, tool.*, embedding.*
  traceloop: 16, // traceloop.*
  langfuse: 32, // langfuse.*
  pydantic: 64, // pydantic_ai.*, agent_name, tool_arguments, tool_response, final_result, logfire.msg
  operation: 128, // operation.name / operation.cost
} as const;

/**
 * The attributes of one span that any convention reads, gathered in one pass over the
 * attribute list (later duplicates win, as OTLP says). Spans of other kinds (HTTP, DB…) end up
 * with an empty record and `flags === 0`.
 */
export interface SpanFacts {
  readonly span: Span;
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly flags: number;
}

export function readSpanFacts(span: Span): SpanFacts {
  let attrs: Record<string, AttrValue> | undefined;
  let flags = 0;
  for (const [key, value] of span.attributes.entries()) {
    const bit = familyOf(key);
    if (bit === 0) continue;
    flags |= bit;
    (attrs ??= newAttrMap())[key] = value;
  }
  return { span, attrs: attrs ?? EMPTY, flags };
}

const EMPTY: Readonly<Record<string, AttrValue>> = Object.freeze(newAttrMap());

function familyOf(key: string): number {
  switch (key.charCodeAt(0)) {
    case 103: // g
      return key.startsWith('gen_ai.') ? Has.genai : 0;
    case 108: // l
      if (key.startsWith('llm.')) return Has.llm;
      if (key.startsWith('langfuse.')) return Has.langfuse;
      return key === 'logfire.msg' ? Has.pydantic : 0;
    case 97: // a
      if (key.startsWith('ai.')) return Has.vercel;
      return key === 'agent_name' || key === 'agent.name' ? Has.pydantic : 0;
    case 111: // o
      if (key.startsWith('openinference.') || key.startsWith('output.')) return Has.openinference;
      return key === 'operation.name' || key === 'operation.cost' ? Has.operation : 0;
    case 116: // t
      if (key.startsWith('traceloop.')) return Has.traceloop;
      if (key.startsWith('tool.')) return Has.openinference;
      return key === 'tool_arguments' || key === 'tool_response' ? Has.pydantic : 0;
    case 105: // i
      return key.startsWith('input.') ? Has.openinference : 0;
    case 101: // e
      if (key === 'error.type') return Has.genai;
      return key.startsWith('embedding.') ? Has.openinference : 0;
    case 112: // p
      return key.startsWith('pydantic_ai.') ? Has.pydantic : 0;
    case 102: // f
      return key === 'final_result' ? Has.pydantic : 0;
    case 109: // m
      return key === 'model_name' ? Has.pydantic : 0;
    default:
      return 0;
  }
}

/** A non-empty string attribute. */
export function str(f: SpanFacts, key: string): string | undefined {
  const v = f.attrs[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A finite number from an int, double or numeric string attribute. */
export function num(f: SpanFacts, key: string): number | undefined {
  return toNumber(f.attrs[key]);
}

export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Attributes under `prefix` (a key ending in '.'), in attribute order. */
export function withPrefix(f: SpanFacts, prefix: string): [string, AttrValue][] {
  const out: [string, AttrValue][] = [];
  for (const k in f.attrs) if (k.startsWith(prefix)) out.push([k, f.attrs[k]]);
  return out;
}

/** True when any attribute key starts with `prefix`. */
export function hasPrefix(f: SpanFacts, prefix: string): boolean {
  for (const k in f.attrs) if (k.startsWith(prefix)) return true;
  return false;
}
