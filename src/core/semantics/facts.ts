import { toNumber, type AttrValue } from '../model/attributes';
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
  // Sub-families, so readers need not scan keys again:
  genaiUsage: 256, // gen_ai.usage.*
  flatPrompt: 512, // gen_ai.prompt.<i>.*
  flatCompletion: 1024, // gen_ai.completion.<i>.*
  oiInputMessages: 2048, // llm.input_messages.*
  oiOutputMessages: 4096, // llm.output_messages.*
  oiTokens: 8192, // llm.token_count.*
  lfUsage: 16384, // langfuse.observation.usage_details.*
  lfCost: 32768, // langfuse.observation.cost_details.*
} as const;

/**
 * One span as the convention readers see it: its attributes (looked up in place, no copy) and
 * the attribute families present, found in one pass over the attribute list. Spans of other
 * kinds (HTTP, DB…) have `flags === 0` and every reader skips them at once.
 */
export class SpanFacts {
  constructor(
    readonly span: Span,
    readonly flags: number,
  ) {}

  /** The value of `key` (the last one when the key repeats, as OTLP says). */
  get(key: string): AttrValue | undefined {
    return this.span.attributes.get(key);
  }

  /** Attributes whose key starts with `prefix`, in attribute order. */
  withPrefix(prefix: string): [string, AttrValue][] {
    return this.span.attributes.withPrefix(prefix);
  }
}

export function readSpanFacts(span: Span): SpanFacts {
  let flags = 0;
  for (const key of span.attributes.keys()) {
    const bit = familyOf(key);
    if (bit !== 0) flags |= bit | subFamilyOf(bit, key);
  }
  return new SpanFacts(span, flags);
}

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

function subFamilyOf(bit: number, key: string): number {
  if (bit === Has.genai) {
    if (key.startsWith('gen_ai.usage.')) return Has.genaiUsage;
    if (key.startsWith('gen_ai.prompt.')) return isDigit(key, 14) ? Has.flatPrompt : 0;
    if (key.startsWith('gen_ai.completion.')) return isDigit(key, 18) ? Has.flatCompletion : 0;
  } else if (bit === Has.llm) {
    if (key.startsWith('llm.input_messages.')) return Has.oiInputMessages;
    if (key.startsWith('llm.output_messages.')) return Has.oiOutputMessages;
    if (key.startsWith('llm.token_count.')) return Has.oiTokens;
  } else if (bit === Has.langfuse) {
    if (key.startsWith('langfuse.observation.usage_details.')) return Has.lfUsage;
    if (key.startsWith('langfuse.observation.cost_details.')) return Has.lfCost;
  }
  return 0;
}

function isDigit(key: string, at: number): boolean {
  const c = key.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/** A non-empty string attribute. */
export function str(f: SpanFacts, key: string): string | undefined {
  const v = f.get(key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A finite number from an int, double or numeric string attribute. */
export function num(f: SpanFacts, key: string): number | undefined {
  return toNumber(f.get(key));
}

export { toNumber };
