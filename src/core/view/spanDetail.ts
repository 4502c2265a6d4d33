import type { Attributes, AttrValue } from '../model/attributes';
import { STATUS_NAMES, SPAN_KIND_NAMES, type Span } from '../model/span';
import { spanMs } from '../model/time';
import type { Trace } from '../model/trace';
import { DETAIL_VALUE_LIMIT, durationMs, offsetMs, type DetailAttribute, type DetailMessage, type SpanDetail } from '../protocol';
import type { AgentView, ChatMessage, LlmCall } from '../semantics/types';
import { clipText } from './clip';
import { indexView } from './viewIndex';

/**
 * Message text past this many characters is cut, with a note giving the full length: one
 * prompt can carry a whole document, and details are posted to the webview on every click.
 * Attribute values are cut much shorter (`DETAIL_VALUE_LIMIT`) and fetched whole on demand.
 */
export const MESSAGE_TEXT_LIMIT = 100_000;

/**
 * Everything the detail panel shows for one span. Times are milliseconds from the trace's
 * start (events too); attribute values are clipped to `DETAIL_VALUE_LIMIT` characters with
 * `fullLength` set; messages, model, tokens and cost come from the agent view's LLM call.
 * Returns undefined for an index outside the trace.
 */
export function buildSpanDetail(trace: Trace, view: AgentView, index: number): SpanDetail | undefined {
  const span = trace.spans[index];
  if (!span) return undefined;
  const { llmBySpan, diagnosticsBySpan } = indexView(trace, view);
  const sem = view.spans[index];
  const llm = llmBySpan.get(index);
  return {
    index,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: SPAN_KIND_NAMES[span.kind] ?? 'unspecified',
    category: sem?.category ?? 'other',
    convention: sem?.convention ?? 'none',
    status: span.status.message ? { code: STATUS_NAMES[span.status.code], message: span.status.message } : { code: STATUS_NAMES[span.status.code] },
    startMs: offsetMs(spanMs(trace.startNs, span.startNs)),
    durationMs: durationMs(spanMs(span.startNs, span.endNs)),
    attributes: detailAttributes(span.attributes),
    resource: detailAttributes(span.resource.attributes),
    scope: scopeLabel(span),
    events: span.events.map((e) => ({ name: e.name, offsetMs: offsetMs(spanMs(trace.startNs, e.timeNs)), attributes: detailAttributes(e.attributes) })),
    input: llm ? llm.input.map(detailMessage) : [],
    output: llm ? llm.output.map(detailMessage) : [],
    ...(llm ? llmFields(llm) : {}),
    diagnostics: (diagnosticsBySpan.get(span.spanId) ?? []).map((d) => d.message),
    mapping: (sem?.fields ?? []).map((f) => ({
      field: f.field,
      ...(f.from !== undefined ? { from: f.from } : {}),
      ...(f.missing !== undefined ? { missing: f.missing } : {}),
    })),
  };
}

function llmFields(llm: LlmCall): Pick<SpanDetail, 'model' | 'tokens' | 'costUsd'> {
  const u = llm.usage;
  const tokens: { input?: number; output?: number; cachedInput?: number; reasoning?: number } = {};
  if (u.input !== undefined) tokens.input = u.input;
  if (u.output !== undefined) tokens.output = u.output;
  if (u.cachedInput !== undefined) tokens.cachedInput = u.cachedInput;
  if (u.reasoning !== undefined) tokens.reasoning = u.reasoning;
  return { ...(llm.model !== undefined ? { model: llm.model } : {}), tokens, costUsd: llm.cost.usd };
}

function scopeLabel(span: Span): string {
  return span.scope.version ? `${span.scope.name} ${span.scope.version}` : span.scope.name;
}

function detailAttributes(attrs: Attributes): DetailAttribute[] {
  const out: DetailAttribute[] = [];
  for (const [key, value] of attrs.entries()) {
    const text = attrValueText(value);
    const clipped = clipText(text, DETAIL_VALUE_LIMIT);
    out.push(clipped === text ? { key, value: text, type: attrType(value) } : { key, value: clipped, type: attrType(value), fullLength: text.length });
  }
  return out;
}

/**
 * The whole value of attribute `key` of span `index` (scope 'span') or of its resource, as
 * the detail panel renders it unclipped; undefined when there is no such span or key.
 */
export function attributeValueText(trace: Trace, index: number, key: string, scope: 'span' | 'resource'): string | undefined {
  const span = trace.spans[index];
  if (!span) return undefined;
  const value = (scope === 'span' ? span.attributes : span.resource.attributes).get(key);
  return value === undefined ? undefined : attrValueText(value);
}

/** Strings as they are; numbers, booleans and int64s as digits; arrays and maps as indented JSON; bytes as hex. */
export function attrValueText(v: AttrValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Uint8Array) return bytesHex(v);
  return JSON.stringify(v, jsonReplacer, 2);
}

function jsonReplacer(_key: string, x: unknown): unknown {
  if (typeof x === 'bigint') return x.toString();
  if (x instanceof Uint8Array) return bytesHex(x);
  return x;
}

function bytesHex(b: Uint8Array): string {
  let s = '';
  for (const byte of b) s += byte.toString(16).padStart(2, '0');
  return s;
}

function attrType(v: AttrValue): DetailAttribute['type'] {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (v instanceof Uint8Array) return 'bytes';
  return Array.isArray(v) ? 'array' : 'map';
}

function detailMessage(m: ChatMessage): DetailMessage {
  const text = clipText(m.text, MESSAGE_TEXT_LIMIT);
  return {
    role: m.role,
    text: text === m.text ? text : `${text}\n… [${(m.text.length - text.length).toLocaleString('en-US')} more characters not shown]`,
    toolCalls: m.toolCalls.map((c) => ({
      ...(c.id !== undefined ? { id: c.id } : {}),
      name: c.name,
      arguments: typeof c.arguments === 'string' ? c.arguments : c.arguments === undefined ? '' : safeJson(c.arguments),
    })),
    ...(m.toolCallId !== undefined ? { toolCallId: m.toolCallId } : {}),
    ...(m.reasoning ? { reasoning: clipText(m.reasoning, MESSAGE_TEXT_LIMIT) } : {}),
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, jsonReplacer, 2) ?? String(v);
  } catch {
    return String(v);
  }
}
