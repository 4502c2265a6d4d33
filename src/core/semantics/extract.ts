import { StatusCode, type Span } from '../model/span';
import { LlmCallRecord, ToolExecutionRecord } from './records';
import { costOf, type PriceBook } from './prices';
import { pick, pickUsage, type SpanInfo } from './spanInfo';
import type { TokenUsage } from './types';

/** One LLM call from its span. `input` and `output` are parsed on first read. */
export function buildLlmCall(span: Span, info: SpanInfo, prices: PriceBook): LlmCallRecord {
  const model = pick(info, 'model')?.value;
  const u = pickUsage(info);
  const usage: TokenUsage = {};
  if (u?.input) usage.input = u.input.value;
  if (u?.output) usage.output = u.output.value;
  if (u?.cachedInput) usage.cachedInput = u.cachedInput.value;
  if (u?.reasoning) usage.reasoning = u.reasoning.value;
  if (u?.total) usage.total = u.total.value;
  const cost = costOf(usage, model, pick(info, 'costUsd')?.value, prices);
  const output = pick(info, 'output');
  return new LlmCallRecord(span.index, model, pick(info, 'provider')?.value, pick(info, 'input')?.get, output?.get, usage, cost, output?.raw);
}

/** One tool execution from its span; `requestedBy` is filled in when runs are linked. */
export function buildToolExecution(span: Span, info: SpanInfo): ToolExecutionRecord {
  const t = new ToolExecutionRecord(span.index, pick(info, 'toolName')?.value ?? span.name, pick(info, 'toolArguments')?.get, pick(info, 'toolResult')?.get);
  const callId = pick(info, 'toolCallId')?.value;
  if (callId !== undefined) t.callId = callId;
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
