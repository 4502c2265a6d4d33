import type { Trace } from '../model/trace';
import { buildToolExecution } from './extract';
import { decodeJsonLayers, isRecord, parseMaybeJson } from './json';
import { PLAIN_SPAN_INFO, type SpanInfo } from './spanInfo';
import type { ToolExecutionRecord } from './records';
import type { LlmCall } from './types';

const INPUT_KEYS = ['langfuse.observation.input', 'input.value', 'traceloop.entity.input'];
const OUTPUT_KEYS = ['langfuse.observation.output', 'output.value', 'traceloop.entity.output'];

/**
 * Tool executions that no convention marks. LangChain/LangGraph exports (through Langfuse, for
 * one) record a tool run as a plain span named after the tool. In a tree with LLM calls and no
 * marked tool span at all, a span that some convention read (so it comes from the AI framework,
 * not from HTTP or DB instrumentation), that is not an agent or model call and has no LLM call
 * below, and whose name is a tool the latest preceding LLM call of the tree asked for, is taken
 * as that tool's execution (each request at most once). Mutates `infos` and `tools`; returns
 * the infos it changed, by span index.
 */
export function inferUnmarkedTools(
  trace: Trace,
  infos: SpanInfo[],
  calls: ReadonlyMap<number, LlmCall>,
  tools: Map<number, ToolExecutionRecord>,
  llmBelow: Uint8Array,
): Map<number, SpanInfo> {
  const changed = new Map<number, SpanInfo>();
  const spans = trace.spans;
  const n = spans.length;
  const treeRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) treeRoot[i] = spans[i].parentIndex < 0 ? i : treeRoot[spans[i].parentIndex];
  const treesWithTools = new Set<number>();
  for (const i of tools.keys()) treesWithTools.add(treeRoot[i]);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const info = infos[i];
    if (info === PLAIN_SPAN_INFO || llmBelow[i] || treesWithTools.has(treeRoot[i])) continue;
    if (info.category === 'other' || info.category === 'chain') candidates.push(i);
  }
  if (candidates.length === 0) return changed;
  const callsByTree = new Map<number, LlmCall[]>();
  for (const c of calls.values()) {
    const r = treeRoot[c.spanIndex];
    if (treesWithTools.has(r)) continue;
    let list = callsByTree.get(r);
    if (!list) callsByTree.set(r, (list = []));
    list.push(c);
  }
  const start = (i: number) => spans[i].startNs;
  for (const list of callsByTree.values())
    list.sort((a, b) => (start(a.spanIndex) < start(b.spanIndex) ? -1 : start(a.spanIndex) > start(b.spanIndex) ? 1 : 0));
  candidates.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a - b));
  const consumed = new Map<LlmCall, Set<number>>();
  for (const i of candidates) {
    const list = callsByTree.get(treeRoot[i]);
    if (!list) continue;
    let k = list.length - 1;
    while (k >= 0 && start(list[k].spanIndex) > start(i)) k--;
    if (k < 0) continue;
    const call = list[k];
    const reqs = call.output.flatMap((m) => m.toolCalls);
    let used = consumed.get(call);
    const j = reqs.findIndex((r, idx) => r.name === spans[i].name && !used?.has(idx));
    if (j < 0) continue;
    if (!used) consumed.set(call, (used = new Set()));
    used.add(j);
    infos[i] = { ...infos[i], category: 'tool', categoryFrom: `span name matches the tool call "${reqs[j].name}" requested by LLM span #${call.spanIndex}` };
    tools.set(i, inferredTool(trace, i, infos[i], reqs[j].id));
    changed.set(i, infos[i]);
  }
  return changed;
}

function inferredTool(trace: Trace, i: number, info: SpanInfo, requestId: string | undefined): ToolExecutionRecord {
  const span = trace.spans[i];
  const t = buildToolExecution(span, info);
  const input = INPUT_KEYS.map((k) => span.attributes.get(k)).find((v) => v !== undefined);
  const output = OUTPUT_KEYS.map((k) => span.attributes.get(k)).find((v) => v !== undefined);
  if (t.arguments === undefined && input !== undefined) t.arguments = parseMaybeJson(input);
  let callId = requestId;
  if (t.result === undefined && output !== undefined) {
    // A LangChain ToolMessage: its content is the result and it names the call it answers.
    const msg = decodeJsonLayers(output);
    const kw = isRecord(msg) && isRecord(msg.kwargs) ? msg.kwargs : undefined;
    if (kw && kw.content !== undefined) {
      t.result = kw.content;
      if (typeof kw.tool_call_id === 'string') callId = kw.tool_call_id;
    } else t.result = parseMaybeJson(output);
  }
  if (t.callId === undefined && callId !== undefined) t.callId = callId;
  return t;
}
