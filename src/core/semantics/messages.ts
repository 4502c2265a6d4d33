import type { ChatMessage, ToolCallRequest } from './types';
import { decodeJsonLayers, isRecord, parseJsonText, parseMaybeJson, textOf } from './json';

/**
 * Chat messages from the JSON shapes producers write, normalised to `ChatMessage`:
 * - OTel GenAI `{role, parts:[{type:text|reasoning|tool_call|tool_call_response…}]}`
 * - chat-completions `{role, content, tool_calls:[{id, function:{name, arguments}}], tool_call_id}`
 *   (any-agent, OpenLLMetry, LangChain dicts; Koog puts the tool call list as JSON in `content`)
 * - Vercel AI SDK `{role, content:[{type:text|tool-call|tool-result…}]}` and `ai.response.toolCalls`
 * - Anthropic content blocks (`text`, `thinking`, `tool_use`, `tool_result`)
 * - Gemini `{role:model, parts:[{text}|{function_call}|{function_response}]}`, ADK LlmRequest /
 *   LlmResponse wrappers (`contents`, `config.system_instruction`, `content`)
 * - OpenAI Responses API items (`message`, `function_call`, `function_call_output`, `reasoning`)
 *   and whole response objects (`{object:"response", output:[…]}`)
 * - LangChain serialised messages (`{lc, id:[…,"AIMessage"], kwargs:{…}}`), LlamaIndex
 *   ChatMessages (`{role, blocks:[{block_type:"text", text}], additional_kwargs:{tool_calls}}`)
 * - wrappers `{messages}`, `{prompt}`, `{system}`, `{choices:[{message}]}`, a lone choice
 *   `{index, message}` (pydantic-ai's gen_ai.choice body) and plain strings.
 * Tool results inside a message (Anthropic `tool_result` blocks in a user message) become
 * separate `tool` messages. An unrecognised object yields no message rather than a guess;
 * unrecognised text (plain or JSON) is kept as one message of `defaultRole`.
 */
export function messagesFrom(value: unknown, defaultRole: 'user' | 'assistant'): ChatMessage[] {
  const v = decodeJsonLayers(value);
  const out: ChatMessage[] = [];
  collect(v, defaultRole, out, 0);
  // JSON text that is not a message shape (a structured answer, say) is shown as the text it is.
  if (out.length === 0 && typeof value === 'string' && value.trim() !== '') out.push({ role: defaultRole, text: value, toolCalls: [] });
  return out;
}

/** The role of the one message that lists the tool definitions a producer sent as messages. */
const TOOLS_OFFERED_ROLE = 'tools';

/** Keys that make an object a message rather than some other JSON value. */
const MESSAGE_KEYS = ['role', 'content', 'parts', 'tool_calls', 'text', 'function_call', 'kwargs'];

const MAX_DEPTH = 6;

function collect(v: unknown, role: string, out: ChatMessage[], depth: number): void {
  if (depth > MAX_DEPTH || v === null || v === undefined) return;
  if (typeof v === 'string') {
    if (v !== '') out.push({ role, text: v, toolCalls: [] });
    return;
  }
  if (Array.isArray(v)) {
    const calls = toolCallList(v);
    if (calls) {
      out.push({ role: 'assistant', text: '', toolCalls: calls });
      return;
    }
    for (const m of v) collect(m, role, out, depth + 1);
    return;
  }
  if (!isRecord(v)) return;
  // Whole responses and request wrappers.
  if (v.object === 'response' && Array.isArray(v.output)) return collect(v.output, 'assistant', out, depth + 1);
  if (Array.isArray(v.choices)) {
    for (const c of v.choices) if (isRecord(c)) messageInto(isRecord(c.message) ? { finish_reason: c.finish_reason, ...c.message } : c, 'assistant', out);
    return;
  }
  if (Array.isArray(v.messages) || Array.isArray(v.contents) || (typeof v.prompt === 'string' && v.role === undefined)) {
    const system = typeof v.system === 'string' ? v.system : isRecord(v.config) ? v.config.system_instruction : undefined;
    if (typeof system === 'string' && system !== '') out.push({ role: 'system', text: system, toolCalls: [] });
    if (Array.isArray(v.messages)) collect(v.messages, role, out, depth + 1);
    else if (Array.isArray(v.contents)) collect(v.contents, role, out, depth + 1);
    else out.push({ role: 'user', text: v.prompt as string, toolCalls: [] });
    return;
  }
  if (v.role === undefined && v.content === undefined && typeof v.index === 'number' && v.message !== undefined) {
    // One choice on its own (pydantic-ai's gen_ai.choice body): {index, finish_reason, message}
    const msg = decodeJsonLayers(v.message);
    if (isRecord(msg)) messageInto({ finish_reason: v.finish_reason, ...msg }, 'assistant', out);
    else collect(msg, 'assistant', out, depth + 1);
    return;
  }
  if (isRecord(v.content) && (Array.isArray(v.content.parts) || v.content.role !== undefined)) {
    // Gemini / ADK LlmResponse: {content:{role, parts}, finish_reason}
    messageInto({ finish_reason: v.finish_reason, ...v.content }, role, out);
    return;
  }
  messageInto(v, role, out);
}

/**
 * A bare list of tool requests: any-agent's `[{"tool.name":…, "tool.args":…}]` (older releases:
 * `[{name, arguments}]` or a chat-completions `tool_calls` list), or the Vercel AI SDK's
 * `[{toolCallId, toolName, input|args}]` (`ai.response.toolCalls`, Langfuse outputs).
 */
function toolCallList(list: unknown[]): ToolCallRequest[] | undefined {
  if (list.length === 0) return undefined;
  const calls: ToolCallRequest[] = [];
  for (const x of list) {
    if (isRecord(x) && typeof x['tool.name'] === 'string') calls.push(request(undefined, x['tool.name'], x['tool.args']));
    else if (isRecord(x) && typeof x.toolName === 'string' && x.role === undefined && x.type === undefined) {
      calls.push(request(typeof x.toolCallId === 'string' ? x.toolCallId : undefined, x.toolName, x.input ?? x.args));
    } else if (isRecord(x) && x.role === undefined && x.type === 'function' && isRecord(x.function) && typeof x.function.name === 'string') {
      // a chat-completions `tool_calls` list on its own (older any-agent with agno)
      calls.push(request(str(x.id), x.function.name, x.function.arguments));
    } else if (isRecord(x) && x.role === undefined && x.type === undefined && x.content === undefined && typeof x.name === 'string' && 'arguments' in x) {
      // `[{name, arguments}]` (older any-agent with TinyAgent)
      calls.push(request(str(x.id), x.name, x.arguments));
    } else return undefined;
  }
  return calls;
}

const ROLE_ALIASES: Readonly<Record<string, string>> = {
  model: 'assistant',
  ai: 'assistant',
  aimessage: 'assistant',
  aimessagechunk: 'assistant',
  human: 'user',
  humanmessage: 'user',
  systemmessage: 'system',
  toolmessage: 'tool',
  function: 'tool',
  developer: 'system',
};

function normRole(r: unknown, fallback: string): string {
  if (typeof r !== 'string' || r === '') return fallback;
  const l = r.toLowerCase();
  return Object.prototype.hasOwnProperty.call(ROLE_ALIASES, l) ? ROLE_ALIASES[l] : l;
}

/** Accumulates the parts of one message. */
class Draft {
  texts: string[] = [];
  reasoning: string[] = [];
  toolCalls: ToolCallRequest[] = [];
  results: ChatMessage[] = [];
}

function messageInto(m0: Record<string, unknown>, defaultRole: string, out: ChatMessage[]): void {
  if (!MESSAGE_KEYS.some((k) => m0[k] !== undefined) && m0.type !== 'function_call' && m0.type !== 'function_call_output' && m0.type !== 'reasoning') return;
  if ((m0.role === 'tool' || m0.role === undefined) && toolDefinitionLine(m0.content) !== undefined) {
    toolsOfferedInto(toolDefinitionLine(m0.content)!, out);
    return;
  }
  let m = m0;
  let roleHint: unknown = m.role;
  // LangChain: serialised constructor or plain dict with `type`.
  if (isRecord(m.kwargs) && Array.isArray(m.id)) {
    roleHint = m.id[m.id.length - 1];
    m = m.kwargs;
  } else if (roleHint === undefined && typeof m.type === 'string' && /^(human|ai|system|tool)$/.test(m.type)) {
    roleHint = m.type;
  }
  // OpenAI Responses items.
  if (m.type === 'function_call' && typeof m.name === 'string') {
    out.push({ role: 'assistant', text: '', toolCalls: [request(str(m.call_id) ?? str(m.id), m.name, m.arguments)] });
    return;
  }
  if (m.type === 'function_call_output') {
    out.push(toolMessage(str(m.call_id), undefined, m.output));
    return;
  }
  let role = normRole(roleHint, defaultRole);
  const d = new Draft();
  if (m.type === 'reasoning' && Array.isArray(m.summary)) {
    role = 'assistant';
    for (const s of m.summary) if (isRecord(s) && typeof s.text === 'string') d.reasoning.push(s.text);
  }
  const content = m.content;
  if (typeof content === 'string') {
    const koog = role === 'assistant' ? koogToolCalls(content) : undefined;
    if (koog) d.toolCalls.push(...koog);
    else if (content !== '') d.texts.push(content);
  } else if (Array.isArray(content)) {
    partsInto(content, d);
  } else if (isRecord(content)) {
    if (Array.isArray(content.parts)) partsInto(content.parts, d);
    else partsInto([content], d);
  } else if (typeof m.text === 'string' && m.text !== '') {
    d.texts.push(m.text);
  }
  if (Array.isArray(m.parts)) partsInto(m.parts, d);
  // LlamaIndex ChatMessage: `blocks: [{block_type: "text", text}]`
  if (Array.isArray(m.blocks))
    for (const b of m.blocks) if (isRecord(b) && b.block_type === 'text' && typeof b.text === 'string' && b.text !== '') d.texts.push(b.text);
  toolCallsInto(m.tool_calls, d);
  if (isRecord(m.additional_kwargs) && d.toolCalls.length === 0) toolCallsInto(m.additional_kwargs.tool_calls, d);
  if (isRecord(m.function_call) && typeof m.function_call.name === 'string') {
    d.toolCalls.push(request(undefined, m.function_call.name, m.function_call.arguments));
  }
  const toolCallId = str(m.tool_call_id) ?? str(m.toolCallId) ?? (role === 'tool' ? str(m.id) : undefined);
  // A message that only carried tool results (GenAI tool role, Anthropic user turn) is replaced
  // by those results.
  if (d.texts.length || d.reasoning.length || d.toolCalls.length || d.results.length === 0) {
    const msg: { -readonly [K in keyof ChatMessage]: ChatMessage[K] } = { role, text: d.texts.join('\n\n'), toolCalls: d.toolCalls };
    if (d.reasoning.length) msg.reasoning = d.reasoning.join('\n\n');
    if (toolCallId !== undefined) msg.toolCallId = toolCallId;
    if (typeof m.name === 'string' && m.name !== '') msg.name = m.name;
    const fr = str(m.finish_reason) ?? str(m.finishReason) ?? str(m.stop_reason);
    if (fr !== undefined) msg.finishReason = fr;
    out.push(msg);
  }
  out.push(...d.results);
}

/**
 * A tool definition sent as a message — `{role: "tool", content: {type: "function", function:
 * {name, description, parameters}}}`, as Langfuse's LangChain callback writes the tools bound to
 * a model — is a tool offered, not a tool result: "name — description", or undefined.
 */
function toolDefinitionLine(content: unknown): string | undefined {
  const c = decodeJsonLayers(content);
  if (!isRecord(c) || c.type !== 'function' || !isRecord(c.function) || typeof c.function.name !== 'string') return undefined;
  const d = typeof c.function.description === 'string' ? c.function.description.trim().split('\n')[0] : '';
  return d ? `${c.function.name} — ${d}` : c.function.name;
}

/** Tools offered are listed in one `tools` message (role "tools": neither a result nor a turn). */
function toolsOfferedInto(line: string, out: ChatMessage[]): void {
  const last = out[out.length - 1];
  if (last?.role === TOOLS_OFFERED_ROLE) out[out.length - 1] = { ...last, text: `${last.text}\n${line}` };
  else out.push({ role: TOOLS_OFFERED_ROLE, text: `Tools offered:\n${line}`, toolCalls: [] });
}

function partsInto(parts: readonly unknown[], d: Draft): void {
  for (const p of parts) {
    if (typeof p === 'string') {
      if (p !== '') d.texts.push(p);
      continue;
    }
    if (!isRecord(p)) continue;
    const type = typeof p.type === 'string' ? p.type : undefined;
    switch (type) {
      case undefined:
      case 'text':
      case 'output_text':
      case 'input_text': {
        const call = p.function_call ?? p.functionCall;
        const resp = p.function_response ?? p.functionResponse;
        if (isRecord(call) && typeof call.name === 'string') d.toolCalls.push(request(str(call.id), call.name, call.args ?? call.arguments));
        else if (isRecord(resp)) d.results.push(toolMessage(str(resp.id), str(resp.name), resp.response));
        else {
          const t = typeof p.content === 'string' ? p.content : typeof p.text === 'string' ? p.text : undefined;
          if (t !== undefined && t !== '') (p.thought === true ? d.reasoning : d.texts).push(t);
        }
        break;
      }
      case 'reasoning':
      case 'thinking': {
        const t = p.content ?? p.thinking ?? p.text;
        if (typeof t === 'string' && t !== '') d.reasoning.push(t);
        break;
      }
      case 'tool_call':
      case 'function_call':
        if (typeof p.name === 'string') d.toolCalls.push(request(str(p.id) ?? str(p.call_id), p.name, p.arguments));
        break;
      case 'tool-call':
        if (typeof p.toolName === 'string') d.toolCalls.push(request(str(p.toolCallId), p.toolName, p.input ?? p.args));
        break;
      case 'tool_use':
        if (typeof p.name === 'string') d.toolCalls.push(request(str(p.id), p.name, p.input));
        break;
      case 'tool_call_response':
        d.results.push(toolMessage(str(p.id), undefined, p.response ?? p.result));
        break;
      case 'tool-result':
        d.results.push(toolMessage(str(p.toolCallId), str(p.toolName), p.output ?? p.result));
        break;
      case 'tool_result':
        d.results.push(toolMessage(str(p.tool_use_id), undefined, p.content));
        break;
      default:
        if (/reason|thought/i.test(type)) {
          const c = p.content ?? p.text;
          const t = typeof c === 'string' ? c : isRecord(c) && typeof c.text === 'string' ? c.text : '';
          if (t !== '') d.reasoning.push(t);
        } else if (/^(image|image_url|input_image|blob|uri|file|audio|input_audio|video|document)$/.test(type)) {
          d.texts.push(`[${typeof p.modality === 'string' ? p.modality : type}]`);
        }
    }
  }
}

function toolCallsInto(list: unknown, d: Draft): void {
  if (!Array.isArray(list)) return;
  for (const tc of list) {
    if (!isRecord(tc)) continue;
    const fn = isRecord(tc.function) ? tc.function : tc;
    const name = str(fn.name) ?? str(tc.name);
    if (name !== undefined) d.toolCalls.push(request(str(tc.id), name, fn.arguments ?? tc.args ?? tc.arguments));
  }
}

/** Koog writes an assistant turn's tool calls as the JSON text of the list, in `content`. */
function koogToolCalls(content: string): ToolCallRequest[] | undefined {
  if (!content.startsWith('[{') || !content.includes('"function"')) return undefined;
  const list = parseJsonText(content);
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const d = new Draft();
  if (!list.every((x) => isRecord(x) && isRecord(x.function))) return undefined;
  toolCallsInto(list, d);
  return d.toolCalls;
}

function toolMessage(id: string | undefined, name: string | undefined, result: unknown): ChatMessage {
  const msg: { -readonly [K in keyof ChatMessage]: ChatMessage[K] } = { role: 'tool', text: resultText(result), toolCalls: [] };
  if (id !== undefined) msg.toolCallId = id;
  if (name !== undefined) msg.name = name;
  return msg;
}

function resultText(v: unknown): string {
  if (Array.isArray(v) && v.every((b) => isRecord(b) && typeof b.text === 'string')) {
    return v.map((b) => (b as { text: string }).text).join('\n\n');
  }
  return textOf(v);
}

export function request(id: string | undefined, name: string, args: unknown): ToolCallRequest {
  const r: { -readonly [K in keyof ToolCallRequest]: ToolCallRequest[K] } = { name };
  if (id !== undefined) r.id = id;
  const a = parseMaybeJson(args);
  if (a !== undefined) r.arguments = a;
  return r;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Text of the last assistant message that has text (an agent's answer), or undefined. */
/**
 * The last assistant text, skipping placeholders a producer writes for "no content" (Python's
 * str(None), JSON null): an answer is never the literal text "None".
 */
export function lastAssistantText(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const t = messages[i].text;
    if (messages[i].role === 'assistant' && t !== '' && t !== 'None' && t !== 'null') return t;
  }
  return undefined;
}
