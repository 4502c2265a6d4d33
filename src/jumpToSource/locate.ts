/**
 * Resolution of "where is this span's code", in the order the issue gives:
 * handler — the span's `code.*` attributes (through the path map; the file must be in the
 * workspace), then workspace symbols and a text search of the workspace's source files, then
 * the user's `agentTrace.source.toolHandlers` mapping;
 * prompt — the prompt's name/template/system text searched in the workspace, then the span's
 * `code.*` attributes. Each step that ran is described in `tried` for the "not found" message.
 */
import * as vscode from 'vscode';
import { decisiveCandidate, SCORES, rankCandidates, type SourceCandidate } from '../core/analyze/source/candidates';
import { readCodeLocation, type CodeLocation } from '../core/analyze/source/codeLocation';
import { parseHandlerMapping } from '../core/analyze/source/handlerMapping';
import { identifierVariants } from '../core/analyze/source/names';
import { findPromptCandidates, promptNeedles, readPromptRef } from '../core/analyze/source/promptPatterns';
import { findHandlerCandidates, functionDefinitions } from '../core/analyze/source/toolPatterns';
import type { LoadedTrace } from '../session/loadedTrace';
import { resolveRecordedFile, workspaceFile } from './resolveFile';
import { readPathMap, readToolHandlers, TOOL_HANDLERS_SETTING } from './sourceSettings';
import { CODE_GLOB, inWorkspace, PROMPT_GLOB, readWorkspaceFiles } from './workspaceFiles';

export interface Resolution {
  /** Ranked; `path` is a file URI string. */
  readonly candidates: SourceCandidate[];
  readonly tried: string[];
}

const SUBTREE_LIMIT = 50;
const SYMBOL_TIMEOUT_MS = 3000;
const SYMBOL_KINDS = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Variable,
  vscode.SymbolKind.Constant,
  vscode.SymbolKind.Class,
]);

/** The first code location on span `index` or, failing that, on a span below it (the handler's own span). */
export function codeLocationNear(trace: LoadedTrace, index: number): CodeLocation | undefined {
  const spans = trace.trace.spans;
  const span = spans[index];
  if (!span) return undefined;
  const end = Math.min(span.subtreeEnd, index + SUBTREE_LIMIT);
  let fnOnly: CodeLocation | undefined;
  for (let i = index; i < end; i++) {
    const loc = readCodeLocation(spans[i].attributes);
    if (loc?.filePath) return loc;
    fnOnly ??= loc;
  }
  return fnOnly;
}

function describe(loc: CodeLocation): string {
  return [loc.filePath, loc.line !== undefined ? `line ${loc.line}` : '', loc.functionName ? `function ${loc.functionName}` : ''].filter(Boolean).join(', ');
}

async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** A candidate for a code location whose file is in the workspace, or a sentence why not. */
async function fromCodeLocation(loc: CodeLocation, reason: string): Promise<SourceCandidate | string> {
  if (!loc.filePath) return `${reason}: no file path`;
  const uri = await resolveRecordedFile(loc.filePath, readPathMap());
  if (!uri) return `${reason} (${describe(loc)}): the file is not in the workspace (map its folder with agentTrace.source.pathMap)`;
  const path = uri.toString();
  if (loc.line !== undefined) return { path, line: loc.line - 1, column: Math.max(0, (loc.column ?? 1) - 1), score: SCORES.codeAttribute, reason };
  if (loc.functionName) {
    const def = functionDefinitions({ path, text: await readText(uri) }, loc.functionName, SCORES.codeAttribute, reason)[0];
    if (def) return def;
  }
  return { path, line: 0, column: 0, score: SCORES.codeAttribute, reason };
}

async function workspaceSymbols(names: readonly string[]): Promise<SourceCandidate[]> {
  const out: SourceCandidate[] = [];
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SYMBOL_TIMEOUT_MS));
  const results = await Promise.all(
    names.map((name) =>
      Promise.race([
        Promise.resolve(vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', name)).catch(
          () => undefined,
        ),
        timeout,
      ]),
    ),
  );
  results.forEach((list, i) => {
    for (const s of list ?? []) {
      if (s.name !== names[i] || !SYMBOL_KINDS.has(s.kind) || !inWorkspace(s.location.uri) || /[/\\]node_modules[/\\]/.test(s.location.uri.path)) continue;
      const start = s.location.range.start;
      out.push({ path: s.location.uri.toString(), line: start.line, column: start.character, score: SCORES.symbol, reason: `workspace symbol ${s.name}` });
    }
  });
  return out;
}

/** Where tool `toolName`, executed by span `index`, is implemented. */
export async function resolveHandler(trace: LoadedTrace, index: number, toolName: string, token?: vscode.CancellationToken): Promise<Resolution> {
  const tried: string[] = [];
  const loc = codeLocationNear(trace, index);
  if (loc?.filePath) {
    const c = await fromCodeLocation(loc, 'code.* attributes');
    if (typeof c !== 'string') return { candidates: [c], tried };
    tried.push(c);
  } else tried.push('code.* attributes: none on the span or below it');

  const variants = identifierVariants(toolName);
  const extra = loc?.functionName && !variants.includes(loc.functionName) ? [loc.functionName] : [];
  // Both run at once; a decisive text match does not wait for the symbol provider (a language
  // server that is still starting can take seconds).
  const symbolsPending = workspaceSymbols([...variants, ...extra]);
  const read = await readWorkspaceFiles(CODE_GLOB, token);
  const text = findHandlerCandidates(read.files, toolName);
  const fnDefs = extra.flatMap((fn) => read.files.flatMap((f) => functionDefinitions(f, fn, SCORES.followedHandler, `function ${fn} (code.function)`)));
  const fromText = rankCandidates([...text, ...fnDefs]);
  const found =
    decisiveCandidate(fromText) && fromText[0].score >= SCORES.decoratedFunction ? fromText : rankCandidates([...fromText, ...(await symbolsPending)]);
  if (found.length > 0) return { candidates: found, tried };
  tried.push(
    `workspace symbols and a text search of ${read.found} source file${read.found === 1 ? '' : 's'} for ${[toolName, ...variants.filter((v) => v !== toolName)].join(', ')}`,
  );

  const setting = readToolHandlers()[toolName];
  if (setting === undefined) {
    tried.push(`${TOOL_HANDLERS_SETTING}: no entry for "${toolName}" (add one such as "${toolName}": "src/tools.ts#${variants[1] ?? toolName}")`);
    return { candidates: [], tried };
  }
  const m = parseHandlerMapping(setting);
  if (typeof m === 'string') {
    tried.push(`${TOOL_HANDLERS_SETTING}["${toolName}"]: ${m}`);
    return { candidates: [], tried };
  }
  const uri = await workspaceFile(m.path);
  if (!uri) {
    tried.push(`${TOOL_HANDLERS_SETTING}["${toolName}"]: ${m.path} is not a file in the workspace`);
    return { candidates: [], tried };
  }
  const path = uri.toString();
  const reason = `${TOOL_HANDLERS_SETTING}`;
  if (m.symbol) {
    const def = functionDefinitions({ path, text: await readText(uri) }, m.symbol.split('.').pop() ?? m.symbol, SCORES.userMapping, reason)[0];
    return { candidates: [def ?? { path, line: 0, column: 0, score: SCORES.userMapping, reason }], tried };
  }
  return { candidates: [{ path, line: (m.line ?? 1) - 1, column: 0, score: SCORES.userMapping, reason }], tried };
}

/** The system prompt text of LLM span `index` (its first system message), when captured. */
function systemPromptText(trace: LoadedTrace, index: number): string | undefined {
  const call = trace.view().llmCalls.find((c) => c.spanIndex === index);
  return call?.input.find((m) => m.role === 'system' && m.text.trim() !== '')?.text;
}

/** Where the prompt used by LLM span `index` is written. */
export async function resolvePrompt(trace: LoadedTrace, index: number, token?: vscode.CancellationToken): Promise<Resolution> {
  const tried: string[] = [];
  const span = trace.trace.spans[index];
  const ref = span ? readPromptRef(span.attributes) : undefined;
  const text = ref?.template ?? systemPromptText(trace, index);
  const needles = text ? promptNeedles(text) : [];
  if (needles.length > 0 || ref?.name) {
    const read = await readWorkspaceFiles(PROMPT_GLOB, token);
    const found = findPromptCandidates(read.files, { needles, ...(ref?.name ? { name: ref.name } : {}) });
    if (found.length > 0) return { candidates: found, tried };
    const what = [
      ref?.name ? `the prompt name "${ref.name}"${ref.version ? ` (version ${ref.version})` : ''}` : '',
      needles.length > 0 ? `the prompt text "${needles[0]}"` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    tried.push(`a text search of ${read.found} workspace file${read.found === 1 ? '' : 's'} for ${what}`);
  } else tried.push('prompt attributes: no prompt name, template or system prompt text on the span');

  const loc = span ? readCodeLocation(span.attributes) : undefined;
  if (loc?.filePath) {
    const c = await fromCodeLocation(loc, 'code.* attributes (call site)');
    if (typeof c !== 'string') return { candidates: [c], tried };
    tried.push(c);
  } else tried.push('code.* attributes: none on the span');
  return { candidates: [], tried };
}
