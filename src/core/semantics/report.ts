import type { Trace } from '../model/trace';
import { PRICES_AS_OF } from './prices';
import type { FieldName, Reading } from './reading';
import type { RunsResult } from './runs';
import { lookedFor, pick, pickUsage, type SpanInfo } from './spanInfo';
import type { FieldSource, LlmCall, ToolExecution } from './types';

/** What the mapping report of a span needs from the derivation. */
export interface ReportContext {
  readonly trace: Trace;
  /**
   * The span's merged readings. Recomputed on demand (reading a span is pure) rather than
   * kept: the readings of every span of a large trace would outweigh the view itself.
   */
  readonly infoOf: (i: number) => SpanInfo;
  readonly calls: ReadonlyMap<number, LlmCall>;
  readonly tools: ReadonlyMap<number, ToolExecution>;
  readonly runs: RunsResult;
  /** Spans classified llm that are not counted because an LLM span lies below them. */
  readonly llmWrappers: ReadonlySet<number>;
  /** Tool spans that only wrap a tool span of the same name. */
  readonly toolWrappers: ReadonlySet<number>;
}

/**
 * The mapping report of span `i`: which convention matched, where each field of the agent view
 * came from, and why a field is empty. Built on demand (see agentView.ts).
 */
export function buildFieldReport(ctx: ReportContext, i: number): FieldSource[] {
  const info = ctx.infoOf(i);
  const span = ctx.trace.spans[i];
  const out: FieldSource[] = [];
  const from = (field: string, source: string | undefined, missing: string) => out.push(source !== undefined ? { field, from: source } : { field, missing });
  const sourced = (field: string, key: FieldName, readingKey: keyof Reading) => {
    const v = pick(info, readingKey as 'model');
    from(field, v?.from, lookedFor(info, key));
  };
  const notes = info.readings
    .map((r) => r.categoryNote)
    .filter(Boolean)
    .join('; ');
  from(
    'category',
    info.categoryFrom,
    info.readings.length
      ? `${notes || lookedFor(info, 'category')}: no convention says what this span is`
      : 'no GenAI attributes (gen_ai.*, llm.*, ai.*, openinference.*, traceloop.*, langfuse.*)',
  );

  const adoptedBy = ctx.runs.adopted.get(i);
  if (adoptedBy !== undefined) {
    out.push({
      field: 'run',
      from: `parent ${span.parentSpanId} is missing; placed under agent span #${adoptedBy} "${ctx.trace.spans[adoptedBy].name}", whose time span contains this span's start`,
    });
  }
  if (ctx.runs.implicitRuns.has(i)) out.push({ field: 'run', from: 'implicit run: LLM calls or tools below this root are outside every agent span' });

  switch (info.category) {
    case 'llm':
      if (ctx.llmWrappers.has(i)) {
        out.push({ field: 'usage', missing: 'not counted as an LLM call: an LLM span inside it is the call (counting both would count its tokens twice)' });
        break;
      }
      llmFields(ctx, info, i, out, sourced, from);
      break;
    case 'tool': {
      if (ctx.toolWrappers.has(i)) {
        out.push({ field: 'tool.name', missing: 'not counted as a tool execution: it wraps a tool span of the same name' });
        break;
      }
      const t = ctx.tools.get(i);
      from('tool.name', pick(info, 'toolName')?.from, `${lookedFor(info, 'tool.name')}; the span name is used`);
      sourced('tool.callId', 'tool.callId', 'toolCallId');
      sourced('tool.arguments', 'tool.arguments', 'toolArguments');
      sourced('tool.result', 'tool.result', 'toolResult');
      if (t?.requestedBy !== undefined) {
        const byId = t.callId !== undefined && ctx.calls.get(t.requestedBy)?.output.some((m) => m.toolCalls.some((r) => r.id === t.callId));
        out.push({
          field: 'requestedBy',
          from: byId
            ? `tool call id ${t.callId} in the output of LLM span #${t.requestedBy}`
            : `most recent LLM call before it in its run (span #${t.requestedBy})`,
        });
      } else out.push({ field: 'requestedBy', missing: 'no LLM call starts before it in its run' });
      break;
    }
    case 'agent': {
      sourced('agent.name', 'agent.name', 'agentName');
      if (!ctx.runs.explicitRuns.has(i)) out.push({ field: 'run', missing: 'no LLM call below this agent span, so it is not shown as an agent run' });
      const answer = pick(info, 'answer');
      out.push(answer ? { field: 'finalAnswer', from: answer.from } : { field: 'finalAnswer', from: "text of the run's last LLM call" });
      break;
    }
    default:
      break;
  }
  return out;
}

function llmFields(
  ctx: ReportContext,
  info: SpanInfo,
  i: number,
  out: FieldSource[],
  sourced: (field: string, key: FieldName, readingKey: keyof Reading) => void,
  from: (field: string, source: string | undefined, missing: string) => void,
): void {
  sourced('model', 'model', 'model');
  sourced('provider', 'provider', 'provider');
  const u = pickUsage(info);
  const noUsage = lookedFor(info, 'usage');
  from('usage.input', u?.input?.from, noUsage);
  from('usage.output', u?.output?.from, noUsage);
  if (u?.cachedInput) out.push({ field: 'usage.cachedInput', from: u.cachedInput.from });
  if (u?.reasoning) out.push({ field: 'usage.reasoning', from: u.reasoning.from });
  const call = ctx.calls.get(i);
  if (call) out.push(costSource(info, call));
  const capture = ': content capture was probably off (OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT, recordInputs/recordOutputs…)';
  from('input', pick(info, 'input')?.from, lookedFor(info, 'input') + capture);
  from('output', pick(info, 'output')?.from, lookedFor(info, 'output') + capture);
}

function costSource(info: SpanInfo, call: LlmCall): FieldSource {
  const c = call.cost;
  const vendor = pick(info, 'costUsd');
  switch (c.source) {
    case 'vendor':
      return { field: 'cost', from: vendor?.from ?? 'vendor cost attribute' };
    case 'price-table':
      return {
        field: 'cost',
        from: `${c.priceDate === 'settings' ? 'price from settings' : `built-in price table (prices as of ${c.priceDate})`}: ${c.priceKey}${vendor ? ` (the trace's ${vendor.from} = 0 was ignored: it has tokens)` : ''}`,
      };
    case 'unpriced':
      return {
        field: 'cost',
        missing:
          call.model === undefined
            ? 'no model name and no cost attribute'
            : `model "${call.model}" is not in the price table (prices as of ${PRICES_AS_OF}) and the trace has no cost attribute; add it in settings`,
      };
    case 'no-usage':
      return { field: 'cost', missing: 'no token counts' };
  }
}
