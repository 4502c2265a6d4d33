import type { SpanEvent } from '../model/span';
import { decodeJsonLayers, isRecord } from './json';
import { messagesFrom } from './messages';
import type { ChatMessage } from './types';

/**
 * Message content carried by span events rather than attributes (OTel GenAI ≤ v1.36 per-message
 * events, the v1.37+ `gen_ai.client.inference.operation.details` event, OpenLit's
 * `gen_ai.content.prompt|completion`). Event bodies become attributes when written as span
 * events: either one JSON attribute (`gen_ai.event.content`, `body`, `event.body`) or the body's
 * fields as attributes (`content`, `role`, `tool_calls`, `id`, `message`, `finish_reason`).
 */

const INPUT_EVENT_ROLES: Readonly<Record<string, string>> = {
  'gen_ai.system.message': 'system',
  'gen_ai.user.message': 'user',
  'gen_ai.assistant.message': 'assistant',
  'gen_ai.tool.message': 'tool',
};
const DETAILS = 'gen_ai.client.inference.operation.details';

export function hasContentEvents(events: readonly SpanEvent[]): boolean {
  for (const e of events) if (e.name.startsWith('gen_ai.')) return true;
  return false;
}

/** Names of the content events present for `side`, for the mapping report ('' when none). */
export function contentEventSource(events: readonly SpanEvent[], side: 'input' | 'output'): string {
  const names = new Set<string>();
  for (const e of events) {
    if (
      side === 'input'
        ? e.name in INPUT_EVENT_ROLES || e.name === 'gen_ai.content.prompt'
        : e.name === 'gen_ai.choice' || e.name === 'gen_ai.content.completion'
    )
      names.add(e.name);
    if (e.name === DETAILS && e.attributes.get(side === 'input' ? 'gen_ai.input.messages' : 'gen_ai.output.messages') !== undefined) names.add(DETAILS);
  }
  return names.size ? [...names].join(', ') + ' event' + (names.size > 1 ? 's' : '') : '';
}

export function eventMessages(events: readonly SpanEvent[], side: 'input' | 'output'): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const e of events) {
    if (e.name === DETAILS) {
      const v = e.attributes.get(side === 'input' ? 'gen_ai.input.messages' : 'gen_ai.output.messages');
      if (v !== undefined) out.push(...messagesFrom(v, side === 'input' ? 'user' : 'assistant'));
      if (side === 'input') {
        const sys = e.attributes.get('gen_ai.system_instructions');
        if (sys !== undefined) out.unshift(...systemMessages(sys));
      }
    } else if ((side === 'input' && e.name in INPUT_EVENT_ROLES) || (side === 'output' && e.name === 'gen_ai.choice')) {
      out.push(...bodyMessages(e.name, eventBody(e)));
    } else if (e.name === (side === 'input' ? 'gen_ai.content.prompt' : 'gen_ai.content.completion')) {
      const v = e.attributes.get(side === 'input' ? 'gen_ai.prompt' : 'gen_ai.completion');
      if (v !== undefined) out.push(...messagesFrom(v, side === 'input' ? 'user' : 'assistant'));
    }
  }
  return out;
}

/** One message event's body → messages: input events get their role from the event name; a
 * `gen_ai.choice` body `{index, finish_reason, message: {role, content, tool_calls}}` is unwrapped. */
function bodyMessages(name: string, body: unknown): ChatMessage[] {
  if (name === 'gen_ai.choice') {
    if (isRecord(body) && body.message !== undefined) {
      const msg = decodeJsonLayers(body.message);
      return messagesFrom(isRecord(msg) ? { finish_reason: body.finish_reason, ...msg } : msg, 'assistant');
    }
    return messagesFrom(body, 'assistant');
  }
  if (isRecord(body) && body.role === undefined) return messagesFrom({ ...body, role: INPUT_EVENT_ROLES[name] }, 'user');
  return messagesFrom(body, 'user');
}

/**
 * pydantic-ai with `event_mode='attributes'` (its default before instrumentation v2) writes the
 * message events as one JSON attribute, `events`: `[{"event.name": "gen_ai.user.message",
 * "role", "content"}, …, {"event.name": "gen_ai.choice", "index": 0, "message": {…}}]`.
 * Undefined when the value is not such a list.
 */
export function attributeEventMessages(value: unknown, side: 'input' | 'output'): ChatMessage[] | undefined {
  const list = decodeJsonLayers(value);
  if (!Array.isArray(list) || !list.some((e) => isRecord(e) && typeof e['event.name'] === 'string')) return undefined;
  const out: ChatMessage[] = [];
  for (const e of list) {
    if (!isRecord(e) || typeof e['event.name'] !== 'string') continue;
    const name = e['event.name'];
    if (side === 'input' ? !(name in INPUT_EVENT_ROLES) : name !== 'gen_ai.choice') continue;
    const body = Object.create(null) as Record<string, unknown>;
    for (const k of Object.keys(e)) if (k !== 'event.name' && k !== 'gen_ai.system' && k !== 'gen_ai.provider.name') body[k] = e[k];
    out.push(...bodyMessages(name, body));
  }
  return out;
}

function eventBody(e: SpanEvent): unknown {
  for (const k of ['gen_ai.event.content', 'body', 'event.body']) {
    const v = e.attributes.get(k);
    if (v !== undefined) return decodeJsonLayers(v);
  }
  const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of e.attributes.entries()) {
    if (k === 'gen_ai.system' || k === 'gen_ai.provider.name') continue;
    body[k] = k === 'tool_calls' || k === 'message' || k === 'content' ? decodeJsonLayers(v) : v;
  }
  return body;
}

/** `gen_ai.system_instructions`: a parts list (or plain text) → one system message. */
export function systemMessages(v: unknown): ChatMessage[] {
  const parts = decodeJsonLayers(v);
  if (typeof parts === 'string') return parts === '' ? [] : [{ role: 'system', text: parts, toolCalls: [] }];
  if (Array.isArray(parts)) return messagesFrom({ role: 'system', parts }, 'user');
  if (isRecord(parts)) return messagesFrom({ role: 'system', ...parts }, 'user');
  return [];
}
