import type { AttrValue } from '../../../src/core/model/attributes';

/** GenAI attribute sets for hand-built traces (names from src/core/semantics/genai.ts). */
export const agent = (name: string): Record<string, AttrValue> => ({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name });

export function tool(name: string, callId: string, args: unknown, result?: unknown): Record<string, AttrValue> {
  return {
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': name,
    'gen_ai.tool.call.id': callId,
    'gen_ai.tool.call.arguments': JSON.stringify(args),
    ...(result !== undefined ? { 'gen_ai.tool.call.result': typeof result === 'string' ? result : JSON.stringify(result) } : {}),
  };
}

export interface ChatSpec {
  model: string;
  input: number;
  output: number;
  cached?: number;
  reasoning?: number;
  /** [name, id, args] */
  calls?: [string, string, unknown][];
  text?: string;
  thinking?: string;
  /** Messages sent: [role, text]. */
  sent?: [string, string][];
}

export function chat(c: ChatSpec): Record<string, AttrValue> {
  const parts: unknown[] = [];
  if (c.thinking) parts.push({ type: 'reasoning', content: c.thinking });
  for (const [name, id, args] of c.calls ?? []) parts.push({ type: 'tool_call', id, name, arguments: args });
  if (c.text) parts.push({ type: 'text', content: c.text });
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.model': c.model,
    'gen_ai.usage.input_tokens': c.input,
    'gen_ai.usage.output_tokens': c.output,
    ...(c.cached !== undefined ? { 'gen_ai.usage.cache_read.input_tokens': c.cached } : {}),
    ...(c.reasoning !== undefined ? { 'gen_ai.usage.reasoning.output_tokens': c.reasoning } : {}),
    ...(c.sent ? { 'gen_ai.input.messages': JSON.stringify(c.sent.map(([role, text]) => ({ role, parts: [{ type: 'text', content: text }] }))) } : {}),
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts }]),
  };
}
