import type { AttrValue } from '../../../src/core/model/attributes';

/** GenAI attribute sets for hand-built test traces (what src/core/semantics/genai.ts reads). */

export const agent = (name: string): Record<string, AttrValue> => ({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name });

/** An execute_tool span; `args` is recorded as JSON text like real exporters do. */
export function tool(name: string, callId: string, args?: unknown): Record<string, AttrValue> {
  return {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': name,
    'gen_ai.tool.call.id': callId,
    ...(args === undefined ? {} : { 'gen_ai.tool.call.arguments': JSON.stringify(args) }),
  };
}

export interface ChatSpec {
  tokens?: [number, number];
  /** Tool calls requested: [name, id, args]. */
  calls?: [string, string, unknown][];
  text?: string;
  /** Tool call ids whose results the input carries (as tool messages). */
  results?: string[];
}

/** A chat span (gpt-4o, priced by the built-in table) with the given output and input. */
export function chat(spec: ChatSpec = {}): Record<string, AttrValue> {
  const parts: unknown[] = (spec.calls ?? []).map(([name, id, args]) => ({ type: 'tool_call', id, name, arguments: args }));
  if (spec.text !== undefined) parts.push({ type: 'text', content: spec.text });
  const input: unknown[] = [{ role: 'user', parts: [{ type: 'text', content: 'go' }] }];
  for (const id of spec.results ?? []) input.push({ role: 'tool', parts: [{ type: 'tool_call_response', id, response: 'ok' }] });
  const [inTok, outTok] = spec.tokens ?? [100, 10];
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': 'gpt-4o',
    'gen_ai.usage.input_tokens': inTok,
    'gen_ai.usage.output_tokens': outTok,
    'gen_ai.input.messages': JSON.stringify(input),
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts }]),
  };
}
