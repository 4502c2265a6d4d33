import type { AttrValue } from '../model/attributes';

/** The marker type that replaces a dropped body. */
export const BODY_MARKER = 'message-body';
const MARKER = `[REDACTED:${BODY_MARKER}]`;

/** Attributes that hold message contents or tool payloads, across the conventions semantics/ reads. */
const BODY_KEYS = new Set([
  'gen_ai.input.messages',
  'gen_ai.output.messages',
  'gen_ai.system_instructions',
  'gen_ai.prompt',
  'gen_ai.completion',
  'gen_ai.content.prompt',
  'gen_ai.content.completion',
  'gen_ai.event.content',
  'gen_ai.tool.call.arguments',
  'gen_ai.tool.call.result',
  'gen_ai.tool.args',
  'gen_ai.output',
  'gen_ai.choice',
  'input.value',
  'output.value',
  'ai.prompt',
  'ai.prompt.messages',
  'ai.response.text',
  'ai.response.object',
  'ai.response.toolCalls',
  'ai.toolCall.args',
  'ai.toolCall.input',
  'ai.toolCall.result',
  'ai.toolCall.output',
  'traceloop.entity.input',
  'traceloop.entity.output',
  'langfuse.observation.input',
  'langfuse.observation.output',
  'langfuse.trace.input',
  'langfuse.trace.output',
]);

/** Flattened message attributes (Traceloop `gen_ai.prompt.0.content`, OpenInference `llm.input_messages.0.message.content`, tool call arguments). */
const FLAT_BODY =
  /^(?:gen_ai\.(?:prompt|completion)\.\d+\.(?:content|tool_calls\.\d+\.arguments)|llm\.(?:input|output)_messages\.\d+\.message\.(?:content|contents\.\d+\.message_content\.text|tool_calls\.\d+\.tool_call\.function\.arguments)|tool\.parameters|tool_call\.function\.arguments)$/;

/** Attributes of GenAI message events (`gen_ai.user.message`, `gen_ai.choice`…) that hold the body. */
const EVENT_BODY_KEYS = new Set(['content', 'message', 'tool_calls', 'body']);

export function isBodyKey(key: string, eventName?: string): boolean {
  if (BODY_KEYS.has(key) || FLAT_BODY.test(key)) return true;
  return eventName !== undefined && eventName.startsWith('gen_ai.') && EVENT_BODY_KEYS.has(key);
}

/** Fields of a message object kept when its body is dropped: who spoke, which tool, which call. */
const KEEP_FIELDS = new Set([
  'role',
  'type',
  'name',
  'id',
  'tool_call_id',
  'call_id',
  'toolCallId',
  'tool_use_id',
  'toolName',
  'tool_name',
  'finish_reason',
  'finishReason',
  'index',
]);

/**
 * The value with message contents and tool payloads replaced by `[REDACTED:message-body]`.
 * JSON message lists keep their shape: roles, part types, tool names and call ids stay, so the
 * redacted trace still pairs tool calls with their executions. Text that is not JSON is
 * replaced whole.
 */
export function dropBody(value: AttrValue): AttrValue {
  if (typeof value !== 'string') return Array.isArray(value) ? (value as readonly AttrValue[]).map(dropBody) : value === null ? value : MARKER;
  const t = value.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.stringify(dropJson(JSON.parse(t) as unknown, undefined, false));
    } catch {
      return MARKER;
    }
  }
  return value === '' ? value : MARKER;
}

/** Keys whose whole value is a payload (tool arguments, results): nothing under them is kept. */
const PAYLOAD_FIELDS = new Set(['arguments', 'args', 'input', 'output', 'result', 'response', 'parameters', 'text']);

function dropJson(v: unknown, key: string | undefined, inPayload: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => dropJson(x, key, inPayload));
  if (v !== null && typeof v === 'object') {
    if (inPayload) return MARKER;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      // defineProperty: a `__proto__` key from the trace stays an own property.
      Object.defineProperty(out, k, { value: dropJson(x, k, PAYLOAD_FIELDS.has(k)), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (typeof v === 'string') return !inPayload && key !== undefined && KEEP_FIELDS.has(key) ? v : MARKER;
  return v;
}
