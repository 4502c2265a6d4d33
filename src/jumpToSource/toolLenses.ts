/**
 * CodeLens above each tool handler of the open traces: "called 4× · 1 error · 820 ms total"
 * (execution count, failed executions, summed duration over every open trace). Clicking it
 * reveals the call in its trace panel, or offers a pick list when there are several.
 *
 * Lenses are computed from the document's own text on each request (so they follow edits),
 * plus an index built from the whole workspace when traces change: the functions that tool
 * definitions elsewhere point at (`execute: getWeather` in tools.ts, `getWeather` in
 * handlers.ts) and code.* locations recorded in the traces.
 */
import * as vscode from 'vscode';
import { rankCandidates, SCORES, type SourceCandidate } from '../core/analyze/source/candidates';
import { matchToolInFile, functionDefinitions } from '../core/analyze/source/toolPatterns';
import { toolCallStats } from '../core/analyze/source/toolCalls';
import { toolLensTitle } from '../core/view/toolLensTitle';
import { StatusCode } from '../core/model/span';
import type { OpenTrace, OpenTraces } from '../session/openTraces';
import { codeLocationNear } from './locate';
import { resolveRecordedFile } from './resolveFile';
import { readPathMap } from './sourceSettings';
import { CODE_GLOB, readWorkspaceFiles } from './workspaceFiles';
import { nativeText, nt } from '../core/text/nativeText';
import { codeLens, showInfo, showPick } from '../nativeUi/surfaces';

export const REVEAL_TOOL_CALLS_COMMAND = 'agentTrace.revealToolCalls';
export const LENS_LANGUAGES = ['typescript', 'javascript', 'typescriptreact', 'javascriptreact', 'python'];

interface ToolCall {
  readonly entry: OpenTrace;
  readonly index: number;
}

interface ToolSummary {
  readonly calls: ToolCall[];
  errors: number;
  totalMs: number;
}

/** Every tool of the open (loaded) traces with its calls. */
export function openToolCalls(openTraces: OpenTraces): Map<string, ToolSummary> {
  const out = new Map<string, ToolSummary>();
  for (const entry of openTraces.loaded()) {
    const t = entry.trace;
    if (!t) continue;
    for (const s of toolCallStats(t.trace, t.view())) {
      let sum = out.get(s.name);
      if (!sum) out.set(s.name, (sum = { calls: [], errors: 0, totalMs: 0 }));
      for (const index of s.spans) sum.calls.push({ entry, index });
      sum.errors += s.errors;
      sum.totalMs += s.totalMs;
    }
  }
  return out;
}

export class ToolLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Per tool: functions its definitions point at, found anywhere in the workspace. */
  private follows = new Map<string, Set<string>>();
  /** Per file URI: tool → 0-based line from code.* attributes. */
  private recorded = new Map<string, Map<string, number>>();
  private readonly disposables: vscode.Disposable[] = [];
  private indexTimer: ReturnType<typeof setTimeout> | undefined;
  private indexRun = 0;

  constructor(
    private readonly openTraces: OpenTraces,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      openTraces.onDidChange(() => {
        this.changed.fire();
        this.scheduleIndex();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (LENS_LANGUAGES.includes(d.languageId)) this.scheduleIndex();
      }),
    );
  }

  private scheduleIndex(): void {
    clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => void this.buildIndex().catch((e: unknown) => this.log.warn(`tool lens index: ${String(e)}`)), 400);
  }

  private async buildIndex(): Promise<void> {
    const run = ++this.indexRun;
    const tools = openToolCalls(this.openTraces);
    if (tools.size === 0) {
      this.follows = new Map();
      this.recorded = new Map();
      return;
    }
    const read = await readWorkspaceFiles(CODE_GLOB);
    const follows = new Map<string, Set<string>>();
    const recorded = new Map<string, Map<string, number>>();
    const pathMap = readPathMap();
    for (const [name, sum] of tools) {
      const set = new Set<string>();
      for (const f of read.files) for (const fn of matchToolInFile(f, name).follows) set.add(fn);
      follows.set(name, set);
      const first = sum.calls[0];
      const loc = first.entry.trace ? codeLocationNear(first.entry.trace, first.index) : undefined;
      if (loc?.filePath && loc.line !== undefined) {
        const uri = await resolveRecordedFile(loc.filePath, pathMap);
        if (uri) {
          let m = recorded.get(uri.toString());
          if (!m) recorded.set(uri.toString(), (m = new Map()));
          m.set(name, loc.line - 1);
        }
      }
    }
    if (run !== this.indexRun) return;
    this.follows = follows;
    this.recorded = recorded;
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const tools = openToolCalls(this.openTraces);
    if (tools.size === 0) return [];
    const file = { path: doc.uri.toString(), text: doc.getText() };
    const lenses: vscode.CodeLens[] = [];
    const usedLines = new Set<number>();
    for (const [name, sum] of tools) {
      const found: SourceCandidate[] = [];
      const own = matchToolInFile(file, name);
      found.push(...own.candidates);
      for (const fn of new Set([...own.follows, ...(this.follows.get(name) ?? [])])) found.push(...functionDefinitions(file, fn, SCORES.followedHandler, fn));
      const line = this.recorded.get(file.path)?.get(name);
      if (line !== undefined && line < doc.lineCount) found.push({ path: file.path, line, column: 0, score: SCORES.codeAttribute, reason: 'code.*' });
      const best = rankCandidates(found)[0];
      if (!best || usedLines.has(best.line)) continue;
      usedLines.add(best.line);
      const title = toolLensTitle({ count: sum.calls.length, errors: sum.errors, totalMs: sum.totalMs });
      const tooltip = nt`Tool "${name}" in the open traces: ${title}. Click to show ${sum.calls.length === 1 ? 'the call' : 'the calls'}.`;
      lenses.push(codeLens(new vscode.Range(best.line, 0, best.line, 0), nativeText(title), REVEAL_TOOL_CALLS_COMMAND, [name], tooltip));
    }
    return lenses;
  }

  /** The lens's command: reveal the tool's one call, or pick among several. */
  async revealCalls(arg: unknown): Promise<void> {
    if (typeof arg !== 'string') return;
    const sum = openToolCalls(this.openTraces).get(arg);
    if (!sum || sum.calls.length === 0) {
      void showInfo(nt`No open trace has calls of tool "${arg}" any more.`);
      return;
    }
    let call: ToolCall | undefined = sum.calls[0];
    if (sum.calls.length > 1) {
      const items = sum.calls.map((c, k) => {
        const t = c.entry.trace;
        const span = t?.trace.spans[c.index];
        const ms = span ? Number(span.endNs - span.startNs) / 1e6 : 0;
        const failed = span?.status.code === StatusCode.Error;
        return {
          label: failed ? nt`$(error) ${arg} #${k + 1}` : nt`${arg} #${k + 1}`,
          description: nt`${ms.toFixed(ms < 10 ? 1 : 0)} ms${failed ? ' · error' : ''}`,
          ...(t ? { detail: nativeText(t.fileName) } : {}),
          call: c,
        };
      });
      call = (await showPick(items, { title: nt`Calls of tool "${arg}"`, placeHolder: nt`Show which call in its trace?` }))?.call;
    }
    if (!call) return;
    revealSpan(call.entry, call.index);
  }

  dispose(): void {
    clearTimeout(this.indexTimer);
    this.changed.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * Brings the trace's webview forward and selects span `index`. A webview that was hidden may
 * be starting again when the first event arrives, so the event is sent once more shortly after.
 */
export function revealSpan(entry: OpenTrace, index: number): void {
  const wasVisible = entry.panel.visible;
  entry.panel.reveal(entry.panel.viewColumn, false);
  entry.postEvent({ type: 'revealSpan', index });
  if (!wasVisible) setTimeout(() => entry.postEvent({ type: 'revealSpan', index }), 1500);
}
