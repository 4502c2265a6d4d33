/**
 * OpenAI Agents SDK trace export → spans (docs/trace-formats.md §7): the body its
 * `BackendSpanExporter` posts, `{"data": [<trace or span>, …]}`, a bare list of those records,
 * or one record per line (JSON Lines).
 *
 * - Trace `{"object":"trace","id":"trace_<32hex>","workflow_name","group_id","metadata"}` becomes
 *   a root span named after the workflow (the SDK's trace is the run; its spans hang under it).
 * - Span `{"object":"trace.span","id":"span_<24hex>","trace_id","parent_id","started_at",
 *   "ended_at","span_data":{type,…},"error"}` becomes a span with OTel GenAI attributes, so the
 *   GenAI reader finds the agent, LLM and tool spans: `agent` → `invoke_agent <name>`,
 *   `generation` / `response` → `chat <model>` with messages and usage, `function` →
 *   `execute_tool <name>` with arguments and result, `handoff` → the execution of the
 *   `transfer_to_<agent>` tool the model called; `guardrail`, `custom` … keep their fields as
 *   `openai_agents.*` attributes.
 * - Ids are prefixed strings, not OTel ids: the hex after `trace_` is the trace id, the last 16
 *   hex digits after `span_` the span id; the original is kept as `openai_agents.id`.
 * - `error {message, data}` becomes an error status with that message.
 */
import { Attributes, type AttrValue } from '../model/attributes';
import { ImportError } from '../model/diagnostics';
import { SpanKind, StatusCode, type RawSpan, type Resource } from '../model/span';
import { isoToNanos, type UnixNanos } from '../model/time';
import { isObject, str, type JsonImporter } from './importer';
import { plainToAttr } from './otlpValues';

type Json = Record<string, unknown>;

const RESOURCE: Resource = {
  attributes: Attributes.fromRecord({ 'service.name': 'openai-agents', 'telemetry.sdk.name': 'openai-agents' }),
  serviceName: 'openai-agents',
};

export const openaiAgentsImporter: JsonImporter = {
  format: 'openai-agents',
  label: 'OpenAI Agents SDK trace export',
  sniff: (root) => recordsOf(root) !== undefined,
  read(root, builder, source) {
    const records = recordsOf(root);
    if (!records) throw new ImportError('not an OpenAI Agents SDK trace export');
    const bounds = traceBounds(records);
    const list = isObject(root) && Array.isArray(root.data) ? 'data' : Array.isArray(root) ? '' : undefined;
    records.forEach((r, i) => {
      const at = list === undefined ? source.replace(/: $/, '') : `${source}${list}[${i}]`;
      if (!isObject(r)) return builder.addUnreadable(at, 'record is not an object');
      try {
        if (r.object === 'trace') builder.addSpan(traceRoot(r, at, bounds.get(str(r.id) ?? '')));
        else if (r.object === 'trace.span') builder.addSpan(spanOf(r, at));
        else builder.addUnreadable(at, `unknown record object ${JSON.stringify(r.object)}`);
      } catch (e) {
        builder.addUnreadable(at, `could not be read (${(e as Error).message})`);
      }
    });
  },
};

function isRecord(v: unknown): boolean {
  return isObject(v) && (v.object === 'trace' || v.object === 'trace.span');
}

function recordsOf(root: unknown): unknown[] | undefined {
  if (isObject(root) && Array.isArray(root.data)) return root.data.some(isRecord) ? root.data : undefined;
  if (Array.isArray(root)) return root.length > 0 && isRecord(root[0]) ? root : undefined;
  return isRecord(root) ? [root] : undefined;
}

/** The trace id: the hex after `trace_` (the SDK writes 32), else the text for the builder to judge. */
function traceIdOf(id: unknown): string | undefined {
  const s = str(id);
  if (s === undefined) return undefined;
  return s.startsWith('trace_') ? s.slice('trace_'.length) : s;
}

/** A span id: the last 16 hex digits after `span_` (the SDK writes 24 random ones). */
function spanIdOf(id: unknown): string | undefined {
  const s = str(id);
  if (s === undefined) return undefined;
  const hex = s.startsWith('span_') ? s.slice('span_'.length) : s;
  return /^[0-9a-fA-F]{16,}$/.test(hex) ? hex.slice(-16) : s;
}

/** The root span standing for a trace record: the last 16 hex digits of the trace id. */
function rootIdOf(traceId: string | undefined): string | undefined {
  return traceId !== undefined && /^[0-9a-fA-F]{16,}$/.test(traceId) ? traceId.slice(-16) : traceId;
}

/** First start and last end of each trace's spans in this batch, for the trace's root span. */
function traceBounds(records: readonly unknown[]): Map<string, { start?: UnixNanos; end?: UnixNanos }> {
  const out = new Map<string, { start?: UnixNanos; end?: UnixNanos }>();
  for (const r of records) {
    if (!isObject(r) || r.object !== 'trace.span') continue;
    const id = str(r.trace_id);
    if (id === undefined) continue;
    let b = out.get(id);
    if (!b) out.set(id, (b = {}));
    const s = time(r.started_at);
    const e = time(r.ended_at) ?? s;
    if (s !== undefined && (b.start === undefined || s < b.start)) b.start = s;
    if (e !== undefined && (b.end === undefined || e > b.end)) b.end = e;
  }
  return out;
}

function time(v: unknown): UnixNanos | undefined {
  const s = str(v);
  return s === undefined ? undefined : isoToNanos(s);
}

function traceRoot(r: Json, at: string, bounds: { start?: UnixNanos; end?: UnixNanos } | undefined): RawSpan {
  const traceId = traceIdOf(r.id);
  const attrs: Record<string, AttrValue> = { 'gen_ai.operation.name': 'invoke_workflow', 'openai_agents.id': str(r.id) ?? '' };
  if (typeof r.workflow_name === 'string') attrs['gen_ai.workflow.name'] = r.workflow_name;
  if (typeof r.group_id === 'string') attrs['gen_ai.conversation.id'] = r.group_id;
  if (r.metadata !== undefined && r.metadata !== null) attrs['openai_agents.metadata'] = plainToAttr(r.metadata);
  return {
    traceId,
    spanId: rootIdOf(traceId),
    name: str(r.workflow_name) ?? 'trace',
    kind: SpanKind.Internal,
    startNs: bounds?.start,
    endNs: bounds?.end,
    attributes: Attributes.fromRecord(attrs),
    resource: RESOURCE,
    source: at,
  };
}

function spanOf(r: Json, at: string): RawSpan {
  const traceId = traceIdOf(r.trace_id);
  const data = isObject(r.span_data) ? r.span_data : {};
  const { name, attrs } = readSpanData(data);
  attrs['openai_agents.id'] = str(r.id) ?? '';
  if (r.metadata !== undefined && r.metadata !== null) attrs['openai_agents.metadata'] = plainToAttr(r.metadata);
  const error = isObject(r.error) ? r.error : undefined;
  const parent = str(r.parent_id);
  return {
    traceId,
    spanId: spanIdOf(r.id),
    // Top-level spans hang under the trace's root span.
    parentSpanId: parent !== undefined ? spanIdOf(parent) : rootIdOf(traceId),
    name,
    kind: data.type === 'generation' || data.type === 'response' ? SpanKind.Client : SpanKind.Internal,
    startNs: time(r.started_at),
    endNs: time(r.ended_at),
    status: error
      ? { code: StatusCode.Error, message: str(error.message) ?? (error.data !== undefined ? JSON.stringify(error.data) : 'error') }
      : { code: StatusCode.Unset },
    attributes: Attributes.fromRecord(attrs),
    resource: RESOURCE,
    source: at,
  };
}

/** `span_data` → span name and GenAI attributes (see the file comment). */
function readSpanData(d: Json): { name: string; attrs: Record<string, AttrValue> } {
  const type = str(d.type) ?? 'unknown';
  const attrs: Record<string, AttrValue> = { 'openai_agents.span_type': type };
  const json = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  switch (type) {
    case 'agent': {
      const name = str(d.name) ?? 'agent';
      attrs['gen_ai.operation.name'] = 'invoke_agent';
      attrs['gen_ai.agent.name'] = name;
      if (Array.isArray(d.tools)) attrs['openai_agents.tools'] = plainToAttr(d.tools);
      if (Array.isArray(d.handoffs)) attrs['openai_agents.handoffs'] = plainToAttr(d.handoffs);
      if (d.output_type !== undefined && d.output_type !== null) attrs['openai_agents.output_type'] = plainToAttr(d.output_type);
      return { name: `invoke_agent ${name}`, attrs };
    }
    case 'generation':
    case 'response': {
      const response = isObject(d.response) ? d.response : undefined;
      const model = str(d.model) ?? str(response?.model);
      attrs['gen_ai.operation.name'] = 'chat';
      if (model !== undefined) attrs['gen_ai.request.model'] = model;
      if (typeof d.response_id === 'string') attrs['gen_ai.response.id'] = d.response_id;
      if (d.input !== undefined && d.input !== null) attrs['gen_ai.input.messages'] = json(d.input);
      const output = d.output ?? response?.output;
      if (output !== undefined && output !== null) attrs['gen_ai.output.messages'] = json(output);
      if (isObject(d.model_config)) attrs['openai_agents.model_config'] = plainToAttr(d.model_config);
      const usage = isObject(d.usage) ? d.usage : isObject(response?.usage) ? response.usage : undefined;
      if (usage) usageInto(usage, attrs);
      return { name: model !== undefined ? `chat ${model}` : type, attrs };
    }
    case 'function': {
      const name = str(d.name) ?? 'function';
      attrs['gen_ai.operation.name'] = 'execute_tool';
      attrs['gen_ai.tool.name'] = name;
      if (d.input !== undefined && d.input !== null) attrs['gen_ai.tool.call.arguments'] = json(d.input);
      if (d.output !== undefined && d.output !== null) attrs['gen_ai.tool.call.result'] = json(d.output);
      if (d.mcp_data !== undefined && d.mcp_data !== null) attrs['openai_agents.mcp_data'] = plainToAttr(d.mcp_data);
      return { name: `execute_tool ${name}`, attrs };
    }
    case 'handoff': {
      const from = str(d.from_agent) ?? '?';
      const to = str(d.to_agent) ?? '?';
      attrs['openai_agents.handoff.from_agent'] = from;
      attrs['openai_agents.handoff.to_agent'] = to;
      // The model hands off by calling a tool; the handoff span is that call's execution. The
      // SDK names the tool `transfer_to_<agent name in snake case>` unless the app overrides it
      // (agents/handoffs: Handoff.default_tool_name), so that is the name given here.
      if (to !== '?') {
        attrs['gen_ai.operation.name'] = 'execute_tool';
        attrs['gen_ai.tool.name'] = `transfer_to_${to
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '_')
          .replace(/^_|_$/g, '')}`;
        attrs['gen_ai.tool.type'] = 'handoff';
      }
      return { name: `handoff ${from} → ${to}`, attrs };
    }
    case 'guardrail': {
      const name = str(d.name) ?? 'guardrail';
      attrs['openai_agents.guardrail.triggered'] = d.triggered === true;
      return { name: `guardrail ${name}`, attrs };
    }
    default: {
      // custom (also the SDK's task/turn spans), mcp_tools, transcription, speech …: fields kept as they are.
      for (const k of Object.keys(d)) if (k !== 'type') attrs[`openai_agents.${k}`] = plainToAttr(d[k]);
      return { name: str(d.name) ?? type, attrs };
    }
  }
}

/**
 * `usage {input_tokens, output_tokens, input_tokens_details.cached_tokens,
 * output_tokens_details.reasoning_tokens, total_tokens}` (Responses API names; the chat
 * completions names `prompt_tokens` / `completion_tokens` too).
 */
function usageInto(u: Json, attrs: Record<string, AttrValue>): void {
  const n = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const input = n(u.input_tokens) ?? n(u.prompt_tokens);
  const output = n(u.output_tokens) ?? n(u.completion_tokens);
  if (input !== undefined) attrs['gen_ai.usage.input_tokens'] = input;
  if (output !== undefined) attrs['gen_ai.usage.output_tokens'] = output;
  const cached = isObject(u.input_tokens_details) ? n(u.input_tokens_details.cached_tokens) : undefined;
  if (cached !== undefined) attrs['gen_ai.usage.cache_read.input_tokens'] = cached;
  const reasoning = isObject(u.output_tokens_details) ? n(u.output_tokens_details.reasoning_tokens) : undefined;
  if (reasoning !== undefined) attrs['gen_ai.usage.reasoning.output_tokens'] = reasoning;
  const total = n(u.total_tokens);
  if (total !== undefined) attrs['gen_ai.usage.total_tokens'] = total;
}
