/**
 * Go to Handler / Go to Prompt: answers the webview's `goToHandler`/`goToPrompt` requests
 * (`RequestContext.source`) and runs the same jumps from commands (palette, the span row's
 * context menu in the webview).
 */
import type * as vscode from 'vscode';
import { spanIndexFromArg } from '../core/analyze/source/commandArgs';
import { toolCallStats, toolNameOfSpan } from '../core/analyze/source/toolCalls';
import type { SourceJumpResult } from '../core/protocol';
import type { LoadedTrace } from '../session/loadedTrace';
import type { OpenTraces } from '../session/openTraces';
import type { RequestContext } from '../session/webviewRequests';
import { resolveHandler, resolvePrompt } from './locate';
import { lookalikeMark } from '../core/text/lookalikes';
import { joinNative, nativeText, nt } from '../core/text/nativeText';
import { showInfo, showPick, showWarning } from '../nativeUi/surfaces';
import { showResolution } from './openCandidate';

export const GO_TO_HANDLER_COMMAND = 'agentTrace.goToHandler';
export const GO_TO_PROMPT_COMMAND = 'agentTrace.goToPrompt';

export type SourceService = NonNullable<RequestContext['source']>;

export function createSourceService(log: vscode.LogOutputChannel): SourceService {
  return {
    async goToHandler(trace: LoadedTrace, spanIndex: number): Promise<SourceJumpResult> {
      const tool = toolNameOfSpan(trace.trace, trace.view(), spanIndex);
      if (tool === undefined) return { outcome: 'not-found', message: 'This span is not a tool call: there is no handler to go to.' };
      const t0 = Date.now();
      const res = await resolveHandler(trace, spanIndex, tool);
      log.info(`Go to Handler "${tool}": ${res.candidates.length} candidate(s) in ${Date.now() - t0} ms`);
      const out = await showResolution(res, `the handler of tool "${tool}"`);
      if (out.outcome === 'not-found') log.info(out.message);
      return out;
    },
    async goToPrompt(trace: LoadedTrace, spanIndex: number): Promise<SourceJumpResult> {
      if (trace.view().spans[spanIndex]?.category !== 'llm')
        return { outcome: 'not-found', message: 'This span is not an LLM call: there is no prompt to go to.' };
      const out = await showResolution(await resolvePrompt(trace, spanIndex), 'the prompt of this LLM call');
      if (out.outcome === 'not-found') log.info(out.message);
      return out;
    },
  };
}

/** Runs a jump from a command: on the span the argument names, else on one picked from the active trace. */
export async function runJumpCommand(
  kind: 'handler' | 'prompt',
  arg: unknown,
  openTraces: OpenTraces,
  source: SourceService,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const entry = openTraces.active();
  const trace = entry?.trace;
  if (!trace) {
    void showInfo(nt`Open a trace first: Go to Handler and Go to Prompt work on the spans of the active trace.`);
    return;
  }
  let index = spanIndexFromArg(arg);
  if (index === 'invalid' || (index !== undefined && index >= trace.trace.spans.length)) {
    void showWarning(nt`Go to source: the span reference passed to the command is not valid.`);
    return;
  }
  index ??= await pickSpan(kind, trace);
  if (index === undefined) return;
  const out = kind === 'handler' ? await source.goToHandler(trace, index) : await source.goToPrompt(trace, index);
  if (out.outcome !== 'not-found') return;
  // The message quotes trace text (tool names, code.* paths): it goes to the log in full, and
  // the notification stays generic (see src/core/text/nativeText.ts).
  const showOutput = nt`Show Output`;
  const what = kind === 'handler' ? nt`Could not find the handler of this tool` : nt`Could not find the prompt of this LLM call`;
  if ((await showInfo(joinNative([what, nt` — details in the Agent Trace output.`], ''), showOutput)) === showOutput) log.show(true);
}

async function pickSpan(kind: 'handler' | 'prompt', trace: LoadedTrace): Promise<number | undefined> {
  const view = trace.view();
  const items =
    kind === 'handler'
      ? toolCallStats(trace.trace, view).map((s) => ({
          label: nativeText(s.name + lookalikeMark(s.name)),
          description: nt`called ${s.spans.length}×`,
          index: s.spans[0],
        }))
      : view.llmCalls.map((c, k) => ({
          label: nt`LLM call ${k + 1}`,
          description: nativeText([trace.trace.spans[c.spanIndex]?.name, c.model].filter(Boolean).join(' · ')),
          index: c.spanIndex,
        }));
  if (items.length === 0) {
    void showInfo(kind === 'handler' ? nt`The active trace has no tool calls.` : nt`The active trace has no LLM calls.`);
    return undefined;
  }
  if (items.length === 1) return items[0].index;
  const pick = await showPick(items, {
    title: kind === 'handler' ? nt`Go to the handler of which tool?` : nt`Go to the prompt of which LLM call?`,
  });
  return pick?.index;
}
