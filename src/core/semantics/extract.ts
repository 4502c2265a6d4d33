import { StatusCode, type Span } from '../model/span';
import { defineLazy } from './lazy';
import { costOf } from './prices';
import { pick, pickUsage, type SpanInfo } from './spanInfo';
import type { ChatMessage, LlmCall, PriceOverrides, TokenUsage, ToolExecution } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_MESSAGES: readonly ChatMessage[] = Object.freeze([]);

/** One LLM call from its span. `input` and `output` are parsed on first read. */
export function buildLlmCall(span: Span, info: SpanInfo, prices: PriceOverrides | undefined): LlmCall {
  const model = pick(info, 'model')?.value;
  const provider = pick(info, 'provider')?.value;
  const u = pickUsage(info);
  const usage: TokenUsage = {};
  if (u?.input) usage.input = u.input.value;
  if (u?.output) usage.output = u.output.value;
  if (u?.cachedInput) usage.cachedInput = u.cachedInput.value;
  if (u?.reasoning) usage.reasoning = u.reasoning.value;
  if (u?.total) usage.total = u.total.value;
  const call = { spanIndex: span.index } as Mutable<LlmCall>;
  if (model !== undefined) call.model = model;
  if (provider !== undefined) call.provider = provider;
  const input = pick(info, 'input');
  const output = pick(info, 'output');
  if (input) defineLazy(call, 'input', input.get);
  else call.input = NO_MESSAGES;
  if (output) defineLazy(call, 'output', output.get);
  else call.output = NO_MESSAGES;
  call.usage = usage;
  call.cost = costOf(usage, model, pick(info, 'costUsd')?.value, prices);
  return call;
}

/** One tool execution from its span; `requestedBy` is filled in when runs are linked. */
export function buildToolExecution(span: Span, info: SpanInfo): Mutable<ToolExecution> {
  const t = { spanIndex: span.index, name: pick(info, 'toolName')?.value ?? span.name } as Mutable<ToolExecution>;
  const callId = pick(info, 'toolCallId')?.value;
  if (callId !== undefined) t.callId = callId;
  const args = pick(info, 'toolArguments');
  if (args && args.value !== undefined) t.arguments = args.value;
  const result = pick(info, 'toolResult');
  if (result && result.value !== undefined) t.result = result.value;
  const err = pick(info, 'error')?.value;
  const code = span.status.code;
  // A tool that returned an error payload with an OK status stays 'ok' here; finding error
  // payloads is left to later analysis.
  t.status = code === StatusCode.Error || err !== undefined ? 'error' : code === StatusCode.Ok ? 'ok' : 'unset';
  if (t.status === 'error') {
    const message = span.status.message || err || exceptionMessage(span);
    if (message) t.error = message;
  }
  return t;
}

/** `exception.message` (or type) of the span's last `exception` event. */
export function exceptionMessage(span: Span): string | undefined {
  for (let i = span.events.length - 1; i >= 0; i--) {
    const e = span.events[i];
    if (e.name !== 'exception') continue;
    const m = e.attributes.getString('exception.message') || e.attributes.getString('exception.type');
    if (m) return m;
  }
  return undefined;
}
